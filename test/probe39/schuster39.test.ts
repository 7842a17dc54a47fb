// Probe 39 (session 53): Schuster & Paliwal's bidirectional RNN (1997), its forward and backward states and a
// student's backward pass through both directions, with the textbooks' arrows. Everything read from the start but the
// output written over the stacked states with its weights as a block row, [V_f, V_b][h⃗_t; h⃖_t] (also a bmatrix):
// "a matrix literal is a list of rows of equal length". Matrices side by side are now the block matrix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (f: string) => {
  const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', f), 'utf8'), 'markdown', { sidecar: null });
  return { r, v: Object.fromEntries(r.equations.map((e) => [e.tag, e])) };
};

describe('Schuster & Paliwal’s bidirectional RNN', () => {
  const { r, v } = read('schuster-brnn.md');
  it('both directions, the block output and the backward pass read and hold', () => {
    expect(r.checked).toBe(16);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '3b', '3c', '4', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['5']!.message).toMatch(/holds for t = 2\.\.3/);
  });
  it('each mistake is named', () => {
    for (const tag of ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['b1']!.message).toMatch(/should be U_bᵀ \(\(1 − h⃖_\{t-1\}\^2\) ⊙ ∂E\/∂h⃖_\{t-1\}\) \(every step of it −2\)/);
    expect(v['b2']!.message).toMatch(/h⃖_\{t-1\} should be h⃖_\{t\+1\}: with that step the check holds/);
    expect(v['b3']!.message).toMatch(/leaves out the path through h⃖_t: the term ∂E\/∂h⃖_t·∂⁺h⃖_t\/∂x_t/);
    expect(v['b4']!.message).toMatch(/leaves out the path through h⃗_\{t\+1\}/);
    expect(v['b5']!.message).toMatch(/V_b should be V_f: with that the check holds/);
    expect(v['b6']!.message).toMatch(/are in each other's place: exchanged, the check holds/);
  });
});

const NET = [
  'T = 2',
  'param A : 2x2 = [[0.6, -0.3], [0.2, 0.5]]',
  'param B : 2x3 = [[0.4, -0.2, 0.1], [0.3, 0.1, -0.5]]',
  'param C : 1x2 = [[0.7, -0.6]]',
  'input x : 5 = [[1, -0.5, 0.3, 0.8, -0.7], [0.2, 0.1, -0.4, 0.6, 0.9]]',
  'h_t = tanh([A, B] x_t)',
  'loss L = Σ_t sum(h_t)',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));

describe('matrices side by side, or one under the other', () => {
  it('are the block matrix: its entries and its product', () => {
    const a = run(
      'check [A, B][1, 4] = B[1, 2]',
      'check [A, B][2, 2] = A[2, 2]',
      'check \\begin{bmatrix} A & B \\end{bmatrix} = [A, B]',
      'check [A; C][3, 2] = C[1, 2]',
      'check h_t = tanh(A x_t[1:2] + B x_t[3:5])',
    );
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
    expect(a.diagnostics.some((d) => /\[A, B\] is read as the block matrix of 2×5, its blocks side by side/.test(d.message))).toBe(true);
  });
  it('whose sizes do not fit together stay refused', () => {
    const a = run('check [A, C] = 0');
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.some((d) => /a matrix literal is a list of rows of equal length/.test(d.message))).toBe(true);
  });
});
