// A row times a 3-index tensor (session 41): (∂L/∂h_t)ᵀ ∂⁺h_t/∂W_hh, the numerator-layout chain rule with the
// gradient's transpose written, contracts h's index and is ∂L/∂W_hh in W_hh's shape (LANGUAGE.md §4), as the
// untransposed ∂L/∂h_t ∂⁺h_t/∂W_hh is. It was a 1×2×2 tensor, a shape mismatch beside the 2×2 left side. The
// transpose of the tensor itself stays refused, with the form to write.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rand } from './build';
import { analyze } from '../../src/index';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 3
input x : 2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]
target y : 2 = [[0.1, 0.2], [0.3, -0.1], [0.0, 0.4]]
param W_xh : 2x2 = [[0.3, -0.2], [0.1, 0.4]]
param W_hh : 2x2 = [[0.5, 0.1], [-0.3, 0.2]]
h_0 = [0, 0]
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = Σ_t sum((h_t - y_t)^2)
`;

const check = (rhs: string) => {
  const r = analyze(`${NET}check ∂L/∂W_hh = ${rhs}\n`, FAST);
  expect(r.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
  return r.checks[0]!;
};

describe('a row times a 3-index tensor', () => {
  it('the written transpose of the gradient reads as the row, and holds as the untransposed form does', () => {
    expect(check('Σ_t ∂L/∂h_t ∂⁺h_t/∂W_hh').status).toBe('holds');
    expect(check('Σ_t (∂L/∂h_t)ᵀ ∂⁺h_t/∂W_hh').status).toBe('holds');
    expect(check('(∂L/∂h_1)ᵀ ∂⁺h_1/∂W_hh + (∂L/∂h_2)ᵀ ∂⁺h_2/∂W_hh + (∂L/∂h_3)ᵀ ∂⁺h_3/∂W_hh').status).toBe('holds');
  });

  it('a wrong step fails and is named as the untransposed form names it', () => {
    const c = check('Σ_t (∂L/∂h_t)ᵀ ∂⁺h_{t-1}/∂W_hh');
    expect(c.status).toBe('fails');
    expect(c.message).toContain('∂⁺h_{t-1}/∂W_hh should be ∂⁺h_t/∂W_hh');
  });

  it('a wrong weight fails with the values of the untransposed form', () => {
    const row = check('Σ_t (∂L/∂h_t)ᵀ ∂⁺h_t/∂W_xh');
    expect(row.status).toBe('fails');
    expect(row.message).toBe(check('Σ_t ∂L/∂h_t ∂⁺h_t/∂W_xh').message);
  });

  it('in a Markdown solution with LaTeX: ∂^+ holds, plain ∂ holds as a one-step derivative', () => {
    const eq = (jacobian: string) =>
      `$$\n\\frac{\\partial L}{\\partial \\mathbf{W}_{hh}} = \\sum_{t=1}^{T} \\left(\\frac{\\partial L}{\\partial \\mathbf{h}_t}\\right)^\\top ${jacobian}\n$$\n`;
    const md = [
      '```rnn',
      NET + '```',
      eq('\\frac{\\partial^+ \\mathbf{h}_t}{\\partial \\mathbf{W}_{hh}}'),
      eq('\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{W}_{hh}}'),
    ].join('\n');
    const r = analyze(md, FAST);
    expect(r.equations!.map((e) => e.status)).toEqual(['holds', 'holds-as-one-step']);
  });

  it('the transpose of the tensor is refused with the form that reads', () => {
    const r = analyze(`${NET}check ∂L/∂W_hh = Σ_t (∂h_t/∂W_hh)ᵀ ∂L/∂h_t\ncheck ∂L/∂W_hh = Σ_t ∂L/∂h_t (∂⁺h_t/∂W_hh)ᵀ\n`, FAST);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors).toEqual([
      'a 2×2×2 tensor has no transpose: write ∂L/∂h_t ∂h_t/∂W_hh (a gradient left of a Jacobian acts as a row)',
      'a 2×2×2 tensor has no transpose: write ∂L/∂h_t ∂⁺h_t/∂W_hh (a gradient left of a Jacobian acts as a row)',
    ]);
    // with no gradient beside it, the refusal still says how the tensor is multiplied
    const alone = analyze(`${NET}check ∂L/∂W_hh = Σ_t (∂⁺h_t/∂W_hh)ᵀ\n`, FAST);
    expect(alone.diagnostics.map((d) => d.message)).toContain(
      'a 2×2×2 tensor has no transpose: a gradient multiplies ∂⁺h_t/∂W_hh from the left, untransposed (a gradient left of a Jacobian acts as a row)',
    );
  });
});

type Mat = number[][];
const matVec = (M: Mat, v: number[]) => M.map((row) => row.reduce((s, m, j) => s + m * v[j]!, 0));

/** the network's text and ∂L/∂W_hh by a hand-written BPTT (δ_t = ∂L/∂h_t, ∂L/∂W_hh = Σ_t (δ_t ⊙ tanh') h_{t-1}ᵀ) */
function randomNet(n: number, T: number, seed: number): { text: string; grad: Mat } {
  const r = rand(seed);
  const mat = (rows: number, cols: number): Mat => Array.from({ length: rows }, () => Array.from({ length: cols }, () => 2 * r()));
  const Wxh = mat(n, n);
  const Whh = mat(n, n);
  const x = mat(T, n);
  const y = mat(T, n);
  const h0 = mat(1, n)[0]!;
  const h: number[][] = [h0];
  for (let t = 1; t <= T; t++) {
    const a = matVec(Wxh, x[t - 1]!);
    const b = matVec(Whh, h[t - 1]!);
    h.push(a.map((v, i) => Math.tanh(v + b[i]!)));
  }
  const grad: Mat = Whh.map((row) => row.map(() => 0));
  let carry = new Array<number>(n).fill(0); // ∂L/∂h_t through h_{t+1}
  for (let t = T; t >= 1; t--) {
    const delta = h[t]!.map((v, i) => 2 * (v - y[t - 1]![i]!) + carry[i]!);
    const dz = delta.map((d, i) => d * (1 - h[t]![i]! ** 2));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) grad[i]![j]! += dz[i]! * h[t - 1]![j]!;
    carry = Whh[0]!.map((_, j) => dz.reduce((s, d, i) => s + d * Whh[i]![j]!, 0));
  }
  const lit = (M: Mat) => JSON.stringify(M);
  const text = `T = ${T}
input x : ${n} = ${lit(x)}
target y : ${n} = ${lit(y)}
param W_xh : ${n}x${n} = ${lit(Wxh)}
param W_hh : ${n}x${n} = ${lit(Whh)}
h_0 = ${JSON.stringify(h0)}
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = Σ_t sum((h_t - y_t)^2)
check ∂L/∂W_hh = Σ_t (∂L/∂h_t)ᵀ ∂⁺h_t/∂W_hh
derive Σ_t (∂L/∂h_t)ᵀ ∂⁺h_t/∂W_hh
derive ∂L/∂W_hh
`;
  return { text, grad };
}

describe('the row form on random small networks', () => {
  it('equals the autodiff gradient and a hand-written BPTT within 1e-9, and holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1 << 30 }), (n, T, seed) => {
        const { text, grad } = randomNet(n, T, seed);
        const r = analyze(text, FAST);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.checks[0]!.status).toBe('holds');
        const row = r.derives[0]!.results[0]!.value as Mat;
        const autodiff = r.derives[1]!.results[0]!.value as Mat;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            expect(Math.abs(row[i]![j]! - autodiff[i]![j]!)).toBeLessThanOrEqual(1e-9);
            expect(Math.abs(row[i]![j]! - grad[i]![j]!)).toBeLessThanOrEqual(1e-9);
          }
      }),
      { seed: 41, numRuns: 8 },
    );
  });
});
