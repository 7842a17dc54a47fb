// One entry of a small vector written for another (session 42, a probe of pasted formulas): RTRL's recursion for
// ∂h_1^{(t)}/∂W_{12} ends with + h_2^{(t−1)} (the weight's column), and a student writes h_1^{(t−1)}. It failed with its
// values only; indexSwapHint names the matrix case (W[1, 2] for W[2, 1]). Here each numbered entry of a vector of a
// few entries is tried at each other entry, and the one with which the check holds is named. At most MAX_TRIES
// evaluations, asked only of a right side that writes such an entry.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren } from '../../language/resolve';
import type { Claim } from './hints';
import type { Run } from '../run';
import { holdsReplacing } from './textbook';

/** vectors of up to this many entries (a unit of a small network written by number); beyond it a guess is too cheap */
const MAX_ENTRIES = 4;
const MAX_TRIES = 12;

type Entry = Expr & { k: 'index'; i: Expr & { k: 'num' } };

/** the entries v[k] of a vector of a few entries, with k a written number */
function numberedEntries(e: Expr, out: Entry[] = []): Entry[] {
  if (e.k === 'index' && e.j === null && e.i.k === 'num' && e.a.shape?.length === 1 && e.a.shape[0]! <= MAX_ENTRIES) out.push(e as Entry);
  forChildren(e, (c) => void numberedEntries(c, out));
  return out;
}

/** a right side that writes such an entry: the screen for asking vectorEntryHint */
export const writesNumberedEntry = (c: Claim): boolean => numberedEntries(c.rhs).length > 0;

export function vectorEntryHint(c: Claim, run: Run): string | null {
  let tries = 0;
  for (const x of numberedEntries(c.rhs)) {
    const n = x.a.shape![0]!;
    for (let k = 1; k <= n; k++) {
      if (k === x.i.value) continue;
      if (tries++ >= MAX_TRIES) return null;
      const other: Expr = { ...x, i: { ...x.i, value: k } };
      if (holdsReplacing(c, x, other, run)) return `${exprText(x)} should be ${exprText(other)}: with that entry the check holds`;
    }
  }
  return null;
}
