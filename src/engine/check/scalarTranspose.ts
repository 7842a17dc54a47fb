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

export function scalarPowerHint(c: Claim, run: Run, other: OtherValues): string | null {
  const found = [...scalarTransposes(c.lhs), ...scalarTransposes(c.rhs)];
  if (!found.length) return null;
  const T = run.model.T;
  const power = (x: Expr): Expr | null =>
    found.includes(x) && x.k === 'transpose'
      ? { k: 'pow', a: x.a, b: { k: 'num', value: T, shape: [], range: x.range }, shape: [], range: x.range }
      : null;
  const lhs = replaceWhere(c.lhs, power, VALUES);
  const rhs = replaceWhere(c.rhs, power, VALUES);
  if (!holdsWith(c, lhs, rhs, run) || !confirmed(other, lhs, rhs, c.points)) return null;
  const names = [...new Set(found.map((x) => exprText((x as Expr & { k: 'transpose' }).a)))];
  const written = andList(names.map((n) => `${n}^T`));
  const powers = andList(names.map((n) => `${n}^${T}`));
  return `${written} is read as a transpose, which leaves a scalar as it is: read as the power ${powers} (T = ${T}), the check holds`;
}
