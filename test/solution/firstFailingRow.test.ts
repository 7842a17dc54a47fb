// The tally's "first failing equation" of an align whose rows carry their own \tag: the row that fails first. Where
// that row's tag was the display's own (its first row, (1)), the row was passed over for the next failing row with a
// tag of its own: "first failing equation: line 15 (2)", the row that only carries (1)'s mistake over (session 43).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { renderSolutionText } from '../../src/cli-render';

const NET =
  '```rnn\nT = 3\nparam w = 0.5\nparam v = 0.7\ninput x = [1, 2, 3]\ntarget y = [0.2, 0.4, 0.6]\nh_0 = 0\n' +
  'h_t = tanh(w h_{t-1} + x_t)\no_t = v h_t\nloss L = Σ_t (o_t - y_t)^2\n```\n\n';

const FAST = { draws: 2, graph: false, symbolic: false };
const tally = (body: string) => renderSolutionText('probe.md', analyzeSolution(NET + body, 'markdown', { analyze: FAST }));

describe('the first failing row of a tagged align', () => {
  it('is the first row when it fails', () => {
    const out = tally(String.raw`\begin{align}
\frac{\partial L}{\partial o_3} &= 3 (o_3 - y_3) \tag{1} \\
\frac{\partial L}{\partial h_3} &= 3 (o_3 - y_3) v \tag{2}
\end{align}
`);
    expect(out).toContain('first failing equation: line 13 (1)');
  });

  it('is a later row when the first holds (as before)', () => {
    const out = tally(String.raw`\begin{align}
\frac{\partial L}{\partial o_3} &= 2 (o_3 - y_3) \tag{1} \\
\frac{\partial L}{\partial h_3} &= 3 (o_3 - y_3) v \tag{2}
\end{align}
`);
    expect(out).toContain('first failing equation: line 15 (2)');
  });
});

describe('an align of equations is counted one equation a row', () => {
  // each row its own left side: five equations, as a teacher counts them (it was "1 equation: 1 checked (1 fails)" of
  // four rows that hold and one that fails, and "2 equations: 1 checked (1 holds), 1 skipped" with one row unread)
  const rows = (last: string) => String.raw`\begin{align}
\frac{\partial L}{\partial o_3} &= 2 (o_3 - y_3) \\
\frac{\partial L}{\partial h_3} &= 2 (o_3 - y_3) v \\
${last}
\end{align}
`;
  it('judged: each row its own verdict in the tally, the failing row named', () => {
    const sol = analyzeSolution(NET + rows(String.raw`\frac{\partial L}{\partial v} &= 2 (o_3 - y_3)`), 'markdown', { analyze: FAST });
    expect([sol.checked, sol.skipped]).toEqual([3, 0]);
    expect(renderSolutionText('probe.md', sol)).toContain(
      '3 equations: 3 checked (2 hold, 1 fails), 0 skipped; first failing equation: line 16',
    );
  });
  it('with a row unread: the rows judged and the row skipped', () => {
    const sol = analyzeSolution(NET + rows(String.raw`\frac{\partial L}{\partial v} &= q`), 'markdown', { analyze: FAST });
    expect([sol.checked, sol.skipped]).toEqual([2, 1]);
    expect(renderSolutionText('probe.md', sol)).toContain('3 equations: 2 checked (2 hold), 1 skipped');
  });
  it('a chain over rows stays one equation', () => {
    const sol = analyzeSolution(
      NET +
        String.raw`\begin{align}
\frac{\partial L}{\partial o_3} &= 2 (o_3 - y_3) \\
&= 2 o_3 - 2 y_3
\end{align}
`,
      'markdown',
      { analyze: FAST },
    );
    expect([sol.checked, sol.skipped]).toEqual([1, 0]);
  });
});
