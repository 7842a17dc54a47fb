// The v2 expression kinds on the tape (issue 9, item 1): contract, matpow, indicator, logit/artanh,
// scalar ÷ vector, ∂(vector)/∂(matrix) as a 3-tensor — values, and gradients against central differences.
import { describe, expect, it } from 'vitest';
import { forward, RunError, type ValueOverrides } from '../../src/engine/run';
import { close } from '../../src/engine/questions';
import { toValue } from '../../src/engine/tensor';
import { valueText } from '../../src/engine/format';
import type { Expr, Model } from '../../src/language/model';
import { call, contract, deriv, div, idx, indicator, matmul, matpow, model, num, ref, vectorNet } from './build';

const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-9) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(a[i]!)));
};

/** ∂(scalar e)/∂(declaration name) by central differences */
function centralDiff(m: Model, e: Expr, name: string): number[] {
  const base = m.decls.get(name)!.values!;
  const out: number[] = [];
  for (let i = 0; i < base[0]!.length; i++) {
    const at = (delta: number) => {
      const vals = base.map((a) => a.slice());
      vals[0]![i]! += delta;
      return forward(m, new Map([[name, vals]]) as ValueOverrides).evaluate(e, null).data[0]!;
    };
    out.push((at(1e-6) - at(-1e-6)) / 2e-6);
  }
  return out;
}

const NET = vectorNet(7, 3, 3, 2, 2);

describe('contract: a vector acts as a row (numerator layout)', () => {
  const m = model(NET);
  const run = forward(m);
  const L2 = ref(m, 'L', idx(2));
  const o2 = ref(m, 'o', idx(2));
  const h2 = ref(m, 'h', idx(2));
  const h3 = ref(m, 'h', idx(3));
  const o3 = ref(m, 'o', idx(3));
  it('[p]·[p,n] → [n]: ∂L_2/∂o_2 · ∂o_2/∂h_2 is ∂L_2/∂h_2', () => {
    const e = contract(deriv(m, L2, 'o', idx(2)), deriv(m, o2, 'h', idx(2)), [3]);
    const got = run.evaluate(e, null);
    expect(got.shape).toEqual([3]);
    near(got.data, run.derivative(L2, { name: 'h', idx: idx(2) }, null, true).data);
  });
  it('[n]·[n,m,k] → [m,k]: ∂L_3/∂h_3 · ∂h_3/∂W_hh is ∂L_3/∂W_hh', () => {
    const dh = deriv(m, h3, 'W_hh', null);
    expect(run.evaluate(dh, null).shape).toEqual([3, 3, 3]);
    const e = contract(deriv(m, ref(m, 'L', idx(3)), 'h', idx(3)), dh, [3, 3]);
    near(run.evaluate(e, null).data, run.derivative(ref(m, 'L', idx(3)), { name: 'W_hh', idx: null }, null, true).data);
  });
  it('[p,n]·[n,m,k] → [p,m,k]: ∂o_3/∂h_3 · ∂h_3/∂W_hh is ∂o_3/∂W_hh', () => {
    const e = contract(deriv(m, o3, 'h', idx(3)), deriv(m, h3, 'W_hh', null), [2, 3, 3]);
    const got = run.evaluate(e, null);
    const want = run.derivative(o3, { name: 'W_hh', idx: null }, null, true);
    expect(want.shape).toEqual([2, 3, 3]);
    near(got.data, want.data);
    expect(close(got.data, want.data)).toBe(true);
  });
  it('Σ_i ∂L/∂h_i · ∂⁺h_i/∂W_hh is ∂L/∂W_hh (seed 002)', () => {
    const L = ref(m, m.loss!);
    let acc: Expr | null = null;
    for (let i = 1; i <= 3; i++) {
      const term = contract(deriv(m, L, 'h', idx(i)), deriv(m, ref(m, 'h', idx(i)), 'W_hh', null, 'immediate'), [3, 3]);
      acc = acc ? { k: 'add', a: acc, b: term, shape: [3, 3], range: term.range } : term;
    }
    near(run.evaluate(acc!, null).data, run.derivative(L, { name: 'W_hh', idx: null }, null, true).data);
  });
  it('a 3-tensor prints as a list of matrices', () => {
    const v = toValue(run.evaluate(deriv(m, h2, 'W_xh', null), null));
    expect(Array.isArray(v) && Array.isArray((v as number[][][])[0]![0])).toBe(true);
    expect((v as number[][][]).length).toBe(3);
    expect((v as number[][][])[0]!.length).toBe(3);
    expect((v as number[][][])[0]![0]!.length).toBe(2);
    expect(valueText(v)).toMatch(/^\[\[\[/);
  });
  it('the gradient flows through a contraction (∂ of sum(W_hy · h_2-row) by W_hy)', () => {
    // h_2 as a row times W_hyᵀ-shaped product: [3]·[3,2]… use [2]·[2,3] = y_2ᵀ W_hy
    const e = call('sum', contract(ref(m, 'y', idx(2)), ref(m, 'W_hy'), [3]), []);
    const g = run.derivative(e, { name: 'W_hy', idx: null }, null, true);
    near(g.data, centralDiff(m, e, 'W_hy'), 1e-6);
  });
});

describe('matpow: M^n, M^0 = I', () => {
  const m = model(NET);
  const run = forward(m);
  const W = ref(m, 'W_hh');
  it('W^2 = W W, W^3 = W W W, W^0 = I', () => {
    near(run.evaluate(matpow(W, num(2)), null).data, run.evaluate(matmul(W, W, [3, 3]), null).data);
    near(run.evaluate(matpow(W, num(3)), null).data, run.evaluate(matmul(matmul(W, W, [3, 3]), W, [3, 3]), null).data);
    expect(Array.from(run.evaluate(matpow(W, num(0)), null).data)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    near(run.evaluate(matpow(W, num(1)), null).data, run.evaluate(W, null).data);
  });
  it('the power may be a step expression: (W)^{T-t}', () => {
    const e = matpow(W, { k: 'sub', a: num(3), b: { k: 'var', idx: idx(0, 't'), shape: [], range: W.range }, shape: [], range: W.range });
    near(run.evaluate(e, 1).data, run.evaluate(matmul(W, W, [3, 3]), null).data);
  });
  it('has a backward pass: ∂ sum(W^5 b_h) / ∂W_hh equals central differences', () => {
    const e = call('sum', matmul(matpow(W, num(5)), ref(m, 'b_h'), [3]), []);
    near(run.derivative(e, { name: 'W_hh', idx: null }, null, true).data, centralDiff(m, e, 'W_hh'), 1e-6);
  });
  it('a power past 32 bits is the power (a shift truncated it: W^{2^40} was the identity)', () => {
    // the shear [[1, 1], [0, 1]] to the n is [[1, n], [0, 1]], exact in float64 up to 2^53
    const shear: Expr = {
      k: 'mat',
      rows: [
        [num(1), num(1)],
        [num(0), num(1)],
      ],
      shape: [2, 2],
      range: W.range,
    };
    for (const n of [2 ** 40, 2 ** 40 + 3, 2 ** 52])
      expect(Array.from(run.evaluate(matpow(shear, num(n)), null).data)).toEqual([1, n, 0, 1]);
  });
  it('a power that is not a whole number ≥ 0 is a RunError naming it', () => {
    expect(() => run.evaluate(matpow(W, num(1.5)), null)).toThrow(RunError);
    expect(() => run.evaluate(matpow(W, num(1.5)), null)).toThrow(/whole number ≥ 0, not 1\.5/);
    expect(() => run.evaluate(matpow(W, num(-1)), null)).toThrow(/not -1/);
  });
});

describe('indicator, logit, artanh, scalar ÷ vector', () => {
  const m = model(`T = 2
input x : 3 = [[0.2, -0.4, 0.5], [0.3, 0.1, -0.2]]
target y = [1, 2]
param w = 0.6
param v : 3 = [0.5, -1.5, 2]
h_0 = 0
h_t = tanh(w h_{t-1} + w)
loss L = Σ_t h_t
`);
  const run = forward(m);
  it('the indicator is 1 where a = b, with zero gradient', () => {
    expect(run.evaluate(indicator(num(2), ref(m, 'y', idx(2))), null).data[0]).toBe(1);
    expect(run.evaluate(indicator(num(1), ref(m, 'y', idx(2))), null).data[0]).toBe(0);
    const e = { k: 'mul', a: indicator(num(2), num(2)), b: ref(m, 'w'), shape: [], range: ref(m, 'w').range } as Expr;
    expect(run.derivative(e, { name: 'w', idx: null }, null, true).data[0]).toBe(1);
    const d = run.derivativeAt(indicator(ref(m, 'w'), num(0.6)), { name: 'w', idx: null }, {}, true);
    expect(d.tensor.data[0]).toBe(0);
  });
  it('logit and artanh invert σ and tanh, with their derivatives on the tape', () => {
    const w = ref(m, 'w');
    expect(run.evaluate(call('logit', call('sigma', w)), null).data[0]).toBeCloseTo(0.6, 12);
    expect(run.evaluate(call('artanh', call('tanh', w)), null).data[0]).toBeCloseTo(0.6, 12);
    for (const fn of ['logit', 'artanh'] as const) {
      const e = call(fn, { k: 'mul', a: num(0.5), b: w, shape: [], range: w.range });
      near(run.derivative(e, { name: 'w', idx: null }, null, true).data, centralDiff(m, e, 'w'), 1e-6);
    }
    expect(Number.isNaN(run.evaluate(call('logit', num(2)), null).data[0])).toBe(true);
  });
  it('a scalar divided by a vector is elementwise, with its gradient', () => {
    const e = div(num(1), ref(m, 'v'), [3]);
    expect(Array.from(run.evaluate(e, null).data)).toEqual([2, 1 / -1.5, 0.5]);
    const s = call('sum', div(ref(m, 'w'), ref(m, 'v'), [3]), []);
    near(run.derivative(s, { name: 'v', idx: null }, null, true).data, centralDiff(m, s, 'v'), 1e-6);
    near(run.derivative(s, { name: 'w', idx: null }, null, true).data, centralDiff(m, s, 'w'), 1e-6);
  });
});
