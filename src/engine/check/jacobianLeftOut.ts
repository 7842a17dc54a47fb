// A backward recursion with the step's Jacobian left out (read34's leftover): a Jordan network feeds its output back,
// h_t = tanh(w x_t + u y_{t-1}), y_t = v h_t, and `∂E/∂y_t = (y_t − d_t) + ∂E/∂y_{t+1}` leaves out ∂y_{t+1}/∂y_t.
// In an Elman network the term matcher names the missing edge ∂⁺h_{t+1}/∂h_t; here y_t reaches y_{t+1} through h_{t+1}
// (two edges), so there is no one edge to name. The factor is named as the total derivative between the two nodes,
// with its one-step factors and its value; the mended check is evaluated, at the file's values and a draw.

import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { fmt } from '../format';
import { stepOf, type Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { through } from './hints';
import { factorsOf, termsOf } from './localFactor';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith } from './textbook';

type Deriv = Expr & { k: 'deriv' };

/** terms tried (each one evaluation of the sides at every point) */
const MAX_TERMS = 3;

const wrtText = (d: Deriv) => refText(d.wrt.name, d.wrt.idx);

/**
 * the loose end of a term's chain of scalar total derivatives from ∂A/∂… (∂E/∂y_{t+1}, or ∂E/∂y_{t+1} ∂y_{t+1}/∂h_{t+1}):
 * the one whose denominator no other factor continues, by another node than the left side's Y; else null
 */
function looseEnd(ds: Expr[], lhs: Deriv): Deriv | null {
  // a chain of scalars, or one gradient of a vector (∂E/∂y_{t+1} with y a vector: a row times the Jacobian)
  const shaped = (f: Expr) => (ds.length === 1 ? f.shape.length === lhs.shape.length : !f.shape.length);
  if (!ds.every((f) => f.k === 'deriv' && f.total && !f.oneStep && shaped(f))) return null;
  const chain = ds as Deriv[];
  if (!chain.some((f) => exprText(f.of) === exprText(lhs.of))) return null;
  const loose = chain.filter((f) => wrtText(f) !== wrtText(lhs) && !chain.some((g) => g !== f && exprText(g.of) === wrtText(f)));
  return loose.length === 1 ? loose[0]! : null;
}

/** "The term ∂E/∂y_{t+1} leaves out the factor ∂y_{t+1}/∂y_t …: with it the check holds", or null */
export function jacobianLeftOutHint(claim: Claim, run: Run, other: OtherValues): string | null {
  const lhs = claim.lhs;
  // screen: ∂A/∂Y_t of a scalar, and a term whose derivatives are a chain from A ending at another node X
  if (lhs.k !== 'deriv' || !lhs.total || lhs.oneStep || lhs.shape.length > 1 || lhs.of.shape.length || !lhs.wrt.idx) return null;
  const sites: { f: Deriv; term: Expr }[] = [];
  for (const t of termsOf(claim.rhs)) {
    const ds = factorsOf(t.e).filter((f) => f.k === 'deriv');
    const end = ds.length && ds.length <= 3 ? looseEnd(ds, lhs) : null;
    if (end) sites.push({ f: end, term: t.e });
  }
  for (const { f, term } of sites.slice(0, MAX_TERMS)) {
    const of: Expr = { k: 'ref', name: f.wrt.name, idx: f.wrt.idx, shape: f.shape, range: f.range };
    // a vector's: the Jacobian ∂X/∂Y (X's entries by Y's), which the gradient multiplies as a row (LANGUAGE.md §4)
    const J: Expr = { k: 'deriv', total: true, of, wrt: lhs.wrt, shape: [...f.shape, ...lhs.shape], range: f.range };
    const times: Expr = f.shape.length
      ? { k: 'contract', a: f, b: J, shape: lhs.shape, range: f.range }
      : { k: 'mul', a: f, b: J, shape: [], range: f.range };
    const rhs = replaceWhere(claim.rhs, (x) => (x === f ? times : null), VALUES);
    if (!holdsWith(claim, lhs, rhs, run) || !confirmed(other, lhs, rhs, claim.points)) continue;
    return `The term ${exprText(term)} leaves out the factor ${exprText(J)}${guard(() => via(f, lhs, J, claim, run)) ?? ''}: with it the check holds`;
  }
  return null;
}

/** " (y_t reaches y_{t+1} through h_{t+1}: ∂y_{t+1}/∂h_{t+1} ∂h_{t+1}/∂y_t, -0.0735 at t = 1)", or its value alone */
function via(f: Deriv, lhs: Deriv, J: Expr, claim: Claim, run: Run): string {
  const p = claim.points[0]!;
  // a number for a scalar network; a Jacobian's entries would crowd the sentence
  const at = J.shape.length ? '' : `${fmt(run.evaluateShared(J, p.env).data[0]!)}${p.label}`;
  const X = run.node(f.wrt.name, stepOf(f.wrt.idx, p.env));
  const Y = run.node(lhs.wrt.name, stepOf(lhs.wrt.idx, p.env));
  const mid = X && Y ? through(run, X, Y, claim.freeT ? p.t : null) : [];
  if (mid.length !== 1) return at ? ` (${at})` : '';
  const x = refText(f.wrt.name, f.wrt.idx);
  const y = refText(lhs.wrt.name, lhs.wrt.idx);
  const c = mid[0]!;
  return ` (${y} reaches ${x} through ${c}: ∂${x}/∂${c} ∂${c}/∂${y}${at ? `, ${at}` : ''})`;
}
