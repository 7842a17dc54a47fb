// A derivative of a named node read from a sweep already made on the run (run.ts fromSweepsMade: ∂⁺A/∂B from
// immediate(A), a short-range total ∂A/∂B from the lowest kept sweep from A) gives bit for bit the numbers a
// fresh run computes for that question alone, and charges the very same operations (the limits fall where
// they fell). A sweep's accumulators are views into shared chunks (tape.ts Sweeper): what one sweep returned
// is not written by the next.
import { describe, expect, it } from 'vitest';
import { Budget, LimitError } from '../../src/engine/budget';
import { forward } from '../../src/engine/run';
import type { Idx } from '../../src/language/model';
import { idx, model, ref, vectorNet } from './build';

const m = model(vectorNet(5, 4, 3, 2, 2, 'tanh', true));

interface Q {
  of: [string, number];
  wrt: [string, number | null];
  total: boolean;
}

const q = (of: [string, number], wrt: [string, number | null], total: boolean): Q => ({ of, wrt, total });

// each batch asks one node for several derivatives, the widest first or last, so that later ones reuse
const batches: Q[][] = [
  [q(['h', 3], ['z', 3], false), q(['h', 3], ['g', 3], false), q(['h', 3], ['h', 2], false), q(['h', 3], ['z', 3], false)],
  [q(['o', 3], ['h', 1], true), q(['o', 3], ['h', 2], true), q(['o', 3], ['h', 3], true), q(['o', 3], ['z', 2], true)],
  [q(['o', 4], ['h', 4], true), q(['o', 4], ['h', 2], true), q(['o', 4], ['W_hh', null], true), q(['o', 4], ['h', 3], true)],
  [q(['h', 4], ['W_xh', null], false), q(['h', 4], ['h', 3], true), q(['h', 4], ['g', 4], false), q(['h', 4], ['h', 1], true)],
];

function ask(run: ReturnType<typeof forward>, x: Q) {
  const wi: Idx | null = x.wrt[1] === null ? null : idx(x.wrt[1]);
  return run.derivativeAt(ref(m, x.of[0], idx(x.of[1])), { name: x.wrt[0], idx: wi }, {}, x.total);
}

describe('derivatives from the sweeps a run has made', () => {
  it.each(batches.map((b, i) => [i, b] as const))('batch %i: the numbers and the operations of a fresh run', (_i, batch) => {
    const budget = new Budget();
    const run = forward(m, undefined, { budget });
    for (const x of batch) {
      const ops0 = budget.ops;
      const got = ask(run, x);
      const spent = budget.ops - ops0;
      const freshBudget = new Budget();
      const fresh = forward(m, undefined, { budget: freshBudget });
      const before = freshBudget.ops;
      const want = ask(fresh, x);
      expect(spent).toBe(freshBudget.ops - before);
      expect(spent).toBeGreaterThan(0);
      expect(Array.from(got.tensor.data)).toEqual(Array.from(want.tensor.data));
      expect(got.reached).toBe(want.reached);
    }
  });

  it('an operation limit met in a reused sweep falls where it fell', () => {
    // the second question is served from the first one's sweep (o_3 down to h_1, then o_3 by h_2)
    const [first, second] = [batches[1]![0]!, batches[1]![1]!];
    const probe = new Budget();
    const run0 = forward(m, undefined, { budget: probe });
    ask(run0, first);
    const afterFirst = probe.ops;
    ask(run0, second);
    const afterSecond = probe.ops;
    expect(afterSecond).toBeGreaterThan(afterFirst);
    // one operation short: the first fits, the second passes the limit
    const tight = new Budget(afterSecond - 1);
    const run = forward(m, undefined, { budget: tight });
    ask(run, first);
    expect(tight.ops).toBe(afterFirst);
    expect(() => ask(run, second)).toThrow(LimitError);
    // exactly enough: both answered
    const exact = new Budget(afterSecond);
    const run2 = forward(m, undefined, { budget: exact });
    ask(run2, first);
    expect(() => ask(run2, second)).not.toThrow();
  });

  it('what a sweep returned is not written by later sweeps (accumulators share chunks)', () => {
    const run = forward(m);
    const gW = run.lossGrad('W_hh', null)!;
    const kept = Array.from(gW.data);
    const gh = run.lossGrad('h', 2)!;
    const keptH = Array.from(gh.data);
    for (const b of batches) for (const x of b) ask(run, x);
    for (const t of [1, 2, 3, 4]) run.immediate(run.node('h', t)!);
    expect(Array.from(gW.data)).toEqual(kept);
    expect(Array.from(gh.data)).toEqual(keptH);
    // and the same numbers as a run that made no other sweep
    expect(kept).toEqual(Array.from(forward(m).lossGrad('W_hh', null)!.data));
  });
});
