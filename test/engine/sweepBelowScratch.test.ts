// A transient sweep's accumulators below its range (tape.ts Sweeper.cleared: one-step and ∂⁺ derivatives
// by a parameter or an earlier node) are scratch, as its lent accumulators, cleared and handed out again at the next sweep.
// What a derivative returned is its caller's copy: asked in sequence on one run, each gives bit for bit what
// a fresh run gives for it alone, and an earlier result is not written by a later sweep.
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/engine/budget';
import { forward } from '../../src/engine/run';
import type { Idx } from '../../src/language/model';
import { idx, model, ref, vectorNet } from './build';

// W_hh and W_xh are 4×4 and 4×3: more entries than an accumulator made as an array of its own
const m = model(vectorNet(5, 4, 3, 2, 2, 'tanh', true));

const asks: { of: [string, number]; wrt: [string, number | null]; total: boolean; oneStep: boolean }[] = [
  { of: ['h', 3], wrt: ['W_hh', null], total: true, oneStep: true },
  { of: ['h', 2], wrt: ['W_xh', null], total: true, oneStep: true },
  { of: ['z', 4], wrt: ['W_hh', null], total: false, oneStep: false },
  { of: ['h', 3], wrt: ['h', 2], total: true, oneStep: true },
  { of: ['h', 4], wrt: ['W_hh', null], total: true, oneStep: true },
  { of: ['h', 2], wrt: ['W_hh', null], total: true, oneStep: true },
];

function ask(run: ReturnType<typeof forward>, x: (typeof asks)[number]) {
  const wi: Idx | null = x.wrt[1] === null ? null : idx(x.wrt[1]);
  return run.derivativeAt(ref(m, x.of[0], idx(x.of[1])), { name: x.wrt[0], idx: wi }, {}, x.total, x.oneStep);
}

describe('accumulators below a transient sweep, handed out again', () => {
  it('each derivative in a sequence on one run is what a fresh run gives, and stays so', () => {
    const budget = new Budget();
    const run = forward(m, undefined, { budget });
    const kept: Float64Array[] = [];
    for (const x of asks) {
      const got = ask(run, x);
      const want = ask(forward(m, undefined, { budget: new Budget() }), x);
      expect(Array.from(got.tensor.data)).toEqual(Array.from(want.tensor.data));
      expect(got.tensor.data.some((v) => v !== 0)).toBe(true);
      kept.push(got.tensor.data);
    }
    // none written by the sweeps after it
    asks.forEach((x, i) => {
      const want = ask(forward(m, undefined, { budget: new Budget() }), x);
      expect(Array.from(kept[i]!)).toEqual(Array.from(want.tensor.data));
    });
  });
});
