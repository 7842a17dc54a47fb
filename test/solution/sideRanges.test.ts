// A link's verdict is put on its right side as the parser reads it (src/language/checkSides.ts): the text after
// the last side — a range, a `\text{with} …` clause checked on its own, a remark, trailing spacing — is not part of
// it, and a clause's verdict is on the clause (session 29: a wrong clause's error was on the main equation's side).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK, slice } from './helpers';

const FAST = { draws: 2, graph: false, symbolic: false };
const solve = (math: string[]) => {
  const text = `${SHEET7_BLOCK}\n${math.map((m) => `$$${m}$$`).join('\n\n')}\n`;
  return { text, sol: analyzeSolution(text, 'markdown', { analyze: FAST }) };
};

describe('the range of each link is its right side as written', () => {
  it("a wrong `\\text{with}` clause fails on the clause's right side; the main side keeps its own range", () => {
    const { text, sol } = solve([
      '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 2(y_3 - t_3) \\text{ with } y_3 = \\sigma(W_{hy} h_3 - b_y)',
    ]);
    const errors = sol.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(slice(text, errors[0]!)).toBe('\\sigma(W_{hy} h_3 - b_y)');
    const [main, clause] = sol.equations[0]!.checks;
    expect(main!.status).toBe('holds');
    expect(slice(text, main!.range)).toBe('2(y_3 - t_3)');
    expect(clause!.status).toBe('fails');
  });

  it('a range, a remark in \\text and trailing spacing are not part of the side', () => {
    const { text, sol } = solve([
      "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma'(W_{xh} x_t + W_{hh} h_{t-1} + b_h) W_{hh} \\quad \\text{for } t = 2, \\dots, T",
      '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3) \\qquad \\text{by the power rule}',
      '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3)\\,, \\qquad \\frac{\\partial \\mathcal{L}}{\\partial y_2} = -2(t_2 - y_2)',
      '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = \\boldsymbol{-2}\\left(t_3 - y_3\\right)',
    ]);
    const sides = sol.equations.flatMap((e) => e.checks.map((c) => slice(text, c.range)));
    expect(sides).toEqual([
      "\\sigma'(W_{xh} x_t + W_{hh} h_{t-1} + b_h) W_{hh}",
      '-2(t_3 - y_3)',
      '-2(t_3 - y_3)',
      '-2(t_2 - y_2)',
      '\\boldsymbol{-2}\\left(t_3 - y_3\\right)',
    ]);
    expect(sol.equations.every((e) => e.status === 'holds')).toBe(true);
  });
});
