// One replacement walk for every hint (src/engine/check/replacing.ts): it replaces by identity, keeps the identity
// of every node off the replacements' way (the run's memo of values reads nodes by identity), and goes only where
// its Walk lets it.

import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { EVERYWHERE, replaceWhere, replacing, VALUES } from '../../src/engine/check/replacing';
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
});
