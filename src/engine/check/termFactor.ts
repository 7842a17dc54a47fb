// One term of a sum off by a constant factor: the h̄ line of seed 004 written with (h_t − y_t) for its own error
// 2(h_t − y_t), or 3(h_t − y_t) + … for 2(…). constantFactor.ts names a whole side in one ratio; here the side's
// other terms are right, so the sides are in no one ratio and every other hint said nothing (the term matcher reads
// h_t and −y_t of a bracket as two terms of no path). Found at the file's values — the sides differ by (k − 1) times
// the term at every point, k a small fraction — then the edited check is confirmed at the draws. Asked last.

import type { Expr } from '../../language/model';
import type { Range } from '../../report';
import { hasDeriv } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { close, ratioAtLargest } from './points';
import { formulaOnRight } from './formulaSide';
import { replacing } from './replacing';
import { printerFor } from './writtenT';
import { ratioText, readsDrawn } from './constantFactor';
import { unhalvedSquareLoss } from './halfLoss';

/** terms of a side tried at most */
const MAX_TERMS = 12;
/** a factor a slip makes: n/d with small n and d (2, ½, 3, 2/3 …), never 0 or 1 */
const MAX_PART = 4;

/** a sum written in brackets: its range begins before its first term's (the parser keeps no bracket node) */
const bracketed = (e: Expr & { a: Expr }): boolean =>
  e.range.line < e.a.range.line || (e.range.line === e.a.range.line && e.range.column < e.a.range.column);

/** the terms a side adds (not into a product, a Σ or a bracketed sum, which is one term as written) */
function termsOf(e: Expr, out: Expr[] = [], top = true): Expr[] {
  if ((e.k === 'add' || e.k === 'sub') && (top || !bracketed(e))) {
    termsOf(e.a, out, false);
    termsOf(e.b, out, false);
  } else if (e.k === 'neg') termsOf(e.a, out, false);
  else out.push(e);
  return out;
}

/** k is n/d with |n|, d ≤ MAX_PART */
function simple(k: number): boolean {
  for (let d = 1; d <= MAX_PART; d++) {
    const n = Math.round(k * d);
    if (n !== 0 && Math.abs(n) <= MAX_PART && Math.abs(k * d - n) <= 1e-9 * Math.max(1, Math.abs(k * d))) return true;
  }
  return false;
}

/** q with the sides' difference q times `term` at every point (`diffs`: whole side − formula there), or null */
function factorAt(c: Claim, run: Run, diffs: Float64Array[], term: Expr): number | null {
  let q: number | null = null;
  for (let i = 0; i < c.points.length; i++) {
    const diff = diffs[i]!;
    const t = run.evaluateShared(term, c.points[i]!.env).data;
    if (t.length !== diff.length && t.length !== 1) return null;
    const tv = t.length === diff.length ? t : diff.map(() => t[0]!);
    if (q === null) q = ratioAtLargest(tv, diff);
    const k = q;
    if (k === null) {
      if (!close(diff, new Float64Array(diff.length))) return null;
      continue;
    }
    if (
      !close(
        diff,
        tv.map((x) => x * k),
      )
    )
      return null;
  }
  return q;
}

/**
 * "The term (h_t − y_t) should be 2 (h_t − y_t): with that factor the check holds", or with a number written in the
 * term, "In the term 3 (h_t − y_t), the 3 should be 2: …"; the culprit is the term
 */
export function termFactorHint(c: Claim, run: Run, other: OtherValues): { text: string; culprit: Range | null } | null {
  const right = formulaOnRight(c);
  const formula = right ? c.rhs : c.lhs;
  const whole = right ? c.lhs : c.rhs;
  const terms = termsOf(formula);
  if (terms.length < 2 || terms.length > MAX_TERMS) return null;
  // two sums of numbers (a parameter count) are off by a factor of a term at any values: only a side the draws vary,
  // confirmed at a draw, is named
  if (!other || !readsDrawn(c, run.model)) return null;
  const show = printerFor(c.text, run.model.T, true);
  return guard(() => {
    // the sides' difference at each point, read once for every term tried
    const diffs: Float64Array[] = [];
    for (const p of c.points) {
      const w = run.evaluateShared(whole, p.env).data;
      const f = run.evaluateShared(formula, p.env).data;
      if (w.length !== f.length) return null;
      diffs.push(w.map((x, i) => x - f[i]!));
    }
    for (const term of terms) {
      // the sides' difference is q times the term; k times the term mends it where q = ±(k − 1)
      const q = factorAt(c, run, diffs, term);
      if (q === null) continue;
      // the term's sign inside the side (a term after − is subtracted)
      const sign = signIn(formula, term);
      const k = 1 + q * sign;
      if (!simple(k) || Math.abs(k - 1) < 1e-9) continue;
      const prod = term.k === 'mul' && term.a.k === 'num' ? { ...term, a: term.a } : null;
      const lit = prod ? prod.a : null;
      const by: Expr = prod
        ? { ...prod, a: { ...prod.a, value: prod.a.value * k } }
        : { k: 'mul', a: { k: 'num', value: k, shape: [], range: term.range }, b: term, shape: term.shape, range: term.range };
      const edited = replacing(formula, term, by);
      const [l, r] = right ? [whole, edited] : [edited, whole];
      if (!confirmed(other, l, r, c.points)) continue;
      const why = k === 2 && !hasDeriv(term) ? becauseSquare(run) : '';
      const text = lit
        ? `In the term ${show(term)}, the ${show(lit)} should be ${ratioText(lit.value * k)}${why}: with it the check holds`
        : `The term ${written(term, show)} should be ${show(by)}${why}: with that factor the check holds`;
      return { text, culprit: term.range };
    }
    return null;
  });
}

/** a term as written: a bracketed sum in its brackets */
const written = (e: Expr, show: (e: Expr) => string): string =>
  (e.k === 'add' || e.k === 'sub') && bracketed(e) ? `(${show(e)})` : show(e);

/** +1 or −1: how the side adds the term (each − above it on the way turns it) */
function signIn(e: Expr, term: Expr): number {
  if (e === term) return 1;
  if (e.k === 'add' || e.k === 'sub') {
    const a = signIn(e.a, term);
    if (a !== 0) return a;
    const b = signIn(e.b, term);
    return e.k === 'sub' ? -b : b;
  }
  if (e.k === 'neg') return -signIn(e.a, term);
  return 0;
}

/** " (the 2 that the square in L's equation brings)" where the loss squares with no ½ */
function becauseSquare(run: Run): string {
  const squared = unhalvedSquareLoss(run.model);
  return squared ? ` (the 2 that the square in ${squared} brings to its derivative)` : '';
}
