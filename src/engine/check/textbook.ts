// What a failing check's message says about the mistakes textbook BPTT formulas invite (Goodfellow §10.2.2,
// d2l.ai §9.7): a constant factor off (the 1/T of a mean loss, the sign), a missing transpose (or a Jacobian
// written right of its gradient, an outer product in the wrong order), a missing σ'/tanh' factor (∇_{h_t} L
// where ∇_{a_t} L = diag(1 − h_t²) ∇_{h_t} L was meant). Each is tried only when the others say nothing.

import { activation } from '../../language/activations';
import { idxValue, makeIdx } from '../../language/idx';
import type { Expr, Idx, Model } from '../../language/model';
import { displayName, exprText, refText } from '../../language/print';
import { forChildren, hasDeriv, mapChildren, VALUE_CHILDREN } from '../../language/resolve';
import { andList, fmt } from '../format';
import { runsText } from '../../display/checkStep';
import { bindAll } from '../subst';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { whichOf, type Claim } from './hints';
import { guard } from './guard';
import { averagesOverSteps, hasOneOverT } from './meanLoss';
import { unhalvedSquareLoss } from './halfLoss';
import { literalEntryHint } from './literalEntries';
import { transposedText } from './product';
import { close, ratioAtLargest, sameRatio, type Point } from './points';
import { replaceWhere, type Walk } from './replacing';
import { termScreen, type TermScreen } from './termScreen';
import { stepShiftable } from './stepShift';
import { Memo } from '../memo';
import { hasRank } from './kinds';
import { entrySwapHint } from './entrySwap';
import { entersOnRight, entersTransposed } from './transposedWeight';
import { targetCalledTHint } from './targetCalledT';
import { lastStepOnlyHint } from './lastStepOnly';
import { reversedChainHint } from './reversedChain';
import { leftStepHint } from './leftStep';
import { zeroClaimHint } from './zeroClaim';
import { lossFactorHint } from './lossFactor';

type Deriv = Expr & { k: 'deriv' };

/** variants tried per hint: each costs one evaluation of the sides at every point */
const MAX_VARIANTS = 24;

/** the check holds with these sides at every point (of the file's values) */
export function holdsWith(c: Claim, lhs: Expr, rhs: Expr, run: Run): boolean {
  return guard(() => c.points.every((p) => close(run.evaluateShared(lhs, p.env).data, run.evaluateShared(rhs, p.env).data))) === true;
}

/**
 * holdsWith, saying how it failed: 'differs' when every point up to the first whose sides differ was evaluated
 * (then the points where the side is defined include that one, and definedPoints says null too), 'unread' when
 * one could not be
 */
function judgeWith(c: Claim, lhs: Expr, rhs: Expr, run: Run): 'holds' | 'differs' | 'unread' {
  return (
    guard(() => {
      for (const p of c.points)
        if (!close(run.evaluateShared(lhs, p.env).data, run.evaluateShared(rhs, p.env).data)) return 'differs' as const;
      return 'holds' as const;
    }) ?? 'unread'
  );
}

/** the check holds with one node of its right side (the same object wherever it stands) replaced by another */
export function holdsReplacing(c: Claim, x: Expr, by: Expr, run: Run): boolean {
  return holdsWith(
    c,
    c.lhs,
    replace(c.rhs, (y) => (y === x ? by : null)),
    run,
  );
}

/** the values an expression combines, not into an entry v[…] nor a derivative */
const WALK: Walk = { children: VALUE_CHILDREN, stops: (x) => x.k === 'index' || x.k === 'deriv' };

/**
 * e with its nodes for which pick(node) gives a replacement replaced (the first match on each path). The walk
 * goes through the values an expression combines (Σ/∏ bodies included), not into an entry v[…], a derivative
 * or an exponent: a transpose or a σ' factor is tried only where a value stands.
 */
const replace = (e: Expr, pick: (x: Expr) => Expr | null): Expr => replaceWhere(e, pick, WALK);

/** every node replace() walks through (or another walk), in its order */
function walkNodes(e: Expr, walk: Walk = WALK, out: Expr[] = []): Expr[] {
  out.push(e);
  if (!walk.stops(e)) forChildren(e, (c) => walkNodes(c, walk, out), walk.children);
  return out;
}

/**
 * derivStepHint's walk: replace()'s, and into an entry of a derivative as well (Rumelhart's Σ_k δ_k(t+1) w_{kj}, δ_k
 * the entry k of −∂E/∂net_{t+1}): its step is the derivative's, whatever entry is picked
 */
const DERIV_WALK: Walk = {
  children: VALUE_CHILDREN,
  stops: (x) => x.k === 'deriv' || (x.k === 'index' && !(x.a.k === 'deriv' || (x.a.k === 'neg' && x.a.a.k === 'deriv'))),
};

/** the node lists of the sides asked for, per analysis: textbookHint's hints each walk the same right side (read only) */
const nodeLists = new Memo<Expr, readonly Expr[]>();

/** walkNodes(e), made once per expression (an expression is never changed: an edit makes a new one) */
function nodes(e: Expr): readonly Expr[] {
  let out = nodeLists.get(e);
  if (!out) nodeLists.set(e, (out = walkNodes(e)));
  return out;
}

/** a square matrix of more than one row (a step's Jacobian, a weight W_hh, a slope diag(…)) */
export const square = (x: Expr) => x.shape?.length === 2 && x.shape[0] === x.shape[1] && x.shape[0]! > 1;

/**
 * the sides differ by a constant factor at every point: the sign, 2, or the 1/T of a mean loss
 * (d2l.ai's L = (1/T) Σ_t l_t with the 1/T forgotten)
 */
const SIGN = 'The right side is the left side with the opposite sign: a sign is wrong';

/** `known`: the ratio already found at these points (constantFactor.ts), null for none, undefined to find it here */
export function scaleHint(c: Claim, run: Run, known?: number | null): string | null {
  const T = run.model.T;
  const k =
    known !== undefined
      ? known
      : guard(() => {
          let k: number | null = null;
          for (const p of c.points) {
            const l = run.evaluateAt(c.lhs, p.env).data;
            const r = run.evaluateAt(c.rhs, p.env).data;
            if (l.length !== r.length) return null;
            if (k === null) {
              k = ratioAtLargest(l, r);
              // both sides 0 at this point (∂h_1/∂w with h_0 = 0): the ratio is read at the next (constantFactor.ts ratioAt)
              if (k === null) {
                if (!close(l, r)) return null;
                continue;
              }
            }
            const kk = k;
            if (
              !close(
                l.map((x) => kk * x),
                r,
              )
            )
              return null;
          }
          return k;
        });
  if (k === null || Math.abs(k - 1) < 1e-6) return null;
  const is = (v: number) => sameRatio(k, v);
  if (is(-1)) return SIGN;
  // T times is a mean's 1/T only where the loss has one: else a side off by the square's 2 at T = 2 read as one
  const mean = averagesOverSteps(run.model);
  // a side with a 1/T too many may have it written itself (−(2/3)(h_3 − y_3) at T = 3), whatever the loss
  const overT = mean || hasOneOverT(c.rhs, T);
  if (mean && is(T)) return `The right side is T = ${T} times the left side: it misses a factor 1/T (a loss averaged over the steps)`;
  if (mean && is(-T)) return `The right side is −T = −${T} times the left side: it misses a factor 1/T, and a sign is wrong`;
  if (overT && is(1 / T)) return `The right side is 1/T times the left side: it has a factor 1/T too many (or the left side one too few)`;
  if (overT && is(-1 / T))
    return `The right side is −1/T times the left side: it has a factor 1/T too many (or the left side one too few), and a sign is wrong`;
  // half: the 2 a square's derivative brings, left out, where the loss squares with no ½ to cancel it
  const squared = is(0.5) || is(-0.5) ? unhalvedSquareLoss(run.model) : null;
  if (squared)
    return `The right side is ${fmt(is(0.5) ? 0.5 : -0.5, 4)} times the left side: a factor 2 is missing (the 2 that the square in ${squared} brings to its derivative)${is(-0.5) ? ', and a sign is wrong' : ''}`;
  for (const v of [2, 0.5, -2, -0.5]) if (is(v)) return `The right side is ${fmt(v, 4)} times the left side`;
  return null;
}

/**
 * a transpose missing or too many: the right side is the left side's transpose (an outer product in the wrong
 * order), one square matrix of the right side wants its transpose (W for Wᵀ), or every Jacobian does (a
 * Jacobian written left of the gradient it multiplies, where the chain rule puts the gradient first)
 */
export function transposeHint(c: Claim, run: Run): string | null {
  if (square(c.rhs) && holdsWith(c, c.lhs, { k: 'transpose', a: c.rhs, shape: c.rhs.shape, range: c.rhs.range }, run)) {
    // a Jacobian of two vectors (∂h_t/∂h_{t-1} = W_hhᵀ diag(…)) is no outer product: it is written in the other layout
    const d = c.lhs;
    if (d.k === 'deriv' && d.of.shape.length === 1 && d.shape.length === 2)
      return `The right side is (${exprText(d)})ᵀ: the denominator layout (Pascanu et al. and some notes write it so). ${exprText(d)} has rows over ${exprText(d.of)}'s entries (numerator layout), so it is ${transposedText(c.rhs)}`;
    // a weight the network multiplies transposed (W_hhᵀ h_{t-1}) has the state first in its gradient: h (∇ L)ᵀ
    if (d.k === 'deriv' && run.model.decls.get(d.wrt.name)?.kind === 'param' && entersTransposed(run.model, d.wrt.name))
      return `The right side is the transpose of the left side: the network multiplies by ${d.wrt.name}ᵀ, so in ${exprText(d)}'s outer product the state comes first and the gradient second (h (∇_a L)ᵀ), or a transpose is missing`;
    // a weight that multiplies a batch of rows from the right (Géron's X_(t) W_x): its gradient is Xᵀ (∇ L)
    if (d.k === 'deriv' && run.model.decls.get(d.wrt.name)?.kind === 'param' && entersOnRight(run.model, d.wrt.name))
      return `The right side is the transpose of the left side: the network multiplies rows by ${d.wrt.name} (one row per instance, X ${d.wrt.name}), so in ${exprText(d)} the rows' transpose comes first and the gradient second (Xᵀ ∇_Z L), or a transpose is missing`;
    // Prince's h_k (∂ℓ_i/∂f_k)ᵀ: the outer product as written, and the order to write (the gradient comes first)
    const outer = nodes(c.rhs).find(
      (x): x is Expr & { a: Expr; b: Expr & { k: 'transpose' } } =>
        (x.k === 'matmul' || x.k === 'mul') && x.a.shape?.length === 1 && x.b.k === 'transpose' && x.b.a.shape?.length === 1,
    );
    if (outer) {
      const g = outer.b.a;
      const first = g.k === 'deriv' || g.k === 'ref' ? exprText(g) : `(${exprText(g)})`;
      return `The right side is the transpose of the left side: the factors of an outer product are in the wrong order (the gradient comes first: ${first} ${flipText(outer.a)} for ${exprText(outer)}), or a transpose is missing`;
    }
    return 'The right side is the transpose of the left side: the factors of an outer product are in the wrong order (the gradient comes first: (∇_o L) hᵀ), or a transpose is missing';
  }
  // a whole chain in the denominator layout's order (Prince's ∂h_k/∂f_{k−1} ∂f_k/∂h_k ∂ℓ_i/∂f_k): the order, not one factor
  const turned = reversedChainHint(c, run);
  if (turned) return turned;
  const flip = (x: Expr): Expr => (x.k === 'transpose' ? x.a : { k: 'transpose', a: x, shape: x.shape, range: x.range });
  const candidates = nodes(c.rhs).filter(
    (x) => square(x) && (x.k === 'ref' || x.k === 'deriv' || (x.k === 'transpose' && (x.a.k === 'ref' || x.a.k === 'deriv'))),
  );
  const plain = candidates.filter((x) => !candidates.some((y) => y.k === 'transpose' && y.a === x));
  // a Jacobian written out as a bracketed sum, Lukoševičius's leaky [(1 − α)I + α diag(…) W] left of the gradient: the
  // whole bracket wants the transpose (it failed with its values only); tried after the names, the outermost sum alone
  const sums = nodes(c.rhs).filter((x) => square(x) && (x.k === 'add' || x.k === 'sub'));
  const outer = sums.filter((x) => !sums.some((y) => (y.k === 'add' || y.k === 'sub') && (y.a === x || y.b === x)));
  for (const x of [...plain.slice(0, MAX_VARIANTS), ...outer.slice(0, MAX_VARIANTS)]) {
    if (!holdsReplacing(c, x, flip(x), run)) continue;
    const order =
      x.k === 'deriv'
        ? ` (a Jacobian left of the gradient it multiplies needs its transpose; written after the gradient, ${gradientFirst(x, c.rhs, run.model)}, it needs none)`
        : '';
    const written = x.k === 'add' || x.k === 'sub' ? `(${exprText(x)})` : exprText(x);
    return `${written} should be ${flipText(x)}: with that transpose the check holds${order}`;
  }
  const jacobians: Expr[] = plain.filter((x) => x.k === 'deriv');
  if (
    jacobians.length > 1 &&
    holdsWith(
      c,
      c.lhs,
      replace(c.rhs, (y) => (jacobians.includes(y) ? flip(y) : null)),
      run,
    )
  ) {
    return `With every Jacobian transposed (${jacobians.map(flipText).join(', ')}) the check holds: a Jacobian written left of the gradient it multiplies needs its transpose (or write the gradient first, as the chain rule orders them)`;
  }
  // one transpose left out of every weight of a sum, Mallya's δx_t = W_cᵀ δa_t + W_iᵀ δi_t + … written with W_c, W_i, …:
  // no single transpose mends it, and it failed with its values only (probe 30, MM7)
  const weights = plain.filter((x) => x.k === 'ref' || (x.k === 'transpose' && x.a.k === 'ref'));
  if (
    weights.length > 1 &&
    new Set(weights.map((x) => exprText(x))).size === weights.length &&
    holdsWith(
      c,
      c.lhs,
      replace(c.rhs, (y) => (weights.includes(y) ? flip(y) : null)),
      run,
    )
  )
    return `${andList(weights.map((x) => exprText(x)))} should be ${andList(weights.map(flipText))}: with those ${weights.length} transposes the check holds`;
  return null;
}

/** the matrix entries of a side whose two indices differ as written (w_{j,i}: what indexSwapHint can swap) */
function swappableEntries(e: Expr): (Expr & { k: 'index' })[] {
  return nodes(e).filter((x): x is Expr & { k: 'index' } => x.k === 'index' && x.j !== null && exprText(x.i) !== exprText(x.j));
}

/** a right side that writes a matrix entry with two different indices: the screen for asking indexSwapHint early */
export const writesSwappableEntry = (c: Claim): boolean => swappableEntries(c.rhs).length > 0;

/**
 * an entry of a matrix with its two indices swapped: w_{j,i}^{(k+1)} where w_{i,j}^{(k+1)} was meant (seed
 * 003's weights, whose first index is the neuron below) — the entry-wise form of a missing transpose
 */
export function indexSwapHint(c: Claim, run: Run): string | null {
  for (const x of swappableEntries(c.rhs).slice(0, MAX_VARIANTS)) {
    const swapped: Expr = { ...x, i: x.j!, j: x.i };
    if (!holdsReplacing(c, x, swapped, run)) continue;
    return `${exprText(x)} should be ${exprText(swapped)}: with its two indices swapped the check holds`;
  }
  return null;
}

/**
 * a Jacobian of the chain one step off: ∂h_T/∂h_3 in ∂L/∂h_2 = ∂L/∂p_T ∂p_T/∂h_T ∂h_T/∂h_3 (the step-shift hint
 * leaves derivatives alone, so this is its counterpart for a derivative's own steps)
 */
export function derivStepHint(c: Claim, run: Run, other: OtherValues = null, screen: TermScreen = termScreen(c, run)): string | null {
  let tried = 0;
  const late: { d: Deriv; m: Deriv; rhs: Expr }[] = [];
  // each derivative's additive term of the side: a move is screened by that term alone first (termScreen.ts)
  const ts = terms(c.rhs);
  const termOf = new Map<Expr, Expr>();
  if (ts.length > 1) for (const t of ts) for (const x of walkNodes(t, DERIV_WALK)) if (x.k === 'deriv' && !termOf.has(x)) termOf.set(x, t);
  // the moves that mend a broken chain first (∂y_3/∂h_3 ∂h_2/∂W_xh: h_2 to meet h_3), whatever their distance: in a
  // sum of three terms the one-step moves of the terms before it spent the budget (structural, no evaluation)
  const derivs = walkNodes(c.rhs, DERIV_WALK).filter((x): x is Deriv => x.k === 'deriv');
  const replace = (e: Expr, pick: (x: Expr) => Expr | null): Expr => replaceWhere(e, pick, DERIV_WALK);
  const queue: Move[] = chainMends(c.rhs);
  for (const d of derivs)
    for (const by of [1, -1]) {
      if (d.wrt.idx) queue.push({ d, end: 'wrt', k: d.wrt.idx.k + by });
      if (d.of.k === 'ref' && d.of.idx) queue.push({ d, end: 'of', k: d.of.idx.k + by });
    }
  // a recursion run the wrong way, the last: δ_{t-1} for δ_{t+1} (Jaeger's δ_j(n) = f'(u_j(n)) Σ_i δ_i(n+1) w_ij
  // written with n − 1), a variable's step two off
  for (const d of derivs)
    if (d.wrt.idx && d.wrt.idx.v && (d.wrt.idx.k === 1 || d.wrt.idx.k === -1)) queue.push({ d, end: 'wrt', k: -d.wrt.idx.k });
  const seen = new Set<string>();
  for (const move of queue) {
    const { d } = move;
    const key = `${derivs.indexOf(d)}:${move.end}:${move.k}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const m = moved(move);
    const term = termOf.get(d);
    if (tried++ >= MAX_VARIANTS) return null;
    // rejected at the first point, where both sides are read: the whole side differs there (not 'unread')
    if (
      term &&
      screen.rejects(
        term,
        replace(term, (y) => (y === d ? m : null)),
      )
    )
      continue;
    const rhs = replace(c.rhs, (y) => (y === d ? m : null));
    const v = judgeWith(c, c.lhs, rhs, run);
    // found at the file's values, named only if it holds at a draw too (with h_0 = 0, ∂h_2/∂h_2 = 1 = ∂h_2/∂w)
    if (v === 'holds' && !noPath(m, c, run) && confirmed(other, c.lhs, rhs, c.points))
      return `${whichOf(d, derivs, derivText).replace(/^the /, 'The ')} should be ${derivText(m)}: with that step the check holds`;
    // a move that differs where every point before it was read fails where it is defined too: not tried again
    if (v === 'unread' && leavesSteps(m, c, run.model.T)) late.push({ d, m, rhs });
  }
  // a recursion's δ_t for δ_{t+1} in a solution that writes no range: ∂L/∂a_{t+1} has no value at the last step,
  // which the sheet writes on its own ("for t < T"); the move holds at every other step, here and at a draw
  for (const { d, m, rhs } of late) {
    const at = definedPoints(c, rhs, run);
    if (!at || at.length === c.points.length || noPath(m, { ...c, points: at }, run) || !confirmed(other, c.lhs, rhs, at)) continue;
    const off = c.points.find((p) => !at.includes(p))!;
    // by the step alone where the steps judged and the steps left out part the points (δ_k(t+1) at every entry j)
    const rest = c.points.filter((p) => !at.includes(p));
    const stepsOf = (ps: Point[]) => [...new Set(ps.map((p) => p.t!))];
    const byStep = c.points.every((p) => p.t !== null) && !stepsOf(at).some((t) => stepsOf(rest).includes(t));
    const where = (ps: Point[]) =>
      byStep || ps.every((p) => p.t !== null && Object.keys(p.env).length === 1)
        ? `t = ${runsText(stepsOf(ps))}`
        : (gridText(ps) ?? ps.map((p) => p.label.replace(/^ at /, '')).join('; '));
    const past = exprText(bindAll(m, off.env));
    return `${derivText(d)} should be ${derivText(m)}: with that step the check holds for ${where(at)} (at ${where(rest)} it reads ${past}, past the network's steps: a sheet writes that step on its own)`;
  }
  return null;
}

/**
 * a moved term that is 0 wherever it is defined (∂h_{t-1}/∂h_{t-2} dh_{t-3}/dw at t = 3 reads dh_0/dw, 0 for a given
 * h_0): the move deletes the term rather than mends its steps, so it is no culprit
 */
function zeroWhereDefined(e: Expr, c: Claim, run: Run): boolean {
  let read = 0;
  for (const p of c.points) {
    const v = guard(() => run.evaluateShared(e, p.env).data);
    if (!v) continue;
    read++;
    if (v.some((x) => x !== 0)) return false;
  }
  return read > 0;
}

/**
 * a moved derivative with no path between its ends at every point (∂R_t/∂H_t of a GRU whose R_t reads H_{t-1}):
 * the move deletes its term rather than mends a step, so it is no culprit (a term counted twice, d2l's GRU with the
 * total ∂H̃_t/∂H_{t-1} beside the path through R_t, was named as that term's step)
 */
function noPath(m: Deriv, c: Claim, run: Run): boolean {
  return c.points.every((p) => guard(() => !run.derivativeShared(m.of, m.wrt, p.env, m.total, m.oneStep).reached) === true);
}

/**
 * a broken chain mended, and nothing else tried: asked where zeroHint would say ∂L_3/∂y_2 is 0 — true, but the
 * student's slip is the step that breaks the chain (∂L_3/∂y_2 ∂y_3/∂h_3), and the fix is what a grader writes
 */
export function chainMendHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const mends = chainMends(c.rhs);
  if (!mends.length) return null;
  const derivs = nodes(c.rhs).filter((x): x is Deriv => x.k === 'deriv');
  for (const move of mends.slice(0, MAX_VARIANTS / 3)) {
    const m = moved(move);
    const rhs = replace(c.rhs, (y) => (y === move.d ? m : null));
    if (judgeWith(c, c.lhs, rhs, run) !== 'holds' || !confirmed(other, c.lhs, rhs, c.points)) continue;
    return `${whichOf(move.d, derivs, derivText).replace(/^the /, 'The ')} should be ${derivText(m)}: with that step the check holds`;
  }
  return null;
}

/** a derivative with the step of one of its ends set to k (its variable kept) */
interface Move {
  d: Deriv;
  /** 'both': the numerator's step set to k, the denominator's moved by as much (a Jacobian one step off as a whole) */
  end: 'of' | 'wrt' | 'both';
  k: number;
}

function moved({ d, end, k }: Move): Deriv {
  if (end === 'both') {
    const o = d.of as Ref;
    const by = k - o.idx!.k;
    const shift = (i: Idx): Idx => ({ ...i, k: i.k + by });
    return {
      ...d,
      of: { ...o, idx: shift(o.idx!) },
      wrt: { ...d.wrt, idx: shift(d.wrt.idx!) },
      ...(d.alias?.idx ? { alias: { ...d.alias, idx: shift(d.alias.idx) } } : {}),
    };
  }
  const from = end === 'wrt' ? d.wrt.idx! : (d.of as Ref).idx!;
  // a name the file defines it by moves with it: δ_ω^{t+1} for ∂L/∂a_ω^{t+1} moved a step is δ_ω^t — unless the
  // other end carries the same step (CS224n's δ^{(t)} = ∂J^{(t)}/∂z^{(t)}): one end moved, it is no δ at any step, and
  // it is written out (δ_{t-1} should be ∂J_t/∂z_{t-1}, not δ_t)
  const o = d.of as Ref;
  const otherEnd = end === 'wrt' ? (o.k === 'ref' ? o.idx : null) : d.wrt.idx;
  const bothMove = otherEnd !== null && otherEnd.v !== null && otherEnd.v === from.v;
  const alias = bothMove
    ? { alias: undefined }
    : d.alias?.idx
      ? { alias: { ...d.alias, idx: { ...d.alias.idx, k: d.alias.idx.k + k - from.k } } }
      : {};
  if (end === 'wrt') return { ...d, wrt: { ...d.wrt, idx: { ...from, k } }, ...alias };
  return { ...d, of: { ...o, idx: { ...from, k } }, ...alias };
}

/** a derivative as written: by the name the file defines it by (δ_ω^t), else itself */
function derivText(d: Expr): string {
  return d.k === 'deriv' && d.alias ? refText(d.alias.name, d.alias.idx) : exprText(d);
}

/**
 * points that are every combination of their indices' values (Haykin's n = 1..2 with j = 1..2) as one range per
 * index, "n = 1..2 and j = 1..2" (it listed the four pairs); null where they are no such grid
 */
function gridText(ps: Point[]): string | null {
  const keys = Object.keys(ps[0]?.env ?? {});
  if (!keys.length || ps.some((p) => Object.keys(p.env).length !== keys.length)) return null;
  const values = keys.map((k) => [...new Set(ps.map((p) => p.env[k]!))].sort((a, b) => a - b));
  if (values.some((v) => v.some((x) => !Number.isInteger(x))) || values.reduce((n, v) => n * v.length, 1) !== ps.length) return null;
  return keys.map((k, i) => `${k} = ${runsText(values[i]!)}`).join(' and ');
}

type Ref = Expr & { k: 'ref' };

/**
 * in a product of derivatives written as a chain, two neighbours whose inner ends differ in step alone (∂y_3/∂h_3
 * ∂h_2/∂W_xh): the later one's numerator moved to meet the earlier's denominator, then the reverse
 */
function chainMends(e: Expr): Move[] {
  const out: Move[] = [];
  const plainStep = (i: Idx | null): i is Idx => i !== null && !i.terms?.length;
  const walk = (x: Expr, inProduct: boolean): void => {
    if (isProduct(x) && !inProduct) {
      const fs = chainLeaves(x);
      for (let i = 0; i + 1 < fs.length; i++) {
        const [f, g] = [fs[i]!, fs[i + 1]!];
        if (f.k !== 'deriv' || g.k !== 'deriv' || g.of.k !== 'ref' || g.of.name !== f.wrt.name) continue;
        const [a, b] = [f.wrt.idx, g.of.idx];
        if (!plainStep(a) || !plainStep(b) || a.v !== b.v || a.k === b.k) continue;
        out.push({ d: g, end: 'of', k: a.k }, { d: f, end: 'wrt', k: b.k });
        // the later factor one step off as a whole (∂L/∂h_{t+1} ∂h_t/∂h_{t-1} for ∂h_{t+1}/∂h_t): both its ends move
        if (g.wrt.idx && g.wrt.idx.v === b.v) out.push({ d: g, end: 'both', k: a.k });
        // the earlier factor one step off as a whole (∂h_2/∂h_1 · ∂h_2/∂h_1 for ∂h_3/∂h_2 · ∂h_2/∂h_1): its denominator
        // moves to meet the later numerator, its numerator by as much
        if (f.of.k === 'ref' && plainStep(f.of.idx) && f.of.idx.v === a.v) out.push({ d: f, end: 'both', k: f.of.idx.k + b.k - a.k });
      }
    }
    if (x.k !== 'deriv' && x.k !== 'index') forChildren(x, (y) => walk(y, isProduct(x)), VALUE_CHILDREN);
  };
  walk(e, false);
  return out;
}

/** the moved derivative names a step outside 1..T at some point of the check (structural: no evaluation) */
function leavesSteps(m: Deriv, c: Claim, T: number): boolean {
  const idxs = [m.wrt.idx, m.of.k === 'ref' ? m.of.idx : null].filter((i): i is Idx => i !== null);
  return c.points.some((p) =>
    idxs.some((i) => {
      const s = idxValue(i, p.env);
      return s !== undefined && (s < 1 || s > T);
    }),
  );
}

/** the points where rhs can be evaluated, when the check holds at every one of them (one at least); else null */
function definedPoints(c: Claim, rhs: Expr, run: Run): Point[] | null {
  const out: Point[] = [];
  for (const p of c.points) {
    const r = guard(() => run.evaluateShared(rhs, p.env).data);
    if (r === null) continue;
    const l = guard(() => run.evaluateShared(c.lhs, p.env).data);
    if (l === null || !close(l, r)) return null;
    out.push(p);
  }
  return out.length ? out : null;
}

/**
 * two square-matrix factors in the wrong order: W_hh diag(1 − h_j²) where the chain rule gives diag(1 − h_j²) W_hh
 * (matrix products do not commute; a Jacobian's own factors come in the order of its equation)
 */
export function orderHint(c: Claim, run: Run): string | null {
  const pairs = nodes(c.rhs).filter(
    (x): x is Expr & { k: 'matmul' | 'mul' } => (x.k === 'matmul' || x.k === 'mul') && square(x.a) && square(x.b),
  );
  // two factors next to each other first; a bracketed product swapped with its neighbour after the single neighbours
  // of the chain it stands in (∂g_3/∂h_3 ∂a_3/∂h_2 ∂h_3/∂a_3: the last two, not the last with the first two, which
  // holds too as the two slopes commute): the smallest swap, the one a grader circles
  const bracketed = (x: Expr & { a: Expr; b: Expr }) => isProduct(x.a) || isProduct(x.b);
  const tried = new Set<Expr>();
  const swapOf = (x: Expr & { k: 'matmul' | 'mul' }): string | null => {
    const swapped: Expr = { ...x, a: x.b, b: x.a };
    return holdsReplacing(c, x, swapped, run)
      ? `${exprText(x)} should be ${exprText(swapped)}: with its two factors in that order the check holds`
      : null;
  };
  for (const x of pairs.filter((x) => !bracketed(x)).slice(0, MAX_VARIANTS)) {
    tried.add(x);
    const said = swapOf(x);
    if (said) return said;
  }
  const neighbours = neighbourOrderHint(c, run, tried);
  if (neighbours) return neighbours;
  for (const x of pairs.filter(bracketed).slice(0, MAX_VARIANTS)) {
    const said = swapOf(x);
    if (said) return said;
  }
  return spineOrderHint(c, run) ?? blockOrderHint(c, run, pairs);
}

export const isProduct = (x: Expr): x is Expr & { k: 'matmul' | 'mul' | 'contract' } =>
  x.k === 'matmul' || x.k === 'mul' || x.k === 'contract';

/** the factors of a product through its brackets, left to right */
export const chainLeaves = (x: Expr): Expr[] => (isProduct(x) ? [...chainLeaves(x.a), ...chainLeaves(x.b)] : [x]);

/**
 * two square neighbours of one chain swapped, brackets read through (B (A C) for A B C): the pairs orderHint tried
 * already (a product of the two alone) are not tried again
 */
function neighbourOrderHint(c: Claim, run: Run, tried: Set<Expr>): string | null {
  const before = (f: Expr, g: Expr) => [...tried].some((p) => isProduct(p) && p.a === f && p.b === g);
  // a chain of two is a pair orderHint tried as written
  return neighbourSwapHint(c, run, (f, g) => !before(f, g), MAX_VARIANTS, 3);
}

/**
 * the first two square neighbours of one chain of at least `shortest` factors (brackets read through) that `pick`
 * accepts whose swap makes the check hold, in the order written; at most `max` swaps tried, each one evaluation of
 * the sides at every point
 */
export function neighbourSwapHint(c: Claim, run: Run, pick: (f: Expr, g: Expr) => boolean, max: number, shortest = 2): string | null {
  // both factors square matrices: a side with no matrix has no pair
  if (!hasRank(c.rhs, 2)) return null;
  let n = 0;
  const all = nodes(c.rhs);
  const inner = new Set<Expr>();
  for (const y of all) if (isProduct(y)) inner.add(y.a).add(y.b);
  const outer = all.filter((x) => isProduct(x) && !inner.has(x));
  for (const x of outer) {
    const fs = chainLeaves(x);
    if (fs.length < shortest) continue;
    for (let i = 0; i + 1 < fs.length; i++) {
      const [f, g] = [fs[i]!, fs[i + 1]!];
      if (!square(f) || !square(g) || f.shape[0] !== g.shape[0] || !pick(f, g)) continue;
      if (n++ >= max) return null;
      const rhs = replace(c.rhs, (y) => (y === f ? g : y === g ? f : null));
      if (holdsWith(c, c.lhs, rhs, run))
        return `${exprText(f)} ${exprText(g)} should be ${exprText(g)} ${exprText(f)}: with its two factors in that order the check holds`;
    }
  }
  return null;
}

/**
 * two square factors next to each other in a longer product that does not group them: (∂L/∂h_t)ᵀ W_hh diag(1 − h_t²)
 * reads ((∂L/∂h_t)ᵀ W_hh) diag(…), so the pair is no node of its own. Swapping two factors of one square shape
 * keeps every partial product's shape, so the product's nodes stay as they are.
 */
function spineOrderHint(c: Claim, run: Run): string | null {
  const product = (x: Expr): x is Expr & { k: 'matmul' | 'mul' | 'contract' } => x.k === 'matmul' || x.k === 'mul' || x.k === 'contract';
  const leaves = (x: Expr): Expr[] => (product(x) ? [...leaves(x.a), x.b] : [x]);
  let tried = 0;
  for (const x of nodes(c.rhs).filter(product)) {
    const fs = leaves(x);
    if (fs.length < 3) continue;
    for (let i = 1; i + 1 < fs.length; i++) {
      const [f, g] = [fs[i]!, fs[i + 1]!];
      if (!square(f) || !square(g) || f.shape[0] !== g.shape[0]) continue;
      if (tried++ >= MAX_VARIANTS) return null;
      const rhs = replace(c.rhs, (y) => (y === f ? g : y === g ? f : null));
      if (holdsWith(c, c.lhs, rhs, run))
        return `${exprText(f)} ${exprText(g)} should be ${exprText(g)} ${exprText(f)}: with its two factors in that order the check holds`;
    }
  }
  return null;
}

/**
 * a Jacobian chain written out with its steps in the wrong order: diag(1 − h_2²) W_hh diag(1 − h_3²) W_hh for
 * ∂h_3/∂h_1, where the later step stands on the left. The chain's square factors are cut into equal blocks (one per
 * step) and the blocks' order reversed; swapping two single factors is orderHint's.
 */
function blockOrderHint(c: Claim, run: Run, products: (Expr & { k: 'matmul' | 'mul' })[]): string | null {
  const flat = (x: Expr): Expr[] =>
    (x.k === 'matmul' || x.k === 'mul') && square(x.a) && square(x.b) ? [...flat(x.a), ...flat(x.b)] : [x];
  const chains = products.map((x) => ({ x, fs: flat(x) })).filter((ch) => ch.fs.length >= 3);
  chains.sort((a, b) => b.fs.length - a.fs.length);
  let tried = 0;
  for (const { x, fs } of chains) {
    for (let size = 1; size <= fs.length / 2; size++) {
      if (fs.length % size !== 0) continue;
      if (tried++ >= MAX_VARIANTS) return null;
      const blocks: Expr[][] = [];
      for (let i = 0; i < fs.length; i += size) blocks.push(fs.slice(i, i + size));
      const order = blocks.reverse().flat();
      const rebuilt = order.slice(1).reduce<Expr>((a, b) => ({ k: 'matmul', a, b, shape: x.shape, range: x.range }) as Expr, order[0]!);
      if (holdsReplacing(c, x, rebuilt, run))
        return `${exprText(x)} should be ${exprText(rebuilt)}: the chain rule's factors with the later step on the left (numerator layout), and with them in that order the check holds`;
    }
  }
  return runOrderHint(c, run, MAX_VARIANTS - tried);
}

/**
 * a run of three or more square factors of one size inside a longer chain, in the wrong order: ∂E/∂p_4 ∂p_2/∂p_1
 * ∂p_3/∂p_2 ∂p_4/∂p_3 for ∂E/∂p_1 (a row first, so no product node holds the Jacobians alone). The run's blocks are
 * reversed in place — a permutation of factors of one shape keeps every partial product's shape
 */
function runOrderHint(c: Claim, run: Run, budget: number): string | null {
  if (budget <= 0 || !hasRank(c.rhs, 2)) return null;
  const all = nodes(c.rhs);
  const inner = new Set<Expr>();
  for (const y of all) if (isProduct(y)) inner.add(y.a).add(y.b);
  let tried = 0;
  for (const x of all.filter((y) => isProduct(y) && !inner.has(y))) {
    const fs = chainLeaves(x);
    for (let i = 0; i < fs.length;) {
      let j = i;
      while (j < fs.length && square(fs[j]!) && fs[j]!.shape![0] === fs[i]!.shape![0]) j++;
      const runFs = fs.slice(i, j);
      i = Math.max(j, i + 1);
      // a chain of square factors alone is blockOrderHint's (a product node holds it)
      if (runFs.length < 3 || runFs.length === fs.length) continue;
      for (let size = 1; size <= runFs.length / 2; size++) {
        if (runFs.length % size !== 0) continue;
        if (tried++ >= budget) return null;
        const blocks: Expr[][] = [];
        for (let k = 0; k < runFs.length; k += size) blocks.push(runFs.slice(k, k + size));
        const order = blocks.reverse().flat();
        const to = new Map(runFs.map((f, k) => [f, order[k]!]));
        const rhs = replace(c.rhs, (y) => to.get(y) ?? null);
        if (holdsWith(c, c.lhs, rhs, run)) {
          const text = (xs: Expr[]) => xs.map((f) => exprText(f)).join(' ');
          return `${text(runFs)} should be ${text(order)}: the chain rule's factors with the later step on the left (numerator layout), and with them in that order the check holds`;
        }
      }
    }
  }
  return null;
}

/** the index is a step on v; with v null, a step written as a number (h_3 in a check at concrete steps) */
const onStep = (i: Idx | null | undefined, v: string | null): boolean => !!i && i.v === v && (v !== null || !i.terms?.length);

/** e with every step index on variable v (v null: every numeric step) moved by d: refs and both ends of derivatives */
function moveSteps(e: Expr, v: string | null, d: number): Expr {
  const mv = (i: Idx): Idx => (onStep(i, v) ? { ...i, k: i.k + d } : i);
  const go = (x: Expr): Expr => {
    if (x.k === 'ref') return x.idx ? { ...x, idx: mv(x.idx) } : x;
    if (x.k === 'deriv') return { ...x, of: go(x.of), wrt: { ...x.wrt, idx: x.wrt.idx ? mv(x.wrt.idx) : null } };
    return mapChildren(x, go);
  };
  return go(e);
}

/** e has a step index on v that moveSteps would move (a term without one is the same term at every shift) */
function movesOn(e: Expr, v: string | null): boolean {
  let found = false;
  const go = (x: Expr): void => {
    if (found) return;
    if (x.k === 'ref') found = onStep(x.idx, v);
    else if (x.k === 'deriv') {
      if (onStep(x.wrt.idx, v)) found = true;
      else go(x.of);
    } else forChildren(x, go);
  };
  go(e);
  return found;
}

/**
 * rhs equals the left side at every point where it can be evaluated, and at one at least (a moved term may reach past
 * the first or last step), one where the check as written fails among them: a move defined only where the check
 * already holds mends nothing (−y_t/ŷ_t − (1 − y_t)/(1 − ŷ_t) with 0/1 targets, moved two steps, reads only t = 3)
 */
function holdsWhereDefined(c: Claim, rhs: Expr, run: Run): boolean {
  const at = definedPoints(c, rhs, run);
  return !!at && at.some((p) => guard(() => !close(run.evaluateShared(c.lhs, p.env).data, run.evaluateShared(c.rhs, p.env).data)) === true);
}

/** the additive terms of e, top level: a + b − c → [a, b, c] */
export function terms(e: Expr, out: Expr[] = []): Expr[] {
  if (e.k === 'add' || e.k === 'sub') {
    terms(e.a, out);
    terms(e.b, out);
  } else out.push(e);
  return out;
}

/**
 * one term of a recursion written at the wrong neighbour step, every index of it moved alike: the backward
 * half of a bidirectional RNN written with ∂L/∂g_{t+1} ∂g_{t+1}/∂g_t-style steps where g_t feeds g_{t−1}
 */
export function termShiftHint(c: Claim, run: Run, screen: TermScreen = termScreen(c, run), other: OtherValues = null): string | null {
  // at a general step the steps on t move; a check at written steps (∂L/∂h⃖_2 = … + ∂L/∂h⃖_3 …) moves its numbers
  // a free step letter other than t (seed 003's k over layers): its steps move as t's do
  const v = c.freeT ? 't' : c.points.length !== 1 ? (Object.keys(c.points[0]!.env).find((x) => movesOn(c.rhs, x)) ?? null) : null;
  if (!v && c.points.length !== 1) return null;
  const ts = terms(c.rhs);
  // one term alone moves as the whole side, which sideShiftHint names; a recursion's one term (Σ_j ∂E/∂p_j^{(k-1)} …
  // for (k+1)) reaches past the last step moved, where only this hint's "wherever defined" can say it
  // (a lone derivative, or its entry, is the question asked: moved, it asks another step's)
  const lone = (e: Expr) => e.k === 'deriv' || (e.k === 'index' && e.a.k === 'deriv');
  if (ts.length < 2 && !(ts.length === 1 && hasDeriv(ts[0]!) && !lone(ts[0]!))) return null;
  let tried = 0;
  for (const term of ts) {
    // a term with no step on v moves nowhere; the texts are printed only for the message (issue 11)
    if (!movesOn(term, v)) continue;
    const shiftable = v !== null && stepShiftable(term, v);
    for (const d of [-2, -1, 1, 2]) {
      if (tried++ >= MAX_VARIANTS) return null;
      // the moved copy made only for a trial the screen lets through, when the screen can read the term itself
      if (screen.rejects(term, shiftable ? { v, d } : moveSteps(term, v, d))) continue;
      const moved = moveSteps(term, v, d);
      const rhs = replace(c.rhs, (y) => (y === term ? moved : null));
      // found at the file's values, named only if it holds at a draw too, where it is defined
      if (holdsWhereDefined(c, rhs, run) && !zeroWhereDefined(moved, c, run) && confirmed(other, c.lhs, rhs, definedPoints(c, rhs, run)!))
        return `The term ${exprText(term)} should be ${exprText(moved)} (every step of it ${d > 0 ? '+' : '−'}${Math.abs(d)}): with that the check holds wherever that term is defined`;
    }
  }
  return null;
}

/** n + d, folding a written constant: T − i + 1 with d = −1 is T − i (not (T − i + 1) − 1) */
function plus(n: Expr, d: number): Expr {
  const one = (value: number): Expr => ({ k: 'num', value, shape: [], range: n.range });
  if ((n.k === 'add' || n.k === 'sub') && n.b.k === 'num') {
    const c = (n.k === 'add' ? n.b.value : -n.b.value) + d;
    if (c === 0) return n.a;
    return { ...n, k: c > 0 ? 'add' : 'sub', b: one(Math.abs(c)) };
  }
  if (n.k === 'num') return one(n.value + d);
  return { k: d > 0 ? 'add' : 'sub', a: n, b: one(Math.abs(d)), shape: [], range: n.range };
}

/**
 * a matrix power one off: (W_hhᵀ)^{T−i+1} where (W_hhᵀ)^{T−i} was meant — the count of steps between i and T
 * (the Jacobians ∂h_j/∂h_{j−1} for j = i+1..T) is T − i; so too a scalar's power counted in steps (Mikolov's leaky
 * context, ∂s_T/∂s_t = α^{T−t} I), whose exponent reads a step variable (a fixed exponent, h_t², is a formula's)
 */
export function powerHint(c: Claim, run: Run): string | null {
  const all = nodes(c.rhs);
  const pows = all.filter(
    (x): x is Expr & { k: 'matpow' | 'pow' } => x.k === 'matpow' || (x.k === 'pow' && nodes(x.b).some((y) => y.k === 'var')),
  );
  let tried = 0;
  for (const x of pows.slice(0, MAX_VARIANTS / 2)) {
    for (const d of [-1, 1]) {
      tried++;
      const moved: Expr = x.k === 'matpow' ? { ...x, n: plus(x.n, d) } : { ...x, b: plus(x.b, d) };
      if (!holdsReplacing(c, x, moved, run)) continue;
      const show = exponentAsWritten(c.text, run.model.T);
      // a scalar's power as the factor edits say it (Elman's w^{t−k+1}, test/textbook/elman.test.ts)
      return `${show(x)} should be ${show(moved)}: with that ${x.k === 'matpow' ? 'power ' : ''}the check holds`;
    }
  }
  // a square weight written once where the steps between need it twice: v W U for ∂y_3/∂x_1 = v W² U (seed 004's
  // linear recurrence, one step of it left out); a named matrix factor of a product only, not a Jacobian
  const factors = new Set<Expr>();
  for (const p of all) if (isProduct(p)) for (const f of [p.a, p.b]) if (f.k === 'ref' && square(f)) factors.add(f);
  for (const x of factors) {
    if (tried++ >= MAX_VARIANTS / 2) return null;
    const moved: Expr = { k: 'matpow', a: x, n: { k: 'num', value: 2, shape: [], range: x.range }, shape: x.shape, range: x.range };
    if (holdsReplacing(c, x, moved, run)) return `${exprText(x)} should be ${exprText(moved)}: with that power the check holds`;
  }
  return null;
}

/**
 * a power (a scalar's or a matrix's) printed with the horizon as the check writes it (α^{T−t}, (W_hhᵀ)^{T−i}: T is resolved to its number before the
 * engine sees it; writtenT.ts relabels steps, this the T of an exponent)
 */
function exponentAsWritten(text: string | undefined, T: number): (e: Expr) => string {
  if (!text || !/\^\s*\{?\s*\(?\s*T(?![A-Za-z0-9_])/u.test(text)) return exprText;
  const relabel = (e: Expr): Expr =>
    e.k === 'num' && e.value === T ? { k: 'var', idx: { v: 'T', k: 0 }, shape: [], range: e.range } : mapChildren(e, relabel);
  return (e) => exprText(e.k === 'pow' ? { ...e, b: relabel(e.b) } : e.k === 'matpow' ? { ...e, n: relabel(e.n) } : e);
}

/** Xᵀ, with brackets round a derivative: (∂h_{t+1}/∂h_t)ᵀ */
const flipText = (x: Expr) =>
  x.k === 'transpose' ? exprText(x.a) : x.k === 'deriv' || x.k === 'add' || x.k === 'sub' ? `(${exprText(x)})ᵀ` : `${exprText(x)}ᵀ`;

/**
 * the Jacobian d written after its gradient, ∂ℓ_i/∂f_k ∂f_k/∂h_k: the gradient's scalar as the side writes it beside d
 * (Prince's ℓ_i, a step's L_t), else the loss's name — a fixed ∂L named a loss the file may not have
 */
function gradientFirst(d: Expr, rhs: Expr, model: Model): string {
  if (d.k !== 'deriv') return `∂L/∂A ${exprText(d)}`;
  const at = exprText(d.of);
  const beside = nodes(rhs).find((y) => y.k === 'deriv' && y.of.shape.length === 0 && refText(y.wrt.name, y.wrt.idx) === at);
  const scalar = beside && beside.k === 'deriv' ? exprText(beside.of) : (model.loss ?? 'L');
  return `∂${scalar}/∂${at} ${exprText(d)}`;
}

/** e (a quantity's general equation, written at step t) moved to step `to`: t ↦ to in every index */
export function atStep(e: Expr, to: Idx): Expr | null {
  let ok = true;
  const out = replace(e, (x) => {
    if (x.k === 'var' || x.k === 'deriv' || x.k === 'sum' || x.k === 'prod') {
      ok = false;
      return x;
    }
    if (x.k !== 'ref' || !x.idx) return null;
    if (x.idx.v !== 't' || x.idx.terms?.length) {
      if (x.idx.v !== null || x.idx.terms?.length) ok = false;
      return x;
    }
    return { ...x, idx: makeIdx(to.v, to.k + x.idx.k, to.terms ?? []) };
  });
  return ok ? out : null;
}

/**
 * ∂L/∂h_t where ∂L/∂a_t was meant, h_t = tanh(a_t): the factor tanh'(a_t) — diag(1 − h_t²) — is missing
 * (Goodfellow's eqs. 10.23–10.28 without it). With the pre-activation named, the message names ∂L/∂a_t; written
 * inside h_t's equation, it names the factor.
 */
export function activationHint(c: Claim, run: Run, model: Model): string | null {
  const derivs = nodes(c.rhs).filter(
    (x): x is Deriv => x.k === 'deriv' && x.total && !x.oneStep && x.wrt.idx !== null && x.shape?.length === 1,
  );
  let tried = 0;
  for (const d of derivs) {
    const q = model.quantities.get(d.wrt.name);
    const eq = q?.timed ? q.general : null;
    if (!eq || eq.k !== 'call' || !activation(eq.fn) || !d.of.shape || d.of.shape.length !== 0) continue;
    const act = activation(eq.fn)!;
    if (tried++ >= MAX_VARIANTS) break;
    const arg = eq.arg;
    if (
      arg.k === 'ref' &&
      arg.idx &&
      arg.idx.v === 't' &&
      arg.idx.k === 0 &&
      !arg.idx.terms?.length &&
      model.quantities.get(arg.name)?.timed
    ) {
      // h_t = tanh(a_t): try ∂L/∂a_t
      const meant: Deriv = { ...d, wrt: { ...d.wrt, name: arg.name } };
      if (holdsReplacing(c, d, meant, run)) {
        const a = refText(arg.name, d.wrt.idx);
        return `${exprText(d)} should be ${exprText(meant)}: the factor ${act.written}(${a}) — ${act.matrix(displayName(d.wrt.name))} in matrix form — is missing`;
      }
      continue;
    }
    const moved = atStep(arg, d.wrt.idx!);
    if (!moved) continue;
    const factor: Expr = { k: 'call', fn: act.prime, arg: moved, shape: d.shape, range: d.range };
    const meant: Expr = { k: 'hadamard', a: factor, b: d, shape: d.shape, range: d.range };
    if (holdsReplacing(c, d, meant, run)) {
      return `${exprText(d)} needs the factor ${act.written}(${exprText(moved)}) — ${act.matrix(displayName(d.wrt.name))} in matrix form — of ${refText(d.wrt.name, d.wrt.idx)}'s own equation: with it the check holds`;
    }
  }
  return null;
}

/** the sides differ by their sign alone at every point: scaleHint's first answer, asked on its own */
export function signHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const h = scaleHint(c, run);
  if (h !== SIGN) return null;
  // opposite at the file's values only (2(h_3 − y_3)(x_1 − 2) with x_1 = 1) is no sign mistake: confirmed at a draw
  const negated: Expr = { k: 'neg', a: c.rhs, shape: c.rhs.shape, range: c.rhs.range };
  return confirmed(other, c.lhs, negated, c.points) ? h : null;
}

/**
 * `ratio`: the sides' one ratio as constantFactor.ts found it (null: none), so that scaleHint does not evaluate them
 * again; `swapAsked`: indexSwapHint was asked already (answer.ts asks it early where a side writes such an entry)
 */
export function textbookHint(
  c: Claim,
  run: Run,
  model: Model,
  ratio?: number | null,
  other: OtherValues = null,
  swapAsked = false,
): string | null {
  if (run.tape.size > 50_000) return null;
  // the side's terms at its first point, read once for the two hints that screen their trials with them
  const screen = termScreen(c, run);
  return (
    targetCalledTHint(c, run, other) ??
    literalEntryHint(c, run) ??
    scaleHint(c, run, ratio) ??
    transposeHint(c, run) ??
    (swapAsked ? null : indexSwapHint(c, run)) ??
    // two free entry letters exchanged (Nielsen's a^{l-1}_j δ^l_k for a^{l-1}_k δ^l_j): asked only with two or more
    entrySwapHint(c, run) ??
    powerHint(c, run) ??
    activationHint(c, run, model) ??
    derivStepHint(c, run, other, screen) ??
    orderHint(c, run) ??
    termShiftHint(c, run, screen, other) ??
    leftStepHint(c, run, other) ??
    zeroClaimHint(c, run) ??
    lossFactorHint(c, run, other) ??
    // the last step's term alone where the sum over the steps is meant (Kelleher's shared weights): last, so that the
    // left-out paths ∂L_1/∂W + ∂L_2/∂W are named where the loss is a sum of per-step losses
    lastStepOnlyHint(c, run, other)
  );
}
