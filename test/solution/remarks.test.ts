// Remarks a student writes beside an equation are prose, not part of it (session 29): a parenthesised remark
// `(\text{by the chain rule})`, a shape remark after a comma or a wide space `\qquad o_3 \in \mathbb{R}`, and words in
// a text font `\textit{chain rule}`. Each made a right equation skipped with a message that named no notation, or
// (the shape remark) fail with "the factor o_3 should not be there".
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK } from './helpers';

const FAST = { draws: 2, graph: false, symbolic: false };
const verdicts = (math: string[]) => {
  const text = `${SHEET7_BLOCK}\n${math.map((m) => `$$${m}$$`).join('\n\n')}\n`;
  return analyzeSolution(text, 'markdown', { analyze: FAST }).equations.map((e) => e.status);
};
const DY3 = '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3)';
const MISSING =
  '\\frac{\\partial \\mathcal{L}}{\\partial h_2} = \\frac{\\partial \\mathcal{L}}{\\partial y_2} \\frac{\\partial y_2}{\\partial h_2}';

describe('remarks beside an equation', () => {
  it('a parenthesised remark in \\text is prose: the equation is judged', () => {
    expect(
      verdicts([
        `${DY3} \\quad (\\text{by the chain rule})`,
        `${DY3} \\qquad (\\text{wrong!})`,
        `${DY3} \\qquad [\\text{chain rule}]`,
        `${MISSING} \\quad (\\text{since } h_3 \\text{ depends on } h_2)`,
      ]),
    ).toEqual(['holds', 'holds', 'holds', 'fails']);
  });

  it('a bold lead-in to the answer restated ends the claim, as a connective does (session 32)', () => {
    // `\textbf{Answer: }` read as the name Answer: "unexpected ':' after the statement", the equation skipped
    const WRONG = '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 2(t_3 - y_3)';
    expect(
      verdicts([
        `${DY3} \\qquad \\textbf{Answer: } -2(t_3 - y_3)`,
        `${DY3} \\quad \\text{Answer:} \\; -2(t_3 - y_3)`,
        `${WRONG} \\qquad \\textbf{Answer: } 2(t_3 - y_3)`,
      ]),
    ).toEqual(['holds', 'holds', 'fails']);
  });

  it('a bold remark in parentheses, or one bold word with its mark, is prose (session 32: unknown name wrong)', () => {
    const WRONG = '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 2(t_3 - y_3)';
    expect(
      verdicts([
        `${DY3} \\qquad \\textbf{(wrong)}`,
        `${DY3} \\qquad (\\textbf{wrong})`,
        `${DY3} \\qquad \\textit{Correct!}`,
        `${WRONG} \\qquad \\textbf{(right)}`,
      ]),
    ).toEqual(['holds', 'holds', 'holds', 'fails']);
  });

  it('a range or a label in parentheses keeps its meaning', () => {
    const sol = analyzeSolution(
      `${SHEET7_BLOCK}\n$$${DY3} \\qquad (\\text{a})$$\n\n$$\\frac{\\partial \\mathcal{L}}{\\partial y_t} = -2(t_t - y_t) \\qquad (\\text{for } t = 3)$$\n`,
      'markdown',
      { analyze: FAST },
    );
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([
      ['holds', 'a'],
      ['holds', null],
    ]);
    expect(sol.equations[1]!.message).toMatch(/t = 3/);
  });

  it('a shape remark after a comma or a wide space names its own subject', () => {
    const side = '\\frac{\\partial y_3}{\\partial h_3} = y_3(1 - y_3) W_{hy}';
    expect(
      verdicts([`${side} \\qquad y_3 \\in \\mathbb{R}`, `${side}, \\quad \\mathbf{y}_3 \\in ℝ^{1}`, `${side} \\in \\mathbb{R}`]),
    ).toEqual(['holds', 'holds', 'holds']);
  });

  it('words in a text font are prose; one word stays a name', () => {
    expect(
      verdicts([`${MISSING} \\quad \\textit{chain rule}`, `${DY3} \\quad \\textrm{(power rule)}`, `${DY3} \\quad \\textbf{by parts}`]),
    ).toEqual(['fails', 'holds', 'holds']);
  });
});
