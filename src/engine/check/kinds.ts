// Which kinds of node an expression holds anywhere — index positions, exponents, Σ/∏ bodies and a derivative's
// numerator included — and which functions it calls: one walk per side, kept for the analysis. A hint whose trials
// all need a kind the side lacks (a ∏ to reorder, a transpose to flip, a Σ to rebound) asks here and answers at once,
// instead of walking the side to find none (issue 11: a failing check's cascade walked its sides once per hint, each
// walk 10–20 µs in code V8 had not yet optimised).
//
// A screen only: every kind a hint's own walk can find is in the summary (that walk visits no more than all of the
// children), so "none here" is exact, and a side that has one goes on to the hint's own search.

import type { Expr, Fn } from '../../language/model';
import { forChildren } from '../../language/resolve/walk';
import { Memo } from '../memo';

/** each kind's bit, given as a walk first meets it (fewer than 31 kinds) */
const BIT = new Map<Expr['k'], number>();
const bitOf = (k: Expr['k']): number => {
  let b = BIT.get(k);
  if (b === undefined) BIT.set(k, (b = 1 << BIT.size));
  return b;
};

interface Summary {
  kinds: number;
  fns: Fn[];
  /** a number written with a fractional part (0.5, not 1 or 2) */
  fraction: boolean;
  /** bit r set when some node has r dimensions (a scalar 1, a vector 2, a matrix 4) */
  ranks: number;
}

const summaries = new Memo<Expr, Summary>();

function summary(e: Expr): Summary {
  let s = summaries.get(e);
  if (s) return s;
  const out: Summary = { kinds: 0, fns: [], fraction: false, ranks: 0 };
  const walk = (x: Expr): void => {
    out.kinds |= bitOf(x.k);
    // a shape not known: any rank, so that a screen never rules one out
    out.ranks |= x.shape ? 1 << Math.min(x.shape.length, 30) : ~0;
    if (x.k === 'call' && !out.fns.includes(x.fn)) out.fns.push(x.fn);
    else if (x.k === 'num' && !Number.isInteger(x.value)) out.fraction = true;
    forChildren(x, walk);
  };
  walk(e);
  summaries.set(e, (s = out));
  return s;
}

/** whether e holds a node of any of these kinds anywhere */
export function hasKind(e: Expr, ...kinds: Expr['k'][]): boolean {
  const own = summary(e).kinds;
  // a kind no walk has met yet has no bit: e, walked by now, holds none of it
  for (const k of kinds) {
    const b = BIT.get(k);
    if (b !== undefined && (own & b) !== 0) return true;
  }
  return false;
}

/** the functions e calls anywhere, each once */
export function callsOf(e: Expr): readonly Fn[] {
  return summary(e).fns;
}

/** whether e writes a number with a fractional part anywhere (a value rounded by hand has one) */
export function writesFraction(e: Expr): boolean {
  return summary(e).fraction;
}

/** whether some node of e has this many dimensions (1: a vector) */
export function hasRank(e: Expr, rank: number): boolean {
  return (summary(e).ranks & (1 << rank)) !== 0;
}
