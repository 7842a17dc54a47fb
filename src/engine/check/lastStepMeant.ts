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
    if (first.env[v] === undefined || !(stepOf(c.lhs, v) || stepOf(c.rhs, v))) continue;
    const last = c.points.filter((p) => p.env[v] === T);
    if (!last.length || last.length === c.points.length) continue;
    const holds = guard(() => last.every((p) => close(run.evaluateShared(c.lhs, p.env).data, run.evaluateShared(c.rhs, p.env).data)));
    if (!holds || !confirmed(other, c.lhs, c.rhs, last)) continue;
    return (
      `${v} is read as a free step, judged at every step ${v} = 1..${T}; the check holds at ${v} = T = ${T} alone. ` +
      `If ${v} is the sequence's length, the last step, write T (a Σ running up to ${v} reads it so)`
    );
  }
  return null;
}
