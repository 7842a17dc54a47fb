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
