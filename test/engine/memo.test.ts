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
});
