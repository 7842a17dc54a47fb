// A skipped equation that shares its display with others (`A = B, \quad C = D`, an align's rows) is said "not checked"
// on its own text (session 29: the information covered the whole display, equations that were checked included).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK, slice } from './helpers';

const FAST = { draws: 2, graph: false, symbolic: false };

describe('the range of a skipped equation beside others', () => {
  it('is its own text in the display', () => {
    const text = `${SHEET7_BLOCK}
$$\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3), \\quad \\frac{\\partial \\mathcal{L}}{\\partial q_3} = 0$$

\\begin{align}
\\frac{\\partial \\mathcal{L}}{\\partial y_2} &= -2(t_2 - y_2) \\\\
\\frac{\\partial \\mathcal{L}}{\\partial \\theta} &= 0
\\end{align}

$$\\frac{\\partial \\mathcal{L}}{\\partial \\theta} = 0$$
`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    const skipped = sol.diagnostics.filter((d) => d.code === 'solution-skipped');
    expect(skipped.map((d) => slice(text, d))).toEqual([
      '\\frac{\\partial \\mathcal{L}}{\\partial q_3} = 0',
      '\\frac{\\partial \\mathcal{L}}{\\partial \\theta} &= 0',
      '$$\\frac{\\partial \\mathcal{L}}{\\partial \\theta} = 0$$',
    ]);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'skipped']);
  });
});
