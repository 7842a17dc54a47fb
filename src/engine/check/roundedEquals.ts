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

/** the number a side is, as written, with its count of decimals; null for anything but a (signed) number */
function writtenNumber(e: Expr): { value: number; decimals: number } | null {
  const neg = e.k === 'neg';
  const n = neg ? e.a : e;
  if (n.k !== 'num' || !Number.isFinite(n.value)) return null;
  const decimals = writtenDecimals(n.value);
  // an integer is no rounded value a sheet shows (= 3 means 3)
  if (decimals === null || decimals < 1) return null;
  return { value: neg ? -n.value : n.value, decimals };
}

/** the numbers of three or more decimals written inside a side (a hand computation's rounded intermediates), up to 4 */
function roundedLiterals(e: Expr, out: { node: Expr & { k: 'num' }; decimals: number }[] = []) {
  if (out.length > 4) return out;
  if (e.k === 'num') {
    const decimals = writtenDecimals(e.value);
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
): { spread: number; written: { node: Expr & { k: 'num' }; decimals: number }[] } | null {
  // a number of three or more decimals is no whole number: a side with none has nothing rounded by hand
  const written = side.k === 'num' || !writesFraction(side) ? [] : roundedLiterals(side);
  if (written.length === 0 || written.length > 4) return null;
  let spread = 0;
  for (const { node, decimals } of written) {
    const h = 0.5 * 10 ** -decimals;
    const at = (v: number) => guard(() => run.evaluateShared(replacing(side, node, { ...node, value: v }), env).data[0]!);
    const up = at(node.value + h);
    const down = at(node.value - h);
    if (up === null || down === null || !Number.isFinite(up) || !Number.isFinite(down)) return null;
    spread += Math.abs(up - down) / 2;
  }
  return spread === 0 ? null : { spread, written };
}

const numbersText = (written: { node: Expr & { k: 'num' }; decimals: number }[]) =>
  written.map((w) => `${fmt(w.node.value)} (${w.decimals} decimals)`).join(', ');

const WRITE_APPROX = 'An equation with rounded numbers holds only to their digits: write ≈ for its =';

/**
 * `h_2 = tanh(w h_1 + u x_2) = tanh(0.0987 + 0.4)`: a scalar side computed from numbers rounded by hand differs from
 * the other side by less than their rounding moves it. Structural until such a number is written; then two
 * evaluations per number, at the failing point.
 */
function roundedInsideHint(claim: Claim, bad: Sides, run: Run): string | null {
  if (bad.l.data.length !== 1 || bad.r.data.length !== 1) return null;
  for (const [side, name] of [
    [claim.rhs, 'right'],
    [claim.lhs, 'left'],
  ] as const) {
    const r = roundingSpread(side, bad.env, run);
    if (!r) continue;
    const diff = Math.abs(bad.l.data[0]! - bad.r.data[0]!);
    if (diff > r.spread * 1.05) continue;
    return `The ${name} side is computed from rounded numbers, ${numbersText(r.written)}: the sides differ by ${fmt(diff, 3)}, within what that rounding moves the ${name} side (±${fmt(r.spread, 2)}). ${WRITE_APPROX} (… ≈ ${exprText(side)})`;
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
  if (!p || p.length !== 1 || !Number.isFinite(p[0]!) || Math.abs(p[0]! - w.value) > 0.5 * 10 ** -w.decimals * (1 + 1e-9)) return null;
  const r = roundingSpread(prev, bad.env, run);
  const diff = Math.abs(bad.l.data[0]! - p[0]!);
  if (!r || diff > r.spread * 1.05) return null;
  // the exact value to the same digits: ≈ with the value written would fail too (≈ is judged to the digits written)
  const exact = bad.l.data[0]!.toFixed(w.decimals);
  return `${fmt(w.value)} is the side before it, ${exprText(prev)} = ${fmt(p[0]!)}, rounded to ${w.decimals} decimal${w.decimals > 1 ? 's' : ''}; that side is computed from rounded numbers, ${numbersText(r.written)}, and differs from the left side by ${fmt(diff, 3)}, within what that rounding moves it (±${fmt(r.spread, 2)}). The exact value rounds to ${exact}: carry more digits through the computation, and write ≈ for a rounded value's =`;
}

/** "-0.5621 is the left side (-0.562131) rounded to 4 decimals: …", or roundedInsideHint's numbers inside a side, or null */
export function roundedEqualsHint(claim: Claim, bad: Sides, run: Run): string | null {
  return roundedNumberHint(claim, bad) ?? roundedFromPrevious(claim, bad, run) ?? roundedInsideHint(claim, bad, run);
}

function roundedNumberHint(claim: Claim, bad: Sides): string | null {
  for (const [side, other, values, name] of [
    [claim.rhs, claim.lhs, bad.l, 'left'],
    [claim.lhs, claim.rhs, bad.r, 'right'],
  ] as const) {
    const w = writtenNumber(side);
    if (!w || other.k === 'num' || values.data.length !== 1) continue;
    const x = values.data[0]!;
    if (Math.abs(x - w.value) > 0.5 * 10 ** -w.decimals * (1 + 1e-9)) continue;
    const shown = fmt(w.value);
    return `${shown} is the ${name} side rounded to ${w.decimals} decimal${w.decimals > 1 ? 's' : ''}: a rounded value is written after ≈ (… ≈ ${shown}), and judged to the digits written`;
  }
  return null;
}
