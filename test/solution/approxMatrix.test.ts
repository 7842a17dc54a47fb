// Session 41: a vector or matrix of written values after ≈ (`\approx \begin{bmatrix} 0.4621 \\ 0 \end{bmatrix}`,
// `\approx (0.4621, 0)^T`) is judged to its digits, as a number after ≈ is. The cut after ≈ ended at the matrix's
// first `\\` and left "unexpected '\end{bmatrix}'" (the whole chain lost); `h_1 \approx \begin{bmatrix}…` alone was
// "an approximation between expressions is no equality".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 1
input  x : 2 = [[0.5, 0]]
param  W : 2x2 = [[1, 0], [0, 1]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + x_t)
loss L = sum(h_T)
`;
const solve = (eq: string) => analyzeSolution(`\`\`\`rnn\n${NET}\`\`\`\n\n$$ ${eq} $$\n`, 'markdown');
const links = (eq: string) => solve(eq).equations[0]!.checks.map((c) => [c.link, c.status]);
const HEAD = String.raw`\mathbf{h}_1 = \tanh(W \mathbf{h}_0 + \mathbf{x}_1) \approx `;

describe('≈ and a literal of written values', () => {
  it('a bmatrix after a chain: the first link as usual, the literal to its digits', () => {
    expect(links(HEAD + String.raw`\begin{bmatrix} 0.4621 \\ 0 \end{bmatrix}`)).toEqual([
      [1, 'holds'],
      [2, 'holds'],
    ]);
    const wrong = solve(HEAD + String.raw`\begin{bmatrix} 0.4622 \\ 0 \end{bmatrix}`).equations[0]!;
    expect(wrong.status).toBe('fails');
    expect(wrong.checks[1]!.message).toBe('fails: entry 1 of the left side is 0.462117, which rounds to 0.4621, not 0.4622 as written');
  });

  it('a literal alone after ≈, a pmatrix, a tuple transposed, a label after it', () => {
    expect(links(String.raw`\mathbf{h}_1 \approx \begin{bmatrix} 0.4621 \\ 0 \end{bmatrix}`)).toEqual([[1, 'holds']]);
    expect(links(String.raw`\mathbf{h}_1 \approx \begin{pmatrix} 0.462 \\ 0.1 \end{pmatrix}`)).toEqual([[1, 'fails']]);
    expect(links(String.raw`\mathbf{h}_1 \approx (0.4621, 0)^T`)).toEqual([[1, 'holds']]);
    expect(links(String.raw`\mathbf{h}_1 \approx [0.4621, 0]^\top`)).toEqual([[1, 'holds']]);
    expect(links(HEAD + String.raw`\begin{bmatrix} 0.4621 \\ 0 \\ \end{bmatrix} \quad (3)`)).toEqual([
      [1, 'holds'],
      [2, 'holds'],
    ]);
    // the tuple transposed is the column it already is: no note on a row
    expect(solve(String.raw`\mathbf{h}_1 \approx (0.4621, 0)^T`).diagnostics).toEqual([]);
  });

  it('a matrix that is no written value after ≈ is cut whole, and the equality before it checked', () => {
    const r = solve(HEAD + String.raw`\begin{bmatrix} \tanh(0.5) \\ 0 \end{bmatrix}`);
    expect(r.equations[0]!.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.map((d) => [d.code, d.message.slice(0, 35)])).toEqual([
      ['solution-skipped', 'not checked: the part after \\approx'],
    ]);
  });

  it('in a check line, (0.4621, 0)^T after ≈ is judged as [0.4621, 0] is', () => {
    const r = analyze(`${NET}check h_1 ≈ (0.4621, 0)^T\ncheck h_1 ≈ (0.4622, 0)ᵀ\n`);
    expect(r.diagnostics.filter((d) => d.severity !== 'information' || !/rounds/.test(d.message))).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
  });
});
