// A matrix written as an array in brackets, `\left[\begin{array}{cc} … \end{array}\right]` (older LaTeX, and what
// several converters write): it was "unknown LaTeX environment {array}" and the equation went unread (session 32).
// An array that states an equality stays layout; an array with no bracket around it stays unread.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 2
input x = [1, 2]
param W : 2x2 = [[0.1, 0.2], [0.3, 0.4]]
param v = [0.5, -0.5]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + v x_t)
loss L = sum(h_T)
`;
const FAST = { graph: false, symbolic: false } as const;

describe('a matrix written as an array in brackets', () => {
  it('reads as the matrix (or the vector of one column), with \\left[ … \\right] or ( … )', () => {
    const r = analyze(
      `${NET}check W = \\left[\\begin{array}{cc} 0.1 & 0.2 \\\\ 0.3 & 0.4 \\end{array}\\right]
check W = \\left[ \\begin{array}{cc} 0.1 & 0.2 \\\\ 0.3 & 0.5 \\end{array} \\right]
check v = \\left(\\begin{array}{c} 0.5 \\\\ -0.5 \\end{array}\\right)
`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'fails', 'holds-at-given-values']);
    expect(r.checks[1]!.message).toContain('the right side [[0.1, 0.2], [0.3, 0.5]]');
  });

  it('with no bracket around it an array of numbers is still no reading', () => {
    const r = analyze(`${NET}check v = \\begin{array}{c} 0.5 \\\\ -0.5 \\end{array}\n`, FAST);
    expect(r.diagnostics.some((d) => d.message.includes('unknown LaTeX environment {array}'))).toBe(true);
  });

  it("in a solution: a gradient's value written as an array is judged", () => {
    // ∂L/∂v at these values to 10 digits (within the check's tolerance, 1e-6)
    const exact = analyze(`${NET}derive ∂L/∂v\n`, FAST).derives[0]!.results[0]!.value as number[];
    const digits = exact.map((x) => x.toPrecision(10));
    const md = [
      '```rnn',
      NET.trim(),
      '```',
      '',
      '$$',
      `\\frac{\\partial L}{\\partial v} = \\left[\\begin{array}{c} ${digits.join(' \\\\ ')} \\end{array}\\right]`,
      '$$',
      '',
    ].join('\n');
    const sol = analyzeSolution(md, 'markdown', { analyze: FAST });
    expect(sol.equations).toHaveLength(1);
    // a number is the gradient at the file's values only: the verdict a written answer gets
    expect(sol.equations[0]!.status).toBe('holds-at-given-values');
    const wrong = analyzeSolution(md.replace(digits[0]!, (Number(digits[0]) + 0.01).toPrecision(10)), 'markdown', { analyze: FAST });
    expect(wrong.equations[0]!.status).toBe('fails');
  });
});
