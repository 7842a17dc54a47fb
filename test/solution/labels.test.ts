// Equation numbers as students write them after an equation (session 29): `\qquad (2')` was read as a factor 2ᵀ and
// a right equation failed ("the 2 should be 1"); `(\star)`, `(\ast)` and an appendix's `(A.3)` made it skipped.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK } from './helpers';

const FAST = { draws: 2, graph: false, symbolic: false };
const DY3 = '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3)';

describe('labels written after an equation', () => {
  it("(2'), (A.3), (\\star), (\\ast), (*) after a wide space are labels, as the page prints them", () => {
    const labels = ["(2')", '(A.3)', '(\\star)', '(\\ast)', '(*)', '(3)'];
    const text = `${SHEET7_BLOCK}\n${labels.map((l) => `$$${DY3} \\qquad ${l}$$`).join('\n\n')}\n`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([
      ['holds', "2'"],
      ['holds', 'A.3'],
      ['holds', '⋆'],
      ['holds', '∗'],
      ['holds', '*'],
      ['holds', '3'],
    ]);
  });

  it('an appendix number without its dot, (A1), is a label too, after the display or a wide space (session 30: not read)', () => {
    const text = `${SHEET7_BLOCK}\n$$${DY3}$$ (A1)\n\n$$${DY3} \\qquad (B12)$$\n`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([
      ['holds', 'A1'],
      ['holds', 'B12'],
    ]);
  });

  it("a part's number, (a5) or (b2.1), is a label after the display or a wide space (session 32: unknown name a5)", () => {
    const text = `${SHEET7_BLOCK}\n$$${DY3}$$ (a5)\n\n$$${DY3} \\qquad (b2.1)$$\n`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([
      ['holds', 'a5'],
      ['holds', 'b2.1'],
    ]);
  });

  it('without a wide space before it, a letter or symbol in parentheses stays math', () => {
    const text = `${SHEET7_BLOCK}\n$$\\frac{\\partial y_3}{\\partial h_3} = \\sigma'(W_{hy} h_3 + b_y) (W_{hy})$$\n`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([['holds', null]]);
  });

  it('a full stop or comma after a label outside the display ends the sentence, not the label (read31: no tag)', () => {
    const text = `${SHEET7_BLOCK}\n$$${DY3}$$ (6).\n\n$$${DY3}$$\n(7),\n`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([
      ['holds', '6'],
      ['holds', '7'],
    ]);
  });
});
