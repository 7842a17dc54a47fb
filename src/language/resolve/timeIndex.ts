// Time indices as written: t, t±k, a step number, T, T±k, or a Σ/∏ variable (LANGUAGE.md §3).

import type { Ast } from '../ast';
import type { Idx } from '../model';

/** the index `a` denotes, with the variables in scope; null when it is not a time index */
export function tryTimeIndex(a: Ast, vars: Set<string>, T: number): Idx | null {
  if (a.k === 'num') return Number.isInteger(a.value) ? { v: null, k: a.value } : null;
  if (a.k === 'name' && !a.sub && !a.sup) {
    if (a.raw === 'T') return { v: null, k: T };
    if (vars.has(a.raw)) return { v: a.raw, k: 0 };
    return null;
  }
  if (a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && Number.isInteger(a.b.value)) {
    const base = tryTimeIndex(a.a, vars, T);
    if (!base) return null;
    return { v: base.v, k: base.k + (a.op === '+' ? a.b.value : -a.b.value) };
  }
  return null;
}
