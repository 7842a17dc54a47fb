// `∂L/∂o_3 = -0.5621`: a number copied from a calculator to the digits a sheet shows, written with = where the
// language judges = to 1e-6 (LANGUAGE.md §5) and a rounded value with ≈. The check fails, rightly; the message says
// the number is the other side rounded, so the student writes ≈ rather than hunting for a wrong formula.

import type { Expr } from '../../language/model';
import { fmt } from '../format';
import type { Claim } from './hints';
import type { Sides } from './points';

/** the number a side is, as written, with its count of decimals; null for anything but a (signed) number */
function writtenNumber(e: Expr): { value: number; decimals: number } | null {
  const neg = e.k === 'neg';
  const n = neg ? e.a : e;
  if (n.k !== 'num' || !Number.isFinite(n.value)) return null;
  const m = /^\d+(?:\.(\d+))?$/.exec(String(n.value));
  if (!m) return null;
  const decimals = m[1]?.length ?? 0;
  // an integer is no rounded value a sheet shows (= 3 means 3); more than 8 decimals is past what a sheet rounds to
  if (decimals < 1 || decimals > 8) return null;
  return { value: neg ? -n.value : n.value, decimals };
}

/** "-0.5621 is the left side (-0.562131) rounded to 4 decimals: …", or null */
export function roundedEqualsHint(claim: Claim, bad: Sides): string | null {
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
