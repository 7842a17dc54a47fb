// A mistake carried over from an earlier row of an align is named by the line that row begins on. After an unread
// first row (`\hat{y}_3 &= v h_3`, ŷ unknown) the next row's text began with the blank left of the unread row's line
// break, and "on line N" was mapped from there: "the mistake of the equation on line 16" named the unread ŷ row, not
// the failing ∂L/∂o_3 row on line 17 (found in session 42, P2). A \tag on that row labels it the same way.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { renderSolutionText } from '../../src/cli-render';

const NET =
  '```rnn\nT = 3\nparam w = 0.5\nparam v = 0.7\ninput x = [1, 2, 3]\ntarget y = [0.2, 0.4, 0.6]\nh_0 = 0\n' +
  'h_t = tanh(w h_{t-1} + x_t)\no_t = v h_t\nloss L = Σ_t (o_t - y_t)^2\n```\n\nThe gradient:\n\n';

const ALIGN = (tag: string) => String.raw`\begin{align}
\hat{y}_3 &= v h_3 \\
\frac{\partial L}{\partial o_3} &= 3 (o_3 - y_3) ${tag}\\
\frac{\partial L}{\partial h_3} &= 3 (o_3 - y_3) v
\end{align}
`;

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('a carried-over mistake after an unread row names the row it was made on', () => {
  it('names the failing row, not the unread one', () => {
    const src = NET + ALIGN('');
    const wrong = lineOf(src, String.raw`\frac{\partial L}{\partial o_3}`);
    const sol = analyzeSolution(src, 'markdown');
    const checks = sol.equations.flatMap((e) => e.checks);
    const later = checks.find((c) => c.message.includes('carried over'));
    expect(later, 'the ∂L/∂h_3 row names the mistake carried over').toBeDefined();
    expect(later!.line).toBe(wrong + 1);
    expect(later!.message).toContain(`the mistake of the equation on line ${wrong}, carried over`);
    expect(renderSolutionText('probe.md', sol)).toContain(`on line ${wrong}, carried over`);
  });

  it('a \\tag on that row labels it', () => {
    const src = NET + ALIGN(String.raw`\tag{2}`);
    const wrong = lineOf(src, String.raw`\frac{\partial L}{\partial o_3}`);
    const sol = analyzeSolution(src, 'markdown');
    const later = sol.equations.flatMap((e) => e.checks).find((c) => c.message.includes('carried over'));
    expect(later!.message).toContain(`the mistake of (2) on line ${wrong}, carried over`);
  });
});
