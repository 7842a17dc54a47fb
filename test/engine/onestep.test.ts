// The one-step derivative (LANGUAGE.md §5, issue 9 item 2): every node of another step held fixed
// except Y itself, the paths within X's step followed — checked against central differences that
// re-run the forward pass with those nodes given as values.
import { describe, expect, it } from 'vitest';
import { forward } from '../../src/engine/run';
import { idx, model, oneStepCentral, ref } from './build';
import { GRU, LSTM } from './cells';

const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-7) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(a[i]!)));
};

describe('one-step derivatives on the unrolled tape', () => {
  const m = model(GRU);
  const run = forward(m);
  const os = (X: string, k: number, Y: string, step: number | null) =>
    run.derivativeAt(ref(m, X, idx(k)), { name: Y, idx: step === null ? null : idx(step) }, {}, true, true);
  it('by a parameter: through the gates of step k only, earlier steps fixed', () => {
    for (const k of [1, 2, 3])
      for (const Y of ['w', 'u']) {
        const d = os('h', k, Y, null);
        near(d.tensor.data, oneStepCentral(m, run, 'h', k, Y));
        expect(d.reached).toBe(true);
      }
    // at k ≥ 2 the total derivative adds the paths through h_{k-1}
    const total = run.derivativeAt(ref(m, 'h', idx(3)), { name: 'w', idx: null }, {}, true).tensor.data[0]!;
    expect(Math.abs(total - os('h', 3, 'w', null).tensor.data[0]!)).toBeGreaterThan(1e-3);
  });
  it('by the node of the step before: ∂h_t/∂h_{t-1} goes through z_t and g_t', () => {
    for (const k of [1, 2, 3]) near(os('h', k, 'h', k - 1).tensor.data, oneStepCentral(m, run, 'h', k, `h@${k - 1}`));
  });
  it('by an input of the step and a node of the step (a gate)', () => {
    near(os('h', 2, 'x', 2).tensor.data, oneStepCentral(m, run, 'h', 2, 'x@2'));
    near(os('h', 2, 'z', 2).tensor.data, run.derivativeAt(ref(m, 'h', idx(2)), { name: 'z', idx: idx(2) }, {}, true).tensor.data, 1e-12);
    near(os('h', 2, 'z', 2).tensor.data, oneStepCentral(m, run, 'h', 2, 'z@2'));
  });
  it('an earlier input does not reach X in one step: 0, not reached', () => {
    const d = os('h', 3, 'x', 1);
    expect(d.reached).toBe(false);
    expect(d.tensor.data[0]).toBe(0);
  });
  it('the loss (untimed) stays total', () => {
    const L = ref(m, m.loss!);
    const a = run.derivativeAt(L, { name: 'w', idx: null }, {}, true, true).tensor.data[0]!;
    const b = run.derivativeAt(L, { name: 'w', idx: null }, {}, true).tensor.data[0]!;
    expect(a).toBe(b);
  });
});

describe('an LSTM cell: c̄_t = h̄_t ∂h_t/∂c_t + c̄_{t+1} ∂c_{t+1}/∂c_t needs ∂c_{t+1}/∂c_t = f_{t+1}', () => {
  const m = model(LSTM);
  const run = forward(m);
  it('one-step is f_{t+1}; the total adds the path through h_t', () => {
    for (const k of [2, 3]) {
      const d = run.derivativeAt(ref(m, 'c', idx(k)), { name: 'c', idx: idx(k - 1) }, {}, true, true).tensor.data[0]!;
      expect(d).toBeCloseTo(run.value('f', k)!.data[0]!, 14);
      near([d], oneStepCentral(m, run, 'c', k, `c@${k - 1}`));
      const total = run.derivativeAt(ref(m, 'c', idx(k)), { name: 'c', idx: idx(k - 1) }, {}, true).tensor.data[0]!;
      expect(Math.abs(total - d)).toBeGreaterThan(1e-4);
    }
  });
});
