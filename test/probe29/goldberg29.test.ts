// Probe 29 (session 45): Goldberg, "Neural Network Methods for Natural Language Processing" ch. 14, the Simple RNN in
// the book's row-vector notation, s_i = g(s_{i−1} W^s + x_i W^x + b) with worded weights W^s, W^x, and a student's BPTT
// written in the same rows: (∂L/∂s_i ⊙ (1 − s_i²)) W^{s⊤}. Vectors on the left act as rows (language.md §4), so the
// recursion and ∂L/∂b read and hold; s_{i−1}ᵀ δ_i for the weight gradient (the book's outer product of rows) is an inner
// product of columns here and fails, saying so and naming the outer product that holds. Nothing to fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'goldberg-nnnlp.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Goldberg ch. 14, the Simple RNN in rows', () => {
  it('the correct formulas hold; the recursion with the output’s own term holds at i = 1 only for s_0 = 0, said so', () => {
    for (const tag of ['G1', 'G4', 'G5']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v.G2!.status).toBe('holds-at-given-values');
    expect(v.G2!.message).toMatch(/it leans on the given value of s_0 \(s_0 = 0\)/);
  });
  it('the book’s sᵀδ outer product of rows fails, naming the column form', () => {
    expect(v.G3!.status).toBe('fails');
    expect(v.G3!.message).toMatch(
      /their outer product, a 3×3 matrix, is written s_\{i-1\} \(∂L\/∂s_i ⊙ \(1 − s_i\^2\)\)ᵀ: with it the check holds/,
    );
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('GM1')).toMatch(/W\^\{s\} should be W\^\{s\}ᵀ/);
    expect(msg('GM2')).toMatch(/s_\{i-1\} should be s_i/);
    expect(msg('GM3')).toMatch(/leaves out the paths through s_1 and s_2/);
    expect(msg('GM4')).toMatch(/their outer product is written with the right one transposed/);
  });
});
