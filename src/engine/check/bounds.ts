// A Σ or ∏ one term short or one term long — Pascanu et al.'s Σ_{k≤t} written Σ_{k<t}, ∏_{t≥i>k} written
// ∏_{t>i>k}, d2l.ai's Σ_{t=1}^{T} started at 2: when moving one bound by one step makes the check hold at
// every point of the file's values, the failure names the bound and the term it leaves out (or adds).
import { idxString, idxValue, makeIdx } from '../../language/idx';
import type { Expr, Idx } from '../../language/model';
import { forChildren } from '../../language/resolve/walk';
import { RunError, type Run } from '../run';
import { sentenceStart } from '../format';
import type { Claim } from './hints';
import { anyOff, relates } from './points';
import type { Point } from './points';
import { oneStepNames } from './reread';
import { unreadable } from './unreadable';
import { EVERYWHERE, replacing } from './replacing';
import { hasKind } from './kinds';

/** the Σ/∏ nodes of an expression, outermost first */
function bigOps(e: Expr, out: (Expr & { k: 'sum' | 'prod' })[]): void {
  if (e.k === 'sum' || e.k === 'prod') out.push(e);
  forChildren(e, (c) => bigOps(c, out));
}

const shift = (idx: Idx, d: number): Idx => ({ ...idx, k: idx.k + d });

/** the four one-step moves of a range: [which end, by how much] */
const MOVES: ['from' | 'to', number][] = [
  ['to', 1],
  ['from', -1],
  ['to', -1],
  ['from', 1],
];

export function boundHint(claim: Claim, run: Run): string | null {
  return boundMove(claim, run)?.text ?? null;
}

/**
 * every step summed where only the last one's term is there (a many-to-one network's ∂L/∂V = Σ_t (p − y) h_tᵀ, the loss
 * reading h_T alone): a Σ up to T whose last term alone holds. Asked last of all the hints: where the earlier terms
 * count a path again (Khapra's Σ_k ∂h_3/∂h_k ∂h_k/∂w with total derivatives) the last term alone holds too, and the
 * hints before it name the mistake
 */
export function lastTermHint(claim: Claim, run: Run): string | null {
  return boundMove(claim, run, true)?.text ?? null;
}

/** the bound move that mends the check, and whether it widens the range (a term left out, a range cut short) */
function boundMove(claim: Claim, run: Run, lastTerm = false): { text: string; widens: boolean } | null {
  for (const [side, name] of [
    ['rhs', 'right'],
    ['lhs', 'left'],
  ] as const) {
    if (!hasKind(claim[side], 'sum', 'prod')) continue;
    const ops: (Expr & { k: 'sum' | 'prod' })[] = [];
    bigOps(claim[side], ops);
    // a few sums at most: each move is a whole evaluation of the side at every point
    if (ops.length > 6) continue;
    for (const op of ops) {
      // [end, its new bound, the message, whether the move widens the range]
      const moves: ['from' | 'to', Idx, () => string, boolean][] = lastTerm
        ? []
        : MOVES.map(([end, d]) => [end, shift(op[end], d), () => describe(op, end, d, name), (end === 'to') === d > 0]);
      // a range cut short (truncated BPTT's Σ_{k=t−1}^{t} for the total's Σ_{k=1}^{t}): the whole range tried last
      // (lastTerm: only the last term alone, from T to T)
      const lastOnly = op.k === 'sum' && fixedAt(op.to, run.model.T) && !relates(op.from, op.to, () => true) && op.from.k < run.model.T - 1;
      if (lastTerm && lastOnly) moves.push(['from', op.to, () => lastAlone(op, name), false]);
      else if (!lastTerm && op.k === 'sum') {
        const [first, last] = [makeIdx(null, 1), makeIdx(null, run.model.T)];
        if (!fixedAt(op.from, 1) && !fixedAt(op.from, 2)) moves.push(['from', first, () => truncated(op, 'from', name), true]);
        if (!fixedAt(op.to, run.model.T) && !fixedAt(op.to, run.model.T - 1))
          moves.push(['to', last, () => truncated(op, 'to', name), true]);
      }
      const holds = (end: 'from' | 'to', idx: Idx): boolean => {
        const moved = { ...op, [end]: idx } as Expr & { k: 'sum' | 'prod' };
        const e = replacing(claim[side], op, moved, EVERYWHERE);
        const [lhs, rhs] = side === 'rhs' ? [claim.lhs, e] : [e, claim.rhs];
        const points = forwardPoints(moved, claim.points);
        // a bound moved past the network's steps: the evaluation would throw at some point (a RunError, caught below)
        if (!points.length || points.some((p) => unreadable(e, p.env, run))) return false;
        try {
          if (anyOff(points, lhs, rhs, run)) return false;
          // the points dropped were the only failing ones: the move changed nothing where the formula speaks
          if (points.length < claim.points.length && !anyOff(points, claim.lhs, claim.rhs, run)) return false;
        } catch (x) {
          if (x instanceof RunError) return false;
          throw x;
        }
        return true;
      };
      for (const [end, idx, text, widens] of moves) {
        if (!holds(end, idx)) continue;
        // one term too many at the top, where the bottom's also mends it (every factor of d2l's linear recurrence is
        // W_hh: ∏_{j=t}^{i} ∂h_j/∂h_{j−1} holds without j = i as without j = t): both are said, the value cannot choose
        if (end === 'to' && idx.k < op.to.k && holds('from', shift(op.from, 1))) return { text: bothEnds(op, name), widens: false };
        return { text: text(), widens };
      }
    }
  }
  return null;
}

/**
 * the points the moved range speaks for: a range relating two free indices (∏_{i=k+1}^{t}) is judged where it runs
 * forward only, as the check's own points are (points.ts presupposed) — ∏_{i=k}^{t} is judged at k = t + 1 too (an
 * empty product), where ∏_{i=k+1}^{t} runs backward and says nothing; so is one against a fixed step (∏_{j=k+1}^{3})
 */
function forwardPoints(op: Expr & { k: 'sum' | 'prod' }, points: Point[]): Point[] {
  if (!relates(op.from, op.to, () => true)) return points;
  return points.filter((p) => {
    const from = idxValue(op.from, p.env);
    const to = idxValue(op.to, p.env);
    return from === undefined || to === undefined || to >= from - 1;
  });
}

/** a bound that is this fixed step (1, or T written as its number) */
const fixedAt = (idx: Idx, k: number) => idx.v === null && !idx.terms?.length && idx.k === k;

/** a Σ cut short at one end: the terms it leaves out, and that the whole range holds */
function truncated(op: Expr & { k: 'sum' | 'prod' }, end: 'from' | 'to', side: string): string {
  const range = `${op.v} = ${idxString(op.from)}..${idxString(op.to)}`;
  const left = end === 'from' ? `${op.v} = 1..${idxString(shift(op.from, -1))}` : `${op.v} = ${idxString(shift(op.to, 1))}..T`;
  const whole = end === 'from' ? `from ${op.v} = 1` : `up to ${op.v} = T`;
  return `the Σ over ${op.v} on the ${side} side (${range}) is cut short: it leaves out the terms ${left} (a truncated sum, as truncated BPTT takes, is not the whole gradient); ${whole}, the check holds`;
}

/** a Σ over steps whose last term alone is the check's: the earlier terms are no part of it */
function lastAlone(op: Expr & { k: 'sum' | 'prod' }, side: string): string {
  const range = `${op.v} = ${idxString(op.from)}..${idxString(op.to)}`;
  return `the Σ over ${op.v} on the ${side} side (${range}) adds terms that are no part of it, ${op.v} = ${idxString(op.from)}..${idxString(shift(op.to, -1))}: its last term alone, ${op.v} = ${idxString(op.to)}, holds (where the loss reads only the last step, as a many-to-one network's does, only that step's term is there)`;
}

/** one term too many, and dropping either end's mends it */
function bothEnds(op: Expr & { k: 'sum' | 'prod' }, side: string): string {
  const sym = op.k === 'sum' ? 'Σ' : '∏';
  const range = `${op.v} = ${idxString(op.from)}..${idxString(op.to)}`;
  return `the ${sym} over ${op.v} on the ${side} side (${range}) has one term too many, ${op.v} = ${idxString(op.from)} or ${op.v} = ${idxString(op.to)}: without either the check holds (the two give the same value here)`;
}

function describe(op: Expr & { k: 'sum' | 'prod' }, end: 'from' | 'to', d: number, side: string): string {
  const sym = op.k === 'sum' ? 'Σ' : '∏';
  const range = `${op.v} = ${idxString(op.from)}..${idxString(op.to)}`;
  const bound = shift(op[end], d);
  if ((end === 'to' && d > 0) || (end === 'from' && d < 0))
    return `the ${sym} over ${op.v} on the ${side} side (${range}) leaves out its ${end === 'to' ? 'last' : 'first'} term ${op.v} = ${idxString(bound)}: with it the check holds`;
  return `the ${sym} over ${op.v} on the ${side} side (${range}) has one term too many, ${op.v} = ${idxString(op[end])}: without it the check holds`;
}

/**
 * a left-out path that is a Σ's first or last term (Σ_{t=2}^{T} for Σ_t in ∂L/∂W_hh leaves out the path through h_1):
 * named as the bound the student wrote, with the path's term and value from pathHint's text. Asked only when the
 * path hint names something and a side has a Σ/∏ (structural); null when no bound move mends the check.
 */
export function boundOfPath(claim: Claim, run: Run, path: string): string | null {
  // a move that widens the range: the term it adds is the path left out (boundMove is structural with no Σ/∏)
  const move = boundMove(claim, run);
  if (!move?.widens) return null;
  const bound = move.text;
  const left = /^The other side leaves out (the paths? through .*)$/.exec(path);
  const what = left ? ` (it leaves out ${left[1]})` : '';
  return `${sentenceStart(bound)}${what}`;
}

/**
 * the bound hint on the one-step re-reading (LANGUAGE.md §5): seed 002's Σ_i … (∏_{j=i}^{T} ∂h^{(j)}/∂h^{(j-1)})
 * ∂h^{(i)}/∂W_hh holds as one-step only with the ∏ from j = i + 1; as written, the index hint found a coincidence
 * instead (∂h_j/∂h_{j-1} "should be" ∂h_{i-1}/∂h_{j-1}, a factor that is I or 0)
 */
export function oneStepBoundHint(rr: Claim, run: Run): string | null {
  const said = boundHint(rr, run);
  if (!said) return null;
  const names = oneStepNames(rr);
  if (!names.length) return null;
  return `With ${names.join(' and ')} read as one-step derivative${names.length > 1 ? 's' : ''}, ${said}`;
}
