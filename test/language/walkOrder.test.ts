// The hot walks of resolved expressions (walkRefs, mentionedVars, entrySizes, stepsUseVar, UndefinedSearch, flatProbes) recurse on the common
// kinds themselves instead of through forChildren's callback (resolve/walk.ts, BINARY_KINDS): held here to a walk
// through forChildren on trees of every kind, so that a kind forChildren walks otherwise is not walked otherwise by them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr, Idx } from '../../src/language/model';
import { entrySizes } from '../../src/language/resolve/readBig';
import { BINARY_KINDS, forChildren, mentionedVars, walkRefs } from '../../src/language/resolve/walk';
import { Scope } from '../../src/language/resolve/scope';
import { flatProbes, stepsUseVar, UndefinedSearch } from '../../src/language/resolve/timeChecks';

const R = { line: 1, column: 1, endLine: 1, endColumn: 2 };
const idx = (v: string | null, k = 0): Idx => ({ v, k });

/** a reference told apart by its column, with an index of its own letter */
const refArb: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom('a', 'b', 'c', 'i'), fc.nat(1000))
  .map(([v, column]): Expr => ({ k: 'ref', name: 'nope', idx: idx(v), shape: [], range: { ...R, column } }));

const binaryKinds = [...BINARY_KINDS] as ('add' | 'sub')[];

/** trees of every kind of Expr (with sums only when `sums`) */
const exprArb = (sums: boolean): fc.Arbitrary<Expr> =>
  fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      refArb,
      fc.constant<Expr>({ k: 'num', value: 1, shape: [], range: R }),
      fc.constantFrom('a', 'i').map((v): Expr => ({ k: 'var', idx: idx(v), shape: [], range: R })),
      fc.tuple(fc.constantFrom(...binaryKinds), tie('e'), tie('e')).map(([k, a, b]): Expr => ({ k, a, b, shape: [], range: R })),
      fc.tuple(fc.constantFrom('neg', 'transpose') as fc.Arbitrary<'neg'>, tie('e')).map(([k, a]): Expr => ({ k, a, shape: [], range: R })),
      tie('e').map((arg): Expr => ({ k: 'call', fn: 'sigma', arg, shape: [], range: R })),
      fc.tuple(tie('e'), tie('e'), fc.option(tie('e'))).map(([a, i, j]): Expr => ({ k: 'index', a, i, j, shape: [], range: R })),
      fc.tuple(tie('e'), tie('e')).map(([a, n]): Expr => ({ k: 'matpow', a, n, shape: [], range: R })),
      fc.array(tie('e'), { maxLength: 3 }).map((items): Expr => ({ k: 'vec', items, shape: [], range: R })),
      fc
        .array(fc.array(tie('e'), { minLength: 1, maxLength: 2 }), { maxLength: 2 })
        .map((rows): Expr => ({ k: 'mat', rows, shape: [], range: R })),
      fc.tuple(tie('e'), fc.constantFrom('a', 'c')).map(([of, v]): Expr => ({
        k: 'deriv',
        total: true,
        of,
        wrt: { name: 'nope', idx: idx(v), range: { ...R, line: 2 } },
        shape: [],
        range: R,
      })),
      ...(sums
        ? [
            fc.tuple(fc.constantFrom('i', 'b'), tie('e')).map(([v, body]): Expr => ({
              k: 'sum',
              v,
              from: idx(null, 1),
              to: idx('c'),
              body,
              shape: [],
              range: R,
            })),
          ]
        : []),
    ),
  })).e;

/** every node in the order forChildren's recursion visits them (pre-order) */
function preorder(e: Expr): Expr[] {
  const out: Expr[] = [];
  const go = (x: Expr): void => {
    out.push(x);
    forChildren(x, go);
  };
  go(e);
  return out;
}

describe('the walks that recurse on the common kinds themselves', () => {
  it('forChildren visits a binary kind’s a, then b', () => {
    const a: Expr = { k: 'num', value: 1, shape: [], range: R };
    const b: Expr = { k: 'num', value: 2, shape: [], range: R };
    for (const k of binaryKinds) {
      const seen: Expr[] = [];
      forChildren({ k, a, b, shape: [], range: R }, (c) => seen.push(c));
      expect(seen).toEqual([a, b]);
    }
  });

  it('walkRefs meets the references in forChildren’s order', () => {
    fc.assert(
      fc.property(exprArb(true), (e) => {
        const got: Expr[] = [];
        walkRefs(e, (r) => got.push(r));
        expect(got).toEqual(preorder(e).filter((x) => x.k === 'ref'));
      }),
      { numRuns: 1000 },
    );
  });

  it('mentionedVars finds the variables, in the order, of a walk through forChildren', () => {
    const reference = (e: Expr): string[] => {
      const out = new Set<string>();
      const bound: string[] = [];
      const add = (i: Idx | null) => {
        if (i && i.v !== null && !bound.includes(i.v)) out.add(i.v);
      };
      const go = (x: Expr): void => {
        if (x.k === 'ref' || x.k === 'var') add(x.idx);
        if (x.k === 'deriv') add(x.wrt.idx);
        if (x.k === 'sum' || x.k === 'prod') {
          add(x.from);
          add(x.to);
          bound.push(x.v);
          go(x.body);
          bound.pop();
          return;
        }
        forChildren(x, go);
      };
      go(e);
      return [...out];
    };
    fc.assert(
      fc.property(exprArb(true), (e) => {
        expect([...mentionedVars(e)]).toEqual(reference(e));
      }),
      { numRuns: 1000 },
    );
  });

  it('entrySizes finds the sizes, in the order, of a walk through forChildren', () => {
    const reference = (e: Expr, v: string): number[] => {
      const sizes = new Set<number>();
      const isV = (x: Expr | null) => x !== null && x.k === 'var' && x.idx.v === v && !x.idx.terms && x.idx.k === 0;
      const go = (x: Expr): void => {
        if (x.k === 'index' && x.a.shape) {
          if (isV(x.i)) sizes.add(x.a.shape[0]!);
          if (isV(x.j)) sizes.add(x.a.shape[1]!);
        }
        if (x.k === 'sum' || x.k === 'prod') {
          if (x.v !== v) go(x.body);
          return;
        }
        forChildren(x, go);
      };
      go(e);
      return [...sizes];
    };
    // entries of a 2×3 matrix and of vectors of 4: the sizes an index picks
    const sized = (e: Expr): Expr => {
      const go = (x: Expr): void => {
        if (x.k === 'index') x.a = { ...x.a, shape: x.j ? [2, 3] : [4] };
        forChildren(x, go);
      };
      go(e);
      return e;
    };
    fc.assert(
      fc.property(exprArb(true), fc.constantFrom('a', 'i'), (e, v) => {
        const s = sized(e);
        expect([...entrySizes(s, v)]).toEqual(reference(s, v));
      }),
      { numRuns: 1000 },
    );
  });

  it('stepsUseVar finds the variables of a walk through forChildren', () => {
    const reference = (e: Expr): Set<string> => {
      const out = new Set<string>();
      const add = (i: Idx | null) => {
        if (i && i.v !== null) out.add(i.v);
        if (i?.terms) for (const t of i.terms) out.add(t.v);
      };
      const go = (x: Expr): void => {
        if (x.k === 'ref') add(x.idx);
        else if (x.k === 'deriv') add(x.wrt.idx);
        else if (x.k === 'sum' || x.k === 'prod') {
          add(x.from);
          add(x.to);
          out.add(x.v);
        }
        forChildren(x, go);
      };
      go(e);
      return out;
    };
    fc.assert(
      fc.property(exprArb(true), (e) => {
        const vars = reference(e);
        for (const v of ['a', 'b', 'c', 'i']) expect(stepsUseVar(e, v, new Map())).toBe(vars.has(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('the undefined-step search and flatProbes judge the nodes in forChildren’s order, and count them as it does', () => {
    const scope = new Scope();
    const env = { a: 1, b: 2, c: 3, i: 4 };
    fc.assert(
      fc.property(exprArb(false), (e) => {
        const nodes = preorder(e);
        // the probes: references in order, a derivative after the nodes of its `of`
        const probes: Expr[] = [];
        const go = (x: Expr): void => {
          if (x.k === 'ref') probes.push(x);
          else if (x.k === 'deriv') {
            go(x.of);
            probes.push(x);
          } else forChildren(x, go);
        };
        go(e);
        const flat = flatProbes(e, new Map())!;
        expect(flat.xs).toEqual(probes);
        expect(flat.nodes).toBe(nodes.length);
        // nothing is defined: the first reference in order is found (unless a derivative around it overrides it)
        const walk = new UndefinedSearch(scope, true);
        const first = probes[0];
        const found = walk.first(e, env);
        if (first?.k === 'ref' && !nodes.some((x) => x.k === 'deriv')) expect(found?.ref).toBe(first);
        // with no reference the walk visits every node: its budget runs out exactly below their count
        if (!probes.length) {
          walk.first(e, env, nodes.length);
          expect(walk.exhausted).toBe(false);
          walk.first(e, env, nodes.length - 1);
          expect(walk.exhausted).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
