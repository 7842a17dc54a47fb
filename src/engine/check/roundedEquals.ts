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
    // a number of three or more decimals is no whole number: a side with none has nothing rounded by hand
    const written = side.k === 'num' || !writesFraction(side) ? [] : roundedLiterals(side);
    if (written.length === 0 || written.length > 4) continue;
    // how far the side moves when each number moves by half its last digit, added up (a linear bound)
    let spread = 0;
    for (const { node, decimals } of written) {
      const h = 0.5 * 10 ** -decimals;
      const at = (v: number) => guard(() => run.evaluateShared(replacing(side, node, { ...node, value: v }), bad.env).data[0]!);
      const up = at(node.value + h);
      const down = at(node.value - h);
      if (up === null || down === null || !Number.isFinite(up) || !Number.isFinite(down)) return null;
      spread += Math.abs(up - down) / 2;
    }
    const diff = Math.abs(bad.l.data[0]! - bad.r.data[0]!);
    if (spread === 0 || diff > spread * 1.05) continue;
    const numbers = written.map((w) => `${fmt(w.node.value)} (${w.decimals} decimals)`).join(', ');
    return `The ${name} side is computed from rounded numbers, ${numbers}: the sides differ by ${fmt(diff, 3)}, within what that rounding moves the ${name} side (±${fmt(spread, 2)}). An equation with rounded numbers holds only to their digits: write ≈ for its = (… ≈ ${exprText(side)})`;
  }
  return null;
}

/** "-0.5621 is the left side (-0.562131) rounded to 4 decimals: …", or roundedInsideHint's numbers inside a side, or null */
export function roundedEqualsHint(claim: Claim, bad: Sides, run: Run): string | null {
  return roundedNumberHint(claim, bad) ?? roundedInsideHint(claim, bad, run);
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
