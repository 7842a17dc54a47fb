// A failing check's formula with one factor replaced by another of the network's values: x_t written where
// h_{t-1} belongs (Goodfellow's ∇_W L with x_tᵀ), W_i for U_i, U for W, f_t for g_t, a_t for h_t, σ'(…) of
// another gate, or a difference written the wrong way round ((y_t − h_t) for (h_t − y_t)). The swaps the
// cheaper hints know (a step one off, σ ↔ σ', a transpose) are theirs; this one tries any name of the same
// shape. Bounded: the leaves, the candidates per leaf and the evaluations are capped, and it runs last.

import { confirmed, type OtherValues } from './confirm';
import type { Expr, Fn, Idx, Model } from '../../language/model';
import { exprText } from '../../language/print';
import { same } from '../../language/shapes';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Range } from '../../report';
import type { Env, Run } from '../run';
import { midSentence, sentenceStart } from '../format';
import { guard } from './guard';
import type { Claim } from './hints';
import { termsOf } from './localFactor';
import { close, type Point } from './points';
import { atStep } from './textbook';
import { oneStepNames } from './reread';
import { replaceWhere, VALUES } from './replacing';
import { formulaOnRight } from './formulaSide';
import { outputSlopeNote } from './outputSlope';

/** leaves of the formula side tried */
const MAX_LEAVES = 16;
/** names written several times, each tried replaced everywhere at once */
const MAX_GROUPS = 8;
/** replacements tried per leaf */
const MAX_CANDIDATES = 20;
/** edited sides evaluated in all */
const MAX_EVALS = 160;

const ACTIVATION = new Set<Fn>(['sigma', 'tanh', 'dsigma', 'dtanh']);
const PRIME: Partial<Record<Fn, Fn>> = { sigma: 'dsigma', tanh: 'dtanh' };

export interface Edit {
  /** the written nodes replaced (a name written several times is one edit when each is replaced alike) */
  targets: Expr[];
  /** the node put in place of each target */
  by: (x: Expr) => Expr;
  /** what the message says of it: printed only for the edit that is named */
  text: () => string;
}

/** e with each target replaced, through the values it combines */
const replaced = (e: Expr, targets: readonly Expr[], by: (x: Expr) => Expr): Expr =>
  replaceWhere(e, (x) => (targets.includes(x) ? by(x) : null), VALUES);

/**
 * the values of a side that may be a wrong choice: names and activations, outside derivatives and ∏ bodies; the
 * factors first, then what stands inside a function's argument (the x_t of σ'(…) x_t before the x_t in σ'(…)),
 * then the loss's gradients by a quantity (∂L/∂h_t where ∂L/∂c_t belongs)
 */
function leaves(e: Expr): Expr[] {
  const outer: Expr[] = [];
  const inner: Expr[] = [];
  // last: the leaves tried before them keep their turn within the caps
  const adjoints: Expr[] = [];
  const go = (x: Expr, inArg: boolean): void => {
    if (x.k === 'ref' || (x.k === 'call' && ACTIVATION.has(x.fn))) (inArg ? inner : outer).push(x);
    else if (lossAdjoint(x)) adjoints.push(x);
    if (x.k === 'ref' || x.k === 'deriv' || x.k === 'prod') return;
    forChildren(x, (c) => go(c, inArg || x.k === 'call'), VALUE_CHILDREN);
  };
  go(e, false);
  return [...outer, ...inner, ...adjoints];
}

const timedName = (model: Model, name: string) => !!(model.quantities.get(name)?.timed || model.decls.get(name)?.perStep);

/** a plain step index (t, t−1, 3), the only kind a candidate is placed at */
const plainIdx = (i: Idx | null): i is Idx => !!i && !i.terms?.length;

/**
 * ∂L/∂X_s, the loss's gradient by a quantity at a step: a backward formula's adjoint, which may be the wrong one
 * (Graves's δ_ι^t with ε_c^t = ∂L/∂b_c^t where ε_s^t = ∂L/∂s_c^t belongs)
 */
const lossAdjoint = (x: Expr): x is Expr & { k: 'deriv' } =>
  x.k === 'deriv' && x.total && !x.oneStep && x.of.k === 'ref' && x.of.idx === null && plainIdx(x.wrt.idx);

/** the steps a side is written at, first seen first: where a timed candidate for an untimed leaf is placed */
function stepsOf(e: Expr, out: Idx[] = []): Idx[] {
  if (e.k === 'ref' && plainIdx(e.idx) && !out.some((o) => o.v === e.idx!.v && o.k === e.idx!.k)) out.push(e.idx);
  if (e.k !== 'deriv' && e.k !== 'prod') forChildren(e, (c) => stepsOf(c, out), VALUE_CHILDREN);
  return out;
}

/** the activations of the network's timed equations, and their slopes, written at step t */
function activations(model: Model): Expr[] {
  const out: Expr[] = [];
  const go = (x: Expr): void => {
    if (x.k === 'call' && PRIME[x.fn]) out.push(x, { ...x, fn: PRIME[x.fn]! });
    forChildren(x, go, VALUE_CHILDREN);
  };
  for (const q of model.quantities.values()) if (q.timed && q.general) go(q.general);
  return out;
}

/** the network's values of x's shape that could stand where x is written: other names, then other activations */
function candidates(x: Expr, steps: Idx[], model: Model, acts: Expr[]): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<string>([exprText(x)]);
  const push = (c: Expr | null) => {
    if (!c || out.length >= MAX_CANDIDATES || !same(c.shape, x.shape)) return;
    const text = exprText(c);
    if (seen.has(text)) return;
    seen.add(text);
    out.push(c);
  };
  if (x.k === 'ref') {
    const own = plainIdx(x.idx) ? x.idx : null;
    // a timed leaf: its own step, then the side's other steps (h_{t-1} where x_t belongs in a Σ_t term at t and
    // t − 1), then one off its own; an untimed one: the side's steps
    const at: Idx[] = [];
    for (const i of [...(own ? [own] : []), ...steps.slice(0, 2), ...(own ? [-1, 1].map((d) => ({ ...own, k: own.k + d })) : [])])
      if (!at.some((a) => a.v === i.v && a.k === i.k)) at.push(i);
    // the network's own values first, then the data, then the weights; a name of x's own kind (timed or not) first
    const names = [...model.quantities.values()].filter((q) => q.timed).map((q) => ({ name: q.name, shape: q.shape, timed: true }));
    for (const d of model.decls.values()) names.push({ name: d.name, shape: d.shape, timed: d.perStep });
    const xTimed = timedName(model, x.name);
    names.sort((a, b) => Number(b.timed === xTimed) - Number(a.timed === xTimed));
    // every name at the leaf's own step before any one step off; a weight at no step, in its kind's place
    const fits = names.filter((n) => n.name !== x.name && same(n.shape, x.shape));
    const untimed = (n: { name: string }) => push({ k: 'ref', name: n.name, idx: null, shape: x.shape, range: x.range });
    if (!xTimed) fits.filter((n) => !n.timed).forEach(untimed);
    for (const i of at) {
      for (const n of fits) if (n.timed) push({ k: 'ref', name: n.name, idx: i, shape: x.shape, range: x.range });
      // after the names at its own step, the activation left off it: c_t where tanh(c_t) belongs (a_t for h_t is
      // said by h's name)
      if (own && i === at[0]) for (const a of acts) if (a.k === 'call' && a.arg.k === 'ref' && a.arg.name === x.name) push(atStep(a, own));
    }
    if (xTimed) fits.filter((n) => !n.timed).forEach(untimed);
    return out;
  }
  // an adjoint: the loss's gradient by another quantity of the network at the same step (its step moved is
  // shiftHint's), of the same shape
  if (lossAdjoint(x)) {
    for (const q of model.quantities.values())
      if (q.timed && q.name !== x.wrt.name && !x.of.shape.length && same(q.shape, x.shape)) push({ ...x, wrt: { ...x.wrt, name: q.name } });
    return out;
  }
  // an activation: the network's others at the steps x is written at (σ'(z_f) where σ'(z_i) belongs)
  for (const s of stepsOf(x).slice(0, 1)) for (const a of acts) push(atStep(a, s));
  return out;
}

const isChain = (x: Expr) => x.k === 'add' || x.k === 'sub' || x.k === 'neg';

/**
 * a difference written the wrong way round, a sum where a difference belongs (1 + h_t² for 1 − h_t²), a term
 * with the wrong sign, or with a factor 2 (a square's) left out or put in
 */
function signEdits(side: Expr): Edit[] {
  const out: Edit[] = [];
  const terms = termsOf(side);
  const top = new Set<Expr>();
  // the side's own chain of + and −: flipping one of those is a term's sign, said as such
  const chain = (x: Expr): void => {
    if (x.k === 'add' || x.k === 'sub') {
      top.add(x);
      chain(x.a);
      chain(x.b);
    } else if (x.k === 'neg') chain(x.a);
  };
  chain(side);
  const inner: Expr[] = [];
  const go = (x: Expr): void => {
    // a difference of two single terms, (y_t − h_t), even as a term of the side (its brackets are not kept); a
    // sum only inside a factor (1 + h_t²): the side's own + is a term's sign
    if (x.k === 'sub' && x !== side && !isChain(x.a)) inner.push(x);
    if (x.k === 'add' && !top.has(x)) inner.push(x);
    if (x.k !== 'deriv' && x.k !== 'prod') forChildren(x, go, VALUE_CHILDREN);
  };
  go(side);
  // a difference of two values (s_t − h_{t-1} for h_{t-1} − s_t) before one from a number (a gate's 1 − u_t, a slope's
  // 1 − h²): where flipping either makes the check hold, as in u_t(1 − u_t) w (s_t − h_{t-1}), the order of the
  // two values is the slip, a complement written backwards hardly ever
  const fromNumber = (x: Expr) => x.k === 'sub' && x.a.k === 'num';
  inner.sort((a, b) => Number(fromNumber(a)) - Number(fromNumber(b)));
  const flips = (which: (x: Expr) => boolean) => {
    for (const s of inner) {
      if ((s.k !== 'sub' && s.k !== 'add') || !which(s)) continue;
      const flip: Expr = s.k === 'sub' ? { ...s, a: s.b, b: s.a } : { ...s, k: 'sub' };
      out.push({ targets: [s], by: () => flip, text: () => `(${exprText(s)}) should be (${exprText(flip)})` });
    }
  };
  flips((x) => !fromNumber(x));
  // a term's sign before a difference from a number inside it: (1 − h_t²) w ∂h_{t-1}/∂w subtracted where it is added
  // is a sign slip of the term, not a slope written h_t² − 1 (session 41: "(1 − h_t^2) should be (h_t^2 − 1)")
  if (terms.length > 1)
    for (const t of terms)
      out.push({
        targets: [t.e],
        by: (x) => ({ k: 'neg', a: x, shape: x.shape, range: x.range }),
        text: () => `the term ${exprText(t.e)} has the wrong sign`,
      });
  flips(fromNumber);
  if (terms.length > 1) {
    const scaled =
      (k: number) =>
      (x: Expr): Expr => ({ k: 'mul', a: { k: 'num', value: k, shape: [], range: x.range }, b: x, shape: x.shape, range: x.range });
    for (const t of terms) out.push({ targets: [t.e], by: scaled(2), text: () => `the term ${exprText(t.e)} leaves out a factor 2` });
    for (const t of terms) out.push({ targets: [t.e], by: scaled(0.5), text: () => `the term ${exprText(t.e)} has a factor 2 too many` });
  }
  return out;
}

/**
 * one leaf replaced by each candidate; a leaf written several times alike is replaced everywhere at once too.
 * Made in parts, the candidates only when asked for: a hint found by the first edits (seed 004's h̄ line, at
 * every keystroke) does not pay for the hundreds of candidates of the others
 */
interface Swaps {
  /** a name written several times, moved a step everywhere at once */
  shifts: Edit[];
  /** a name written several times, replaced by another everywhere at once */
  others: () => Edit[];
  /** each written value alone */
  singles: () => Edit[];
  /**
   * two places of a name written three or four times, replaced alike by another name the side writes (h_t for o_t in
   * 2(o_t − y_t) h_t(1 − h_t) h_t): the slip made twice, where "each h_t" and one h_t alone both fail
   */
  twos: () => Edit[];
}

function swapEdits(side: Expr, model: Model): Swaps {
  const all = leaves(side);
  const byText = new Map<string, Expr[]>();
  // each leaf printed once (a σ'(…) prints its whole argument)
  for (const x of all) {
    const text = exprText(x);
    const same = byText.get(text);
    if (same) same.push(x);
    else byText.set(text, [x]);
  }
  const groups = [...byText].filter(([, xs]) => xs.length > 1).slice(0, MAX_GROUPS);
  // every one of a name written several times: the same slip made in each term (seed 004's h^(t+1) in every
  // gate's argument), a step one off among them (one reference moved alone is shiftHint's)
  const shifts: Edit[] = [];
  for (const [text, xs] of groups) {
    const x = xs[0]!;
    if (x.k !== 'ref' || !plainIdx(x.idx)) continue;
    for (const d of [-1, 1]) {
      const c: Expr = { ...x, idx: { ...x.idx, k: x.idx.k + d } };
      shifts.push({ targets: xs, by: () => c, text: () => `each ${text} should be ${exprText(c)}` });
    }
  }
  let context: { acts: Expr[]; steps: Idx[] } | null = null;
  const ctx = () => (context ??= { acts: activations(model), steps: stepsOf(side) });
  const others = () =>
    groups.flatMap(([text, xs]) =>
      candidates(xs[0]!, ctx().steps, model, ctx().acts).map((c): Edit => ({
        targets: xs,
        by: () => c,
        text: () => `each ${text} should be ${exprText(c)}`,
      })),
    );
  // each written value alone, the factors before what stands inside an argument
  const singles = () =>
    all.slice(0, MAX_LEAVES).flatMap((x) => {
      const text = exprText(x);
      const xs = byText.get(text)!;
      // which of a name written several times: "the second W should be V"
      const k = inText(xs).indexOf(x);
      const which = xs.length > 1 ? `the ${ORDINAL[k] ?? `${k + 1}th`} ${text}` : text;
      return candidates(x, ctx().steps, model, ctx().acts).map((c): Edit => ({
        targets: [x],
        by: () => c,
        text: () => `${which} should be ${exprText(c)}`,
      }));
    });
  // candidates only the names the side writes elsewhere, of the leaf's shape: a subset of places times every name of
  // the network would multiply the evaluations (a name of the side: the one meant is most often written beside it)
  const twos = () =>
    groups.flatMap(([text, xs]) => {
      const x = xs[0]!;
      if (x.k !== 'ref' || xs.length < 3 || xs.length > 4) return [];
      const by = [...byText].filter(([t, ys]) => t !== text && ys[0]!.k === 'ref' && same(ys[0]!.shape, x.shape)).map(([, ys]) => ys[0]!);
      const placed = inText(xs);
      return placed.flatMap((a, i) =>
        placed.slice(i + 1).flatMap((b) => {
          const which = `the ${ORDINAL[i]} and the ${ORDINAL[placed.indexOf(b)]} ${text}`;
          return by.map((c): Edit => ({
            targets: [a, b],
            by: () => c,
            text: () => `${which} should be ${exprText(c)} (the same slip twice)`,
          }));
        }),
      );
    });
  return { shifts, others, singles, twos };
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** nodes in the order they are written (the ordinal of "the second W" counts in the text) */
const inText = (xs: Expr[]) => [...xs].sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);

/**
 * One wrong term of a backward formula whose value should be `want` (localFactor.ts knows it): the value of
 * the term that, put in place of one of its own, gives it — "f_t should be g_t". Null when none does.
 */
export function termSwapText(term: Expr, sign: number, want: Float64Array, env: Env, run: Run): string | null {
  let evals = 0;
  const swaps = swapEdits(term, run.model);
  for (const e of [...swaps.shifts, ...swaps.others(), ...swaps.singles()]) {
    if (evals++ >= MAX_EVALS) return null;
    const v = guard(() => run.evaluateShared(replaced(term, e.targets, e.by), env).data);
    if (v && close(sign === 1 ? v : v.map((x) => -x), want)) return e.text();
  }
  return null;
}

/**
 * a constant term of a backward formula where the loss's own step belongs: seed 004's h̄^(t) = 1 + …, whose 1
 * is ∂L^(t)/∂h^(t). The other side is ∂A/∂B (or B̄); the candidates are ∂Q/∂B for each scalar Q whose
 * equation reads B at its own step, other than through the formula's adjoints (a per-step loss L_t)
 */
function termEdits(side: Expr, other: Expr, model: Model): Edit[] {
  const consts = constantTerms(side, other);
  if (other.k !== 'deriv' || !consts.length) return [];
  const wrt = other.wrt;
  const out: Edit[] = [];
  for (const q of model.quantities.values()) {
    if (!q.timed || !q.general || q.shape.length || q.name === wrt.name || !readsAtOwnStep(q.general, wrt.name)) continue;
    const of: Expr = { k: 'ref', name: q.name, idx: wrt.idx, shape: [], range: other.range };
    const d: Expr = { k: 'deriv', total: true, of, wrt, shape: other.shape, range: other.range };
    for (const t of consts) out.push({ targets: [t.e], by: () => d, text: () => `the term ${exprText(t.e)} should be ${exprText(d)}` });
  }
  return out;
}

/** the bare numbers written as terms of a formula side whose other side is a total derivative ∂A/∂B at a step */
function constantTerms(side: Expr, other: Expr): ReturnType<typeof termsOf> {
  if (other.k !== 'deriv' || !other.total || !plainIdx(other.wrt.idx)) return [];
  return termsOf(side).filter((t) => t.e.k === 'num');
}

/** the equation reads name at its own step (h_t in L_t = (y_t − h_t)²) */
export function readsAtOwnStep(e: Expr, name: string): boolean {
  let found = e.k === 'ref' && e.name === name && e.idx?.v === 't' && e.idx.k === 0 && !e.idx.terms?.length;
  if (!found) forChildren(e, (c) => (found ||= readsAtOwnStep(c, name)), VALUE_CHILDREN);
  return found;
}

/** pairs tried: a sign or a name replaced everywhere, with a constant term put right */
const MAX_PAIRS = 40;

export interface SubstituteHint {
  text: string;
  culprit: Range | null;
}

/**
 * substituteHint in two parts, sharing one budget: first() the constant terms of a backward formula put right,
 * alone or with a second slip (seed 004's h̄^(t) = 1 + …, its 1 for ∂L^(t)/∂h^(t)); rest() every other edit,
 * then the one-step re-reading. The cascade asks first() early, where a side writes a bare number as a term
 * beside a total derivative (a structural screen, no evaluation otherwise): the hints between would try their
 * dozens of single edits on a line that two slips explain (issue 11: a third of scalar LSTM's analysis). Each
 * part says what substituteHint said in its place, in the same order.
 */
export interface Substitution {
  first(): SubstituteHint | null;
  rest(): SubstituteHint | null;
}

export function substitution(c: Claim, rr: Claim | null, run: Run, bad: Point, other: OtherValues = null): Substitution {
  // with a one-step reading to try too, the reading as written has half the evaluations
  const spent = { evals: rr ? MAX_EVALS / 2 : 0 };
  let firstDone = false;
  // the reading as written spent its half of the budget in first(): rest() goes on to the one-step reading
  let writtenSpent = false;
  return {
    first() {
      firstDone = true;
      const r = substituteIn(c, run, bad, spent, other, 'constants');
      if (r === null) writtenSpent = true;
      return r || null;
    },
    rest() {
      const written = writtenSpent ? null : substituteIn(c, run, bad, spent, other, firstDone ? 'others' : 'all');
      if (written || !rr) return written || null;
      spent.evals = Math.min(spent.evals, MAX_EVALS) - MAX_EVALS / 2;
      // the one-step re-reading (LANGUAGE.md §5): seed 001's ∂h_t/∂W_xh = σ'(…) h_{t-1}, a one-step derivative with
      // x_t where h_{t-1} is written
      const r = substituteIn(rr, run, bad, spent, other, 'all');
      if (!r) return null;
      const names = oneStepNames(rr);
      if (!names.length) return r;
      const many = names.length > 1 ? 's' : '';
      return {
        ...r,
        text: `Read with ${names.join(' and ')} as one-step derivative${many}, ${midSentence(r.text)}`,
      };
    },
  };
}

/** the check with one value of its formula side replaced holds at every point: the replacement is named */
export function substituteHint(c: Claim, rr: Claim | null, run: Run, bad: Point, other: OtherValues = null): SubstituteHint | null {
  return substitution(c, rr, run, bad, other).rest();
}

/**
 * the formula side writes a bare number as an additive term and the other side is a total derivative ∂A/∂B at a
 * step: what substitution().first() needs to try anything
 */
export function writesConstantTerm(c: Claim): boolean {
  const right = formulaOnRight(c);
  return constantTerms(right ? c.rhs : c.lhs, right ? c.lhs : c.rhs).length > 0;
}

/**
 * substituteHint in one reading: a hint, null when the budget is spent, false when nothing was found. `phases`:
 * the constant terms (alone and in pairs), the others, or all in order
 */
function substituteIn(
  c: Claim,
  run: Run,
  bad: Point,
  spent: { evals: number },
  other: OtherValues,
  phases: 'constants' | 'others' | 'all' = 'all',
): SubstituteHint | null | false {
  const right = formulaOnRight(c);
  const side = right ? c.rhs : c.lhs;
  const points = [bad, ...c.points.filter((p) => p.env !== bad.env)];
  const holds = (e: Edit): boolean | null => {
    if (spent.evals++ >= MAX_EVALS) return null;
    const s = replaced(side, e.targets, e.by);
    const [l, r] = right ? [c.lhs, s] : [s, c.rhs];
    // the failing point first: most replacements fail there, and the other points are not evaluated
    if (guard(() => points.every((p) => close(run.evaluateShared(l, p.env).data, run.evaluateShared(r, p.env).data))) !== true)
      return false;
    // found at these values: named only if it holds at a draw too (confirm.ts)
    return confirmed(other, l, r, points);
  };
  // made when first tried: a hint found among the shifts (seed 004's h̄ line) does not pay for them
  let signList: Edit[] | null = null;
  const signs = () => (signList ??= signEdits(side));
  const swaps = swapEdits(side, run.model);
  const terms = termEdits(side, right ? c.lhs : c.rhs, run.model);
  const one = (e: Edit): SubstituteHint | null | false => {
    const ok = holds(e);
    if (ok === null) return null;
    if (!ok) return false;
    const note = e.targets.length === 1 ? outputSlopeNote(side, e.targets[0]!, e.by(e.targets[0]!), run.model) : null;
    return {
      text: `${sentenceStart(e.text())}: with that the check holds${note ? `. ${note}` : ''}`,
      culprit: e.targets.length === 1 ? e.targets[0]!.range : null,
    };
  };
  // a constant term put right, then with a name replaced everywhere (a step off first) or a sign; then a sign, a
  // name replaced everywhere, each written value alone: the fewest evaluations for the likeliest first
  // (a constant term first: there are few, and a formula with one, seed 004's 1 + …, is often wrong elsewhere too)
  if (phases !== 'others')
    for (const e of terms) {
      const r = one(e);
      if (r !== false) return r;
    }
  // two slips: a name replaced everywhere (or a sign) and a constant term put right (seed 004's h̄ line)
  let pairs = 0;
  const pairWith = (firsts: Edit[]): SubstituteHint | null | false => {
    for (const a of firsts)
      for (const b of terms) {
        if (pairs++ >= MAX_PAIRS || b.targets.some((x) => a.targets.includes(x))) continue;
        const both: Edit = {
          targets: [...a.targets, ...b.targets],
          by: (x) => (a.targets.includes(x) ? a.by(x) : b.by(x)),
          text: () => '',
        };
        const ok = holds(both);
        if (ok === null) return null;
        if (ok) return { text: `Two things differ: ${a.text()}, and ${b.text()}: with both changed the check holds`, culprit: null };
      }
    return false;
  };
  if (terms.length && phases !== 'others')
    for (const firsts of [() => swaps.shifts, signs, swaps.others]) {
      const r = pairWith(firsts());
      if (r !== false) return r;
    }
  if (phases === 'constants') return false;
  for (const part of [signs, () => swaps.shifts, swaps.others, swaps.singles, swaps.twos])
    for (const e of part()) {
      const r = one(e);
      if (r !== false) return r;
    }
  return false;
}
