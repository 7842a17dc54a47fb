// w^{T} of a scalar w: the language reads ^T as the transpose (a vector's, a matrix's), which leaves a scalar as it is.
// On a scalar network a student who writes w^{T} ∏_t (1 − s_t²) for ∂s_T/∂s_0 means the power, T the horizon; it
// failed with its two values alone (session 41, a probe of student solutions). Reading ^T as the power everywhere
// would misread the many vector formulas copied onto scalar networks (Σ_t δ_t h_{t-1}ᵀ), so it stays a transpose and,
// where the check fails, the power is tried: said when with it the check holds (at the draws too).

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { andList } from '../format';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith } from './textbook';

/** the transposes of a scalar among a side's values */
function scalarTransposes(e: Expr, out: Expr[] = []): Expr[] {
  if (e.k === 'transpose' && e.a.shape?.length === 0) out.push(e);
  else if (e.k !== 'deriv') forChildren(e, (x) => void scalarTransposes(x, out), VALUE_CHILDREN);
  return out;
}

/** whether the check holds, at the file's values and the draws, with `f`'s replacements made in both sides */
function holdsReplacing(c: Claim, run: Run, other: OtherValues, f: (x: Expr) => Expr | null): boolean {
  const lhs = replaceWhere(c.lhs, f, VALUES);
  const rhs = replaceWhere(c.rhs, f, VALUES);
  return holdsWith(c, lhs, rhs, run) && confirmed(other, lhs, rhs, c.points);
}

const square = (e: Expr) => e.shape?.length === 2 && e.shape[0] === e.shape[1];

/** the outermost transposes of a square matrix among a side's values (W^T, (W^\top)^T) */
function squareTransposes(e: Expr, out: Expr[] = []): Expr[] {
  if (e.k === 'transpose' && square(e.a)) out.push(e);
  else if (e.k !== 'deriv') forChildren(e, (x) => void squareTransposes(x, out), VALUE_CHILDREN);
  return out;
}

/**
 * W^{T} of a square matrix where the check fails, with W^{T−1} meant (Grosse's ∂h^{(T)}/∂h^{(1)} = W^{T−1} of a linear
 * RNN, written W^T): the transpose stays the reading (^T on a matrix is the transpose in every textbook), and where the
 * power one below or above T makes the check hold, that is said. The power T itself is not offered: W^T is the
 * transpose's own spelling, and T = the horizon exactly would be a guess between the two
 */
export function matrixPowerHint(c: Claim, run: Run, other: OtherValues): string | null {
  const found = [...squareTransposes(c.lhs), ...squareTransposes(c.rhs)];
  if (found.length !== 1) return null;
  const x = found[0] as Expr & { k: 'transpose' };
  const T = run.model.T;
  for (const d of [-1, 1]) {
    const n = T + d;
    // W^1 is W itself: the transpose written for no transpose is the transpose hints' (“Wᵀ should be W”)
    if (n < 2) continue;
    const power = (y: Expr): Expr | null =>
      y === x ? { k: 'matpow', a: x.a, n: { k: 'num', value: n, shape: [], range: x.range }, shape: x.a.shape, range: x.range } : null;
    if (!holdsReplacing(c, run, other, power)) continue;
    const a = exprText(x.a);
    const base = x.a.k === 'ref' ? a : `(${a})`;
    return `${base}^T is read as the transpose of ${a}; read as the power ${base}^{T${d < 0 ? '-' : '+'}1} = ${base}^${n} (T = ${T}), the check holds`;
  }
  return null;
}

export function scalarPowerHint(c: Claim, run: Run, other: OtherValues): string | null {
  const found = [...scalarTransposes(c.lhs), ...scalarTransposes(c.rhs)];
  if (!found.length) return null;
  const T = run.model.T;
  const names = [...new Set(found.map((x) => exprText((x as Expr & { k: 'transpose' }).a)))];
  const written = andList(names.map((n) => `${n}^T`));
  const powers = andList(names.map((n) => `${n}^${T}`));
  // the power T itself, then one off either way (Grosse's w^{T−1} of ∂h^{(T)}/∂h^{(1)} written w^T)
  for (const d of [0, -1, 1]) {
    const n = T + d;
    // one off: a power of 2 or more (w^1 is w, the transpose's own value)
    if (n < (d === 0 ? 1 : 2)) continue;
    const power = (x: Expr): Expr | null =>
      found.includes(x) && x.k === 'transpose'
        ? { k: 'pow', a: x.a, b: { k: 'num', value: n, shape: [], range: x.range }, shape: [], range: x.range }
        : null;
    if (!holdsReplacing(c, run, other, power)) continue;
    if (d === 0)
      return `${written} is read as a transpose, which leaves a scalar as it is: read as the power ${powers} (T = ${T}), the check holds`;
    // one name only: with several, which of them is one off is not said by one exponent
    if (names.length > 1) return null;
    const meant = `${names[0]}^{T${d < 0 ? '-' : '+'}1}`;
    const factor = d < 0 ? `one factor ${names[0]} too many` : `one factor ${names[0]} too few`;
    return `${written} is read as a transpose, which leaves a scalar as it is; read as the power ${powers} (T = ${T}) it has ${factor}: with ${meant} = ${names[0]}^${n} the check holds`;
  }
  return null;
}
