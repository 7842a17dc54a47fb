// One replacement walk for every hint (src/engine/check/replacing.ts): it replaces by identity, keeps the identity
// of every node off the replacements' way (the run's memo of values reads nodes by identity), and goes only where
// its Walk lets it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { EVERYWHERE, replaceWhere, replacing, VALUES, type Walk } from '../../src/engine/check/replacing';
import { forChildren, mapChildren } from '../../src/language/resolve';
import { add, num } from './build';

const R = { line: 1, column: 1, endLine: 1, endColumn: 2 };
const ref = (name: string): Expr => ({ k: 'ref', name, idx: { v: 't', k: 0 }, shape: [], range: R });
const deriv = (of: Expr): Expr => ({
  k: 'deriv',
  total: true,
  of,
  wrt: { name: 'h', idx: { v: 't', k: -1 }, range: R },
  shape: [],
  range: R,
});

describe('replaceWhere', () => {
  it('replaces the node, keeps the nodes off its way, and returns the expression itself when nothing matches', () => {
    const a = ref('a');
    const b = ref('b');
    const left = add(a, num(1));
    const e = add(left, b);
    const by = ref('c');
    const out = replaceWhere(e, (x) => (x === b ? by : null)) as Expr & { k: 'add' };
    expect(out).not.toBe(e);
    expect(out.a).toBe(left);
    expect(out.b).toBe(by);
    expect(replaceWhere(e, () => null)).toBe(e);
    expect(replacing(e, ref('b'), by)).toBe(e);
  });

  it('walks into a derivative everywhere, never through the values', () => {
    const o = ref('o');
    const d = deriv(o);
    const e = add(d, num(2));
    const by = ref('q');
    const everywhere = replaceWhere(e, (x) => (x === o ? by : null), EVERYWHERE) as Expr & { k: 'add' };
    expect((everywhere.a as Expr & { k: 'deriv' }).of).toBe(by);
    expect(replaceWhere(e, (x) => (x === o ? by : null), VALUES)).toBe(e);
    // a derivative itself is still replaced where it stands
    expect((replacing(e, d, by) as Expr & { k: 'add' }).a).toBe(by);
  });

  it('gives what the general walk gives on every kind, keeping the identity of what it does not change', () => {
    // the general walk (forChildren, then mapChildren where a child changed): the reference for the kinds walked by hand
    const general = (e: Expr, pick: (x: Expr) => Expr | null, walk: Walk): Expr => {
      const go = (x: Expr): Expr => {
        const by = pick(x);
        if (by) return by;
        if (walk.stops(x)) return x;
        const kids: Expr[] = [];
        forChildren(x, (c) => kids.push(go(c)), walk.children);
        let i = 0;
        let same = true;
        forChildren(x, (c) => (same &&= kids[i++] === c), walk.children);
        i = 0;
        return same ? x : mapChildren(x, () => kids[i++]!, walk.children);
      };
      return go(e);
    };
    const kinds = ['add', 'sub', 'mul', 'hadamard', 'matmul', 'div', 'pow', 'neg', 'transpose', 'call', 'sum', 'deriv', 'index', 'matpow'];
    const tree = (r: () => number, depth: number): Expr => {
      if (depth === 0) return r() < 0.5 ? ref(`n${Math.floor(r() * 4)}`) : num(Math.floor(r() * 3));
      const c = () => tree(r, depth - 1);
      const k = kinds[Math.floor(r() * kinds.length)]!;
      switch (k) {
        case 'neg':
        case 'transpose':
          return { k, a: c(), shape: [], range: R } as Expr;
        case 'call':
          return { k: 'call', fn: 'tanh', arg: c(), shape: [], range: R };
        case 'sum':
          return { k: 'sum', v: 'i', from: { v: null, k: 1 }, to: { v: null, k: 2 }, body: c(), shape: [], range: R };
        case 'deriv':
          return deriv(c());
        case 'index':
          return { k: 'index', a: c(), i: c(), j: r() < 0.5 ? c() : null, shape: [], range: R } as Expr;
        case 'matpow':
          return { k: 'matpow', a: c(), n: c(), shape: [], range: R };
        default:
          return { k, a: c(), b: c(), shape: [], range: R } as Expr;
      }
    };
    const nodes = (e: Expr, out: Expr[] = []): Expr[] => {
      out.push(e);
      forChildren(e, (c) => nodes(c, out));
      return out;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (seed, depth, values) => {
        let a = seed;
        const r = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
        const e = tree(r, depth);
        const all = nodes(e);
        const picked = new Set(all.filter(() => r() < 0.2));
        const pick = (x: Expr) => (picked.has(x) ? num(9) : null);
        const walk = values ? VALUES : EVERYWHERE;
        const want = general(e, pick, walk);
        const got = replaceWhere(e, pick, walk);
        expect(got).toEqual(want);
        // the same nodes kept by identity: every node of the result that is a node of e is one in both
        const kept = (x: Expr) => nodes(x).filter((n) => all.includes(n));
        expect(kept(got)).toEqual(kept(want));
        kept(got).forEach((n, i) => expect(n).toBe(kept(want)[i]));
      }),
      { numRuns: 300 },
    );
  });
});
