// An assistant's `\frac{∂h_t}{∂h_{t-1}} = \mathrm{diag}(…) W \;\Rightarrow\; \left\|\frac{∂h_t}{∂h_{t-1}}\right\| \le
// \|W\|` (probe 49): the bound after the implication was dropped with the implication's prose — a false bound there
// "held" with the equation before it. It is a claim of its own now (display.ts), judged as a bound is.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = '```rnn\nT = 3\ninput x = [0.5, -1.0, 0.8]\nparam w = 0.7\nh_0 = 0.2\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\n```\n\n';

const solve = (display: string) => analyzeSolution(NET + display + '\n', 'markdown');

describe('a bound after an implication', () => {
  it('is judged: a true one holds beside the equation', () => {
    const r = solve(
      String.raw`$$ \frac{\partial h_t}{\partial h_{t-1}} = (1 - h_t^2) w \;\Rightarrow\; \left|\frac{\partial h_t}{\partial h_{t-1}}\right| \le |w| $$`,
    );
    expect(r.checked).toBe(2);
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
  });
  it('a false one fails where it is written', () => {
    const r = solve(
      String.raw`$$ \frac{\partial h_t}{\partial h_{t-1}} = (1 - h_t^2) w \;\Rightarrow\; \left|\frac{\partial h_t}{\partial h_{t-1}}\right| \le 0.01 $$`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['fails']);
    expect(r.equations[0]!.message).toMatch(/≤ 0\.01 is false/);
  });
});
