// Walking resolved expressions: children, references, and what an expression mentions.

import type { Expr } from '../model';

export function forChildren(x: Expr, f: (c: Expr) => void): void {
  switch (x.k) {
    case 'vec': x.items.forEach(f); break;
    case 'mat': x.rows.forEach((r) => r.forEach(f)); break;
    case 'neg': case 'transpose': f(x.a); break;
    case 'add': case 'sub': case 'mul': case 'hadamard': case 'matmul': case 'contract': case 'indicator': case 'div': case 'pow': f(x.a); f(x.b); break;
    case 'matpow': f(x.a); f(x.n); break;
    case 'call': f(x.arg); break;
    case 'index': f(x.a); f(x.i); if (x.j) f(x.j); break;
    case 'sum': case 'prod': f(x.body); break;
    case 'deriv': f(x.of); break;
    default: break;
  }
}

export function walkRefs(x: Expr, f: (r: Expr & { k: 'ref' }) => void): void {
  if (x.k === 'ref') { f(x); return; }
  forChildren(x, (c) => walkRefs(c, f));
}

export function refsAny(e: Expr): boolean {
  let any = false;
  walkRefs(e, () => { any = true; });
  return any;
}

/** the largest |offset| of a t-relative reference, or null when Σ/∏ make definedness depend on more */
export function boundedReach(e: Expr): number | null {
  let reach = 0;
  let big = false;
  const go = (x: Expr) => {
    if (x.k === 'sum' || x.k === 'prod') { big = true; return; }
    if (x.k === 'ref' && x.idx && x.idx.v === 't') reach = Math.max(reach, Math.abs(x.idx.k));
    if (x.k === 'deriv') big = true;
    forChildren(x, go);
  };
  go(e);
  return big ? null : reach;
}

/** whether the expression uses the free step t (not bound by a Σ/∏ of its own) */
export function mentionsT(e: Expr): boolean {
  let yes = false;
  const go = (x: Expr, bound: Set<string>) => {
    if (yes) return;
    if ((x.k === 'ref' && x.idx?.v === 't' && !bound.has('t')) || (x.k === 'var' && x.idx.v === 't' && !bound.has('t'))) { yes = true; return; }
    if (x.k === 'deriv' && x.wrt.idx?.v === 't' && !bound.has('t')) { yes = true; return; }
    if (x.k === 'sum' || x.k === 'prod') {
      if ((x.from.v === 't' || x.to.v === 't') && !bound.has('t')) { yes = true; return; }
      go(x.body, new Set([...bound, x.v]));
      return;
    }
    forChildren(x, (c) => go(c, bound));
  };
  go(e, new Set());
  return yes;
}
