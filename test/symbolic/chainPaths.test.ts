// The chain-rule paths a derive line lists (engine/paths.ts): counted before they are listed, so a
// long horizon (∂L/∂W_hh at T = 1000 has ~500,000 paths) is refused in one pass over the nodes instead
// of a walk to the 401st path copying a path of ~1,000 nodes per step — the bulk of what symbolic forms
// added to analyze() at T = 1000 (issue 11). The listing must be the walk's: the same paths, in the same
// order, and null exactly when there are more than the cap.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward, type Run } from '../../src/engine/run';
import { pathsBetween, readsOf } from '../../src/engine/paths';
import { compile } from '../../src/language/index';
import { reportCases } from '../analysis/reportCases';
import type { TNode } from '../../src/engine/tape';
import { analyze } from '../../src/analysis';
import { scalarRnnText } from '../../bench/symbolicBench';
import { compileOk } from './helpers';

/** the walk pathsBetween was before (recursive, every path copied at every step), as the reference */
function walkPaths(run: Run, B: TNode, A: TNode, max: number): TNode[][] | null {
  const users = new Map<number, TNode[]>();
  for (const q of run.quantityNodes()) {
    if (q.node.id <= B.id || q.node.id > A.id) continue;
    for (const id of run.immediate(q.node).keys()) {
      let u = users.get(id);
      if (!u) users.set(id, (u = []));
      u.push(q.node);
    }
  }
  const out: TNode[][] = [];
  const walk = (n: TNode, path: TNode[]): boolean => {
    if (n === A) {
      out.push(path);
      return out.length <= max;
    }
    for (const u of users.get(n.id) ?? []) if (!walk(u, [...path, u])) return false;
    return true;
  };
  return walk(B, [B]) ? out : null;
}

const ids = (p: TNode[][] | null) => p?.map((path) => path.map((n) => n.id)) ?? null;

/** two layers of scalar state, so paths branch and join (h → g at the same step and g_{t-1} → h_t) */
function twoLayerText(T: number): string {
  const xs = Array.from({ length: T }, (_, t) => (Math.cos(t) * 0.5).toFixed(2));
  return [
    `T = ${T}`,
    `input x = [${xs.join(', ')}]`,
    'param a = 0.7',
    'param b = -0.4',
    'param c = 0.9',
    'h_0 = 0',
    'g_0 = 0.1',
    'h_t = tanh(a h_{t-1} + b g_{t-1} + x_t)',
    'g_t = σ(c g_{t-1} + a h_t)',
    // literals on either side of a product (some rules skip a literal input), a division and a power
    'L_t = (2 g_t - h_t / 3)^2 + 0.5 h_t^2',
    'loss L = Σ_t L_t',
  ].join('\n');
}

describe('readsOf: what a graph node reads, from the tape without sweeps', () => {
  it('is what its immediate partials key, literals aside, for every quantity node of the 211 pinned texts', () => {
    let nodes = 0;
    for (const c of reportCases()) {
      const { model, fatal } = compile(c.text);
      if (fatal) continue;
      let run: Run;
      try {
        run = forward(model);
      } catch {
        continue; // a text whose run fails has no paths to list
      }
      for (const q of run.quantityNodes()) {
        const keyed = [...run.immediate(q.node).keys()].filter((id) => run.tape.node(id).op !== 'const');
        expect(
          readsOf(q.node)
            .map((n) => n.id)
            .sort((a, b) => a - b),
          `${c.name}: ${q.name}_${q.t}`,
        ).toEqual(keyed.sort((a, b) => a - b));
        nodes++;
      }
    }
    expect(nodes).toBeGreaterThan(2000);
  }, 30_000);
});

describe('pathsBetween: counted, then listed', () => {
  it('lists the same paths in the same order as the walk, and null past the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('a', 'b', 'c'),
        fc.constantFrom<[string, number | null]>(['L', null], ['h', 3], ['g', 2], ['L', 1]),
        fc.boolean(),
        (T, max, wrt, [of, step], twoLayer) => {
          const model = compileOk(twoLayer ? twoLayerText(T) : scalarRnnText(T).replace(/W_hh/g, 'b'));
          const run = forward(model);
          const B = run.node(twoLayer ? wrt : 'b', null)!;
          const A = of === 'L' && step === null ? run.loss! : run.node(of === 'L' ? 'L' : of, step === null ? null : Math.min(step, T));
          if (!A || !B) return;
          expect(ids(pathsBetween(run, B, A, max))).toEqual(ids(walkPaths(run, B, A, max)));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('from a quantity written as a number (h_0 = 0, a literal on the tape) as the walk lists them', () => {
    for (const T of [1, 2, 4]) {
      const run = forward(compileOk(twoLayerText(T)));
      const h0 = run.node('h', 0)!;
      for (const A of [run.loss!, run.node('g', T)!, run.node('h', T)!])
        for (const max of [0, 3, 400]) expect(ids(pathsBetween(run, h0, A, max))).toEqual(ids(walkPaths(run, h0, A, max)));
    }
  });

  it('from a node to itself: the one empty path; to a node that does not depend on it: none', () => {
    const run = forward(compileOk(twoLayerText(3)));
    const h2 = run.node('h', 2)!;
    expect(ids(pathsBetween(run, h2, h2))).toEqual([[h2.id]]);
    // h_3 does not read g_3 (g_t reads h_t): no path from g_3 to h_3
    expect(pathsBetween(run, run.node('g', 3)!, run.node('h', 3)!)).toEqual([]);
  });

  it("one run asked for every pair of its nodes, in either order: the walk's paths each time (the per-run index is shared)", () => {
    for (const T of [2, 4]) {
      const run = forward(compileOk(twoLayerText(T)));
      const nodes = [...run.quantityNodes().map((q) => q.node), run.node('a', null)!, run.node('c', null)!];
      let listed = 0;
      for (const B of nodes)
        for (const A of nodes) {
          // A before B on the tape: no path (the walk finds none either)
          const want = A.id < B.id ? [] : ids(walkPaths(run, B, A, 400));
          expect(ids(pathsBetween(run, B, A)), `${B.id} → ${A.id}`).toEqual(want);
          listed += pathsBetween(run, B, A)?.length ?? 0;
        }
      expect(listed).toBeGreaterThan(20);
    }
  });

  it('one path as long as the horizon is listed without recursion (∂h_T/∂h_1, T = 10,000)', () => {
    const T = 10_000;
    const run = forward(compileOk(`T = ${T}\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T`));
    const paths = pathsBetween(run, run.node('h', 1)!, run.node('h', T)!);
    expect(paths?.length).toBe(1);
    expect(paths![0]!.length).toBe(T);
  });

  it('∂L/∂W_hh at T = 1000: more than the cap (each h_t reads W_hh and reaches L), so no chain terms', () => {
    const text = scalarRnnText(1000);
    const run = forward(compileOk(text));
    expect(pathsBetween(run, run.node('W_hh', null)!, run.loss!)).toBeNull();
    const r = analyze(text, { forms: true, graph: false });
    const res = r.derives[0]!.results[0]!;
    expect(res.forms?.chain).toBeDefined();
    expect(res.forms?.chain?.terms).toBeUndefined();
  });
});
