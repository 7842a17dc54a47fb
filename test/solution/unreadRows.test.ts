// An align whose rows are equations of their own, one read and the others not (a name the network lacks): the unread
// rows are shown and counted beside the row that was checked. They vanished behind its "✓ holds", and the count said
// "1 equation: 1 checked, 0 skipped" (session 41, a probe of student solutions).
import { describe, expect, it } from 'vitest';
import { renderSolutionText, solutionJson } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput x = [1.0, -0.5, 0.25]\nparam w = 0.9\nparam v = 1.2\ns_0 = 0\ns_t = tanh(x_t + w s_{t-1})\nloss E = Σ_t v s_t\n```\n';
const ALIGN = `\\begin{align}
  \\frac{\\partial E}{\\partial w} &= \\sum_t \\frac{\\partial E}{\\partial s_t} (1 - s_t^2) s_{t-1} \\\\
  \\frac{\\partial E}{\\partial q_2} &= 7 \\\\
  \\frac{\\partial E}{\\partial r_3} &= 3
\\end{align}
`;

describe('rows of a display that are not read', () => {
  const sol = analyzeSolution(NET + ALIGN, 'markdown');

  it('are counted as skipped equations', () => {
    expect(sol.checked).toBe(1);
    expect(sol.skipped).toBe(2);
    expect(sol.equations[0]!.unread?.map((u) => [u.line, u.message])).toEqual([
      [12, 'not checked: unknown name q'],
      [13, 'not checked: unknown name r'],
    ]);
  });

  it('are shown in the readable output beside the row that was checked, in line order', () => {
    const out = renderSolutionText('s.md', sol);
    expect(out).toMatch(/line 11 ✓ holds[^\n]*\n\s+line 12 – not checked: unknown name q\n\s+line 13 – not checked: unknown name r/);
    expect(out).toMatch(/3 equations: 1 checked \(1 holds\), 2 skipped/);
  });

  it('are in the JSON equation', () => {
    const json = solutionJson(sol);
    expect(json.skipped).toBe(2);
    expect(json.equations[0]!.unread).toHaveLength(2);
  });

  it('leave a display whose every row is read as it was', () => {
    const one = analyzeSolution(NET + ALIGN.replace(/ \\\\\n[^]*?\\end/, '\n\\end'), 'markdown');
    expect(one.skipped).toBe(0);
    expect(one.equations[0]!.unread).toBeUndefined();
  });
});
