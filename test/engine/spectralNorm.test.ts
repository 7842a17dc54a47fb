// ‖M‖ of a matrix is its spectral norm (session 46): the vanishing-gradient bounds mean the operator norm, under
// which ‖∏ J_j‖ ≤ ∏ ‖J_j‖ holds for the empty product and ‖diag(σ'(z))‖ ≤ 1/4; under the Frobenius norm the identity's
// is √n and a diagonal's the root of its squares' sum, and both correct bounds failed. ‖M‖_F is the Frobenius norm.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { topSingular } from '../../src/engine/spectralNorm';
import { analyzeSolution } from '../../src/solution';

const matrix = fc.record({ m: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 6 }) }).chain(({ m, n }) =>
  fc.record({
    m: fc.constant(m),
    n: fc.constant(n),
    a: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: m * n, maxLength: m * n }),
  }),
);

describe('topSingular', () => {
  it('gives σ₁ with M v = σ₁ u, Mᵀ u = σ₁ v, unit v, no x stretched more, and the transpose’s σ₁', () => {
    fc.assert(
      fc.property(matrix, ({ m, n, a }) => {
        const M = Float64Array.from(a);
        const { s, u, v } = topSingular(M, 0, m, n);
        const scale = Math.max(1, s);
        let vv = 0;
        for (const x of v) vv += x * x;
        if (s > 0) expect(Math.abs(vv - 1)).toBeLessThan(1e-12);
        for (let i = 0; i < m; i++) {
          let t = 0;
          for (let j = 0; j < n; j++) t += M[i * n + j]! * v[j]!;
          expect(Math.abs(t - s * u[i]!)).toBeLessThan(1e-12 * scale);
        }
        for (let j = 0; j < n; j++) {
          let t = 0;
          for (let i = 0; i < m; i++) t += M[i * n + j]! * u[i]!;
          if (s > 0) expect(Math.abs(t - s * v[j]!)).toBeLessThan(1e-12 * scale);
        }
        // σ₁ is the largest stretch: every unit vector (the basis, a fixed mix) is stretched at most σ₁
        for (let j = 0; j < n; j++) {
          let col = 0;
          for (let i = 0; i < m; i++) col += M[i * n + j]! ** 2;
          expect(Math.sqrt(col)).toBeLessThanOrEqual(s * (1 + 1e-12) + 1e-15);
        }
        const T = new Float64Array(m * n);
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) T[j * m + i] = M[i * n + j]!;
        expect(Math.abs(topSingular(T, 0, n, m).s - s)).toBeLessThan(1e-12 * scale);
      }),
      { numRuns: 200 },
    );
  });

  it('of the identity 1, of a diagonal its largest entry, of zeros 0', () => {
    expect(topSingular([1, 0, 0, 0, 1, 0, 0, 0, 1], 0, 3, 3).s).toBeCloseTo(1, 15);
    expect(topSingular([0.1, 0, 0, 0, -0.25, 0, 0, 0, 0.2], 0, 3, 3).s).toBeCloseTo(0.25, 15);
    expect(topSingular(new Float64Array(6), 0, 2, 3).s).toBe(0);
  });

  it('entries past 1e±154, whose squares under- or overflow, keep their norm (fast-check seed 1000744854)', () => {
    expect(topSingular([1.5717277847026288e-162, 0, 0], 0, 1, 3).s).toBe(1.5717277847026288e-162);
    expect(topSingular([0, 0, 0, -1.5717277847026288e-162, 0, 0, 0, 0], 0, 2, 4).s).toBe(1.5717277847026288e-162);
    expect(topSingular([3e200, 0, 0, 4e200], 0, 2, 2).s).toBeCloseTo(4e200, -185);
  });
});

const NET = `T = 3
input x : 2
param W_h : 3x3
param W_e : 3x2
param b_1 : 3
param U : 1x3
h_0 = [0, 0, 0]
h_t = σ(W_h h_{t-1} + W_e x_t + b_1)
J_t = (U h_t)^2
loss J = Σ_t J_t
`;

describe('‖M‖ in checks', () => {
  it('the identity’s is 1 (its Frobenius norm √3); a diagonal of σ’ is at most 1/4 (its Frobenius norm is not)', () => {
    const r = analyze(
      NET +
        'check ‖I_3‖ = 1\ncheck ‖I_3‖_F = sqrt(3)\n' +
        "check ‖diag(σ'(W_h h_{t-1} + W_e x_t + b_1))‖ ≤ 1/4\n" +
        "check ‖diag(σ'(W_h h_{t-1} + W_e x_t + b_1))‖_F ≤ 1/4\n",
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    // said once, where a matrix's norm is first read
    expect(r.diagnostics.filter((d) => d.code === 'spectral-norm').map((d) => [d.line, d.message])).toEqual([
      [
        11,
        '‖I_3‖, the norm of a 3×3 matrix, is its spectral norm: the largest singular value (the operator norm the bounds on ∂h_t/∂h_k mean); ‖I_3‖_F is the Frobenius norm',
      ],
    ]);
  });

  it('the bounds of the vanishing-gradient notes hold, the spectral below the Frobenius norm', () => {
    const r = analyze(
      NET +
        "check ‖∂h_t/∂h_{t-1}‖ ≤ ‖W_hᵀ‖ ‖diag(σ'(W_h h_{t-1} + W_e x_t + b_1))‖\n" +
        'check ‖∂h_3/∂h_1‖ ≤ ‖∂h_3/∂h_2‖ ‖∂h_2/∂h_1‖\n' +
        'check ‖W_h‖ ≤ ‖W_h‖_F\ncheck ‖W_h‖ = ‖W_hᵀ‖\ncheck ‖W_h‖_F^2 = sum(W_h ⊙ W_h)\ncheck ‖W_h‖^2 = ‖W_h‖ ‖W_h‖\n',
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'holds']);
    // a vector's norm is the Euclidean norm either way
    expect(analyze(NET + 'check ‖h_t‖ = sqrt(sum(h_t ⊙ h_t))\ncheck ‖h_t‖_F = ‖h_t‖\n').checks.map((c) => c.status)).toEqual([
      'holds',
      'holds',
    ]);
  });

  it('CS224n’s chain: ‖∂h_t/∂h_k‖ = ‖∏ ∂h_j/∂h_{j−1}‖ ≤ ∏ ‖∂h_j/∂h_{j−1}‖ holds at t = k too (the empty product)', () => {
    const md =
      '```rnn\n' +
      NET +
      '```\n\n$$\\left\\| \\frac{\\partial h_t}{\\partial h_k} \\right\\| = \\left\\| \\prod_{j=k+1}^{t} \\frac{\\partial h_j}{\\partial h_{j-1}} \\right\\| \\leq \\prod_{j=k+1}^{t} \\left\\| \\frac{\\partial h_j}{\\partial h_{j-1}} \\right\\|$$\n';
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.equations[0]!.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});

describe('‖M‖ in the network', () => {
  const text = `T = 2
param W : 3x2 = [[0.3, -0.2], [0.5, 0.1], [-0.4, 0.7]]
input x : 2 = [[1, 0.5], [-0.5, 2]]
h_t = W x_t
loss L = ‖W‖ + Σ_t sum(h_t ⊙ h_t)
derive ∂L/∂W
`;
  it('its gradient u vᵀ agrees with central differences; the forms say why they are not written', () => {
    const r = analyze(text, { gradcheck: true, forms: true });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const g of r.gradcheck) expect(g.relError, g.name).toBeLessThan(1e-6);
    const d = r.derives[0]!;
    expect(d.results[0]!.value).toBeDefined();
    expect(JSON.stringify(d)).toContain('the spectral norm ‖M‖ of a matrix in an equation');
  });

  it('a matrix too large for its eigen-decomposition meets the operation limit, named', () => {
    const big = analyze('T = 1\nparam W : 200x200\nloss L = ‖W‖\n');
    expect(big.diagnostics.find((d) => d.severity === 'error')?.message).toMatch(/limit/);
  });
});
