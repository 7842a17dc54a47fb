// The benchmark's network (bench/rnnProblem.ts) is a valid .rnn file whose gradients, computed by Unroll
// in float64, are the ones TensorFlow.js computes in float32 — so the bench compares like with like.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { forward } from '../../src/engine/run';
import { compile } from '../../src/language';
import { PARAM_NAMES, makeProblem, maxRelDiff, rnnOverrides, rnnText } from '../../bench/rnnProblem';
import { initTf, makeTfRnn } from '../../bench/tfRnn';

describe('the benchmark network', () => {
  const p = makeProblem(8, 4, 6, 3);

  it('compiles without diagnostics, with values in the text or as overrides alike', () => {
    const withValues = compile(rnnText(p, true));
    const shapesOnly = compile(rnnText(p, false));
    expect(withValues.diagnostics).toEqual([]);
    expect(shapesOnly.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const a = forward(withValues.model);
    const b = forward(shapesOnly.model, rnnOverrides(p));
    for (const n of PARAM_NAMES) expect(Array.from(b.lossGrad(n, null)!.data)).toEqual(Array.from(a.lossGrad(n, null)!.data));
  });

  it('analyze() derives ∂L/∂W_hh in W_hh’s shape, equal to the engine’s gradient', () => {
    const text = rnnText(p, true);
    const r = analyze(text, { symbolic: false });
    const d = r.derives.find((x) => x.query.replace(/\s/g, '') === '∂L/∂W_hh')!;
    const v = d.results[0].value as number[][];
    expect(v.length).toBe(8);
    expect(v[0].length).toBe(8);
    const g = forward(compile(text).model).lossGrad('W_hh', null)!;
    expect(maxRelDiff(g.data, v.flat())).toBeLessThan(1e-12);
  });

  it('gives TensorFlow.js’s gradients to float32 precision', async () => {
    await initTf();
    const ours = forward(compile(rnnText(p, true)).model);
    const tf = makeTfRnn(p);
    const theirs = tf.gradients();
    tf.dispose();
    expect(Math.abs(theirs.loss - ours.value(ours.model.loss!, null)!.data[0])).toBeLessThan(1e-4 * Math.abs(theirs.loss));
    for (const n of PARAM_NAMES) expect(maxRelDiff(ours.lossGrad(n, null)!.data, theirs.grads[n]), n).toBeLessThan(1e-5);
  }, 30_000);
});
