// Session 41: `\begin{displaymath} … \end{displaymath}` (LaTeX's own display) was skipped with no word; it is a display
// equation as `equation*` is. Unicode `∀ t ∈ \{1,…,T\}` (or `∀t ∈ {1, …, T}`) was "unexpected character '∀'" and its
// equation skipped; ∀ reads as \forall (∈ already read as \in).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 3
input  x = [1.0, -0.5, 0.25]
target y = [0.5, -0.2, 0.1]
param  w = 0.9
param  v = 1.2
s_0 = 0
s_t = tanh(x_t + w s_{t-1})
\\hat{y}_t = v s_t
loss E = Σ_t (\\hat{y}_t - y_t)^2
`;
const RIGHT = String.raw`\frac{\partial E}{\partial \hat{y}_t} = 2(\hat{y}_t - y_t)`;
const WRONG = String.raw`\frac{\partial E}{\partial \hat{y}_t} = 3(\hat{y}_t - y_t)`;
const markdown = (body: string) => analyzeSolution(`\`\`\`rnn\n${NET}\`\`\`\n\n${body}\n`, 'markdown');

describe('\\begin{displaymath}', () => {
  it('is a display equation, in Markdown and in LaTeX', () => {
    const md = markdown(String.raw`\begin{displaymath}
\frac{\partial E}{\partial \hat{y}_3} = 2(\hat{y}_3 - y_3)
\end{displaymath}

\begin{displaymath} \frac{\partial E}{\partial \hat{y}_3} = 3(\hat{y}_3 - y_3) \end{displaymath}`);
    expect(md.equations.map((e) => [e.range.line, e.status])).toEqual([
      [13, 'holds'],
      [17, 'fails'],
    ]);
    expect(md.equations[1]!.message).toMatch(/The 3 should be 2/);
    const tex = analyzeSolution(
      String.raw`\documentclass{article}
\begin{document}
\begin{displaymath}
  \frac{\partial E}{\partial \hat{y}_3} = 2(\hat{y}_3 - y_3)
\end{displaymath}
\end{document}
`,
      'latex',
      { sidecar: NET },
    );
    expect(tex.equations.map((e) => [e.range.line, e.status])).toEqual([[3, 'holds']]);
  });
});

describe('∀ and ∈ as \\forall and \\in', () => {
  it('after the equation: the check runs over the steps written', () => {
    for (const clause of [String.raw`\quad ∀ t ∈ \{1,…,T\}`, String.raw`\quad ∀t ∈ {1, …, T}`, String.raw`, \quad ∀ t`]) {
      const [eq] = markdown(`$$ ${RIGHT} ${clause} $$`).equations;
      expect([eq!.status, eq!.message], clause).toEqual(['holds', "holds for t = 1..3 at the file's values and 4 random draws"]);
    }
    const [two] = markdown(String.raw`$$ ${RIGHT} \quad ∀ t ∈ \{2,…,T\} $$`).equations;
    expect(two!.message).toBe("holds for t = 2..3 at the file's values and 4 random draws");
    const [wrong] = markdown(String.raw`$$ ${WRONG} \quad ∀ t ∈ \{1,…,T\} $$`).equations;
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(/^fails at t = 1: .*The 3 should be 2/);
  });

  it('before the equation, as \\forall t \\in \\{1, \\dots, T\\}: is', () => {
    for (const lead of [String.raw`∀ t ∈ \{1,…,T\}:`, String.raw`∀t ∈ {1, …, T}:`, String.raw`∀ t:`]) {
      const [eq] = markdown(`$$ ${lead} ${RIGHT} $$`).equations;
      expect([eq!.status, eq!.message], lead).toEqual(['holds', "holds for t = 1..3 at the file's values and 4 random draws"]);
    }
    expect(markdown(`$$ ∀ t ∈ \\{1,…,T\\}: ${WRONG} $$`).equations[0]!.status).toBe('fails');
  });

  it('in a check line', () => {
    const r = analyze(`${NET}check ∂E/∂\\hat{y}_t = 2(\\hat{y}_t - y_t) ∀ t ∈ {2, …, T}\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks[0]!.message).toBe("holds for t = 2..3 at the file's values and 4 random draws");
  });
});
