// A dense sweep lends its intermediates' accumulators (tape.ts Sweeper.lend): one pool per budget, shared by
// every run of one analysis (the file's values, the draws, the culprits' runs), by tape position. What a sweep
// returns holds the barriers' (graph nodes', leaves') gradients and the root's only, none of them lent, so no
// later sweep — on this run or on another run of the same budget — writes them; and the derivatives are bit for
// bit those of runs that share nothing, with the same operations charged.
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/engine/budget';
import { forward } from '../../src/engine/run';
import { Tape } from '../../src/engine/tape';
import type { Idx } from '../../src/language/model';
import { idx, model, rand, ref, vectorNet } from './build';

const m = model(vectorNet(7, 4, 3, 2, 2, 'tanh', true));

type Q = [of: [string, number], wrt: [string, number | null], total: boolean];
const questions: Q[] = [
  [['o', 3], ['h', 1], true],
  [['h', 4], ['W_xh', null], true],
  [['o', 4], ['h', 4], true],
  [['h', 3], ['h', 2], false],
  [['o', 2], ['W_hh', null], true],
  [['h', 4], ['h', 1], true],
];

function ask(run: ReturnType<typeof forward>, [of, wrt, total]: Q) {
  const wi: Idx | null = wrt[1] === null ? null : idx(wrt[1]);
  return run.derivativeAt(ref(m, of[0], idx(of[1])), { name: wrt[0], idx: wi }, {}, total);
}

/** a draw's values: every declared value scaled, so that the runs differ in every number */
const scaled = (f: number) => Object.fromEntries([...m.decls.keys()].map((k) => [k, f]));

describe('lent accumulators', () => {
  it('runs sharing a budget give the numbers and charges of runs that share nothing, in any order', () => {
    const shared = new Budget();
    const runs = [1, 0.5, -1.5].map((f) => forward(m, undefined, { budget: shared, scale: scaled(f) }));
    const rnd = rand(3);
    // interleaved: each question on each run, in a scrambled order, so that the pool is lent across runs
    const order = runs.flatMap((_, r) => questions.map((_, k) => [r, k] as const)).sort(() => rnd() - 0.5);
    for (const [r, k] of order) {
      const ops0 = shared.ops;
      const got = ask(runs[r]!, questions[k]!);
      const spent = shared.ops - ops0;
      const own = new Budget();
      const fresh = forward(m, undefined, { budget: own, scale: scaled([1, 0.5, -1.5][r]!) });
      const before = own.ops;
      const want = ask(fresh, questions[k]!);
      expect(Array.from(got.tensor.data)).toEqual(Array.from(want.tensor.data));
      expect(got.reached).toBe(want.reached);
      // a repeated question is a memo hit, charged what its computation charged: the same as a fresh run
      expect(spent).toBe(own.ops - before);
    }
  });

  it('what a sweep returned is not written by sweeps on other runs of its budget', () => {
    const shared = new Budget();
    const a = forward(m, undefined, { budget: shared });
    const b = forward(m, undefined, { budget: shared, scale: scaled(2) });
    const gW = a.lossGrad('W_hh', null)!;
    const kept = Array.from(gW.data);
    const d = ask(a, questions[1]!);
    const keptD = Array.from(d.tensor.data);
    for (const x of questions) ask(b, x);
    b.lossGrad('W_xh', null);
    expect(Array.from(gW.data)).toEqual(kept);
    expect(Array.from(d.tensor.data)).toEqual(keptD);
  });

  it("a dense sweep's result holds the barriers and the root, never a lent accumulator", () => {
    const tape = new Tape();
    const x = tape.push('leaf', [2], Float64Array.of(0.3, -0.7));
    x.barrier = true;
    const w = tape.push('leaf', [2], Float64Array.of(1.1, 0.4));
    w.barrier = true;
    const p = tape.mul(x, w); // intermediate
    const s = tape.fn('tanh', p, [2]); // intermediate
    const y = tape.push('id', [2], s.data, s);
    y.barrier = true;
    const first = tape.sweep(y, Float64Array.of(1, 0), 0);
    expect(first[p.id]).toBeUndefined();
    expect(first[s.id]).toBeUndefined();
    const gx = Array.from(first[x.id]!);
    // d tanh(x w)/dx = (1 − tanh²)·w, entry 1 only (the seed)
    expect(gx[0]).toBeCloseTo((1 - Math.tanh(0.33) ** 2) * 1.1, 12);
    expect(gx[1]).toBe(0);
    // a second sweep reuses the lent arrays: zeroed, and the first result untouched
    const second = tape.sweep(y, Float64Array.of(0, 1), 0);
    expect(Array.from(first[x.id]!)).toEqual(gx);
    expect(second[x.id]![0]).toBe(0);
    expect(second[x.id]![1]).toBeCloseTo((1 - Math.tanh(-0.28) ** 2) * 0.4, 12);
    // read at one node: every other accumulator is lent, the root's seed kept
    const only = tape.sweep(y, Float64Array.of(1, 1), 0, undefined, false, undefined, w.id);
    expect(only[x.id]).toBeUndefined();
    expect(only[w.id]).toBeDefined();
    expect(only[y.id]).toBeDefined();
  });
});
