// Roelants writes the last step of a sequence of length n as s_n (y = s_n, ∂ξ/∂s_n = ∂ξ/∂y). With no Σ running up to
// n (where n is read as the last step: resolve/tauStep.ts sumsToN), a lowercase n is a free step, judged at every step,
// and such a check failed "at n = 1" with the values only, or with a reason about s_1 (probe 30, R1, R3). When the
// check holds at n = T (at the file's values and the draws) and fails at an earlier n, the message says what n is read
// as and what to write. Only n and N, the letters a sheet writes for a sequence's length, and only as a step.

import type { Expr } from '../../language/model';
import { forChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { close } from './points';

const LENGTH_LETTERS = ['n', 'N'];

/** whether e reads a step written with the variable v (s_n, s_{n-1}) */
function stepOf(e: Expr, v: string): boolean {
  if (e.k === 'ref' && e.idx?.v === v) return true;
  if (e.k === 'deriv' && ((e.of.k === 'ref' && e.of.idx?.v === v) || e.wrt.idx?.v === v)) return true;
  let found = false;
  forChildren(e, (c) => {
    found ||= stepOf(c, v);
  });
  return found;
}

export function lastStepMeantHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const T = run.model.T;
  const first = c.points[0];
  if (!first) return null;
  for (const v of LENGTH_LETTERS) {
    // n beside the file's N for the last step (Sherstinsky's s[n], Σ_{n=1}^{N}) is the running step: no length meant
    if (first.env[v] === undefined || (v === 'n' && c.lengthN) || !(stepOf(c.lhs, v) || stepOf(c.rhs, v))) continue;
    const last = c.points.filter((p) => p.env[v] === T);
    if (!last.length || last.length === c.points.length) continue;
    const holds = guard(() => last.every((p) => close(run.evaluateShared(c.lhs, p.env).data, run.evaluateShared(c.rhs, p.env).data)));
    if (!holds || !confirmed(other, c.lhs, c.rhs, last)) continue;
    return (
      `${v} is read as a free step, judged at every step ${v} = 1..${T}; the check holds at ${v} = T = ${T} alone. ` +
      `If ${v} is the sequence's length, the last step, write T (a Σ running up to ${v} reads it so)`
    );
  }
  return sumUpToT(c, run, other);
}

/** whether e has a Σ whose bounds read the step t (Σ_{z=0}^{t-1}) */
function boundByT(e: Expr): boolean {
  if ((e.k === 'sum' || e.k === 'prod') && (e.from.v === 't' || e.to.v === 't')) return true;
  let found = false;
  forChildren(e, (c) => {
    found ||= boundByT(c);
  });
  return found;
}

/**
 * Guo's Δu_jh(t) = η Σ_{z=0}^{t−1} … written for ∂E/∂u_jh: the left side reads no t, the right side's Σ runs back
 * from step t, so the right side is the sum up to step t, the whole gradient at t = T only (it failed "at t = 1 … the
 * right side 0" with no reason). Said where the check holds at t = T alone.
 */
function sumUpToT(c: Claim, run: Run, other: OtherValues): string | null {
  const T = run.model.T;
  if (stepOf(c.lhs, 't') || boundByT(c.lhs) || !boundByT(c.rhs)) return null;
  const last = c.points.filter((p) => p.env.t === T);
  if (!last.length || last.length === c.points.length) return null;
  const holds = guard(() => last.every((p) => close(run.evaluateShared(c.lhs, p.env).data, run.evaluateShared(c.rhs, p.env).data)));
  if (!holds || !confirmed(other, c.lhs, c.rhs, last)) return null;
  return `The left side reads no step, and the right side's Σ runs with the step t: it is judged at every t = 1..${T}, and holds at t = T = ${T} alone. If t is the last step there, the whole sequence, write T for it`;
}
