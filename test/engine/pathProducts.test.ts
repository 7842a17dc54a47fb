// The term matcher's path products (termMatch.ts pathProducts) are taken on from the beginning a path shares
// with the one before: bit for bit each path's own product from B (stretch), on scalar and vector nets, and
// the paths' products add up to the derivative the run computes.
import { describe, expect, it } from 'vitest';
import { pathProducts, stretch } from '../../src/engine/check/termMatch';
import { pathsBetween } from '../../src/engine/paths';
import { forward } from '../../src/engine/run';
import { idx, model, ref, vectorNet } from './build';

describe('path products shared along common beginnings', () => {
  it.each([
    ['scalar gated', vectorNet(11, 4, 1, 1, 1, 'tanh', true)],
    ['vector gated', vectorNet(12, 4, 3, 2, 2, 'tanh', true)],
    ['vector plain', vectorNet(13, 5, 2, 2, 1, 'sigma', false)],
  ])('%s: each path as its own product, and their sum the derivative', (_name, text) => {
    const m = model(text);
    const run = forward(m);
    const T = m.T;
    let many = 0;
    for (const [a, b] of [
      [
        ['o', T],
        ['h', 1],
      ],
      [
        ['h', T],
        ['W_hh', null],
      ],
      [
        ['o', T - 1],
        ['W_xh', null],
      ],
    ] as const) {
      const A = run.node(a[0], a[1])!;
      const B = run.node(b[0], b[1])!;
      const paths = pathsBetween(run, B, A);
      expect(paths).not.toBeNull();
      expect(paths!.length).toBeGreaterThan(0);
      many = Math.max(many, paths!.length);
      const shared = pathProducts(run, paths!);
      const own = paths!.map((p) => stretch(run, p, 0, p.length - 1));
      expect(shared.map((v) => Array.from(v))).toEqual(own.map((v) => Array.from(v)));
      const d = run.derivativeAt(ref(m, a[0], idx(a[1])), { name: b[0], idx: b[1] === null ? null : idx(b[1]) }, {}, true).tensor.data;
      const sum = new Float64Array(d.length);
      for (const v of shared) for (let i = 0; i < v.length; i++) sum[i]! += v[i]!;
      for (let i = 0; i < d.length; i++) expect(sum[i]).toBeCloseTo(d[i]!, 10);
    }
    // some pair has paths that share beginnings
    expect(many).toBeGreaterThan(2);
  });
});
