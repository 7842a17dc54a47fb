// `∂L/∂o_3 = -0.5621`: a number copied from a calculator to the digits a sheet shows, written with = where the
// language judges = to 1e-6 (LANGUAGE.md §5) and a rounded value with ≈. The check fails, rightly; the message says
// the number is the other side rounded, so the student writes ≈ rather than hunting for a wrong formula.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { fmt } from '../format';
import type { Run } from '../run';
import { guard } from './guard';
import type { Claim } from './hints';
import type { Sides } from './points';
import { replacing } from './replacing';
import { writesFraction } from './kinds';

/**
 * the decimals a written number has, its sign aside (0.0987: 4, −3: 0), or null past 8 (beyond what a sheet rounds
 * to) or in an exponent's notation: the rounding hints and wrongNumber.ts read a hand computation's digits so
 */
export function writtenDecimals(x: number): number | null {
  const m = /^\d+(?:\.(\d{1,8}))?$/.exec(String(Math.abs(x)));
  return m ? (m[1]?.length ?? 0) : null;
}

/** a literal's decimals as its writer gave them (0.6590: 4, its trailing zero kept by the parser), or writtenDecimals' */
const digitsOf = (n: Expr & { k: 'num' }): number | null => n.decimals ?? writtenDecimals(n.value);

/** a (signed) number literal as written, its value and decimals (a whole number 0); null for anything else */
function signedLiteral(e: Expr): { value: number; decimals: number } | null {
  const neg = e.k === 'neg';
  const n = neg ? e.a : e;
  if (n.k !== 'num' || !Number.isFinite(n.value)) return null;
  const decimals = digitsOf(n);
  return decimals === null ? null : { value: neg ? -n.value : n.value, decimals };
}

/** the number a side is, as written, with its count of decimals; null for anything but a (signed) number */
function writtenNumber(e: Expr): { value: number; decimals: number } | null {
  const w = signedLiteral(e);
  // an integer is no rounded value a sheet shows (= 3 means 3)
  return w && w.decimals >= 1 ? w : null;
}

/**
 * a vector or matrix written in numbers (`\begin{bmatrix} 0.7616 \\ 0.4621 \end{bmatrix}`), entry by entry with each
 * one's decimals (a whole number 0), as the network orders its entries; null for anything else
 */
function writtenEntries(e: Expr): { value: number; decimals: number }[] | null {
  const items = e.k === 'vec' ? e.items : e.k === 'mat' ? e.rows.flat() : null;
  if (!items) return null;
  const out: { value: number; decimals: number }[] = [];
  for (const item of items) {
    const w = signedLiteral(item);
    if (!w) return null;
    out.push(w);
  }
  return out.some((x) => x.decimals > 0) ? out : null;
}

/** each written entry is x's rounded to its decimals (a whole number x's itself) */
function roundsEach(written: { value: number; decimals: number }[], x: ArrayLike<number>): boolean {
  if (written.length !== x.length) return false;
  return written.every((w, i) => {
    const d = Math.abs(x[i]! - w.value);
    return w.decimals > 0 ? d <= 0.5 * 10 ** -w.decimals * (1 + 1e-9) : d <= 1e-6 * Math.max(1, Math.abs(w.value));
  });
}

/** "4 decimals", or "the digits written" where the entries have different counts */
function decimalsText(written: { decimals: number }[]): string {
  const counts = new Set(written.filter((w) => w.decimals > 0).map((w) => w.decimals));
  const [k] = [...counts];
  return counts.size === 1 ? `${k} decimal${k! > 1 ? 's' : ''}` : 'the digits written';
}

/** the numbers of three or more decimals written inside a side (a hand computation's rounded intermediates), up to 4 */
function roundedLiterals(e: Expr, out: { node: Expr & { k: 'num' }; decimals: number }[] = []) {
  if (out.length > 4) return out;
  if (e.k === 'num') {
    const decimals = digitsOf(e);
    if (decimals !== null && decimals >= 3) out.push({ node: e, decimals });
  } else if (e.k !== 'deriv') forChildren(e, (c) => void roundedLiterals(c, out), VALUE_CHILDREN);
  return out;
}

/** numbers of three or more decimals written inside a side, and how far they move it: half a unit of each one's last
 * digit, the side's moves added up (a linear bound); null when the side has none, or cannot be evaluated so moved */
function roundingSpread(
  side: Expr,
  env: Sides['env'],
  run: Run,
): { spread: number[]; written: { node: Expr & { k: 'num' }; decimals: number }[] } | null {
  // a number of three or more decimals is no whole number: a side with none has nothing rounded by hand
  const written = side.k === 'num' || !writesFraction(side) ? [] : roundedLiterals(side);
  if (written.length === 0 || written.length > 4) return null;
  // per entry of the side (one for a scalar)
  let spread: number[] | null = null;
  for (const { node, decimals } of written) {
    const h = 0.5 * 10 ** -decimals;
    const at = (v: number) => guard(() => Array.from(run.evaluateShared(replacing(side, node, { ...node, value: v }), env).data));
    const up = at(node.value + h);
    const down = at(node.value - h);
    if (up === null || down === null || up.length !== down.length || ![...up, ...down].every(Number.isFinite)) return null;
    spread ??= up.map(() => 0);
    if (spread.length !== up.length) return null;
    for (let i = 0; i < up.length; i++) spread[i]! += Math.abs(up[i]! - down[i]!) / 2;
  }
  return spread && spread.some((x) => x > 0) ? { spread, written } : null;
}

/** the sides' largest difference, entry by entry, and whether each entry's is within its spread; null past a shape's match */
function withinSpread(l: ArrayLike<number>, r: ArrayLike<number>, spread: number[]): { diff: number; within: boolean } | null {
  if (l.length !== r.length || l.length !== spread.length) return null;
  let diff = 0;
  let within = true;
  for (let i = 0; i < l.length; i++) {
    const d = Math.abs(l[i]! - r[i]!);
    diff = Math.max(diff, d);
    if (d > spread[i]! * 1.05) within = false;
  }
  return { diff, within };
}

const numbersText = (written: { node: Expr & { k: 'num' }; decimals: number }[]) =>
  written.map((w) => `${w.node.value.toFixed(w.decimals)} (${w.decimals} decimals)`).join(', ');

const WRITE_APPROX = 'An equation with rounded numbers holds only to their digits: write ≈ for its =';

/**
 * `h_2 = tanh(w h_1 + u x_2) = tanh(0.0987 + 0.4)`: a scalar side computed from numbers rounded by hand differs from
 * the other side by less than their rounding moves it. Structural until such a number is written; then two
 * evaluations per number, at the failing point.
 */
function roundedInsideHint(claim: Claim, bad: Sides, run: Run): string | null {
  if (bad.l.data.length !== bad.r.data.length) return null;
  const scalar = bad.l.data.length === 1;
  for (const [side, name] of [
    [claim.rhs, 'right'],
    [claim.lhs, 'left'],
  ] as const) {
    const r = roundingSpread(side, bad.env, run);
    const w = r && withinSpread(bad.l.data, bad.r.data, r.spread);
    if (!r || !w?.within) continue;
    // a vector computed from rounded numbers (h_2 = tanh([0.3808 − 1, …])): entry by entry, the largest of each said
    const most = Math.max(...r.spread);
    const differ = scalar ? `the sides differ by ${fmt(w.diff, 3)}` : `the sides differ by at most ${fmt(w.diff, 3)} in an entry`;
    const moves = scalar ? `the ${name} side (±${fmt(most, 2)})` : `each entry of the ${name} side (up to ±${fmt(most, 2)})`;
    return `The ${name} side is computed from rounded numbers, ${numbersText(r.written)}: ${differ}, within what that rounding moves ${moves}. ${WRITE_APPROX} (… ≈ ${exprText(side)})`;
  }
  return null;
}

/**
 * `∂L/∂h_1 = … = −0.0379 + 1.3786 · 0.2281 · 0.8 = 0.2137`: a hand computation's last value is the side before it
 * rounded, and that side, computed from rounded numbers, is off the left side by less than their rounding moves it.
 * The value is then right to the student's arithmetic (0.213667 rounds to 0.2137), though the exact value rounds
 * otherwise (0.213603): said so, not the two values alone. Asked where the right side is a number and the side before
 * it is written in numbers alone (a chain's third side on).
 */
function roundedFromPrevious(claim: Claim, bad: Sides, run: Run): string | null {
  const prev = claim.previous;
  const w = prev ? writtenNumber(claim.rhs) : null;
  if (!prev || !w || bad.l.data.length !== 1) return null;
  const p = guard(() => run.evaluateShared(prev, bad.env).data);
  if (!p || p.length !== 1 || !Number.isFinite(p[0]!)) return null;
  // the side before is sound: off the left side by no more than its own rounded numbers move it
  const r = roundingSpread(prev, bad.env, run);
  const diff = Math.abs(bad.l.data[0]! - p[0]!);
  if (!r || r.spread.length !== 1 || diff > r.spread[0]! * 1.05) return null;
  const unit = 10 ** -w.decimals;
  const off = Math.abs(p[0]! - w.value);
  // the exact value to the same digits: ≈ with the value written would fail too (≈ is judged to the digits written)
  const exact = bad.l.data[0]!.toFixed(w.decimals);
  const before = `${exprText(prev)} = ${fmt(p[0]!)}`;
  if (off <= 0.5 * unit * (1 + 1e-9))
    return `${asWritten(w)} is the side before it, ${before}, rounded to ${w.decimals} decimal${w.decimals > 1 ? 's' : ''}; that side is computed from rounded numbers, ${numbersText(r.written)}, and differs from the left side by ${fmt(diff, 3)}, within what that rounding moves it (±${fmt(r.spread[0]!, 2)}). The exact value rounds to ${exact}: carry more digits through the computation, and write ≈ for a rounded value's =`;
  // a slip in the last digits of the last step (0.0416 for 0.0417469): the side before is right, its value is not
  if (off > 5 * unit) return null;
  const rounded = p[0]!.toFixed(w.decimals);
  return `${asWritten(w)} is not the side before it rounded: ${before} rounds to ${rounded}${rounded === exact ? ', as the exact value does' : `, the exact value to ${exact}`}`;
}

/** a written number to the decimals its writer gave it (0.6590, not 0.659) */
const asWritten = (w: { value: number; decimals: number }): string => w.value.toFixed(w.decimals);

/** "-0.5621 is the left side (-0.562131) rounded to 4 decimals: …", or roundedInsideHint's numbers inside a side, or null */
export function roundedEqualsHint(claim: Claim, bad: Sides, run: Run): string | null {
  return roundedNumberHint(claim, bad) ?? roundedFromPrevious(claim, bad, run) ?? roundedInsideHint(claim, bad, run);
}

function roundedNumberHint(claim: Claim, bad: Sides): string | null {
  for (const [side, other, values, name] of [
    [claim.rhs, claim.lhs, bad.l, 'left'],
    [claim.lhs, claim.rhs, bad.r, 'right'],
  ] as const) {
    const entries = other.k === 'num' ? null : writtenEntries(side);
    if (entries && roundsEach(entries, values.data)) {
      const shown = exprText(side);
      return `${shown} is the ${name} side rounded to ${decimalsText(entries)}, entry by entry: a rounded value is written after ≈ (… ≈ ${shown}), and judged to the digits written`;
    }
    const w = writtenNumber(side);
    if (!w || other.k === 'num' || values.data.length !== 1) continue;
    const x = values.data[0]!;
    if (Math.abs(x - w.value) > 0.5 * 10 ** -w.decimals * (1 + 1e-9)) continue;
    const shown = asWritten(w);
    return `${shown} is the ${name} side rounded to ${w.decimals} decimal${w.decimals > 1 ? 's' : ''}: a rounded value is written after ≈ (… ≈ ${shown}), and judged to the digits written`;
  }
  return null;
}
