// A constant factor wrong: `∂L/∂h_3 = 3(h_3 − y_3)` where the truth is 2(h_3 − y_3). The sides are in one ratio r
// at the file's values AND at every random draw evaluated (a ratio seen at one point can be a coincidence of the
// file's numbers, as confirm.ts explains), so the message can say "a constant factor is wrong"; and a number written
// in a side that makes the check hold when divided by r (confirmed at a draw) is named: "the 3 should be 2". The
// ratios textbook.ts's scaleHint explains by a cause (a sign, T, 1/T, 2, ½) are left to it unless a number is named.
// Bounded: the draws are run only when the file's values show one ratio, and at most MAX_LITERALS numbers are tried.

import type { Expr, Model } from '../../language/model';
import { parseNodeKey } from '../../ids';
import { variedNames } from '../random';
import { reach } from './reach';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Range } from '../../report';
import { fmt } from '../format';
import { replacing } from './replacing';
import type { Run } from '../run';
import { confirmed } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import { close, ratioAtLargest, sameRatio } from './points';
import { halvedLoss } from './halfLoss';
import { averagesOverSteps, hasOneOverT } from './meanLoss';
import { formulaOnRight } from './formulaSide';

/** numbers of the sides tried as the wrong one */
const MAX_LITERALS = 8;
/** below this size (every entry, every point, at the file's values) a ratio is the tolerance's floor, not a fact */
const MIN_SIZE = 1e-4;

/** the random draws a hint may evaluate the claim at: run(seed) for seed = 1..count (it may throw a RunError) */
export interface DrawRuns {
  count: number;
  run: (seed: number) => Run;
}

/**
 * the one ratio right/left of the sides at every point of `run`, or false (none, or not one). `need`: the ratio the
 * points must show (at a draw: the file's). A point where the left side is 0 must have the right side 0 too.
 */
function ratioAt(c: Claim, run: Run, need: number | null, lefts: Float64Array[]): { k: number; size: number; moved: boolean } | false {
  let k = need;
  let size = 0;
  let moved = false;
  for (let i = 0; i < c.points.length; i++) {
    const p = c.points[i]!;
    const l = run.evaluateShared(c.lhs, p.env).data;
    // the file's left sides kept (copied: the run's own arrays); a draw's compared with them
    if (need === null) lefts.push(l.slice());
    else if (!moved && !close(l, lefts[i]!)) moved = true;
    const r = run.evaluateShared(c.rhs, p.env).data;
    if (l.length !== r.length) return false;
    if (k === null) {
      // from the first point with a left side other than 0, as scaleHint (textbook.ts) takes it: the two agree on every
      // claim (a point where both sides are 0, ∂h_1/∂w with h_0 = 0 at t = 1, says no ratio and none other)
      k = ratioAtLargest(l, r);
      if (k === null) {
        if (!close(l, r)) return false;
        continue;
      }
    }
    for (const x of l) size = Math.max(size, Math.abs(x));
    const kk = k ?? 0;
    if (
      !close(
        l.map((x) => kk * x),
        r,
      )
    )
      return false;
  }
  return k === null || !Number.isFinite(k) ? false : { k, size, moved };
}

/** r as a simple fraction ("3/2", "−2": a denominator up to 12, a numerator up to 1,000), or null */
function fraction(r: number): string | null {
  for (let d = 1; d <= 12; d++) {
    const n = Math.round(r * d);
    if (n !== 0 && Math.abs(n) <= 1000 && Math.abs(r * d - n) <= 1e-9 * Math.max(1, Math.abs(r * d))) {
      const s = d === 1 ? `${Math.abs(n)}` : `${Math.abs(n)}/${d}`;
      return n < 0 ? `−${s}` : s;
    }
  }
  return null;
}

/** a ratio as a simple fraction when it is one, else its digits */
export const ratioText = (r: number): string => fraction(r) ?? fmt(r, 4).replace(/^-/, '−');

/** a number written in a side, and whether it divides (the 3 of x/3: it scales the side by 1/3) */
interface Literal {
  lit: Expr & { k: 'num' };
  divides: boolean;
}

/** the numbers written in a side, in value positions (not exponents, indices or bounds, not inside a derivative) */
function literals(e: Expr, out: Literal[] = [], divides = false): Literal[] {
  if (e.k === 'num') out.push({ lit: e, divides });
  else if (e.k === 'div') {
    literals(e.a, out, divides);
    literals(e.b, out, !divides);
  } else if (e.k !== 'deriv') forChildren(e, (x) => literals(x, out, divides), VALUE_CHILDREN);
  return out;
}

/** the ratios scaleHint (textbook.ts) says with their cause: left to it when no number is named */
function explained(k: number, T: number, mean: boolean, overT: boolean): boolean {
  return [-1, 2, 0.5, -2, -0.5, ...(mean ? [T, -T] : []), ...(overT ? [1 / T, -1 / T] : [])].some((v) => sameRatio(k, v));
}

export interface ConstantFactorHint {
  text: string;
  culprit: Range | null;
}

/**
 * the hint, or (with none) the ratio found at the file's values for scaleHint, which would ask the same: null when
 * the sides are in no one ratio there (or cannot be evaluated)
 */
export type ConstantFactor = { hint: ConstantFactorHint } | { hint: null; k: number | null };

/**
 * "The 3 should be 2: the right side is 3/2 times the left at every point checked (the file's values and 4 random
 * draws)", or, with no number to blame, "The right side is 3/2 times the left at every point checked …: a constant
 * factor is wrong". NO_RATIO when the file's values show no one ratio; null when the ratio is 1, another at a draw,
 * seen at no draw, or one scaleHint explains (and no number is named).
 */
export function constantFactorHint(c: Claim, run: Run, draws: DrawRuns | null): ConstantFactor {
  const lefts: Float64Array[] = [];
  const here = guard(() => ratioAt(c, run, null, lefts));
  if (!here) return { hint: null, k: null };
  if (Math.abs(here.k - 1) < 1e-6) return { hint: null, k: here.k };
  // sides too small to name a number by: scaleHint may still say the ratio, unless a draw shows another
  if (here.size < MIN_SIZE) return { hint: null, k: refuted(c, run, draws, here.k, lefts) ? null : here.k };
  const hint = drawnHint(c, run, draws, here.k, lefts);
  // a ratio another at a draw is no cause scaleHint may name: 2(h_3 − y_3) x_2 with x_2 = 2 is not "2 times"
  if (hint === REFUTED) return { hint: null, k: null };
  return hint ? { hint } : { hint: null, k: here.k };
}

/** the sides read a name the draws vary (count(params) is a number, an LSTM's count formula reads none) */
export function readsDrawn(c: Claim, model: Model): boolean {
  const read = reach(model, [c.lhs, c.rhs]);
  return variedNames(model).some((n) => read.has(parseNodeKey(n).name));
}

/** a draw shows another ratio than k (the sides read a drawn name, and one draw that can be evaluated differs) */
function refuted(c: Claim, run: Run, draws: DrawRuns | null, k: number, lefts: Float64Array[]): boolean {
  if (!draws || !readsDrawn(c, run.model)) return false;
  for (let seed = 1; seed <= draws.count; seed++) if (guard(() => ratioAt(c, draws.run(seed), k, lefts)) === false) return true;
  return false;
}

/** drawnHint's answer when a draw shows another ratio: the file's values' ratio is a coincidence of them */
const REFUTED = 'refuted';

/** the ratio k of the file's values, judged at the draws, and the number it names (REFUTED: another ratio at a draw) */
function drawnHint(
  c: Claim,
  run: Run,
  draws: DrawRuns | null,
  k: number,
  lefts: Float64Array[],
): ConstantFactorHint | typeof REFUTED | null {
  if (!draws || draws.count < 1) return null;
  // two numbers are always in one ratio: the draws are run only for a ratio a mistake can make — a simple fraction,
  // or one that a number written in the sides explains (1.7 for 2: 0.85)
  // the sides' numbers (the right side's first, at most MAX_LITERALS), scaled to undo k: made field by field (a
  // spread with a field added is made in V8's runtime, derivAs.ts)
  const numbers = [
    ...literals(c.rhs).map((l) => ({ lit: l.lit, divides: l.divides, right: true })),
    ...literals(c.lhs).map((l) => ({ lit: l.lit, divides: l.divides, right: false })),
  ].slice(0, MAX_LITERALS);
  const scaled = numbers
    .map((t) => ({ lit: t.lit, divides: t.divides, right: t.right, value: t.right !== t.divides ? t.lit.value / k : t.lit.value * k }))
    .filter((t) => fraction(t.value) !== null);
  if (fraction(k) === null && !scaled.length) return null;
  // after the numbers: which names the sides read is a walk of the network's equations (a ∏ line's cascade asks)
  if (!readsDrawn(c, run.model)) return null;
  // the same ratio at every draw that can be evaluated (a draw that cannot refutes nothing), at least one, and
  // sides that change with the draws: two constants (an LSTM's count of parameters) are in one ratio at any values
  let judged = 0;
  let moved = false;
  for (let seed = 1; seed <= draws.count; seed++) {
    // null: the draw could not be evaluated (it refutes nothing); false: another ratio there
    const at = guard(() => ratioAt(c, draws.run(seed), k, lefts));
    if (at === false) return REFUTED;
    if (at) judged++;
    if (at && at.moved) moved = true;
  }
  if (!judged || !moved) return null;
  // the formula side is the right one unless the right is a lone derivative and the left is not
  const right = formulaOnRight(c);
  const [side, other] = right ? ['right', 'left'] : ['left', 'right'];
  const factor = right ? k : 1 / k;
  const where = `at every point checked (the file's values and ${judged} random draw${judged === 1 ? '' : 's'})`;
  const ratio = `the ${side} side is ${ratioText(factor)} times the ${other}`;
  const T = run.model.T;
  // T times (or 1/T): the cause is a mean loss's 1/T, as scaleHint says ('2(o_t − y_t)' for d2l's (2/T)(o_t − y_t)
  // is not "the 2 should be 2/3"), unless the number named is one too many (a written 3 Σ_t … with T = 3). Read as
  // scaleHint reads them: T times only under a loss that averages, 1/T times also where the side writes a 1/T
  const averages = averagesOverSteps(run.model);
  const overT = averages || hasOneOverT(c.rhs, T);
  const mean = (averages && [T, -T].some((v) => sameRatio(k, v))) || (overT && [1 / T, -1 / T].some((v) => sameRatio(k, v)));
  const named = wrongNumber(c, run, draws, scaled);
  if (named && mean && named.should !== '1') return null;
  // 2 times: the loss's ½ dropped, which is there to cancel the 2 of the square's derivative (halfLoss.ts)
  const half = right && sameRatio(k, 2) ? halvedLoss(run.model) : null;
  const why = half ? `; the ½ in ${half} cancels the 2 that the square's derivative brings` : '';
  if (named) return { text: `${named.text}: ${ratio} ${where}${why}`, culprit: named.lit.range };
  if (explained(k, T, averages, overT)) return null;
  return { text: `${ratio.replace(/^t/, 'T')} ${where}: a constant factor is wrong`, culprit: null };
}

/**
 * a number of the sides that, scaled to undo the ratio (a right side's factor divided by it, its divisor multiplied),
 * makes the check hold, confirmed at a draw. A number that should be 1 (a factor or a division too many) is tried
 * first, then whole numbers: `2(h_3 − y_3)/3` is "the division by 3 should not be there", not "the 2 should be 6".
 */
function wrongNumber(
  c: Claim,
  run: Run,
  draws: DrawRuns,
  tries: (Literal & { right: boolean; value: number })[],
): { lit: Expr; should: string; text: string } | null {
  const rank = (v: number) => (Math.abs(v - 1) < 1e-9 ? 0 : Number.isInteger(Math.round(v * 1e9) / 1e9) ? 1 : 2);
  tries = [...tries].sort((a, b) => rank(a.value) - rank(b.value));
  for (const { lit, right, divides, value } of tries) {
    const lhs = right ? c.lhs : replacing(c.lhs, lit, { ...lit, value });
    const rhs = right ? replacing(c.rhs, lit, { ...lit, value }) : c.rhs;
    if (!holdsWith(c, lhs, rhs, run)) continue;
    if (!confirmed(() => draws.run(1), lhs, rhs, c.points)) continue;
    const should = ratioText(value);
    const n = exprText(lit);
    // a factor 1 is no factor, a division by 1 none: "the factor 2 should not be there" (∇_c L = 2 Σ_t ∇_{o_t} L)
    const text =
      should !== '1'
        ? `The ${n} should be ${should}`
        : divides
          ? `The division by ${n} should not be there`
          : isFactor(right ? c.rhs : c.lhs, lit)
            ? `The factor ${n} should not be there`
            : `The ${n} should be 1`;
    return { lit, should, text };
  }
  return null;
}

/** the number is an operand of a product (2 Σ_t …, 0.5 (1 − h²) w), not a term or an argument */
function isFactor(e: Expr, lit: Expr): boolean {
  let found = false;
  const go = (x: Expr): void => {
    if ((x.k === 'mul' || x.k === 'hadamard') && (x.a === lit || x.b === lit)) found = true;
    else if (x.k !== 'deriv') forChildren(x, go, VALUE_CHILDREN);
  };
  go(e);
  return found;
}
