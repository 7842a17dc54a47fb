// Cross-entropy through a softmax, derived as every textbook prints it (Goodfellow eqs. 10.18, 10.21, 10.24):
// ∂L/∂o_t = (ŷ_t − y_t)ᵀ, δ_T = Vᵀ(ŷ_T − y_T), ∇_V L = Σ_t (ŷ_t − y_t) h_tᵀ, where Unroll printed
// −𝟏ᵀ diag(y ⊙ (𝟏/ŷ)) (diag(ŷ) − ŷ ŷᵀ) and ŷ ⊙ (−(y/ŷ) + ŷᵀ(y/ŷ)). The cancellation needs Σ y = 1: it is made for
// one-hot and probability targets only, and each printed form is one the analysis evaluated back to the number.
// A mean's 1/T prints as (1/3), not 0.3333333333333333.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const num = fc.double({ min: -1, max: 1, noNaN: true }).map(r4);
const mat = (r: number, c: number) => fc.array(fc.array(num, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
const oneHot = fc.integer({ min: 0, max: 2 }).map((k) => [0, 1, 2].map((i) => (i === k ? 1 : 0)));
/** ŷ as printed and as typed here may differ in composition: compared in NFC */
const nfc = (s: string) => s.normalize('NFC');
const show = (m: number[][]) => `[${m.map((r) => `[${r.join(', ')}]`).join(', ')}]`;

function net(T: number, W: number[][], U: number[][], V: number[][], xs: number[][], ys: number[][], loss: string, queries: string[]) {
  return [
    `T = ${T}`,
    `input x : 2 = ${show(xs)}`,
    `target y : 3 = ${show(ys)}`,
    `param W : 3x2 = ${show(W)}`,
    `param U : 3x3 = ${show(U)}`,
    `param V : 3x3 = ${show(V)}`,
    'h_0 = 0',
    'h_t = tanh(W x_t + U h_{t-1})',
    'o_t = V h_t',
    'ŷ_t = softmax(o_t)',
    `loss L = ${loss}`,
    ...queries.map((q) => `derive ${q}`),
    '',
  ].join('\n');
}

const mv = (M: number[][], v: number[]) => M.map((r) => r.reduce((s, m, j) => s + m * v[j]!, 0));
function outputs(W: number[][], U: number[][], V: number[][], xs: number[][]) {
  let h = [0, 0, 0];
  return xs.map((x) => {
    const a = mv(W, x);
    const b = mv(U, h);
    h = a.map((v, i) => Math.tanh(v + b[i]!));
    const o = mv(V, h);
    const m = Math.max(...o);
    const e = o.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / s);
  });
}

describe('softmax with cross-entropy: ŷ − y, as printed in textbooks', () => {
  it('∂L/∂o_t = (ŷ_t − y_t)ᵀ for one-hot targets, and its numbers are softmax(o_t) − y_t', () => {
    fc.assert(
      fc.property(
        mat(3, 2),
        mat(3, 3),
        mat(3, 3),
        fc.array(fc.tuple(num, num), { minLength: 3, maxLength: 3 }),
        fc.array(oneHot, { minLength: 3, maxLength: 3 }),
        (W, U, V, x3, ys) => {
          const xs = x3.map(([a, b]) => [a, b]);
          const d = analyze(net(3, W, U, V, xs, ys, '-Σ_t sum(y_t ⊙ log(ŷ_t))', ['∂L/∂o_t']), { forms: true }).derives[0]!;
          expect(d.general?.map((g) => nfc(g.text))).toEqual([nfc('∂L/∂o_t = ∂L/∂ŷ_t·∂ŷ_t/∂o_t = (ŷ_t − y_t)ᵀ   for t = 1..3')]);
          const yh = outputs(W, U, V, xs);
          d.results.forEach((r, t) => {
            (r.value as number[]).forEach((v, i) => expect(Math.abs(v - (yh[t]![i]! - ys[t]![i]!))).toBeLessThan(1e-9));
          });
        },
      ),
      { numRuns: 20, seed: 18 },
    );
  });

  it('the recursion and the weight: δ_t names Vᵀ(ŷ_t − y_t), ∂L/∂V is Σ_t (ŷ_t − y_t) h_tᵀ (yᵀ log ŷ and a probability target too)', () => {
    const W = [
      [0.5, -0.3],
      [0.2, 0.8],
      [-0.6, 0.1],
    ];
    const U = [
      [0.4, -0.2, 0.1],
      [0.3, 0.5, -0.4],
      [-0.1, 0.2, 0.6],
    ];
    const V = [
      [0.7, -0.5, 0.2],
      [-0.3, 0.4, 0.6],
      [0.5, 0.1, -0.8],
    ];
    const xs = [
      [1, 0],
      [0.5, -1],
      [-0.3, 0.8],
    ];
    const ys = [
      [0.2, 0.3, 0.5],
      [0, 1, 0],
      [0.1, 0.1, 0.8],
    ];
    const r = analyze(net(3, W, U, V, xs, ys, '-\\frac{1}{T} \\sum_t y_t^T \\log(ŷ_t)', ['∂L/∂h_t', '∂L/∂V']), { forms: true });
    const [dh, dV] = r.derives;
    expect(nfc(dh!.general![0]!.text)).toContain(nfc('∂L/∂h_t = (1/3) Vᵀ (ŷ_t − y_t) + Uᵀ (δ_{t+1} ⊙ tanh′(h̃_{t+1}))'));
    // the last step is the column its general line is (session 58; it printed the row (1/3)(ŷ₃ − y₃)ᵀ V)
    expect(nfc(dh!.general![1]!.text)).toContain(nfc('= (1/3) Vᵀ (ŷ₃ − y₃)'));
    const explicit = dV!.results[0]!.forms!.explicit!;
    expect(nfc(explicit.text)).toContain(nfc('∂L/∂V = (1/3)(ŷ₁ − y₁) h₁ᵀ + (1/3)(ŷ₂ − y₂) h₂ᵀ + (1/3)(ŷ₃ − y₃) h₃ᵀ'));
    expect(explicit.latex).toContain('\\frac{1}{3}');
    expect(explicit.latex).not.toContain('0.333');
  });

  it('a target that does not sum to 1 keeps the general form (ŷ − y would be wrong), with the same numbers', () => {
    const I = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const W = [
      [0.5, -0.3],
      [0.2, 0.8],
      [-0.6, 0.1],
    ];
    const xs = [
      [1, 0],
      [0.5, -1],
    ];
    const ys = [
      [0.5, 0.5, 0.5],
      [0.2, 0.1, 0.1],
    ];
    const d = analyze(net(2, W, I, I, xs, ys, '-Σ_t sum(y_t ⊙ log(ŷ_t))', ['∂L/∂o_t']), { forms: true }).derives[0]!;
    const text = nfc(d.general!.map((g) => g.text).join('\n'));
    expect(text).not.toContain(nfc('ŷ_t − y_t'));
    expect(text).toContain(nfc('diag(ŷ_t) − ŷ_t ŷ_tᵀ'));
    const yh = outputs(W, I, I, xs);
    d.results.forEach((res, t) => {
      const sy = ys[t]!.reduce((a, b) => a + b, 0);
      (res.value as number[]).forEach((v, i) => expect(Math.abs(v - (yh[t]![i]! * sy - ys[t]![i]!))).toBeLessThan(1e-9));
    });
  });

  it("a class label (Goodfellow's L_t = −log ŷ_{t,y_t}): ∂L/∂o_t = (ŷ_t − e_{y_t})ᵀ, δ_t names Vᵀ(ŷ_t − e_{y_t}); it was only the number", () => {
    fc.assert(
      fc.property(
        mat(3, 2),
        mat(3, 3),
        mat(3, 3),
        fc.array(fc.tuple(num, num), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        (W, U, V, x3, ks) => {
          const xs = x3.map(([a, b]) => [a, b]);
          const text = net(3, W, U, V, xs, [], '', [])
            .replace(/target y : 3 = .*/, `target y = [${ks.join(', ')}]`)
            .replace(
              /loss L = .*/,
              'L_t = -\\log ŷ_{t, y_t}\nloss L = \\sum_t L_t\nderive ∂L/∂o_t\nderive ∂L/∂h_t\ncheck ∂L/∂o_t = ŷ_t - e_{y_t}',
            );
          const r = analyze(text, { forms: true });
          const [dO, dH] = r.derives;
          expect(dO!.general?.map((g) => nfc(g.text))).toEqual([nfc('∂L/∂o_t = ∂L_t/∂ŷ_t·∂ŷ_t/∂o_t = (ŷ_t − e_{y_t})ᵀ   for t = 1..3')]);
          expect(nfc(dH!.general![0]!.text)).toContain(nfc('∂L/∂h_t = Vᵀ (ŷ_t − e_{y_t}) + Uᵀ (δ_{t+1} ⊙ tanh′(h̃_{t+1}))'));
          expect(r.checks[0]!.status).toBe('holds');
          const yh = outputs(W, U, V, xs);
          dO!.results.forEach((res, t) => {
            (res.value as number[]).forEach((v, i) => expect(Math.abs(v - (yh[t]![i]! - (i + 1 === ks[t] ? 1 : 0)))).toBeLessThan(1e-9));
          });
        },
      ),
      { numRuns: 15, seed: 18 },
    );
  });
});
