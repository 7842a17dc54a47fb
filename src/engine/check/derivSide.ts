// A side that is a total derivative as the hints compare it: −∂E/∂net (Rumelhart's δ, the other side read with the
// opposite sign) and an entry of either, δ_j(t) (that entry alone, at the point's value of its index). One reading for
// the hints that ask it (hints.ts leftOutHint, slopeTwice.ts slopeBetween).

import type { Expr } from '../../language/model';
import type { Env, Run } from '../run';
import { guard } from './guard';

export type Deriv = Expr & { k: 'deriv' };

/** a side that is a total derivative, or −it, or an entry of either at an index (−∂E/∂net_{T,j}); null otherwise */
export function derivOf(e: Expr): { d: Deriv; sign: 1 | -1; entry: (Expr & { k: 'index' }) | null } | null {
  let sign: 1 | -1 = 1;
  let a = e;
  if (a.k === 'neg') [sign, a] = [-1, a.a];
  const entry = a.k === 'index' && a.j === null ? a : null;
  if (entry) a = entry.a;
  // (−∂E/∂net_T)[j], the negation inside the entry (a solution's δ_j(T) read through its definition)
  if (a.k === 'neg') [sign, a] = [sign === 1 ? -1 : 1, a.a];
  if (a.k !== 'deriv') return null;
  return { d: a, sign, entry: entry ? { ...entry, a } : null };
}

/** how a derivative side is compared: the other side negated or not, and an entry of it (that entry alone) */
export interface Sided {
  want(other: Float64Array): Float64Array;
  /** the entry's offset at a point (-1: the whole derivative), null where it cannot be read */
  at(run: Run, env: Env): number | null;
  pick(total: Float64Array, at: number): Float64Array;
}

export function sided(sign: 1 | -1, entry: (Expr & { k: 'index' }) | null): Sided {
  return {
    want: (o) => (sign < 0 ? o.map((x) => -x) : o),
    at: (run, env) => {
      if (!entry) return -1;
      const i = guard(() => run.evaluateShared(entry.i, env).data[0]! - 1);
      return i === null || i === undefined || !Number.isInteger(i) || i < 0 ? null : i;
    },
    pick: (total, at) => (at < 0 ? total : at < total.length ? total.subarray(at, at + 1) : new Float64Array(0)),
  };
}
