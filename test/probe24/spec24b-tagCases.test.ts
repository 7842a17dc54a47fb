// Two leftovers of the spec24 sweep. `\tag{$\ast$}` prints (∗): its label is ∗, as the page shows it (it was
// `$\ast$`, the source text). `\begin{cases}` (a derivative defined by cases, t = 1 and t > 1) is no notation the
// language reads; it was "unknown LaTeX environment {cases}", said twice (at \begin and \end), as if it were a typo.
// It is now said once, saying what to write instead: one check per case with its steps.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const NET = `T = 3
param w = 0.5
h_0 = 1
h_t = w h_{t-1}
loss L = h_3`;

const solve = (...displays: string[]) =>
  analyzeSolution(['```rnn', NET, '```', '', ...displays.flatMap((d) => [d, ''])].join('\n'), 'markdown', { sidecar: null });

describe('a \\tag written in math is labelled as it prints', () => {
  it('\\tag{$\\ast$} and \\tag{$\\star$} on check lines of a .rnn file', () => {
    const r = analyze(
      `${NET}\ncheck \\frac{\\partial L}{\\partial w} = 3 w^2 h_0 \\tag{$\\ast$}\ncheck \\frac{\\partial L}{\\partial w} = 3 w^2 h_0 \\tag{$\\star$}\ncheck ∂L/∂w = 3 w^2 h_0 \\tag{$\\dagger$}\ncheck ∂L/∂w = 3 w^2 h_0 \\tag{*}`,
    );
    expect(r.checks.map((c) => [c.tag, c.status])).toEqual([
      ['∗', 'holds'],
      ['⋆', 'holds'],
      ['†', 'holds'],
      ['*', 'holds'],
    ]);
  });

  it('in a solution, \\tag{$\\ast$} and \\tag{\\text{A}}', () => {
    const r = solve(
      String.raw`$$ \frac{\partial L}{\partial w} = 3 w^2 h_0 \tag{$\ast$} $$`,
      String.raw`$$ \frac{\partial L}{\partial w} = 3 w^2 h_0 \tag{\text{A}} $$`,
      String.raw`$$ \frac{\partial L}{\partial w} = 3 w^2 h_0 \tag{2.1} $$`,
    );
    expect(r.equations.map((e) => e.tag)).toEqual(['∗', 'A', '2.1']);
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds']);
  });
});

describe('a case distinction is said once, with what to write instead', () => {
  it('on a check line: one error at \\begin{cases}, none at \\end', () => {
    const r = analyze(
      `${NET}\ncheck ∂h_t/∂h_{t-1} = \\begin{cases} w & t \\ge 1 \\\\ 0 & \\text{otherwise} \\end{cases}\ncheck ∂L/∂w = 3 w^2 h_0`,
    );
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([
      'a case distinction \\begin{cases} is not read: write one check per case, with its steps (… for t = 1, … for t = 2..T)',
    ]);
    expect(errors[0]!.line).toBe(6);
    // the next line is judged as ever
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('in a solution: skipped, saying why', () => {
    const r = solve(
      String.raw`$$ \frac{\partial h_t}{\partial h_{t-1}} = \begin{cases} w & t \ge 1 \\ 0 & \text{otherwise} \end{cases} $$`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^not checked: a case distinction \\begin\{cases\} is not read/),
    );
  });
});
