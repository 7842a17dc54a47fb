// A run keeps the derivatives and evaluations it has computed (issue 11): a second request gives the same
// numbers, charges the same operations (so the limits fall where they fell), and a caller that writes into
// a result it was given does not change what the next caller gets.
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/engine/budget';
import { forward } from '../../src/engine/run';
import { add, deriv, idx, model, ref, vectorNet } from './build';

const m = model(vectorNet(3, 5, 3, 2, 1));

describe('run memo', () => {
  it('a repeated derivative: same numbers, same operations charged, its own array', () => {
    const budget = new Budget();
    const run = forward(m, undefined, { budget });
    const L = ref(m, m.loss!);
    const wrt = { name: 'h', idx: idx(2) };
    const ops0 = budget.ops;
    const first = run.derivativeAt(L, wrt, {}, true);
    const once = budget.ops - ops0;
    expect(once).toBeGreaterThan(0);
    const kept = Array.from(first.tensor.data);
    first.tensor.data.fill(99);
    const second = run.derivativeAt(L, wrt, {}, true);
    expect(budget.ops - ops0).toBe(2 * once);
    expect(Array.from(second.tensor.data)).toEqual(kept);
    expect(second.reached).toBe(first.reached);
  });

  it('a repeated evaluation (with a derivative inside) at the same bindings: the same', () => {
    const budget = new Budget();
    const run = forward(m, undefined, { budget });
    const J = deriv(m, ref(m, 'h', idx(0, 't')), 'h', idx(-1, 't'));
    const e = add(J, J);
    const spent = new Map<number, number>();
    for (const t of [2, 3, 2, 3]) {
      const ops0 = budget.ops;
      const a = run.evaluateAt(e, { t });
      const ops = budget.ops - ops0;
      expect(ops).toBeGreaterThan(0);
      if (spent.has(t)) expect(ops).toBe(spent.get(t));
      spent.set(t, ops);
      const b = forward(m).evaluateAt(e, { t });
      expect(Array.from(a.data)).toEqual(Array.from(b.data));
      a.data.fill(NaN);
    }
  });

  it('one-entry results kept as numbers: a hit rebuilds the same value and shape, charged alike; {t} and {i} bindings are kept apart', () => {
    const s = model(vectorNet(5, 4, 1, 1, 1));
    const budget = new Budget();
    const run = forward(s, undefined, { budget });
    const L = ref(s, s.loss!);
    // a scalar derivative read by the evaluator (derivativeRead) and by a caller (derivativeAt / derivativeShared)
    const dL = deriv(s, L, 'h', idx(0, 't'));
    const byT = new Map<number, { v: number[]; ops: number }>();
    for (const t of [1, 2, 1, 3, 2]) {
      const ops0 = budget.ops;
      const v = run.evaluateShared(add(dL, dL), { t });
      const ops = budget.ops - ops0;
      const want = forward(s).evaluateAt(add(dL, dL), { t });
      expect(v.shape).toEqual(want.shape);
      expect(Array.from(v.data)).toEqual(Array.from(want.data));
      if (byT.has(t)) expect(ops).toBe(byT.get(t)!.ops);
      byT.set(t, { v: Array.from(v.data), ops });
      const shared = run.derivativeShared(L, { name: 'h', idx: idx(t) }, {}, true);
      const own = run.derivativeAt(L, { name: 'h', idx: idx(t) }, {}, true);
      expect(Array.from(shared.tensor.data)).toEqual(Array.from(own.tensor.data));
      expect(shared.tensor.shape).toEqual(own.tensor.shape);
    }
    // the same expression at { t: 2 } and at { i: 2 }: h_t reads step 2 in the first, is unbound in the second
    const h = ref(s, 'h', idx(0, 't'));
    expect(Array.from(run.evaluateShared(h, { t: 2 }).data)).toEqual(Array.from(run.node('h', 2)!.data));
    expect(() => run.evaluateShared(h, { i: 2 })).toThrow(/t is not bound/);
    expect(Array.from(run.evaluateShared(h, { t: 2, i: 2 }).data)).toEqual(Array.from(run.node('h', 2)!.data));
  });
});
