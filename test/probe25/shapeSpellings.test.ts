// LANGUAGE.md §2: SHAPE is `n`, `m x n` or `m×n`. A student declares a shape as they write it elsewhere: numpy's
// `[3, 2]` / `(3, 2)` / `(3,)`, or a textbook's `W ∈ ℝ^{3×2}` (`\in \mathbb{R}^{3 \times 2}`, `R^n`, `w ∈ ℝ` a
// scalar). Those were "a shape is 'n' or 'm x n' with positive integers, found '['". See docs/language-notes.md.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const shapeOf = (decl: string) => {
  const r = analyze(`T = 2\nparam W ${decl}\nloss L = sum(W ⊙ W)\ncheck ∂L/∂W = 2 W\n`);
  return {
    errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    params: r.params,
    checks: r.checks.map((c) => c.status),
  };
};

describe('a declaration shape as a student writes it', () => {
  it.each([
    [': 3 x 2', [3, 2]],
    [': [3, 2]', [3, 2]],
    [': (3, 2)', [3, 2]],
    [': [3]', [3]],
    [': (3,)', [3]],
    [': (3)', [3]],
    ['\\in \\mathbb{R}^{3 \\times 2}', [3, 2]],
    ['∈ ℝ^{3×2}', [3, 2]],
    [': R^{3x2}', [3, 2]],
    ['\\in \\mathbb{R}^3', [3]],
    ['\\in \\mathbb{R}^{3}', [3]],
    ['\\in \\mathbb{R}', []],
  ])('param W %s has shape %j, and its check is judged', (decl, shape) => {
    const r = shapeOf(decl);
    expect(r.errors).toEqual([]);
    expect(r.params).toEqual([{ name: 'W', shape, count: (shape as number[]).reduce((a, b) => a * b, 1) }]);
    expect(r.checks).toEqual(['holds']);
  });

  it('a value after the shape reads as before', () => {
    const r = analyze('T = 2\nparam W \\in \\mathbb{R}^{2 \\times 2} = [[1, 2], [3, 4]]\nloss L = sum(W)\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.params).toEqual([{ name: 'W', shape: [2, 2], count: 4 }]);
  });

  it.each([': [0, 2]', ': [1.5]', ': [[1, 2]]', ': [3, 2, 1]'])('%s is refused with what a shape is', (decl) => {
    expect(shapeOf(decl).errors[0]).toContain("a shape is 'n' or 'm x n' with positive integers");
  });

  it('an unclosed (m, n) says so', () => {
    expect(shapeOf(': (3, 2').errors[0]).toContain("expected ')' to close the shape (m, n)");
  });
});
