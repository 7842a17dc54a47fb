// sweepTransient (tape.ts): a sweep whose result the caller reads at once — its array and accumulators are the
// sweeper's own, reused by the next sweep. On random networks it gives bit for bit what sweep() gives, at the
// node read and below the range, charges the same operations, and never writes what a kept sweep returned; the
// derivatives built on it (run.ts) equal those of runs that share nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/engine/budget';
import { forward, type Run } from '../../src/engine/run';
import type { TNode } from '../../src/engine/tape';
import { idx, model, rand, ref, vectorNet } from './build';

const NET = {
  seed: fc.integer({ min: 1, max: 1 << 30 }),
  T: fc.integer({ min: 1, max: 5 }),
  n: fc.integer({ min: 1, max: 4 }),
  d: fc.integer({ min: 1, max: 3 }),
  p: fc.integer({ min: 1, max: 3 }),
  act: fc.constantFrom('tanh', 'σ', 'relu'),
  gated: fc.boolean(),
  pick: fc.integer({ min: 0, max: 1 << 30 }),
};
const net = fc.record(NET);

/** a random seed vector for a root of m entries */
function seedOf(m: number, r: () => number): Float64Array {
  const s = new Float64Array(m);
  for (let i = 0; i < m; i++) s[i] = r();
  return s;
}

const copy = (a: Float64Array | undefined) => (a ? Array.from(a) : undefined);
const copyMap = (m: Map<number, Float64Array>) => [...m].map(([k, v]) => [k, Array.from(v)] as const);

/** the kinds of store the kept sweeps of a test used */
const stores = new Set<'typed' | 'plain'>();

type NetParams = { seed: number; T: number; n: number; d: number; p: number; act: string; gated: boolean; pick: number };

/** a random vector network's run on a budget of its own, its quantity nodes, and a random source for the picks */
function randomRun({ seed, T, n, d, p, act, gated, pick }: NetParams) {
  const budget = new Budget();
  const run = forward(model(vectorNet(seed, T, n, d, p, act, gated)), undefined, { budget });
  return { budget, run, tape: run.tape, nodes: run.quantityNodes().map((q) => q.node), r: rand(pick) };
}

/** sweepKept against sweep() on a random network: every barrier's and the root's gradient, read after later sweeps */
function keptHolds(params: NetParams, dense: boolean): void {
  const { budget, tape, nodes, r } = randomRun(params);
  const kept: { k: ReturnType<typeof tape.sweepKept>; want: (number[] | undefined)[]; lo: number; root: number }[] = [];
  for (let k = 0; k < 8; k++) {
    const A = nodes[Math.floor((r() + 0.5) * nodes.length)]!;
    const s = seedOf(A.data.length, r);
    const lo = Math.floor((r() + 0.5) * (A.id + 1));
    const ops0 = budget.ops;
    const g = tape.sweep(A, s, lo, undefined, dense);
    const ops1 = budget.ops;
    const want = Array.from({ length: A.id - lo + 1 }, (_, j) => copy(g[j]));
    const got = tape.sweepKept(A, s, lo, dense);
    stores.add((got as unknown as { flat: unknown }).flat instanceof Float64Array ? 'typed' : 'plain');
    expect(budget.ops - ops1).toBe(ops1 - ops0);
    kept.push({ k: got, want, lo, root: A.id });
  }
  // read after every other sweep: each kept sweep still gives sweep()'s gradients, where it gave one
  for (const { k, want, lo, root } of kept) {
    for (let id = lo; id <= root; id++) {
      const node = tape.node(id);
      const len = node.data.length;
      const w = want[id - lo];
      const read = id === root || node.barrier;
      const out = new Float64Array(len + 2).fill(7);
      const reached = k.copy(id, len, out, 1);
      expect(reached).toBe(read && w !== undefined);
      if (reached) {
        expect(Array.from(out.subarray(1, 1 + len))).toEqual(w);
        expect(copy(k.view(id, len))).toEqual(w);
      } else expect(Array.from(out)).toEqual(new Array(len + 2).fill(7));
    }
    expect(k.has(lo - 1)).toBe(false);
    expect(k.has(root + 1)).toBe(false);
  }
}

describe('transient sweeps', () => {
  it('read at one node or below the range, equal sweep() bit for bit, charged alike', () => {
    fc.assert(
      fc.property(net, (params) => {
        const { budget, run, tape, nodes, r } = randomRun(params);
        const kept = run.lossGrad('W_hh', null)!;
        const keptData = Array.from(kept.data);
        for (let k = 0; k < 12; k++) {
          const A = nodes[Math.floor((r() + 0.5) * nodes.length)]!;
          if (A.op === 'leaf') continue;
          const s = seedOf(A.data.length, r);
          // read at a node in range: every position from 0 to A
          const only = Math.floor((r() + 0.5) * (A.id + 1));
          const lo = Math.floor((r() + 0.5) * (only + 1));
          const ops0 = budget.ops;
          const want = copy(tape.sweep(A, s, lo, undefined, false, undefined, only)[only - lo]);
          const ops1 = budget.ops;
          const got = copy(tape.sweepTransient(A, s, lo, undefined, undefined, only)[only - lo]);
          expect(budget.ops - ops1).toBe(ops1 - ops0);
          expect(got).toEqual(want);
          // an immediate sweep: what reaches the inputs below the equation
          const belowWant = new Map<number, Float64Array>();
          tape.sweep(A, s, A.start, belowWant);
          const belowGot = new Map<number, Float64Array>();
          tape.sweepTransient(A, s, A.start, belowGot);
          expect(copyMap(belowGot)).toEqual(copyMap(belowWant));
          // a one-step sweep crossing the graph nodes of A's step (here: every other one, by id)
          const cross = (y: TNode) => y.op !== 'leaf' && y.id % 2 === 0;
          const b1 = new Map<number, Float64Array>();
          const w1 = tape.sweep(A, s, lo, b1, false, cross, only);
          const oneWant = copy(w1[only - lo]);
          const b2 = new Map<number, Float64Array>();
          const oneGot = copy(tape.sweepTransient(A, s, lo, b2, cross, only)[only - lo]);
          expect(oneGot).toEqual(oneWant);
          expect(copyMap(b2)).toEqual(copyMap(b1));
        }
        // the loss gradient the run keeps is not written by the transient sweeps
        expect(Array.from(kept.data)).toEqual(keptData);
      }),
      { numRuns: 60 },
    );
  });

  it('derivatives on runs sharing a budget, asked in a scrambled order, equal those of runs that share nothing', () => {
    fc.assert(
      fc.property(net, ({ seed, T, n, d, p, act, gated, pick }) => {
        const m = model(vectorNet(seed, T, n, d, p, act, gated));
        const scale = (f: number) => Object.fromEntries([...m.decls.keys()].map((k) => [k, f]));
        const factors = [1, -0.7, 1.3];
        const shared = new Budget();
        const runs = factors.map((f) => forward(m, undefined, { budget: shared, scale: scale(f) }));
        const r = rand(pick);
        const names = gated ? ['h', 'z', 'g', 'o'] : ['h', 'o'];
        const wrts = ['h', 'W_hh', 'W_xh', 'b_h', 'x'];
        for (let k = 0; k < 16; k++) {
          const which = Math.floor((r() + 0.5) * runs.length);
          const of = names[Math.floor((r() + 0.5) * names.length)]!;
          const wrt = wrts[Math.floor((r() + 0.5) * wrts.length)]!;
          const t = 1 + Math.floor((r() + 0.5) * T);
          const s = 1 + Math.floor((r() + 0.5) * t);
          const timed = wrt === 'h' || wrt === 'x';
          const total = r() < 0.25 ? false : true;
          const oneStep = total && r() < 0.3;
          const ask = (run: Run) =>
            run.derivativeAt(ref(m, of, idx(t)), { name: wrt, idx: timed ? idx(wrt === 'h' ? s - 1 : s) : null }, {}, total, oneStep);
          const ops0 = shared.ops;
          const got = ask(runs[which]!);
          const spent = shared.ops - ops0;
          const own = new Budget();
          const fresh = forward(m, undefined, { budget: own, scale: scale(factors[which]!) });
          const before = own.ops;
          const want = ask(fresh);
          expect(Array.from(got.tensor.data)).toEqual(Array.from(want.tensor.data));
          expect(got.reached).toBe(want.reached);
          expect(spent).toBe(own.ops - before);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a kept sweep holds what sweep() gives at every barrier and the root, untouched by later sweeps', () => {
    fc.assert(fc.property(net, fc.boolean(), keptHolds), { numRuns: 60 });
  });

  // a kept sweep of KEPT_TYPED_MIN entries or more keeps them in typed arrays, a shorter one in plain arrays; both
  // kinds read and written in one process (keptSweep.ts reads each kind at a place of its own)
  it('so does a long kept sweep (typed store) beside short ones (plain store)', () => {
    const long = fc.record({ ...NET, T: fc.integer({ min: 100, max: 150 }), n: fc.integer({ min: 6, max: 8 }) });
    stores.clear();
    fc.assert(fc.property(long, fc.boolean(), keptHolds), { numRuns: 6 });
    expect([...stores].sort()).toEqual(['plain', 'typed']);
  });

  it("a scalar node's immediate Jacobian equals its rows swept one by one", () => {
    fc.assert(
      fc.property(net, ({ seed, T, d, act, gated, pick }) => {
        // n = p = 1: every quantity node is a scalar, whose Jacobian is its one row (m = 1)
        const m = model(vectorNet(seed, T, 1, d, 1, act, gated));
        const run = forward(m);
        const r = rand(pick);
        const nodes = run.quantityNodes().filter((q) => q.node.op !== 'leaf');
        for (let k = 0; k < 6; k++) {
          const A = nodes[Math.floor((r() + 0.5) * nodes.length)]!.node;
          const J = run.immediate(A);
          const want = new Map<number, Float64Array>();
          run.tape.sweep(A, Float64Array.of(1), A.start, want);
          expect(copyMap(J)).toEqual(copyMap(want));
          // asked again: the same map, and sweeps after it leave it as it was
          run.tape.sweepTransient(A, Float64Array.of(2), A.start, new Map());
          expect(run.immediate(A)).toBe(J);
          expect(copyMap(J)).toEqual(copyMap(want));
        }
      }),
      { numRuns: 40 },
    );
  });
});
