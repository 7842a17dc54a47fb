// A display's rows that do not read are listed under its verdict in the readable output (session 41), but one kind of
// display lost them: an align that continues a side begun in the display before it (`&+ 0 \\ \hat{y}_3 &= v h_3` after
// a failing `$$ ∂L/∂o_3 = 3(o_3 − y_3) $$`) printed only "the side begun on line 27 continues here", while its unread
// row was counted as skipped. Every row in `unread` is now always shown, whichever way the display's verdict is printed.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { renderSolutionText } from '../../src/cli-render';

const NET =
  '```rnn\nT = 3\nparam w = 0.5\nparam v = 0.7\ninput x = [1, 2, 3]\ntarget y = [0.2, 0.4, 0.6]\nh_0 = 0\n' +
  'h_t = tanh(w h_{t-1} + x_t)\no_t = v h_t\nloss L = Σ_t (o_t - y_t)^2\n```\n\n';

const FAILING = String.raw`\frac{\partial L}{\partial o_3} &= 3 (o_3 - y_3)`;
const UNREAD = String.raw`\hat{y}_3 &= v h_3`;

const LAYOUTS: Record<string, string> = {
  'unread row after a failing row': String.raw`\begin{align}
${FAILING} \\
${UNREAD}
\end{align}`,
  'unread row first': String.raw`\begin{align}
${UNREAD} \\
${FAILING}
\end{align}`,
  'a failing chain of two rows': String.raw`\begin{align}
${FAILING} \\
&= 3 o_3 - 3 y_3 \\
${UNREAD}
\end{align}`,
  'an align continuing the side of the display before it': String.raw`$$ \frac{\partial L}{\partial o_3} = 3 (o_3 - y_3) $$

\begin{align}
&+ 0 \\
${UNREAD}
\end{align}`,
};

describe('a display’s unread row is always shown', () => {
  for (const [name, body] of Object.entries(LAYOUTS))
    it(name, () => {
      const sol = analyzeSolution(NET + body + '\n', 'markdown');
      const unread = sol.equations.flatMap((e) => e.unread ?? []);
      expect(unread.length, 'the row is unread beside a checked one').toBe(1);
      const text = renderSolutionText('probe.md', sol);
      for (const u of unread) expect(text).toContain(`line ${u.line} – not checked: unknown name`);
      expect(sol.skipped).toBe(1);
    });
});
