// The scalar sweep (scalarSweep.ts): on random scalar networks using every operation it knows, the kept and
// transient sweeps it serves give bit for bit what the general sweep (tape.sweep, which never takes it) gives —
// at every barrier and the root, at the node read, below the range with the same inputs in the same order, in a
// one-step sweep that crosses some barriers — and charge the same operations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/engine/budget';
import { forward } from '../../src/engine/run';
import { scalarRange } from '../../src/engine/scalarSweep';
import type { TNode } from '../../src/engine/tape';
import { model, rand } from './build';

/** a random scalar expression over the step's names, of every operation the scalar sweep knows */
function expr(r: () => number, depth: number, names: string[]): string {
  const leaf = () => names[Math.floor((r() + 0.5) * names.length)]!;
  if (depth === 0) return r() < 0.2 ? (r() + 1).toFixed(2) : leaf();
  const e = () => expr(r, depth - 1, names);
  const forms = [
    () => `(${e()} + ${e()})`,
    () => `(${e()} - ${e()})`,
    () => `${e()} ${e()}`,
    () => `${e()} / (1 + ${e()}^2)`,
    () => `(-${e()})`,
    () => `(${e()})^3`,
    () => `(1 + (${e()})^2)^c`,
    () => `σ(${e()})`,
    () => `tanh(${e()})`,
    () => `σ'(${e()})`,
    () => `tanh'(${e()})`,
    () => `exp(-(${e()})^2)`,
    () => `relu(${e()})`,
    () => `abs(${e()})`,
    () => `log(1 + (${e()})^2)`,
    () => `sqrt(1 + (${e()})^2)`,
  ];
  return forms[Math.floor((r() + 0.5) * forms.length)]!();
}

function scalarNet(seed: number, T: number, depth: number): string {
  const r = rand(seed);
  const vals = (n: number) => `[${Array.from({ length: n }, () => r().toFixed(3)).join(', ')}]`;
  const z = expr(r, depth, ['a', 'b', 'x_t', 'h_{t-1}']);
  const h = expr(r, depth, ['a', 'c', 'z_t', 'h_{t-1}', 'x_t']);
  return [
    `T = ${T}`,
    `input x = ${vals(T)}`,
    `target y = ${vals(T)}`,
    `param a = ${(r() + 0.2).toFixed(3)}`,
    `param b = ${r().toFixed(3)}`,
    `param c = ${(r() + 1.5).toFixed(3)}`,
    `h_0 = ${r().toFixed(3)}`,
    `z_t = ${z}`,
    `h_t = tanh(${h})`,
    `loss L = Σ_t (y_t - h_t)^2`,
  ].join('\n');
}

const copy = (a: Float64Array | undefined) => (a ? Array.from(a) : undefined);
const copyMap = (m: Map<number, Float64Array>) => [...m].map(([k, v]) => [k, Array.from(v)] as const);

const net = fc.record({
  seed: fc.integer({ min: 1, max: 1 << 30 }),
  T: fc.integer({ min: 1, max: 4 }),
  depth: fc.integer({ min: 1, max: 3 }),
  pick: fc.integer({ min: 0, max: 1 << 30 }),
  dense: fc.boolean(),
});

describe('the scalar sweep', () => {
  it('gives the general sweep’s gradients, reached inputs and charges, bit for bit', () => {
    fc.assert(
      fc.property(net, ({ seed, T, depth, pick, dense }) => {
        const budget = new Budget();
        const run = forward(model(scalarNet(seed, T, depth)), undefined, { budget });
        const tape = run.tape;
        const nodes = run.quantityNodes().map((q) => q.node);
        const r = rand(pick);
        for (let k = 0; k < 10; k++) {
          const A = nodes[Math.floor((r() + 0.5) * nodes.length)]!;
          const s = Float64Array.of(r() * 3);
          const lo = Math.floor((r() + 0.5) * (A.id + 1));
          // the scalar sweep serves this range (a test of it, not of the general one)
          expect(scalarRange(tape.columns, lo, A.id)).toBe(true);
          // kept: every barrier and the root
          let ops0 = budget.ops;
          const g = tape.sweep(A, s, lo, undefined, dense);
          let ops1 = budget.ops;
          const kept = tape.sweepKept(A, s, lo, dense);
          expect(budget.ops - ops1).toBe(ops1 - ops0);
          for (let id = lo; id <= A.id; id++) {
            const read = id === A.id || tape.node(id).barrier;
            const out = new Float64Array(1).fill(7);
            expect(kept.copy(id, 1, out, 0)).toBe(read && g[id - lo] !== undefined);
            if (read && g[id - lo]) expect(Array.from(out)).toEqual(copy(g[id - lo]));
          }
          // transient, read at one node in range
          const only = lo + Math.floor((r() + 0.5) * (A.id - lo + 1));
          ops0 = budget.ops;
          const want = copy(tape.sweep(A, s, lo, undefined, false, undefined, only)[only - lo]);
          ops1 = budget.ops;
          const got = tape.sweepTransient(A, s, lo, undefined, undefined, only);
          expect(budget.ops - ops1).toBe(ops1 - ops0);
          expect(copy(got[only - lo])).toEqual(want);
          // an immediate sweep: what reaches the inputs below the equation, in the order reached
          if (A.op !== 'leaf') {
            const belowWant = new Map<number, Float64Array>();
            tape.sweep(A, s, A.start, belowWant);
            const belowGot = new Map<number, Float64Array>();
            tape.sweepTransient(A, s, A.start, belowGot, undefined, -1, true);
            expect(copyMap(belowGot)).toEqual(copyMap(belowWant));
          }
          // a one-step sweep, crossing some barriers: the node read, the inputs below, every barrier it holds
          const cross = (y: TNode) => y.op !== 'leaf' && y.id % 2 === 0;
          // (the general sweep read at one node hands its barriers back: they are asked of it without `only`)
          const every = tape.sweep(A, s, lo, new Map(), false, cross).map(copy);
          const b1 = new Map<number, Float64Array>();
          const w1 = tape.sweep(A, s, lo, b1, false, cross, only);
          const b2 = new Map<number, Float64Array>();
          const g2 = tape.sweepTransient(A, s, lo, b2, cross, only);
          expect(copy(g2[only - lo])).toEqual(copy(w1[only - lo]));
          expect(copyMap(b2)).toEqual(copyMap(b1));
          for (let id = lo; id < A.id; id++) if (tape.node(id).barrier) expect(copy(g2[id - lo])).toEqual(every[id - lo]);
        }
      }),
      { numRuns: 80 },
    );
  }, 60_000); // property runs: a loaded machine (helpers' suites beside it) took over 5 s

  it('keeps a long sweep (over 1,024 gradients) in a typed store, the same numbers', () => {
    const T = 700;
    const xs = Array.from({ length: T }, (_, i) => Math.sin(i).toFixed(3)).join(', ');
    const run = forward(
      model(
        [
          `T = ${T}`,
          `input x = [${xs}]`,
          'param w = 0.7',
          'param u = 0.4',
          'h_0 = 0.2',
          'h_t = tanh(w x_t + u h_{t-1})',
          'loss L = Σ_t h_t^2',
        ].join('\n'),
      ),
    );
    const L = run.loss!;
    const tape = run.tape;
    expect(scalarRange(tape.columns, 0, L.id)).toBe(true);
    const want = tape.sweep(L, Float64Array.of(1), 0);
    const kept = tape.sweepKept(L, Float64Array.of(1), 0, true);
    let barriers = 0;
    for (let id = 0; id <= L.id; id++) {
      if (!tape.node(id).barrier && id !== L.id) continue;
      barriers++;
      const out = new Float64Array(1);
      expect(kept.copy(id, 1, out, 0)).toBe(want[id] !== undefined);
      if (want[id]) expect(out[0]).toBe(want[id]![0]);
    }
    expect(barriers).toBeGreaterThan(1024);
  });

  it('past the operation limit throws before any work, and the next sweep is whole', () => {
    const budget = new Budget();
    const run = forward(model(scalarNet(7, 3, 2)), undefined, { budget });
    const tape = run.tape;
    const L = run.loss!;
    const want = tape.sweep(L, Float64Array.of(1), 0).map(copy);
    budget.limit = budget.ops + 1;
    expect(() => tape.sweepKept(L, Float64Array.of(1), 0)).toThrow(/operations for one analysis/);
    expect(() => tape.sweepTransient(L, Float64Array.of(1), 0)).toThrow(/operations for one analysis/);
    budget.limit = Infinity;
    const kept = tape.sweepKept(L, Float64Array.of(1), 0);
    for (let id = 0; id <= L.id; id++) {
      if (!tape.node(id).barrier && id !== L.id) continue;
      const out = new Float64Array(1);
      if (kept.copy(id, 1, out, 0)) expect([out[0]]).toEqual(want[id]);
      else expect(want[id]).toBeUndefined();
    }
  });

  it('leaves a range with a vector node to the general sweep', () => {
    const run = forward(
      model(['T = 2', 'input x = [[1, 2], [3, 4]]', 'param w = [0.5, -0.5]', 'h_t = tanh(w ⊙ x_t)', 'loss L = Σ_t sum(h_t^2)'].join('\n')),
    );
    const L = run.loss!;
    expect(scalarRange(run.tape.columns, 0, L.id)).toBe(false);
    // the loss's own last additions are numbers: a range of them alone is the scalar sweep's
    expect(scalarRange(run.tape.columns, L.id, L.id)).toBe(true);
  });
});
