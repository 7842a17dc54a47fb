// A leading narrower range before a solution's equation, `\forall t \in \{2,\dots,T\}: …` or `∀t ∈ {2, …, T}: …`, did not
// read (two different parse messages: "expected '=' … found ':'" and "expected a value, found '∀'"), while the range
// 1..T before an equation and any range after it did. It is now the check's range, as the same clause after the
// equation is (solution/display.ts `leadRange`): the row's equation is judged at t = 2..T.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = '```rnn\nT = 3\nparam w = 0.5\ninput x = [1, 2, 3]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\n```\n\n';
const RIGHT = String.raw`\frac{\partial h_t}{\partial h_{t-1}} = (1 - h_t^2) w`;
const WRONG = String.raw`\frac{\partial h_t}{\partial h_{t-1}} = (1 - h_{t-1}^2) w`;
const markdown = (body: string) => analyzeSolution(NET + body + '\n', 'markdown');

describe('a leading narrower range', () => {
  it('is the check’s range, in each spelling', () => {
    for (const lead of [
      String.raw`\forall t \in \{2,\dots,T\}:`,
      String.raw`∀t ∈ {2, …, T}:`,
      String.raw`∀ t ∈ \{2,…,T\}:`,
      String.raw`\text{for all } t \in \{2, \dots, T\}:`,
      String.raw`\forall t = 2, \dots, T,`,
      String.raw`\forall t \in \{2,\dots,T\}: \quad`,
    ]) {
      const [eq] = markdown(`$$ ${lead} ${RIGHT} $$`).equations;
      expect([eq!.status, eq!.message], lead).toEqual(['holds', "holds for t = 2..3 at the file's values and 4 random draws"]);
    }
    const [last] = markdown(
      String.raw`$$ \forall t \in \{1,\dots,T-1\}: \frac{\partial h_{t+1}}{\partial h_t} = (1 - h_{t+1}^2) w $$`,
    ).equations;
    expect(last!.message).toBe("holds for t = 1..2 at the file's values and 4 random draws");
  });

  it('a wrong equation under it fails at its steps; 1..T is every step, as before', () => {
    const [wrong] = markdown(String.raw`$$ \forall t \in \{2,\dots,T\}: ${WRONG} $$`).equations;
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(/^fails at t = 2: .*h_\{t-1\} should be h_t: with that step the check holds$/);
    const [all] = markdown(String.raw`$$ \forall t \in \{1,\dots,T\}: ${RIGHT} $$`).equations;
    expect(all!.message).toBe("holds for t = 1..3 at the file's values and 4 random draws");
  });

  it('on one row of an align, that row only', () => {
    const sol = markdown(String.raw`\begin{align}
\frac{\partial h_1}{\partial w} &= (1 - h_1^2) h_0 \\
\forall t \in \{2,\dots,T\}: ${RIGHT.replace(' = ', ' &= ')}
\end{align}`);
    expect(sol.skipped).toBe(0);
    expect(sol.networks[0]!.report.checks.map((c) => c.message)).toEqual([
      "holds at the file's values and 4 random draws",
      "holds for t = 2..3 at the file's values and 4 random draws",
    ]);
  });
});
