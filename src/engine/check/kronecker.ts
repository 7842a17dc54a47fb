// The softmax Jacobian written entry by entry as σ's slope: ∂ŷ_i/∂o_j = ŷ_i(1 − ŷ_j) for ŷ_i(δ_ij − ŷ_j). It is right
// on the diagonal (i = j) and wrong off it, and failed with the values of one off-diagonal point only. Asked of a check
// with two free entry indices: where the sides agree at every point with i = j and differ at one with i ≠ j, that is
// said, and a 1 of the right side that δ_ij mends is named.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { close } from './points';
import { replaceWhere, VALUES } from './replacing';
import { holdsReplacing } from './textbook';

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** points judged at most (a check over t, i and j has T·n² of them) */
const MAX_POINTS = 512;

/** the 1s of a side where a value stands (not inside an entry's index or a derivative), left to right */
function ones(e: Expr, out: Expr[] = []): Expr[] {
  if (e.k === 'num' && e.value === 1 && e.shape.length === 0) out.push(e);
  if (e.k !== 'index' && e.k !== 'deriv') forChildren(e, (x) => ones(x, out));
  return out;
}

/** the terms of the sums of a side (a + b: a and b), not inside an entry's index or a derivative, at most 8 */
function sumTerms(e: Expr, out: Expr[] = []): Expr[] {
  if (out.length >= 8 || e.k === 'index' || e.k === 'deriv') return out;
  if (e.k === 'add' || e.k === 'sub') for (const x of [e.a, e.b]) if (x.k !== 'add' && x.k !== 'sub' && out.length < 8) out.push(x);
  forChildren(e, (x) => sumTerms(x, out));
  return out;
}

export function kroneckerHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const first = c.points[0];
  if (!first || c.points.length > MAX_POINTS) return null;
  const vars = Object.keys(first.env).filter((v) => v !== 't');
  if (vars.length < 2) return null;
  const agree = guard(() => c.points.map((p) => close(run.evaluateShared(c.lhs, p.env).data, run.evaluateShared(c.rhs, p.env).data)));
  if (!agree) return null;
  for (let x = 0; x < vars.length; x++)
    for (let y = x + 1; y < vars.length; y++) {
      const [a, b] = [vars[x]!, vars[y]!];
      const diagonal = (k: number) => c.points[k]!.env[a] === c.points[k]!.env[b];
      if (!agree.every((ok, k) => ok || !diagonal(k))) continue;
      if (!agree.some((ok, k) => !ok && !diagonal(k))) continue;
      const where = `The sides agree only where ${a} = ${b}`;
      const range = c.rhs.range;
      const delta: Expr = {
        k: 'indicator',
        a: { k: 'var', idx: { v: a, k: 0 }, shape: [], range },
        b: { k: 'var', idx: { v: b, k: 0 }, shape: [], range },
        shape: [],
        range,
      };
      const found = ones(c.rhs);
      for (const [k, one] of found.entries()) {
        if (!holdsReplacing(c, one, delta, run)) continue;
        const mended = replaceWhere(c.rhs, (y) => (y === one ? delta : null), VALUES);
        if (!confirmed(other, c.lhs, mended, c.points)) continue;
        const which = found.length === 1 ? 'the 1' : `the ${ORDINALS[k] ?? `${k + 1}th`} 1`;
        return `${where}: ${which} of the right side should be δ_${a}${b} (1 where ${a} = ${b}, else 0): with that the check holds`;
      }
      // RTRL's δ_ik z_j(t−1) written z_j(t−1): a term of a sum that only the diagonal should have (probe 50)
      for (const term of sumTerms(c.rhs)) {
        const carried: Expr = { k: 'mul', a: delta, b: term, shape: term.shape, range: term.range };
        if (!holdsReplacing(c, term, carried, run)) continue;
        const mended = replaceWhere(c.rhs, (y) => (y === term ? carried : null), VALUES);
        if (!confirmed(other, c.lhs, mended, c.points)) continue;
        return `${where}: the term ${exprText(term)} of the right side should carry δ_${a}${b} (1 where ${a} = ${b}, else 0): with that the check holds`;
      }
      return `${where} (${a} ≠ ${b} is where they differ)`;
    }
  return null;
}
