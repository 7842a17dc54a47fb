// A kept sweep (the loss's: every weight's and every step's gradient) holds its entries in a Float64Array past
// 1,024 of them, in a plain array below: either way lossGrad reads the numbers an ordinary sweep gives, and each
// view is an array of its own. Checked on the benchmark's network, small (under 1,024 kept entries) and larger.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import { forward } from '../../src/engine/run';
import { scalarData } from '../../src/engine/tensor';
import { makeProblem, rnnText } from '../../bench/rnnProblem';

function check(H: number, D: number, T: number): number {
  const { model } = compile(rnnText(makeProblem(H, D, T), true));
  const run = forward(model);
  const plain = forward(model);
  // the same sweep, not kept: the gradients of every barrier by tape position
  const g = plain.tape.sweep(plain.loss!, scalarData(1), 0, undefined, true);
  let kept = 0;
  for (const { name, t, node } of [
    ...run.quantityNodes(),
    ...['W_xh', 'W_hh', 'b_h', 'W_hy', 'b_y'].map((name) => ({ name, t: null, node: run.node(name, null)! })),
    ...Array.from({ length: T }, (_, i) => ({ name: 'x', t: i + 1, node: run.node('x', i + 1)! })),
  ]) {
    const got = run.lossGrad(name, t)!.data;
    const want = g[plain.node(name, t)!.id] ?? new Float64Array(node.data.length);
    expect(Array.from(got)).toStrictEqual(Array.from(want));
    kept += got.length;
    // a view of its own: writing it changes no later read
    got.fill(7);
    expect(Array.from(run.lossGrad(name, t)!.data)).toStrictEqual(Array.from(want));
  }
  return kept;
}

describe('speed23: kept loss sweeps, plain or typed', () => {
  it('under 1,024 kept entries (a plain array)', () => {
    expect(check(3, 2, 4)).toBeLessThan(1024);
  });
  it('past 1,024 kept entries (a Float64Array)', () => {
    expect(check(16, 5, 40)).toBeGreaterThan(1024);
  });
});
