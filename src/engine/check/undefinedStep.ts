// A check at no free step that reads a step the network does not have: x_{t-1} in ∂L/∂W_xh = Σ_t … x_{t-1}ᵀ reads x_0
// at t = 1. The resolver passes it on with the reference (model.ts CheckQuestion.undefinedStep) instead of an error,
// so that it fails as the wrong equation it is, with the step a grader writes beside it: that reference moved by
// ±1 or ±2 steps so that the check reads and holds, at the file's values and at a draw ("x_{t-1} should be x_t").

import type { CheckQuestion, Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { forChildren, mapChildren } from '../../language/resolve';
import type { Range } from '../../report';
import { sameRange } from '../../language/ast';
import { RunError, type Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { checkPoints, evaluateSides, close } from './points';
import { printerFor } from './writtenT';
import { runsText } from '../../display/checkStep';

type Deriv = Expr & { k: 'deriv' };

/** the reference written at `at`: a ref, or the denominator of a derivative (its wrt) */
function writtenAt(e: Expr, at: Range): Expr | null {
  let found: Expr | null = null;
  const walk = (x: Expr): void => {
    if (found) return;
    if ((x.k === 'ref' && x.idx && sameRange(x.range, at)) || (x.k === 'deriv' && x.wrt.idx && sameRange(x.wrt.range, at))) {
      found = x;
      return;
    }
    forChildren(x, walk);
  };
  walk(e);
  return found;
}

/** the reference with its step moved by d */
function movedBy(x: Expr, d: number): Expr {
  if (x.k === 'ref') return { ...x, idx: { ...x.idx!, k: x.idx!.k + d } };
  const dv = x as Deriv;
  return { ...dv, wrt: { ...dv.wrt, idx: { ...dv.wrt.idx!, k: dv.wrt.idx!.k + d } } };
}

/** what the message names: the reference as written (a derivative's denominator alone) */
function named(x: Expr, show: (e: Expr) => string): string {
  return x.k === 'deriv' ? refText(x.wrt.name, x.wrt.idx) : show(x);
}

/** "x_{t-1} should be x_t: with that step the check holds", or null when no move of that reference mends it */
export function undefinedStepHint(q: CheckQuestion & { undefinedStep: { range: Range } }, run: Run, other: OtherValues): string | null {
  const at = q.undefinedStep.range;
  const side = writtenAt(q.rhs, at) ? 'rhs' : writtenAt(q.lhs, at) ? 'lhs' : null;
  if (!side) return null;
  const from = writtenAt(q[side], at)!;
  const points = checkPoints(q);
  const show = printerFor(q.text, run.model.T);
  // the side with these references moved by d holds (at the file's values and a draw)
  const mends = (refs: Expr[], d: number): boolean => {
    const swap = (x: Expr): Expr => (refs.includes(x) ? movedBy(x, d) : mapChildren(x, swap));
    const e = swap(q[side]);
    const [lhs, rhs] = side === 'rhs' ? [q.lhs, e] : [e, q.rhs];
    try {
      if (!evaluateSides(points, lhs, rhs, run).every((s) => close(s.l.data, s.r.data))) return false;
    } catch (x) {
      if (!(x instanceof RunError)) throw x;
      return false;
    }
    return confirmed(other, lhs, rhs, points);
  };
  for (const d of [1, -1, 2, -2]) {
    if (!mends([from], d)) continue;
    const written = from.k === 'deriv' ? exprText(from) : named(from, show);
    return `${written} should be ${from.k === 'deriv' ? exprText(movedBy(from, d)) : named(movedBy(from, d), show)}: with that step the check holds`;
  }
  // a sum written out at concrete steps, every one off alike (∂L/∂h̃_1 x_0 + ∂L/∂h̃_2 x_1 + ∂L/∂h̃_3 x_2): that name's
  // references at a step of their own, moved together
  const same = from.k === 'ref' && from.idx!.v === null ? fixedRefs(q[side], from.name) : [];
  if (same.length > 1)
    for (const d of [1, -1]) {
      if (!mends(same, d)) continue;
      const list = (xs: Expr[]) => `${xs.slice(0, -1).map(show).join(', ')} and ${show(xs[xs.length - 1]!)}`;
      return `${list(same)} should be ${list(same.map((x) => movedBy(x, d)))}, each one step ${d > 0 ? 'later' : 'earlier'}: with those steps the check holds`;
    }
  return null;
}

/** the references to `name` at a fixed step (x_0, x_1), in the order written */
function fixedRefs(e: Expr, name: string): Expr[] {
  const out: Expr[] = [];
  const walk = (x: Expr): void => {
    if (x.k === 'ref' && x.name === name && x.idx && x.idx.v === null && !x.idx.terms?.length && !out.includes(x)) out.push(x);
    if (x.k !== 'deriv') forChildren(x, walk);
  };
  walk(e);
  return out.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/**
 * a closed range that runs past the steps where the check reads (∂L/∂h_t = … ∂L/∂h_{t+1} … for 1 ≤ t ≤ T): where it
 * reads it holds, at the file's values and a draw — the range is what is wrong: "at t = 1..2, where it is defined, it
 * holds". Null when it fails at one of them, or reads at none.
 */
export function definedStepsHint(q: CheckQuestion, run: Run, other: OtherValues): string | null {
  if (!q.freeT) return null;
  const defined = checkPoints(q).filter((p) => {
    try {
      evaluateSides([p], q.lhs, q.rhs, run);
      return true;
    } catch (x) {
      if (!(x instanceof RunError)) throw x;
      return false;
    }
  });
  if (!defined.length || defined.some((p) => p.t === null)) return null;
  const sides = evaluateSides(defined, q.lhs, q.rhs, run);
  if (!sides.every((s) => close(s.l.data, s.r.data)) || !confirmed(other, q.lhs, q.rhs, defined)) return null;
  return `At t = ${runsText(defined.map((p) => p.t!))}, where it is defined, it holds: the range promises a step it cannot read`;
}
