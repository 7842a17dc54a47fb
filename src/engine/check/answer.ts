// `check` (LANGUAGE.md §5): one link of a chain, judged at the file's values and at seeded draws,
// re-read with one-step derivatives when it fails as written, with a message that says why.

import { innerOuterHint } from './innerOuter';
import { softmaxMeantHint } from './softmaxMeant';
import { softmaxInputHint } from './softmaxInput';
import { countedTwiceHint } from './countedTwice';
import type { OtherValues } from './confirm';
import { drawnFromFew } from '../random';
import * as ids from '../../ids';
import type { CheckQuestion, Expr } from '../../language/model';
import { reach } from './reach';
import { refText, spellings } from '../../language/print';
import type { CheckReport, CheckStep, CheckStatus, Range } from '../../report';
import { andList, fmt, isFiniteValue, midSentence, sentenceStart, valueText } from '../format';
import { nonFiniteCause } from './nonFinite';
import type { QuestionContext } from '../questions';
import { variedNames } from '../random';
import { RunError, type Run } from '../run';
import { toValue } from '../tensor';
import { alongHint, inverseHint, leftOutHint, partialHint, pathHint, shiftHint, termsHint, zeroHint, type Claim } from './hints';
import {
  checkPoints,
  clearest,
  close,
  anyOff,
  evaluateSides,
  offSides,
  rangeText,
  stepsOf,
  tooSmallToJudge,
  type Point,
  type Sides,
} from './points';
import { hasDeriv } from '../../language/resolve';
import { adjointHint } from './adjoint';
import { bypassHint } from './bypass';
import { interiorPathHint } from './interiorPaths';
import { countLeftOutHint } from './countLeftOut';
import { numeratorEditHint } from './numeratorEdit';
import { localFactorHint, primeSwapHint } from './localFactor';
import { ratioHint } from './ratio';
import { rowDiagnosis, writesEntry, type RowDiagnosis } from './rowExpansion';
import { rereadOneStep, rereadText, writesBoth, type Reread } from './reread';
import { distributeHint } from './distribute';
import { factorEditHint } from './factorEdit';
import { weightInputHint } from './weightInput';
import { partialEditHint } from './partialEdit';
import { independentHints } from './independent';
import { substitution, writesConstantTerm } from './substitute';
import { prodOrderHint } from './prodOrder';
import { slopeOrderHint } from './slopeOrder';
import { isProductShaped, productHint } from './product';
import { writesBrokenChain } from './termMatch';
import { vectorEntryHint, writesNumberedEntry } from './vectorEntry';
import { chainMendHint, derivStepHint, indexSwapHint, signHint, textbookHint, transposeHint, writesSwappableEntry } from './textbook';
import { oneHotTargetHint } from './targetKind';
import { boundHint, boundOfPath, lastTermHint, oneStepBoundHint } from './bounds';
import { invertedHint } from './inverted';
import { slopeMissingHint, slopeMissingSwappedHint, slopeTwiceHint } from './slopeTwice';
import { sumIndexHint } from './sumIndex';
import { slopeHint } from './slope';
import { scalarVectorHint } from './scalarVector';
import { roundedEqualsHint } from './roundedEquals';
import { groupShiftHint, sideShiftHint } from './groupShift';
import { truncatedHint } from './truncated';
import { writtenSumHint } from './writtenSum';
import { missingSumHint } from './missingSum';
import { earlierCountedHint } from './earlierCounted';
import { lastStepMeantHint } from './lastStepMeant';
import { sumScopeHint } from './sumScope';
import { softmaxSlopeHint } from './softmaxSlope';
import { softmaxDiagonalHint } from './softmaxDiagonal';
import { termLeftOutHint } from './termLeftOut';
import { groupingHint } from './grouping';
import { constantFactorHint, type DrawRuns } from './constantFactor';
import { shortcuts } from './shortcuts';
import { judgeRounded } from './rounded';
import { statedGiven } from './premise';
import { terminalCondition } from './terminal';
import { matrixPowerHint, scalarPowerHint } from './scalarTranspose';
import { weightSwapHint } from './weightSwap';
import { fractionFlippedHint } from './fractionFlipped';
import { carriedHint, fromPreviousLink } from './carried';
import { guard } from './guard';
import { definedStepsHint, undefinedStepHint } from './undefinedStep';
import { sumBoundMessage } from './sumBound';
import { prodFactorHint } from './prodFactor';
import { jacobianSlopeHint, jacobianWeightHint } from './jacobianSlope';
import { kroneckerHint } from './kronecker';
import { argumentSignHint, innerSignHint } from './innerSign';
import { transposedUseHint } from './transposedUse';
import { termFactorHint } from './termFactor';
import { chainAddedHint } from './chainAdded';
import { targetLeftOutHint } from './targetLeftOut';
import { sideTransposedHint } from './sideTransposed';
import { numbersOnly, wrongNumberHint } from './wrongNumber';
import { stepCopyMeantHint } from './stepCopyMeant';
import { jacobianLeftOutHint } from './jacobianLeftOut';
import { answerIdentity } from './identity';
import { boundaryStepHint } from './boundaryStep';
import { blockOrderHint } from './blockOrder';
import { selfTermHint } from './selfTerm';
import { edgeTermHint } from './edgeTerm';
import { answerBound } from './bound';

/** a bound's Report says which way its sides compare (the editor's title shows a failing bound's numbers with it) */
const related = (r: CheckReport, relation: CheckQuestion['relation']): CheckReport => (relation ? Object.assign(r, { relation }) : r);

/** a hint's text as a hint with no culprit range */
const plain = (text: string | null | undefined) => (text ? { text, culprit: null } : null);

interface DrawVerdict {
  /** the first draw and point where the sides differ (both finite) */
  miss: { seed: number; s: Sides } | null;
  judged: number;
  skipped: { seed: number; reason: string }[];
}

const finite = (s: Sides) => isFiniteValue(toValue(s.l)) && isFiniteValue(toValue(s.r));

/** every draw of the context: judged, missed, or skipped (and why) — never silently dropped */
function judgeDraws(lhs: Expr, rhs: Expr, points: Point[], ctx: QuestionContext): DrawVerdict {
  const out: DrawVerdict = { miss: null, judged: 0, skipped: [] };
  for (let seed = 1; seed <= ctx.drawCount; seed++) {
    let off: Sides[];
    try {
      off = offSides(points, lhs, rhs, ctx.draws.run(seed));
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      out.skipped.push({ seed, reason: e.message });
      continue;
    }
    if (off.some((s) => !finite(s))) {
      out.skipped.push({ seed, reason: `not a finite number${off.find((s) => !finite(s))!.label}` });
      continue;
    }
    out.judged++;
    if (off.length && !out.miss) {
      // a near-tie at the first differing point is no way to show the failure: the clearest point is named
      out.miss = { seed, s: clearest(off) };
      break;
    }
  }
  return out;
}

/**
 * evaluateSides where the sides agree at every point, else null from the first point where they differ: the one-step
 * reading is taken only when it holds at all of them, and most fail at the first (issue 9)
 */
function sidesIfClose(points: Point[], lhs: Expr, rhs: Expr, run: Run): Sides[] | null {
  const out: Sides[] = [];
  for (const p of points) {
    const l = run.evaluateShared(lhs, p.env);
    const r = run.evaluateShared(rhs, p.env);
    if (!close(l.data, r.data)) return null;
    out.push({ t: p.t, env: p.env, label: p.label, l, r });
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function skippedText(v: DrawVerdict): string {
  if (!v.skipped.length) return '';
  const first = v.skipped[0]!;
  return `${plural(v.skipped.length, 'random draw')} could not be evaluated (draw ${first.seed}: ${first.reason})`;
}

function failText(bad: Sides, q: CheckQuestion, run: Run): string {
  const l = toValue(bad.l);
  const r = toValue(bad.r);
  let message = `fails${bad.label}: the left side is ${valueText(l)}, the right side ${valueText(r)}`;
  if (typeof l === 'number' && typeof r === 'number') message += ` (difference ${fmt(l - r, 4)})`;
  if (!isFiniteValue(l) || !isFiniteValue(r)) {
    message += ' — not a finite number (NaN or ∞)';
    // where it became one: the part outside its domain (σ^{-1}(2), log of a negative number, a division by 0)
    const cause =
      (!isFiniteValue(l) ? nonFiniteCause(q.lhs, bad.env, run) : null) ?? (!isFiniteValue(r) ? nonFiniteCause(q.rhs, bad.env, run) : null);
    if (cause) message += `: ${cause}`;
  }
  return message;
}

/**
 * the sides agree only within the absolute tolerance (1e-6 for values under 1, LANGUAGE.md §5), while they differ
 * relatively by far more: the check holds by the contract's tolerance, and the message says how little that means
 */
function tinyNote(s: Sides): string {
  let scale = 0;
  let diff = 0;
  const n = Math.max(s.l.data.length, s.r.data.length);
  for (let i = 0; i < n; i++) {
    const x = s.l.data[s.l.data.length === 1 ? 0 : i]!;
    const y = s.r.data[s.r.data.length === 1 ? 0 : i]!;
    scale = Math.max(scale, Math.abs(x), Math.abs(y));
    diff = Math.max(diff, Math.abs(x - y));
  }
  return `; but at the file's values${s.label} both sides are under 1e-2 (left ${valueText(toValue(s.l))}, right ${valueText(toValue(s.r))}) and agree only within the tolerance's absolute floor (1e-6), while they differ by ${fmt((100 * diff) / scale, 3)}% of their size — a small (vanishing) gradient is not 0`;
}

/**
 * the draws a hint's finding is confirmed at (confirm.ts): draw 1, and draw 2 too where a target is drawn from a few
 * values (0/1, one-hot, classes), where one draw agrees with the file's values often
 */
function confirmDraws(ctx: QuestionContext): NonNullable<OtherValues> {
  const first = () => ctx.draws.run(1);
  return [...ctx.model.decls.values()].some(drawnFromFew) ? Object.assign(first, { again: () => ctx.draws.run(2) }) : first;
}

/** a hint that may open with "the" (the second h_t …), as the sentence it starts; names (h_t, W_hh) keep their case */
const opening = (s: string | null) => s && sentenceStart(s);

/** the varied names that alone make the check fail at this draw, and their given values */
function culprits(
  lhs: Expr,
  rhs: Expr,
  points: Point[],
  seed: number,
  ctx: QuestionContext,
  broken: (run: Run) => boolean = (run) => anyOff(points, lhs, rhs, run),
): { nice: string[]; given: string[] } {
  // culprits are sought only for sides that hold at the file's values: redrawing a name they cannot read
  // gives them those very values again, so it cannot make them fail, and its forward run is not made
  const read = reach(ctx.model, [lhs, rhs]);
  const varied = variedNames(ctx.model).filter((name) => read.has(ids.parseNodeKey(name).name));
  // the initial states first, the usual culprit (h_0 = 0), so that the rest is often cleared at once (below)
  const order = [...varied.filter((n) => ids.parseNodeKey(n).step !== null), ...varied.filter((n) => ids.parseNodeKey(n).step === null)];
  const off = (only: string | string[]): boolean | null => {
    try {
      return broken(ctx.draws.run(seed, only));
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      return null;
    }
  };
  const found = new Set<string>();
  const cleared = new Set<string>();
  for (let i = 0; i < order.length; i++) {
    const name = order[i]!;
    if (cleared.has(name) || !off(name)) continue;
    found.add(name);
    // an initial state found (h_0 = 0 leant on, most often alone): the names not tried yet that are drawn from a
    // continuum, redrawn together with the others at their given values. Sides that agree there agree on that whole
    // slice of values (but on a set of measure zero, as every draw assumes), where each of those names redrawn alone
    // lies, so none of them is a culprit and its run is not made. A target drawn from a few values (0/1) can agree by
    // coincidence, and is tried alone; after a declaration found (weights set by hand, several at once) each name is
    // tried alone
    if (ids.parseNodeKey(name).step === null) continue;
    const rest = order.slice(i + 1).filter((n) => !cleared.has(n) && continuous(ctx, n));
    if (rest.length > 1 && off(rest) === false) for (const n of rest) cleared.add(n);
  }
  // in the file's order, whatever order they were tried in
  const hit = varied.filter((c) => found.has(c));
  return { nice: hit.map((c) => ids.nodeLabel(ids.parseNodeKey(c))), given: hit.map((c) => givenText(ctx, c)).filter((x) => x) };
}

/** a varied name drawn from a continuum: an initial state, or a declaration but a target drawn from a few values */
function continuous(ctx: QuestionContext, name: string): boolean {
  const d = ctx.model.decls.get(name);
  return !d || !drawnFromFew(d);
}

/** "the given value of h_0 (h_0 = 0)", "the given values of U, W (U = …)": the culprits' names as the caller lists them */
const givenValues = (listed: string, count: number, given: string[]): string =>
  `the given ${count === 1 ? 'value of' : 'values of'} ${listed}${given.length ? ` (${given.join(', ')})` : ''}`;

/** "holds only for these values: it leans on the given value of h_0 (h_0 = 0): vary it and it fails at t = 2 (…)" */
function leansText(claim: Claim, miss: { seed: number; s: Sides }, ctx: QuestionContext): string {
  const { nice, given } = culprits(claim.lhs, claim.rhs, claim.points, miss.seed, ctx);
  const what = nice.length
    ? `it leans on ${givenValues(nice.join(', '), nice.length, given)}: vary ${nice.length === 1 ? 'it' : 'them'} and it fails`
    : 'with other values it fails';
  let text = `${what}${miss.s.label} (left ${valueText(toValue(miss.s.l))}, right ${valueText(toValue(miss.s.r))} at random draw ${miss.seed})`;
  const left = leftOutHint(claim, miss.s, ctx.draws.run(miss.seed));
  if (left)
    text += `. ${sentenceStart(left.text)} at random draw ${miss.seed}, which is 0 only when ${given.length ? given.join(' and ') : "the values are the file's"}`;
  else {
    const path = pathOrBound({ ...claim, points: [miss.s] }, ctx.draws.run(miss.seed));
    // a transpose left out that a symmetric matrix of the file hides (W for Wᵀ with W = Wᵀ): said at the draw
    const flip = path ? null : transposeHint({ ...claim, points: [miss.s] }, ctx.draws.run(miss.seed));
    // the exam's Σ_{t=2}^{T} δ_j(t) y_h(t−1): its term t = 1 is 0 at y_0 = 0 alone, and the bound is the slip
    // (it said which value it leaned on, not what was left out)
    const bound = path || flip ? null : boundHint({ ...claim, points: [miss.s] }, ctx.draws.run(miss.seed));
    const why = path ?? flip ?? bound;
    // the sentence's own first word lowered (The, With), never a name's (W should be Wᵀ)
    if (why) text += `. At random draw ${miss.seed}: ${midSentence(why)}`;
    if (bound && given.length) text += `; at the file's values that term is 0, as ${andList(given)} makes it`;
  }
  return text;
}

/**
 * a worked computation, `h_1 = tanh(0.5·0 + 0.2·1)`: one side written in numbers alone holds for the file's values by
 * design (the student put them in), so its verdict says that rather than "it leans on x, u, h_0", as if by chance:
 * ", as a computation with numbers does: the right side is written in numbers, the given values of x, u (…) put in
 * (at random draw 1 the left side is …, the right side still …)"; null when neither side, or both, is numbers alone
 */
function computedText(claim: Claim, miss: { seed: number; s: Sides }, ctx: QuestionContext): string | null {
  const [l, r] = [numbersOnly(claim.lhs), numbersOnly(claim.rhs)];
  if (l === r) return null;
  const { nice, given } = culprits(claim.lhs, claim.rhs, claim.points, miss.seed, ctx);
  const values = nice.length ? `${givenValues(andList(nice), nice.length, given)} put in` : "the file's values put in";
  const [numbers, names] = r ? (['right', 'left'] as const) : (['left', 'right'] as const);
  const s = miss.s;
  return `, as a computation with numbers does: the ${numbers} side is written in numbers, ${values} (at random draw ${miss.seed}${s.label} the ${names} side is ${valueText(toValue(r ? s.l : s.r))}, the ${numbers} side still ${valueText(toValue(r ? s.r : s.l))})`;
}

/** zeroHint, or, when it names a 0, the broken chain's step that mends the check (textbook.ts chainMendHint) */
function zeroOrMend(claim: Claim, bad: Sides, run: Run, other: OtherValues): string | null {
  const zero = zeroHint(claim, bad, run, other);
  return zero && (chainMendHint(claim, run, other) ?? zero);
}

/**
 * leftOutHint at the failing point, said only where every other point at which the check fails leaves out a part too:
 * a general step's formula read at its first step (∂h_{t-2}/∂w at t = 2 is ∂h_0/∂w = 0) leaves out the path through
 * h_1 there, where the step written is what is wrong at every t (session 41), and a later hint names it
 */
function leftOutEverywhere(claim: Claim, bad: Sides, run: Run, other: OtherValues): string | null {
  const hit = leftOutHint(claim, bad, run, other)?.text ?? null;
  if (!hit || claim.points.length < 2) return hit;
  const sides = guard(() => evaluateSides(claim.points, claim.lhs, claim.rhs, run));
  if (!sides) return hit;
  for (const s of sides) if (s.env !== bad.env && !close(s.l.data, s.r.data) && !leftOutHint(claim, s, run)) return null;
  return hit;
}

/** pathHint, or the Σ bound that leaves that path out when moving the bound mends the check */
function pathOrBound(claim: Claim, run: Run, other: OtherValues = null): string | null {
  const path = pathHint(claim, run, other);
  return path && (boundOfPath(claim, run, path) ?? path);
}

/** slopeHint of the one-step reading, its "the check holds" said as the reading it holds in */
function oneStepSlope(rr: Claim | null, run: Run, other: OtherValues): { text: string; culprit: Range | null } | null {
  const s = rr ? slopeHint(rr, run, other) : null;
  return s ? { ...s, text: s.text.replace(/: with that the check holds$/, ': with that the check holds as a one-step derivative') } : null;
}

/** why a check fails at the file's values, as precisely as it can be said */
function failureHint(
  claim: Claim,
  rr: Claim | null,
  bad: Sides,
  run: Run,
  other: OtherValues = null,
  draws: DrawRuns | null = null,
): { text: string; culprit: Range | null } | null {
  const substitute = substitution(claim, rr, run, bad, other);
  const productShaped = isProductShaped(claim);
  // read once, where the cascade first asks it (most failing checks are named before)
  let broken: boolean | undefined;
  const brokenChain = () => (broken ??= writesBrokenChain(claim.lhs) || writesBrokenChain(claim.rhs));
  // the term matcher, of the one-step reading first (it also says where the wrong term is written)
  const terms = () => (rr ? termsHint(rr, run, bad, other) : null) ?? termsHint(claim, run, bad, other);
  // a matrix entry with two different indices written (w_{j,i}): its swap is asked early, and not again below; read
  // where the cascade first asks it, as the broken chain is
  let swaps: boolean | undefined;
  const swapsEntry = () => (swaps ??= run.tape.size <= 50_000 && writesSwappableEntry(claim));
  // an entry of a defined quantity written out by hand: judged once, where the cascade first asks it
  let row: RowDiagnosis | null | undefined;
  const rowOf = () => (row === undefined ? (row = rowDiagnosis(claim, run)) : row);
  // a constant factor wrong, judged at the draws too (constantFactor.ts); with no one ratio, scaleHint is not asked
  const textbookOrFactor = () => {
    if (run.tape.size > 50_000) return null;
    const f = constantFactorHint(claim, run, draws);
    return f.hint ?? plain(textbookHint(claim, run, run.model, f.k, other, swapsEntry()));
  };
  return (
    // a scalar against a vector: the shapes differ, said first (and the sum meant, when it holds)
    plain(scalarVectorHint(claim, bad, run, other)) ??
    // Roelants's s_n, n the sequence's length, read as a free step: holds at n = T alone (structural screen first)
    plain(lastStepMeantHint(claim, run, other)) ??
    // a number the other side rounds to, written with = (≈ is how a rounded value is written)
    plain(roundedEqualsHint(claim, bad, run)) ??
    // a number substituted that is not its term's value (0.5 for u x_2 = 0.4): before rowHint, which names terms
    plain(wrongNumberHint(claim, bad, run)) ??
    // an entry written out that only misses terms of its definition, and holds with them (seed 004's rows, h_1^{(t)}
    // = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} − 0.5): certain, so said here, where a side writes such an entry (a structural
    // screen), not after the ~15 hints that read the side as one formula and name no more (0.1 ms warming per row);
    // a row that adds or changes a term keeps its place below, after the step hints that may name why
    (writesEntry(claim, run.model) && rowOf()?.missesOnly ? plain(rowOf()!.text) : null) ??
    // a backward formula with the bar left off its left side (seed 004's h̄ line): before σ^{-1}, which it also reads
    plain(adjointHint(claim, run)) ??
    plain(inverseHint(claim, run)) ??
    // w^{T} of a scalar meant as the power, T the horizon: structural until a scalar's transpose is written
    plain(scalarPowerHint(claim, run, other)) ??
    // σ(o_t) where softmax(o_t) is meant (a cross-entropy's ŷ_t − y_t): structural until a σ of a vector is written
    plain(softmaxMeantHint(claim, run, other)) ??
    // ∂L/∂ŷ_t = ŷ_t − y_t, ŷ_t a softmax's output: the gradient by its argument, structural until the left side is one
    plain(softmaxInputHint(claim, run, other)) ??
    // ŷ_t (1 − ŷ_t) for a softmax output: σ's slope, structural until such a product is written
    plain(softmaxSlopeHint(claim, run, other)) ??
    // ∂L/∂e_{ij} = α_{ij} ∂L/∂α_{ij}: the softmax's Jacobian taken as diagonal, structural until an entry's gradient is the left side
    plain(softmaxDiagonalHint(claim, run, other)) ??
    // ŷ_tᵀ ŷ_t for ŷ_t ŷ_tᵀ (or the reverse): structural until such a product of two vectors is written
    plain(innerOuterHint(claim, run, other)) ??
    // two blocks of a concatenation exchanged (CS231n's [da_f; da_i; …] for [da_i; da_f; …]): structural until one is written
    plain(blockOrderHint(claim, run, other)) ??
    // the left side again as a term of the right (code's dnext_c = dnext_c + …): structural, before the term matcher
    plain(selfTermHint(claim)) ??
    // a derivative that is 0 because its step breaks a chain (∂L_3/∂y_2 ∂y_3/∂h_3): the step named, else the 0
    plain(zeroOrMend(claim, bad, run, other)) ??
    // one step's term where the other side is the whole (Σ_t left out): before the hints that read that step alone
    plain(missingSumHint(claim, run, other)) ??
    // Σ_t ŷ_t − y_t for Σ_t (ŷ_t − y_t): the brackets of a Σ's body, before the hints that read the side at each t
    plain(sumScopeHint(claim, run, other)) ??
    // a check that writes d (total) and ∂ (one-step) means its re-reading: a derivative's step is judged there
    // first (dh_{t-2}/dw for dh_{t-1}/dw in dh_t/dw = ∂h_t/∂w + ∂h_t/∂h_{t-1} dh_{t-1}/dw), as the totals read it
    // only as a term that should not be there
    plain(rr && run.model.uprightD === true && writesBoth(claim.lhs, claim.rhs) ? derivStepHint(rr, run, other) : null) ??
    // a constant term of a backward formula where the loss's own step belongs (seed 004's h̄^(t) = 1 + …), alone or
    // with a second slip (its h^(t+1) for h^(t) there): asked here, where the side writes such a term, before the
    // step hints, which cannot mend two slips, and the hints that try their dozens of single edits on it; the rest of
    // substituteHint's edits keep their place below
    (writesConstantTerm(claim) ? substitute.first() : null) ??
    // "the second h_t should be h_{t-1}" opens a sentence of the message
    plain(opening(rr ? shiftHint(rr, run, other) : null)) ??
    plain(opening(shiftHint(claim, run, other))) ??
    // one reference written twice at the wrong step, both times (h_{t-1}(1 − h_{t-1}) for h_t(1 − h_t))
    plain(groupShiftHint(claim, run, bad, other)) ??
    // ∂X_s/∂X_r against a ∏ of hand-written step Jacobians (a structural screen): the factors' order, then, bounds
    // and order right, the factor judged as a one-step check (a left-out path first: the ∏ line's usual mistake).
    // Asked after the step hints (a wrong step is named with the ∏'s own variable) and before the ~15 hints that
    // read the ∏ line as one formula and name no more (seed 000's (14), GRU: 0.2 of its 0.37 ms warming)
    (productShaped
      ? (plain(prodOrderHint(claim, run)) ??
        plain(productHint(claim, run, bad, (sub, at) => plain(pathHint(sub, run, other)) ?? failureHint(sub, null, at, run, other))))
      : null) ??
    // a written product of derivatives that chains in neither order (a structural screen: sheet 7's ∂h_2/∂h_1·∂h_2/∂W_xh):
    // the term matcher names it (the term is no path, its factor that should be another), asked here, after the step
    // and ∏ hints, and not after the ~20 hints that read the side as one formula and name no more (0.2 ms warming)
    (brokenChain() ? terms() : null) ??
    // an entry's two indices swapped (seed 003's w_{j,i}^{(k+1)} for w_{i,j}^{(k+1)}), asked here where a side writes
    // such an entry (a structural screen), not after the ~25 hints that read the side as one formula and name no
    // more (mlp-layers' line 30: 0.3 ms warming); one evaluation per entry written
    (swapsEntry() ? plain(indexSwapHint(claim, run)) : null) ??
    // an entry of a defined quantity written out by hand: what the expansion misses or adds
    plain(rowOf()?.text) ??
    plain(partialHint(claim, run, other)) ??
    // ∂c_3/∂c_1 = f_3 f_2: the path along c alone, the others left out
    plain(alongHint(claim, run, other)) ??
    // a path that is a Σ's first or last term (Σ_{t=2}^{T} for Σ_t) named as the Σ's bound, with the path's value
    plain(pathOrBound(claim, run, other)) ??
    // a matrix product bracketed before the elementwise slope it should carry (Uᵀ ∂L/∂h̃_t ⊙ (1 − h̃_t²)): before the
    // local factor hint, which reads the bracketed term as a value that is off; a few evaluations
    plain(groupingHint(claim, run, other)) ??
    // tanh's slope written 1 − h or h(1 − h): named before the local factor hint reads it as a value that is off
    slopeHint(claim, run, other) ??
    // …and in the one-step reading (Elman's ∂E_t/∂W_ch with tanh's slope for σ's): the slope named, the reading said
    oneStepSlope(rr, run, other) ??
    // a + for a − inside a factor (σ' written o(1 + o)): before the local factor hint, which reads the term as off
    plain(innerSignHint(claim, run, other)) ??
    plain(localFactorHint(claim, run, bad, other)) ??
    // (ŷ_t − y_t) ŷ_t(1 − ŷ_t) for ∂L/∂z_t, ŷ_t = σ(z_t): the slope counted twice (one evaluation per activation)
    plain(slopeTwiceHint(claim, run)) ??
    // its mirror: δ_t = ∂L/∂a_t written as ∂L/∂h_t, h_t = tanh(a_t) (the slope left out)
    plain(slopeMissingHint(claim, run)) ??
    // both at once, with a weight's indices swapped (δ_pj(t−1) = Σ_h δ_ph(t) u_jh): a few evaluations per matrix entry
    plain(slopeMissingSwappedHint(claim, run)) ??
    plain(primeSwapHint(claim, run)) ??
    // a whole side negated (2(y − o) for ∂(y − o)²/∂o): said as such, before the term matcher, which reads a
    // target that is 0 at the file's values as no term and would blame the other term
    plain(signHint(claim, run, other)) ??
    // a Σ/∏ one term short or long, before the term matcher, which names the path of that term
    plain(opening(boundHint(claim, run))) ??
    // a loss written out step by step with steps left out (L_1 + L_2 + L_3 for Σ_t L_t, T = 4): structural
    plain(writtenSumHint(claim, run.model, run, other)) ??
    // a ∏'s factors in the wrong order (its body's two square factors, or the ∏ left of its gradient): before the
    // term matcher, which blames a factor of a ∏ one step long on the path it is no part of
    (productShaped ? null : plain(prodOrderHint(claim, run))) ??
    // a slope and a weight swapped (R diag(1 − g_{t−1}²)), which the term matcher reads as a term of no path
    plain(slopeOrderHint(claim, run)) ??
    // a total derivative beside a term of its own path (d2l's GRU ∂H̃_t/∂H_{t-1} with the path through R_t written
    // too): before the term matcher, which reads that factor as wrong and names it as itself
    plain(countedTwiceHint(claim, run, other)) ??
    // its kin in a Σ over the steps: Σ_k ∂s_4/∂s_k ∂s_k/∂W with the total ∂s_k/∂W for ∂⁺s_k/∂W (Khapra's explicit part)
    plain(earlierCountedHint(claim, run, other)) ??
    plain(sideTransposedHint(claim, bad, run)) ?? // Σ_t h_{t-1} δ_tᵀ for ∂J/∂W: screened on the failing point's values
    // a weight read transposed too (W_h − W_hᵀ): its gradient's part through Wᵀ left out, structural until then
    plain(transposedUseHint(claim, run, other)) ??
    // the term matcher also says where the wrong term is written (a solution puts its error there)
    (brokenChain() ? null : terms()) ??
    plain(opening(leftOutEverywhere(claim, bad, run, other))) ??
    plain(rr ? oneStepBoundHint(rr, run) : null) ??
    // after the left-out part, which names it with its value when it is one input of A's equation
    plain(bypassHint(claim, run)) ??
    textbookOrFactor() ??
    plain(distributeHint(claim, run)) ??
    // ∂x_k/∂x_t for ∂x_t/∂x_k: said before the one-step sum it reduces the side to (a few evaluations)
    plain(opening(invertedHint(claim, run))) ??
    // ∂L/∂θ written as Σ_t of each step's loss through its own step only (one evaluation, ∂loss/∂param checks only)
    plain(truncatedHint(claim, run, other)) ??
    // a bare product of a step's Jacobian factors without its activation's slope (∂h_t/∂h_{t−1} = W_hh), or with one
    // too many: structural until then, a few evaluations
    plain(jacobianSlopeHint(claim, run, other)) ??
    // two free entry indices, the sides equal on their diagonal only (softmax's Jacobian written as σ's, ŷ_i(1 − ŷ_j)):
    // said, with the 1 that δ_ij mends; the points' values are read again (a check over entries has few steps)
    plain(kroneckerHint(claim, run, other)) ??
    // every step of one side off by the same amount (the formula of the step before, copied): no single move mends it,
    // and no hint above names it; asked here, where the others have said nothing (a copy of the side per trial: 80 µs
    // warming on mlp-layers' line 30, which the entry swap names, when it was asked after the shift hints)
    plain(opening(sideShiftHint(claim, run, bad, other))) ??
    // W^T of a square matrix where W^{T−1} is meant (a linear RNN's ∂h_T/∂h_1): structural until a matrix's
    // transpose is written, and one of it only; before the factor edits, which name a pair of unrelated edits instead
    plain(matrixPowerHint(claim, run, other)) ??
    // last and bounded: one or two small edits of the formula (a factor left out, σ for σ', a swapped index)
    factorEditHint(claim, rr, bad, run, other) ??
    // ∂h_t/∂h_{t-1} = diag(1 − z_t), the other GRU convention's gate for the immediate partial of the total: both named,
    // where nothing above named one slip (a path left out of a written total is the path hints')
    partialEditHint(claim, bad, run, other) ??
    // a step's Jacobian without its weight (1 − h_t² for w_h (1 − h_t²)): after the factor edits, which name it with its
    // term where they can place it (σ'(…) alone), a few evaluations
    jacobianWeightHint(claim, run, other) ??
    // after it, bounded too: one value replaced by another of its shape (x_t where h_{t-1} belongs, W_i for U_i)
    substitute.rest() ??
    // last, bounded: a wrong index inside a Σ/∏ (o_i for o_{T+t−i}) or a bound with the wrong variable
    plain(sumIndexHint(claim, run, bad, other)) ??
    // last: a term of the formula left out whole (ŷ_t for ŷ_t − y_t), a value the network names
    plain(termLeftOutHint(claim, run, other)) ??
    // a backward recursion's term ∂E/∂y_{t+1} with the step's Jacobian ∂y_{t+1}/∂y_t left out (a Jordan network)
    plain(jacobianLeftOutHint(claim, run, other)) ??
    // last: a vector's entry written for another (h_1^{(t−1)} for h_2^{(t−1)} in RTRL's recursion), where no hint above
    // says anything and a side writes a numbered entry of a small vector: a few evaluations
    (run.tape.size <= 50_000 && writesNumberedEntry(claim) ? plain(vectorEntryHint(claim, run)) : null) ??
    // last of all (after the entry swap): a factor left out inside a ∏ (d2l's ∏_j w_h for ∏_j w_h (1 − h_j²)), re-inserted from the formula or
    // the step's Jacobian; a copy of the side per trial, so asked only where nothing above has named the mistake
    plain(prodFactorHint(claim, run, bad, other)) ??
    // last: two weights of one shape exchanged (Grosse's r̄ w + z̄ v for r̄ v + z̄ w), a few evaluations
    plain(weightSwapHint(claim, run, other)) ??
    // last: a quotient of two scalars turned over (the clipping factor ‖g‖/θ for θ/‖g‖), a few evaluations
    plain(fractionFlippedHint(claim, run, other)) ??
    // CS224n's ∂J^{(t)}/∂H = h^{(t-1)ᵀ} δ^{(t)}: the step copy ∂J^{(t)}/∂H|_{(t)} written for the total (structural
    // screen: a total derivative of a timed scalar by a shared parameter)
    plain(stepCopyMeantHint(claim, run, other)) ??
    // last: every step summed where the last step's term alone is there (a many-to-one network's Σ_t (p − y) h_tᵀ)
    plain(opening(lastTermHint(claim, run))) ??
    // last of all: the paths through one node inside the graph left out (Gers's truncated partial written with =), a
    // derivative pair per node, so asked only where nothing above named the mistake
    plain(interiorPathHint(claim, run, other)) ??
    // a parameter count short by one parameter's entries (or two's): which the other side leaves out
    plain(countLeftOutHint(claim, run)) ??
    // a step or sign wrong inside an expression differentiated (∂σ(… W_hh h_t …)/∂h_{t-1}): a derivative per trial
    plain(numeratorEditHint(claim, run, other)) ??
    // last: a sign turned inside a function's argument copied from the network (σ'(w h − w x) for σ'(w h + w x))
    plain(argumentSignHint(claim, run, other)) ??
    // last: one term of a sum off by a constant factor (seed 004's h̄ line with (h_t − y_t) for 2(h_t − y_t))
    termFactorHint(claim, run, other) ??
    // last: a chain's factors added (∂L_3/∂y_3 + ∂y_3/∂h_3 for ∂L_3/∂y_3 · ∂y_3/∂h_3), a structural screen first
    plain(chainAddedHint(claim, run, other)) ??
    // last: a target left out inside a product or a Σ (W_phᵀ ŷ_T for W_phᵀ(ŷ_T − y_T)), a few copies of the side
    targetLeftOutHint(claim, run, other) ??
    // last: one term of the edge B → A left out where B appears twice in A's equation (a leaky state's (1 − a)·I)
    plain(edgeTermHint(claim, run, other)) ??
    // last: a weight's input written as one of its names (Géron's GRU: h_(t−1) for r_(t) ⊗ h_(t−1) in ∂L/∂W_hg), where
    // the factor edits above name no factor left out
    plain(weightInputHint(claim, run, other)) ??
    null
  );
}

export function answerCheck(q: CheckQuestion, ctx: QuestionContext): CheckReport {
  if (q.mended) return answerMended({ ...q, mended: q.mended }, ctx);
  return answerWritten(q, ctx);
}

/**
 * a check whose sides formed a product only with a transpose mended (V ∇_o L for Vᵀ ∇_o L): it fails as written, with
 * the shape mismatch the resolver said; the mended sides are judged as any check is, and that verdict follows, so
 * the student learns whether the transpose was the only mistake ("With Vᵀ for V: holds at the file's values and 4
 * random draws") or what else is wrong
 */
function answerMended(q: CheckQuestion & { mended: NonNullable<CheckQuestion['mended']> }, ctx: QuestionContext): CheckReport {
  const judged = answerWritten(q, ctx);
  const what = q.mended.map((m) => `${m.read} for ${m.written}`).join(' and ');
  const out: CheckReport = {
    ...judged,
    status: 'fails',
    message: `fails: ${q.mended.map((m) => m.message).join('; ')}. With ${what}: ${judged.message}`,
    // the values per step are the mended sides', not the check's as written
    steps: [],
    failingStep: null,
  };
  delete out.premise;
  return out;
}

function answerWritten(q: CheckQuestion, ctx: QuestionContext): CheckReport {
  // a check that writes both d (total) and ∂ (one-step): its messages name each derivative as it is spelled there
  if (!spellings.kept && ctx.model.uprightD === true && writesBoth(q.lhs, q.rhs)) {
    spellings.kept = true;
    try {
      return answerCheckAsSpelled(q, ctx);
    } finally {
      spellings.kept = false;
    }
  }
  return answerCheckAsSpelled(q, ctx);
}

function answerCheckAsSpelled(q: CheckQuestion, ctx: QuestionContext): CheckReport {
  // the fields set one by one, in the order the Report has always had: spreading a base object with
  // optional fields was a twentieth of a check's time
  const report = (status: CheckStatus, message: string, steps: CheckStep[], failingStep: number | null = null): CheckReport => {
    const out = { line: q.line, range: q.range, equation: q.text } as CheckReport;
    if (q.links > 1) out.link = q.link;
    if (q.tag) out.tag = q.tag;
    out.status = status;
    out.message = message;
    out.steps = steps;
    out.failingStep = failingStep;
    return out;
  };
  // an identity in free variables (tanh'(z) = 1 − tanh(z)^2): judged at random values of them, no network value read
  if (q.identity) return related(answerIdentity({ ...q, identity: q.identity }, ctx, report), q.relation);
  // δ_{T+1} = 0: a backward recursion's terminal condition, true by convention (terminal.ts); a solution's premise
  const terminal = terminalCondition(q, ctx.run);
  if (terminal) {
    const stated = report('holds', terminal, []);
    stated.premise = true;
    return stated;
  }
  // a step the network does not have (x_{t-1} in Σ_t): it fails as written, with the step that mends it (undefinedStep.ts)
  if (q.undefinedStep) {
    const other = ctx.drawCount > 0 ? confirmDraws(ctx) : null;
    const u = q.undefinedStep;
    // the reference's own move, asked once (sumBound.ts may ask it first)
    let own: string | null | undefined;
    const refHint = () => (own === undefined ? (own = undefinedStepHint({ ...q, undefinedStep: u }, ctx.run, other)) : own);
    // a Σ's bound one step outside the steps it reads (Σ_{t=0}^{T} ŷ_t) is named as the bound (sumBound.ts)
    const bound = sumBoundMessage(q, u, ctx.run, other, refHint);
    const hint = bound === null ? (refHint() ?? definedStepsHint(q, ctx.run, other)) : null;
    const out = report('fails', `fails: ${bound ?? `${u.message}${hint ? `. ${hint}` : ''}`}`, []);
    out.culprit = q.undefinedStep.range;
    return out;
  }
  // a bound (‖∂h_3/∂h_1‖ ≤ ‖W_hh‖^2): the relation judged at the file's values and the draws (bound.ts)
  if (q.relation) {
    // what a bound true at the file's values only leans on, named as an equality's culprits are (their draw, the bound false)
    const leans = (points: Point[], seed: number, broken: (run: Run) => boolean): string | null => {
      const { nice, given } = culprits(q.lhs, q.rhs, points, seed, ctx, broken);
      return nice.length
        ? `it leans on ${givenValues(nice.join(', '), nice.length, given)}: vary ${nice.length === 1 ? 'it' : 'them'} and`
        : null;
    };
    return related(answerBound({ ...q, relation: q.relation }, ctx, report, leans), q.relation);
  }
  // a value written after ≈: judged to its digits at the file's values (rounded.ts)
  if (q.approx) {
    const v = judgeRounded({ ...q, approx: q.approx }, ctx.run);
    return report(v.status, v.message, v.steps, v.failingStep);
  }
  // a value the network gives, stated as given (a solution's `where h_0 = 0`): said so, not "leans on h_0"
  const stated = statedGiven(q, ctx.run);
  if (stated) {
    const given = report(
      'holds-at-given-values',
      `states a value the network gives (${stated}): true by its definition, for these values only`,
      [],
    );
    given.premise = true;
    return given;
  }
  const points = checkPoints(q);
  const claim: Claim = {
    lhs: q.lhs,
    rhs: q.rhs,
    points,
    freeT: q.freeT,
    text: q.text,
    before: q.before,
    previous: q.previous,
    lengthN: q.lengthN,
  };
  const range = rangeText(q, points);
  let sides: Sides[];
  try {
    sides = evaluateSides(points, q.lhs, q.rhs, ctx.run);
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    return report('fails', `cannot evaluate: ${e.message}`, []);
  }
  // a derivative that is 0 because its numerator does not depend on its denominator: said at it (§6)
  independentHints([q.lhs, q.rhs], points, ctx);
  const steps = stepsOf(sides, q.free);
  const bad = sides.find((s) => !close(s.l.data, s.r.data)) ?? null;
  // the one-step re-reading, made only for a check that fails as written (most hold)
  let reread: { rr: ReturnType<typeof rereadOneStep>; claim: Claim | null } | null = null;
  const rereadOf = () => {
    if (!reread) {
      const rr = rereadOneStep(q.lhs, q.rhs, ctx.model);
      reread = { rr, claim: rr ? { ...claim, lhs: rr.lhs, rhs: rr.rhs } : null };
    }
    return reread;
  };

  /**
   * the one-step reading, when the check fails as written (at the file's values or at a draw). `holdsOnly`:
   * the caller takes nothing but a one-step reading that holds at every draw (the check passed at the file's
   * values), so one that misses a draw returns null before its message — what it leans on, a culprit run
   * per varied name — is written (issue 11)
   */
  const oneStep = (asWritten: string, holdsOnly = false): CheckReport | null => {
    const { rr, claim: rrClaim } = rereadOf();
    if (!rrClaim) return null;
    let rs: Sides[] | null;
    try {
      rs = sidesIfClose(points, rrClaim.lhs, rrClaim.rhs, ctx.run);
    } catch (e) {
      if (e instanceof RunError) return null;
      throw e;
    }
    if (!rs) return null;
    // the draws judged first when only a reading that holds at them is taken (else after its text, as ever)
    const drawn = holdsOnly ? judgeDraws(rrClaim.lhs, rrClaim.rhs, points, ctx) : null;
    if (drawn && (drawn.miss || (drawn.judged === 0 && ctx.drawCount > 0))) return null;
    let draw: Run | null = null;
    try {
      if (ctx.drawCount > 0) draw = ctx.draws.run(1);
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
    }
    const { names, adds } = rereadText(rr!, ctx.run, points, draw);
    const what = `${names} read as one-step derivative${names.includes(' and ') ? 's' : ''} (the step's own paths, every node of another step held fixed, as many sheets write ∂)`;
    const totals = adds.length
      ? `As total derivatives it ${asWritten}: the total derivative also counts the paths through other steps (${adds.join(', ')})`
      : `As total derivatives it ${asWritten}`;
    const v = drawn ?? judgeDraws(rrClaim.lhs, rrClaim.rhs, points, ctx);
    const skipped = skippedText(v);
    if (v.miss) {
      return report(
        'holds-at-given-values',
        `holds only for these values, and only with ${what}: then ${leansText(rrClaim, v.miss, ctx)}. ${totals}`,
        stepsOf(rs, q.free),
      );
    }
    if (v.judged === 0 && ctx.drawCount > 0) {
      return report(
        'holds-at-given-values',
        `holds at the file's values only with ${what}, and ${skipped}, so it is not known to hold for other values. ${totals}`,
        stepsOf(rs, q.free),
      );
    }
    return report(
      'holds-as-one-step',
      `holds as a one-step derivative${range}, with ${what}: at the file's values and ${plural(v.judged, 'random draw')}${skipped ? ` (${skipped})` : ''}. ${totals}`,
      stepsOf(rs, q.free),
    );
  };

  /**
   * a check that fails as written and as one-step too, with no other hint: the path its one-step reading
   * leaves out (seed 001's (35) with h_0 ≠ 0 leaves out the path through h_1, L_1's term among it)
   */
  const oneStepPath = (): { text: string; culprit: null } | null => {
    const { rr, claim: rrClaim } = rereadOf();
    if (!rr || !rrClaim) return null;
    const path = pathHint(rrClaim, ctx.run, ctx.drawCount > 0 ? confirmDraws(ctx) : null);
    if (!path) return null;
    const { names } = rereadText(rr, ctx.run, points, null);
    const many = names.includes(' and ');
    return {
      text: `With ${names} read as one-step derivative${many ? 's' : ''} it still fails: ${midSentence(path)}`,
      culprit: null,
    };
  };

  if (bad) {
    const asWritten = failText(bad, q, ctx.run);
    const os = oneStep(asWritten);
    if (os) return os;
    let message = asWritten;
    const ratio = ratioHint(claim, ctx.model, ctx.run);
    const found = ratio
      ? { text: ratio, culprit: null }
      : (failureHint(claim, rereadOf().claim, bad, ctx.run, confirmDraws(ctx), {
          count: ctx.drawCount,
          run: (seed) => ctx.draws.run(seed),
        }) ??
        oneStepPath() ??
        // a term the general step has and one end of the range lacks: where it holds, and what differs (boundaryStep.ts)
        plain(boundaryStepHint(claim, sides, ctx.run, ctx.drawCount > 0 ? confirmDraws(ctx) : null)));
    // last: targets given no values whose sample values are not one-hot (Goodfellow's ŷ − y)
    const oneHot = found ? null : oneHotTargetHint(claim, ctx);
    const hint = found ?? (oneHot ? { text: oneHot, culprit: null } : null);
    if (hint) message += `. ${hint.text}`;
    // a mistake of an earlier failing check copied forward (a later link simplified from a wrong one, a wrong form
    // written again): said as a grader says it, "as in (1)", after the diagnosis of its own
    const failed = (ctx.failed ??= []);
    const confirmAt = confirmDraws(ctx);
    const previous = fromPreviousLink(claim, q, failed, ctx.run, confirmAt);
    // with a copied form mended, what else is wrong: the cascade asked of the mended side (first such copy only)
    const explain = (rhs: Expr): string | null => {
      const mended = { ...claim, rhs };
      const at = guard(() => evaluateSides(points, mended.lhs, mended.rhs, ctx.run).find((s) => !close(s.l.data, s.r.data)));
      if (!at) return null;
      return failureHint(mended, null, at, ctx.run, confirmAt, { count: ctx.drawCount, run: (seed) => ctx.draws.run(seed) })?.text ?? null;
    };
    const carried = previous ? { text: previous, culprit: null } : carriedHint(claim, q, failed, ctx.run, confirmAt, explain);
    if (carried) message += `. ${carried.text}`;
    const out = report('fails', message, steps, bad.t);
    const culprit = hint?.culprit ?? carried?.culprit;
    if (culprit) out.culprit = culprit;
    failed.push({ q, failing: new Set(steps.flatMap((s) => (!s.ok && s.t !== null ? [s.t] : []))) });
    return out;
  }
  // the file's values pass, but a derivative may pass only by the tolerance's absolute floor (a vanishing gradient):
  // the verdict stays the contract's, and its message says so
  const tiny = hasDeriv(q.lhs) || hasDeriv(q.rhs) ? sides.find((s) => tooSmallToJudge(s.l.data, s.r.data)) : undefined;
  // the file's values pass: try the draws
  const v = judgeDraws(q.lhs, q.rhs, points, ctx);
  const skipped = skippedText(v);
  if (v.miss) {
    const os = oneStep(
      `fails at random draw ${v.miss.seed}${v.miss.s.label} (left ${valueText(toValue(v.miss.s.l))}, right ${valueText(toValue(v.miss.s.r))})`,
      shortcuts.on,
    );
    if (os?.status === 'holds-as-one-step') return os;
    return report(
      'holds-at-given-values',
      `holds only for these values${computedText(claim, v.miss, ctx) ?? `: ${leansText(claim, v.miss, ctx)}`}${skipped ? `; ${skipped}` : ''}`,
      steps,
    );
  }
  if (v.judged === 0 && ctx.drawCount > 0) {
    // a check judged at no draw is not known to hold (issue 9: no false "holds")
    return report(
      'holds-at-given-values',
      `holds${range} at the file's values, but none of the ${plural(ctx.drawCount, 'random draw')} could be evaluated (draw ${v.skipped[0]!.seed}: ${v.skipped[0]!.reason}), so it is not known to hold for other values`,
      steps,
    );
  }
  // a check that writes both d and ∂ holds as written, every derivative total; read as its spellings say (d total, ∂
  // one-step) it may not: dh_t/dw = ∂h_t/∂w is true of totals and the truncated gradient's mistake with ∂ one-step.
  // The verdict stays the contract's (a check that holds as written holds), and its message says so
  const spelled = ctx.model.uprightD === true && writesBoth(q.lhs, q.rhs) ? spellingNote(rereadOf(), points, ctx.run) : '';
  return report(
    'holds',
    `holds${range} at the file's values and ${plural(v.judged, 'random draw')}${skipped ? ` (${skipped})` : ''}${tiny ? tinyNote(tiny) : ''}${spelled}`,
    steps,
  );
}

/** a check's one-step reading of its ∂ (d total), where it fails at the file's values: "; but read as …, it fails …" */
function spellingNote(reread: { rr: Reread | null; claim: Claim | null }, points: Point[], run: Run): string {
  const { rr, claim: rrClaim } = reread;
  if (!rr || !rrClaim) return '';
  const off = guard(() => evaluateSides(points, rrClaim.lhs, rrClaim.rhs, run).find((s) => !close(s.l.data, s.r.data)));
  if (!off) return '';
  const { names, adds } = rereadText(rr, run, points, null);
  const many = names.includes(' and ');
  return `; but read as its spellings say, d the total derivative and ${names} the one-step one${many ? 's' : ''} (as several textbooks write), it fails${off.label}: the left side is ${valueText(toValue(off.l))}, the right side ${valueText(toValue(off.r))}${adds.length ? ` (the total derivative${many ? 's' : ''} also count${many ? '' : 's'} the paths through other steps: ${adds.join(', ')})` : ''}`;
}

function givenText(ctx: QuestionContext, c: string): string {
  const id = ids.parseNodeKey(c);
  if (id.step === null) {
    const d = ctx.model.decls.get(c);
    if (!d?.values) return '';
    const v = d.values[0]!;
    return d.perStep ? '' : `${c} = ${valueText(toValue({ shape: d.shape, data: v }))}`;
  }
  const q = ctx.model.quantities.get(id.name);
  const step = id.step;
  const n = ctx.run.value(q!.name, step);
  if (!n) return '';
  const all0 = n.data.every((x) => x === 0);
  return `${refText(q!.name, { v: null, k: step })} = ${all0 ? '0' : valueText(toValue(n))}`;
}
