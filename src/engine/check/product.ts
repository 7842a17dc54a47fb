// A failing ∂X_s/∂X_r = ∏_{j=r+1}^{s} E_j — the chain rule through the steps, with each step's Jacobian
// written out by hand (seed 000's (14): ∂h_T/∂h_0 = ∏_j ((1 − u_j)·w + u_j)). The product itself is right
// when each factor is ∂X_j/∂X_{j−1}; the mistake is in the factor, so the factor is judged on its own, as the
// check ∂X_t/∂X_{t−1} = E_t, by the same hints a one-step check gets (the path through u_t left out).

import { idxValue } from '../../language/idx';
import type { Expr, Idx } from '../../language/model';
import { exprText } from '../../language/print';
import { mapIndicesOf } from '../../language/resolve';
import { mentionedVars } from '../../language/resolve/walk';
import { fmt, midSentence, valueText } from '../format';
import type { Run } from '../run';
import { matmul, toValue, transposeData } from '../tensor';
import { guard } from './guard';
import type { Claim } from './hints';
import { close, type Point, type Sides } from './points';

type Deriv = Expr & { k: 'deriv' };
type Prod = Expr & { k: 'prod' };

/** steps of the ∏ judged at most: its factors are compared one by one at the failing point */
const MAX_FACTORS = 64;

/** ∂X_s/∂X_r against a lone ∏ whose variable is a plain step (j, not j + t) */
function shape(c: Claim): { d: Deriv; p: Prod } | null {
  for (const [d, p] of [
    [c.lhs, c.rhs],
    [c.rhs, c.lhs],
  ] as const)
    if (d.k === 'deriv' && d.total && !d.oneStep && d.of.k === 'ref' && d.of.name === d.wrt.name && p.k === 'prod')
      return { d, p: p as Prod };
  return null;
}

/** ∂X_s/∂X_r written against a lone ∏ (structural: what productHint reads before it evaluates anything) */
export const isProductShaped = (c: Claim): boolean => shape(c) !== null;

const step = (v: string, k: number): Idx => ({ v, k });

/** the ∏'s body with its variable read as t: the factor as a one-step check writes it */
const asT = (body: Expr, v: string) => mapIndicesOf(body, v, (i) => (i.v === v && !i.terms?.length ? { ...i, v: 't' } : i));

export function productHint(c: Claim, run: Run, bad: Point, inner: (sub: Claim, bad: Sides) => { text: string } | null): string | null {
  const found = shape(c);
  if (!found) return null;
  const { d, p } = found;
  const ofRef = d.of as Expr & { k: 'ref' };
  const v = p.v;
  // the body must not read the check's own t (renamed into it) nor a step of the body's own written twice
  if (v === 't' || mentionedVars(p.body).has('t')) return null;
  const from = idxValue(p.from, bad.env);
  const to = idxValue(p.to, bad.env);
  if (from === undefined || to === undefined || to < from || to - from >= MAX_FACTORS) return null;
  const name = ofRef.name;
  const of: Expr = { ...ofRef, idx: step('t', 0) };
  const want: Deriv = { ...d, of, wrt: { ...d.wrt, idx: step('t', -1) } };
  const body = asT(p.body, v);
  return guard(() => {
    // the product of the true factors must be the left side (X reaches X_s from X_r through each X_j alone)
    let first: Sides | null = null;
    for (let j = from; j <= to; j++) {
      const env = { t: j };
      const l = run.evaluateShared(want, env);
      const r = run.evaluateShared(body, env);
      // the point and its sides in one literal (a spread with fields added is made in V8's runtime, derivAs.ts)
      if (!first && !close(l.data, r.data)) first = { t: j, env, label: ` at t = ${j}`, l, r };
    }
    if (!first) return null;
    if (!chainHolds(d, want, from, to, bad, run)) return null;
    // every factor the transpose of its step's Jacobian: the denominator layout (Pascanu et al.'s ∏ W_recᵀ diag(…))
    const flipped = first.l.shape.length === 2 && transposedEach(want, body, from, to, run);
    // judged at the first wrong factor's step alone: its explanation is what is said (the cost of a ∏ line,
    // analysed at every keystroke, is the inner hints' at one point, not at every factor)
    const sub: Claim = { lhs: want, rhs: body, points: [first], freeT: true };
    const why = inner(sub, first);
    const lv = toValue(first.l);
    const rv = toValue(first.r);
    const values =
      typeof lv === 'number' && typeof rv === 'number'
        ? `${fmt(rv, 6)} where ∂${name}_${first.t}/∂${name}_${first.t! - 1} is ${fmt(lv, 6)}`
        : `${valueText(rv)} where ∂${name}_${first.t}/∂${name}_${first.t! - 1} is ${valueText(lv)}`;
    const jac = `∂${exprText({ ...ofRef, idx: step(v, 0) })}/∂${exprText({ ...ofRef, idx: step(v, -1) })}`;
    if (flipped)
      return `The ∏'s factor ${exprText(p.body)} is (${jac})ᵀ at every ${v}: the denominator layout (Pascanu et al. write it so). ${exprText(d)} has rows over ${exprText(d.of)}'s entries (numerator layout), so each factor is ${transposedText(p.body)} and the later step stands on the left`;
    const head = `The ∏'s factor ${exprText(p.body)} should be ${jac}; at ${v} = ${first.t} it is ${values}`;
    return why ? `${head}. As the check ${exprText(want)} = ${exprText(body)}: ${midSentence(why.text)}` : head;
  });
}

/**
 * ∏_{j} ∂X_j/∂X_{j−1} over the ∏'s range is the written derivative at the failing point (within 1e-6): numbers,
 * or square Jacobians multiplied with the later step on the left (the chain rule's order, LANGUAGE.md §4)
 */
function chainHolds(d: Deriv, factor: Deriv, from: number, to: number, bad: Point, run: Run): boolean {
  let acc: Float64Array | null = null;
  let n = 0;
  for (let j = to; j >= from; j--) {
    const J = run.evaluateShared(factor, { t: j });
    const square = J.shape.length === 2 && J.shape[0] === J.shape[1];
    if (J.data.length !== 1 && !square) return false;
    acc = acc ? times(acc, J.data) : Float64Array.from(J.data);
    n++;
  }
  if (!acc || !n) return false;
  return close(acc, run.evaluateShared(d, bad.env).data);
}

/** a · b for two square matrices of the same size given row by row (numbers: 1×1), by the engine's own kernel */
function times(a: Float64Array, b: Float64Array): Float64Array {
  const m = Math.round(Math.sqrt(a.length));
  const out = new Float64Array(a.length);
  matmul(a, b, m, m, m, out);
  return out;
}

/** the written factor is the transpose of the step's Jacobian at every step of the ∏ (and not the Jacobian itself) */
function transposedEach(want: Deriv, body: Expr, from: number, to: number, run: Run): boolean {
  for (let j = from; j <= to; j++) {
    const l = run.evaluateShared(want, { t: j });
    const r = run.evaluateShared(body, { t: j });
    if (l.shape.length !== 2 || r.shape.length !== 2 || l.shape[0] !== r.shape[1] || l.shape[1] !== r.shape[0]) return false;
    const [m, n] = [l.shape[0]!, l.shape[1]!];
    if (!close(transposeData(l.data, m, n), r.data) || close(l.data, r.data)) return false;
  }
  return true;
}

/** the transpose of a written product, as a sheet writes it: (A B)ᵀ = Bᵀ Aᵀ, diag(v)ᵀ = diag(v), (Aᵀ)ᵀ = A */
export function transposedText(e: Expr): string {
  if (e.k === 'matmul' || e.k === 'mul' || e.k === 'contract') return `${transposedText(e.b)} ${transposedText(e.a)}`;
  if (e.k === 'transpose') return exprText(e.a);
  if (e.k === 'call' && e.fn === 'diag') return exprText(e);
  if (e.k === 'ref') return `${exprText(e)}ᵀ`;
  return `(${exprText(e)})ᵀ`;
}
