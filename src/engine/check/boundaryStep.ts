// A check of the general step that fails at one step alone, at an end of its range: the general step's form with a
// term the boundary step lacks (for L = Σ_t sum(h_t), ∂L/∂h_{t-1} = W_hhᵀ(∂L/∂h_t ⊙ (1 − h_t²)) + 𝟏 holds for t = 2..T,
// and at t = 1 the loss reads no h_0, so 𝟏 is not there). The message says where it holds and what differs there, where
// it can say so exactly: a term of one side without which the failing step holds (at the file's values and a draw),
// and, when the left side is a derivative of the loss, that the term is its immediate partial, 0 at that step.
// Asked last, of a failing check only; the screen (a free t, one failing step, at the first or last point) reads the
// sides already evaluated, so a check it cannot explain pays nothing more.

import { idxValue } from '../../language/idx';
import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import type { Run } from '../run';
import type { OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { termsOf } from './localFactor';
import { close, type Point, type Sides } from './points';

/** at most this many terms of the two sides are tried (one evaluation each at the failing step) */
const MAX_TERMS = 12;

/** a − s·b, entry by entry (a scalar b against a vector a broadcast) */
function minus(a: Float64Array, b: Float64Array, s: number): Float64Array | null {
  if (a.length !== b.length && b.length !== 1) return null;
  return a.map((x, i) => x - s * b[b.length === 1 ? 0 : i]!);
}

/** "It holds for t = 2..4 …, and fails at t = 1 only, the first step: …"; null where the screen rules it out */
export function boundaryStepHint(c: Claim, sides: readonly Sides[], run: Run, other: OtherValues): string | null {
  // one point per step, two or more holding, one failing at an end of the range
  if (!c.freeT || sides.length < 3 || sides.some((s) => s.t === null || Object.keys(s.env).length !== 1)) return null;
  const failing = sides.flatMap((s, i) => (close(s.l.data, s.r.data) ? [] : [i]));
  if (failing.length !== 1 || (failing[0] !== 0 && failing[0] !== sides.length - 1)) return null;
  const bad = sides[failing[0]!]!;
  const first = failing[0] === 0;
  const holding: Point[] = sides.filter((s) => s !== bad);
  const draw = other ? guard(other) : null;
  // the other steps hold at a random draw too: else more than a boundary is wrong, and nothing is said
  const atDraw = (l: Expr, r: Expr, points: readonly Point[]) =>
    !draw || guard(() => points.every((p) => close(draw.evaluateShared(l, p.env).data, draw.evaluateShared(r, p.env).data))) === true;
  if (!atDraw(c.lhs, c.rhs, holding)) return null;
  const steps = holding.map((p) => p.t!);
  const range = `t = ${steps[0]}..${steps[steps.length - 1]}`;
  const where = `${first ? 'the first' : 'the last'} step`;
  const opening = `It holds for ${range} (at the file's values${draw ? ' and a random draw' : ''}): only t = ${bad.t}, ${where}, differs`;
  // as a range is written on a check line: the horizon as T (for t = 2..T)
  const last = steps[steps.length - 1]!;
  const written = `t = ${steps[0]}..${last === run.model.T ? 'T' : last}`;
  const split = `Write the check for ${written}, and t = ${bad.t} on its own`;
  const term = absentTerm(c, bad, run, draw);
  if (!term) return `${opening}, a boundary step whose form is not the general step's. ${split}`;
  const why = term.right ? immediateZero(c, term.e, bad, holding, run) : null;
  // a 1 added to a vector is the all-ones vector, written 𝟏 (as \mathbf{1} is)
  const ones = term.e.k === 'num' && term.e.value === 1 && (term.right ? c.rhs : c.lhs).shape?.length === 1;
  return `${opening}: there the sides differ by the ${term.right ? 'right' : 'left'} side's term ${ones ? '𝟏' : exprText(term.e)} alone (without it they agree at t = ${bad.t})${why ? `; ${why}` : ''}. ${split}`;
}

/** the term of a side whose removal makes the failing step hold, at the file's values and at the draw */
function absentTerm(c: Claim, bad: Sides, run: Run, draw: Run | null): { e: Expr; right: boolean } | null {
  const candidates = [
    ...(c.rhs.k === 'add' || c.rhs.k === 'sub' ? termsOf(c.rhs).map((x) => ({ ...x, right: true })) : []),
    ...(c.lhs.k === 'add' || c.lhs.k === 'sub' ? termsOf(c.lhs).map((x) => ({ ...x, right: false })) : []),
  ].slice(0, MAX_TERMS);
  for (const x of candidates) {
    const holds = (r: Run, side: Float64Array, otherSide: Float64Array) => {
      const v = guard(() => r.evaluateShared(x.e, bad.env).data);
      const rest = v && minus(side, v, x.sign);
      return rest !== null && close(rest, otherSide) && v!.some((n) => n !== 0);
    };
    const [side, otherSide] = x.right ? [bad.r.data, bad.l.data] : [bad.l.data, bad.r.data];
    if (!holds(run, side, otherSide)) continue;
    if (draw) {
      const at = guard(() => [draw.evaluateShared(c.lhs, bad.env).data, draw.evaluateShared(c.rhs, bad.env).data] as const);
      if (!at || !holds(draw, x.right ? at[1] : at[0], x.right ? at[0] : at[1])) continue;
    }
    return { e: x.e, right: x.right };
  }
  return null;
}

/**
 * the left side ∂A/∂X of the loss, and the term its immediate partial ∂⁺A/∂X at every other step, which is 0 at the
 * failing one: "it is ∂⁺L/∂h_{t-1} at the other steps, and ∂⁺L/∂h_0 = 0: L reads no h_0"; else null
 */
function immediateZero(c: Claim, term: Expr, bad: Sides, holding: readonly Point[], run: Run): string | null {
  if (c.lhs.k !== 'deriv') return null;
  const d: Expr & { k: 'deriv' } = c.lhs;
  const wrt = d.wrt;
  if (!d.total || d.of.k !== 'ref' || d.of.idx || !wrt.idx) return null;
  const ofName = d.of.name;
  const plus: Expr = { ...d, total: false };
  return guard(() => {
    if (run.evaluateShared(plus, bad.env).data.some((n) => n !== 0)) return null;
    if (!holding.every((p) => close(run.evaluateShared(plus, p.env).data, run.evaluateShared(term, p.env).data))) return null;
    const step = idxValue(wrt.idx!, bad.env);
    if (step === undefined) return null;
    const x = refText(wrt.name, { v: null, k: step });
    const at: Expr = { ...d, total: false, wrt: { ...wrt, idx: { v: null, k: step } } };
    return `it is ${exprText(plus)} at the other steps, and ${exprText(at)} = 0: ${refText(ofName, null)} reads no ${x}`;
  });
}
