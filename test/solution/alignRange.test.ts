// A check's range written in an align column of its own, `… , && t = 3, \dots, T` (session 29): the `&` before the
// letter hid it, so the range was split off as an equation of its own (skipped: "an ellipsis … write every entry")
// and the equation judged at every step.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK } from './helpers';

const FAST = { draws: 2, graph: false, symbolic: false };

describe('a range in an align column', () => {
  it('is the range of its row', () => {
    const text = `${SHEET7_BLOCK}
\\begin{align}
\\frac{\\partial \\mathcal{L}}{\\partial h_t} &= \\frac{\\partial \\mathcal{L}}{\\partial y_t} y_t (1 - y_t) W_{hy}, && t = 3, \\dots, T \\\\
\\frac{\\partial h_t}{\\partial h_{t-1}} &= h_t (1 - h_t) W_{hh}, && \\text{for all } t
\\end{align}
`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations).toHaveLength(1);
    expect(sol.equations[0]!.checks.map((l) => [l.status, l.message.replace(/ at the.*/, '')])).toEqual([
      ['holds', 'holds for t = 3'],
      ['holds', 'holds for t = 1..3'],
    ]);
    expect(sol.diagnostics.filter((d) => d.code === 'solution-skipped')).toEqual([]);
  });
});
