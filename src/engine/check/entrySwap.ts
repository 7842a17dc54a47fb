// Two free entry letters exchanged on one side (session 37): Nielsen's BP4, ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j, written
// a^{l-1}_j δ^l_k, failed with its values only (indexSwapHint swaps the two indices of one matrix entry; here each
// letter picks an entry of a different vector). With the letters exchanged throughout the right side the check
// holds: that is what is said. One evaluation per pair of entry letters, asked only of a check with two or more.

import type { Expr, Idx } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, mapIndicesOf } from '../../language/resolve';
import type { Claim } from './hints';
import type { Run } from '../run';
import { holdsWith } from './textbook';

/** the letters of var nodes inside entry positions (v[i], M[i, j]) of e, in the order met */
function entryLetters(e: Expr, out: Set<string>, inEntry = false): Set<string> {
  if (e.k === 'var' && inEntry && e.idx.v !== null) out.add(e.idx.v);
  if (e.k === 'index') {
    entryLetters(e.a, out, inEntry);
    entryLetters(e.i, out, true);
    if (e.j) entryLetters(e.j, out, true);
    return out;
  }
  forChildren(e, (c) => void entryLetters(c, out, inEntry));
  return out;
}

/** an index with the letters a and b exchanged */
function swapped(i: Idx, a: string, b: string): Idx {
  const to = (v: string | null) => (v === a ? b : v === b ? a : v);
  return i.terms ? { ...i, v: to(i.v), terms: i.terms.map((t) => ({ ...t, v: to(t.v)! })) } : { ...i, v: to(i.v) };
}

export function entrySwapHint(c: Claim, run: Run): string | null {
  const env = c.points[0]?.env;
  if (!env) return null;
  // the free letters (every point binds them), those in entry positions of the right side
  const free = Object.keys(env).filter((v) => v !== 't');
  if (free.length < 2) return null;
  const inEntries = entryLetters(c.rhs, new Set());
  const letters = free.filter((v) => inEntries.has(v));
  for (let x = 0; x < letters.length; x++)
    for (let y = x + 1; y < letters.length; y++) {
      const a = letters[x]!;
      const b = letters[y]!;
      const rhs = mapIndicesOf(c.rhs, a, (i) => swapped(i, a, b));
      const text = exprText(rhs);
      if (text === exprText(c.rhs) || !holdsWith(c, c.lhs, rhs, run)) continue;
      return `The right side has ${a} and ${b} exchanged: with them swapped, ${text}, the check holds`;
    }
  return null;
}
