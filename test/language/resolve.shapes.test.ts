// LANGUAGE.md §4: a vector left of a matrix acts as a row (contract), ∂(vector)/∂(matrix) tensors in products,
// M^k as the matrix power, a scalar divided by a vector, and juxtaposed runs of defined names.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';
import type { CheckQuestion, Expr } from '../../src/language/model';

const VNET = `T = 2
input x : 2 = [[1, 0], [0, 1]]
param W : 3x2 = 0.1
param U : 3x3 = 0.2
param V : 2x3 = 0.3
param R : 3x4 = 0.5
h_0 = [0, 0, 0]
h_t = tanh(W x_t + U h_{t-1})
o_t = V h_t
L_t = sum(o_t ⊙ o_t)
loss L = Σ_t L_t
`;

function model(extra: string) {
  const c = compile(VNET + extra);
  return {
    c,
    errors: c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`),
    checks: c.model.questions as CheckQuestion[],
  };
}

describe('a vector left of a matrix acts as a row', () => {
  it('v M is vᵀM (contract) where the column reading has none; M v stays the matrix product', () => {
    const { errors, checks } = model('check h_1 R = h_1 R\ncheck V h_1 = V h_1\n');
    expect(errors).toEqual([]);
    expect(checks[0]!.lhs).toMatchObject({ k: 'contract', shape: [4], a: { k: 'ref', name: 'h' }, b: { k: 'ref', name: 'R' } });
    expect(checks[1]!.lhs).toMatchObject({ k: 'matmul', shape: [2] });
  });

  it('the chain rule in numerator layout: ∂L/∂o_1 ∂o_1/∂h_1 is a vector of 3', () => {
    const { errors, checks } = model('check ∂L/∂h_1 = ∂L/∂o_1 ∂o_1/∂h_1\n');
    expect(errors).toEqual([]);
    expect(checks[0]!.rhs).toMatchObject({ k: 'contract', shape: [3] });
    expect(checks[0]!.lhs.shape).toEqual([3]);
  });

  it('a square matrix: the row reading, as the chain rule writes ∂L/∂h_2 ∂h_2/∂h_1', () => {
    const { errors, checks } = model('check ∂L/∂h_1 = ∂L/∂h_2 ∂h_2/∂h_1 + ∂L/∂o_1 ∂o_1/∂h_1\n');
    expect(errors).toEqual([]);
    const rhs = checks[0]!.rhs as Expr & { k: 'add' };
    expect(rhs.a).toMatchObject({ k: 'contract', shape: [3] });
  });

  it('two vectors stay elementwise; sizes that do not meet are refused naming both shapes', () => {
    const { errors, checks } = model('check h_1 h_2 = h_1 ⊙ h_2\ncheck o_1 R = 0\n');
    expect(checks[0]!.lhs.k).toBe('hadamard');
    expect(errors).toEqual(['13:7 shape mismatch: cannot multiply o_1 (vector of 2) and R (3×4 matrix)']);
  });
});

describe('∂(vector)/∂(matrix) is an n×m×k tensor', () => {
  it("has shape [n, m, k]; a gradient times it contracts to the matrix's shape; a Jacobian times it keeps p", () => {
    const { errors, checks } = model('check ∂L/∂U = Σ_i ∂L/∂h_i ∂h_i/∂U\ncheck ∂o_1/∂U = ∂o_1/∂h_1 ∂h_1/∂U\ncheck ∂h_1/∂U = ∂h_1/∂U\n');
    expect(errors).toEqual([]);
    const sum = checks[0]!.rhs as Expr & { k: 'sum' };
    expect(sum.body).toMatchObject({ k: 'contract', shape: [3, 3], b: { k: 'deriv', shape: [3, 3, 3] } });
    expect(checks[1]!.lhs.shape).toEqual([2, 3, 3]);
    expect(checks[1]!.rhs).toMatchObject({ k: 'contract', shape: [2, 3, 3] });
    expect(checks[2]!.lhs.shape).toEqual([3, 3, 3]);
  });

  it('a tensor has no transpose; a matrix by a matrix has no reading', () => {
    const { errors } = model('check (∂h_1/∂U)ᵀ = 0\ncheck ∂U/∂W = 0\n');
    expect(errors.map((e) => e.replace(/^\d+:\d+ /, ''))).toEqual([
      // with no gradient beside it to name, how one multiplies it (rowTensor.test.ts: the form named beside one)
      'a 3×3×3 tensor has no transpose: a gradient multiplies ∂h_1/∂U from the left, untransposed (a gradient left of a Jacobian acts as a row)',
      '∂A/∂B of a 3×3 matrix by a 3×2 matrix has no reading: differentiate a scalar or a vector (by a scalar, a vector or a matrix)',
    ]);
  });
});

describe('M^k', () => {
  it('is the matrix power for a square matrix, with an integer or an index expression', () => {
    const { errors, checks } = model('check U^2 = U U\ncheck Σ_{i=1}^{T} (Uᵀ)^{T-i} = U\ncheck h_1^2 = h_1 ⊙ h_1\n');
    expect(errors).toEqual([]);
    expect(checks[0]!.lhs).toMatchObject({ k: 'matpow', shape: [3, 3], n: { k: 'num', value: 2 } });
    const body = (checks[1]!.lhs as Expr & { k: 'sum' }).body;
    expect(body).toMatchObject({ k: 'matpow', a: { k: 'transpose' }, n: { k: 'sub' } });
    expect(checks[2]!.lhs.k).toBe('pow');
  });

  it('is refused for a matrix that is not square, and for a negative or fractional power', () => {
    const { errors } = model('check W^2 = 0\ncheck U^{-1} = 0\ncheck U^{0.5} = 0\n');
    expect(errors.map((e) => e.replace(/^\d+:\d+ /, ''))).toEqual([
      'M^k is the matrix power of a square matrix, not of a 3×2 matrix (⊙ multiplies entrywise)',
      'a matrix power M^k needs a whole number k ≥ 0, not -1',
      'a matrix power M^k needs a whole number k ≥ 0, not 0.5',
    ]);
  });
});

describe('division', () => {
  it('a scalar divided by a vector is elementwise (1/ŷ)', () => {
    const { errors, checks } = model('check 1/h_1 = 1/h_1\n');
    expect(errors).toEqual([]);
    expect(checks[0]!.lhs).toMatchObject({ k: 'div', shape: [3], a: { k: 'num' } });
  });
});

describe('juxtaposed runs of defined names', () => {
  it('Vh_t reads as V h_t, with an information diagnostic; a defined name wins', () => {
    const c = compile(VNET + 'p_t = Vh_t\n');
    expect(c.diagnostics.filter((d) => d.severity !== 'information')).toEqual([]);
    const info = c.diagnostics.filter((d) => d.severity === 'information');
    expect(info.map((d) => [d.message, d.line, d.column, d.endColumn])).toEqual([
      ['Vh_t is read as V h_t: a product of names this file defines', 12, 7, 11],
    ]);
    expect(c.model.quantities.get('p')!.general).toMatchObject({ k: 'matmul', a: { name: 'V' }, b: { name: 'h', idx: { v: 't', k: 0 } } });
    const defined = compile(VNET + 'Vh = 2\ncheck Vh = 2\n');
    expect(defined.diagnostics).toEqual([]);
    expect((defined.model.questions[0] as CheckQuestion).lhs).toMatchObject({ k: 'ref', name: 'Vh' });
  });

  it('the longest defined names first; no split, no reading: unknown name', () => {
    const c = compile('T = 1\nparam a = 2\nparam ab = 3\nparam c = 5\ncheck abc = 15\ncheck abd = 1\n');
    const q = c.model.questions[0] as CheckQuestion;
    expect(q.lhs).toMatchObject({ k: 'mul', a: { name: 'ab' }, b: { name: 'c' } });
    expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['unknown name abd — did you mean ab?']);
  });
});
