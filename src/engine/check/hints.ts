// What a failing check's message says about why: a derivative that is silently 0, the immediate
// partial where the total was meant, a left-out path or part of the gradient, a wrong factor.

import { derivOf, sided, type Sided } from './derivSide';
import { printerFor } from './writtenT';
import { Memo } from '../memo';
import type { Expr, Idx } from '../../language/model';
import { plainLetter } from '../../language/idx';
import { exprText, refText } from '../../language/print';
import { forChildren, mapChildren, VALUE_CHILDREN } from '../../language/resolve';
import { andList, fmt, valueText } from '../format';
import { nodeLabel, readsNode } from '../paths';
import { termHint, type TermHint } from './termMatch';
import { RunError, stepOf, type Env, type Run } from '../run';
import { bindAll } from '../subst';
import { LimitError, type TNode } from '../tape';
import { toValue, type Tensor } from '../tensor';
import { bindings } from './bindings';
import { guard } from './guard';
import { literalOps, type Given, type Probe } from '../values';
import { close, type Point } from './points';
import { shortcuts } from './shortcuts';
import { atDraws, confirmed, type OtherValues } from './confirm';
import { callsAny, renamedCalls } from './renamed';
import { derivAs } from './derivAs';
import { zeroMeantReading } from './zeroMeant';
import { withVar } from '../env';

type Deriv = Expr & { k: 'deriv' };

export interface Claim {
  lhs: Expr;
  rhs: Expr;
  points: Point[];
  freeT: boolean;
  /** the check's source text, when it has one: a hint prints a step as written there (writtenT.ts) */
  text?: string;
  /** a chain's latest side of names before this link's right side (CheckQuestion.before) */
  before?: Expr;
  /** the side just before this link's right side, written in numbers alone (CheckQuestion.previous) */
  previous?: Expr;
  /** CheckQuestion.lengthN: the file's last step is N, so a free n is no length */
  lengthN?: true;
}

const namesOf = new Memo<Run, Map<number, { name: string; t: number | null }>>();

/** graph node id → its name and step (made once per run: the hints ask at every point and candidate) */
function names(run: Run): Map<number, { name: string; t: number | null }> {
  let out = namesOf.get(run);
  if (out) return out;
  out = new Map<number, { name: string; t: number | null }>();
  for (const q of run.quantityNodes()) out.set(q.node.id, { name: q.name, t: q.t });
  namesOf.set(run, out);
  return out;
}

/** a node's name written relative to the free step (z_t, h_{t-1}) when the check has one; v names that step */
function relLabel(n: { name: string; t: number | null }, t: number | null, v = 't'): string {
  if (n.t === null) return refText(n.name, null);
  return t === null ? refText(n.name, { v: null, k: n.t }) : refText(n.name, { v, k: n.t - t });
}

/**
 * The quantities of A's own equation through which B reaches A other than directly: for ∂h_t/∂h_{t-1}
 * of a GRU, z_t and g_t.
 */
export function through(run: Run, A: TNode, B: TNode, t: number | null, v = 't'): string[] {
  const byId = names(run);
  const out: string[] = [];
  for (const id of run.immediate(A).keys()) {
    const c = byId.get(id);
    if (!c || id === B.id || id < B.id) continue;
    const reach = run.derivativeShared(
      { k: 'ref', name: c.name, idx: c.t === null ? null : { v: null, k: c.t }, shape: [], range: ZERO },
      { name: refName(run, B), idx: refIdx(run, B) },
      {},
      true,
    ).reached;
    if (reach) out.push(relLabel(c, t, v));
  }
  return out;
}

const ZERO = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function refName(run: Run, B: TNode): string {
  const q = names(run).get(B.id);
  if (q) return q.name;
  for (const [name, d] of run.model.decls) {
    if (!d.perStep && run.node(name, null) === B) return name;
    if (d.perStep) for (let s = 1; s <= run.model.T; s++) if (run.node(name, s) === B) return name;
  }
  return '?';
}

function refIdx(run: Run, B: TNode): { v: null; k: number } | null {
  const q = names(run).get(B.id);
  if (q) return q.t === null ? null : { v: null, k: q.t };
  for (const [name, d] of run.model.decls)
    if (d.perStep) for (let s = 1; s <= run.model.T; s++) if (run.node(name, s) === B) return { v: null, k: s };
  return null;
}

type Binder = Expr & { k: 'sum' | 'prod' };

/**
 * every derivative of an expression, with the Σ/∏ it stands under (innermost last), except in an entry v[…]
 * (not looked into) or an exponent
 */
function derivsOf(e: Expr, binders: Binder[] = [], out: { d: Deriv; binders: Binder[] }[] = []): { d: Deriv; binders: Binder[] }[] {
  if (e.k === 'deriv') out.push({ d: e, binders });
  else if (e.k === 'sum' || e.k === 'prod') derivsOf(e.body, [...binders, e], out);
  else if (e.k !== 'index') forChildren(e, (c) => derivsOf(c, binders, out), VALUE_CHILDREN);
  return out;
}

/** at most this many bindings of a derivative's Σ/∏ variables are tried: past it the hint says nothing */
const MAX_BINDINGS = 256;

/**
 * A derivative in the check that is 0 because no path (or, for ∂⁺, no direct appearance) joins its two
 * ends: the same hint a derive line gets, naming how B does reach A when it does (issue 9: a silently
 * zero ∂⁺h_t/∂b, b reaching h_t through a named pre-activation).
 */
export function zeroHint(c: Claim, p: Point, run: Run, values: OtherValues = null): string | null {
  for (const { d, binders } of [...derivsOf(c.lhs), ...derivsOf(c.rhs)]) {
    const hint = guard(() => {
      // under a Σ/∏ (Pascanu's Σ_k … ∂⁺h_k/∂W), 0 only when it is 0 at every value of the bound variables
      const { envs, complete } = bindings(binders, p.env, MAX_BINDINGS);
      if (!complete || !envs.length) return null;
      for (const env of envs) if (run.derivativeShared(d.of, d.wrt, env, d.total, d.oneStep).reached) return null;
      // a general step's derivative that is 0 at the failing step only (∂h_{t-2}/∂w at t = 2 is ∂h_0/∂w) is no mistake of the
      // formula, which reads it at every step: its end of the range said "h_0 does not depend on w" where the step written
      // is what is wrong (session 41). Said only when it is 0 at the check's other points too
      for (const q of c.points) {
        if (q === p) continue;
        const at = bindings(binders, q.env, MAX_BINDINGS);
        if (!at.complete) return null;
        for (const env of at.envs) if (run.derivativeShared(d.of, d.wrt, env, d.total, d.oneStep).reached) return null;
      }
      // written with its bound variables as they are (∂⁺h_k/∂W), the check's own free ones given their values
      const outer = { ...p.env };
      for (const b of binders) delete outer[b.v];
      const bound = bindAll(d, outer) as Deriv;
      const of = exprText(bound.of);
      const wrt = refText(bound.wrt.name, bound.wrt.idx);
      if (!d.total) {
        const env = envs[0]!;
        const A = d.of.k === 'ref' ? run.node(d.of.name, stepOf(d.of.idx, env)) : undefined;
        const B = run.node(d.wrt.name, stepOf(d.wrt.idx, env));
        // A's step named as it is written: the free t, or the Σ's own variable
        const ofStep = d.of.k === 'ref' ? (d.of.idx?.v ?? null) : null;
        const v = ofStep !== null && binders.some((b) => b.v === ofStep) ? ofStep : null;
        const via = !A || !B ? [] : v ? through(run, A, B, env[v]!, v) : through(run, A, B, p.t);
        const how = via.length
          ? `; it reaches ${d.of.k === 'ref' ? exprText(d.of) : of} through ${andList(via)}, so the derivative meant is ∂${exprText(d.of)}/∂${refText(d.wrt.name, d.wrt.idx)}${zeroMeantReading(c, d, run, values) ?? ''}`
          : '';
        return `${exprText(bound)} is 0: ${wrt} does not appear directly in ${of}'s own equation (∂⁺ counts only its direct appearance)${how}`;
      }
      return `${exprText(bound)} is 0: ${of} does not depend on ${wrt}${d.oneStep ? ' within its own step' : ''}`;
    });
    if (hint) return hint;
  }
  return null;
}

/** a failing ∂A/∂B whose other side is ∂⁺A/∂B (or the reverse): say so, and what the total adds */
export function partialHint(c: Claim, run: Run, values: OtherValues = null): string | null {
  for (const [d, other] of [
    [c.lhs, c.rhs],
    [c.rhs, c.lhs],
  ] as const) {
    if (d.k !== 'deriv') continue;
    const alt = derivAs(d, false, !d.total);
    const hint = guard(() => {
      // an immediate partial of a B that does not appear in A's equation is 0: matching a side that is 0 too
      // says nothing about which derivative was meant (∂⁺L/∂W against a sum of zero ∂⁺h_k/∂W)
      const partial = d.total ? alt : d;
      if (c.points.every((p) => !run.derivativeShared(partial.of, partial.wrt, p.env, false).reached)) return null;
      const ok = c.points.every((p) => close(run.evaluateShared(alt, p.env).data, run.evaluateShared(other, p.env).data));
      // named only if the other side is that derivative at a draw too (∂L/∂h_2 h_1 is ∂⁺L/∂h_1 = 1 where h_1 = 1)
      if (!ok || !confirmed(values, alt, other, c.points)) return null;
      const total = exprText(d.total ? derivAs(d, false) : alt);
      const imm = exprText(d.total ? alt : d);
      const wrt = refText(d.wrt.name, d.wrt.idx);
      if (!d.total)
        return `The other side is the total derivative ${total} (every path), not the immediate partial ${imm} (only ${wrt}'s direct appearance)`;
      // what the total adds: the paths through the quantities of A's own equation (the gates), or through earlier steps
      const p = c.points[0]!;
      let adds = 'every path through earlier steps';
      if (d.of.k === 'ref') {
        const A = run.node(d.of.name, stepOf(d.of.idx, p.env));
        const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
        const via = A && B ? through(run, A, B, p.t) : [];
        if (via.length) adds = `the paths through ${andList(via)}`;
      }
      return `The other side is the immediate partial ${imm} (only ${wrt}'s direct appearance in ${exprText(d.of)}'s own equation), not the total derivative ${total}, which also counts ${adds}`;
    });
    if (hint) return hint;
  }
  return null;
}

/**
 * A failing ∂X_s/∂X_r (same quantity, s > r + 1) whose other side is the product of the immediate partials
 * along X alone, ∂⁺X_s/∂X_{s−1}···∂⁺X_{r+1}/∂X_r — the LSTM's ∂c_3/∂c_1 = f_3 f_2, the cell path with h held
 * fixed: say so, and what the other paths add.
 */
export function alongHint(c: Claim, run: Run, values: OtherValues = null): string | null {
  for (const [d, other] of [
    [c.lhs, c.rhs],
    [c.rhs, c.lhs],
  ] as const) {
    if (d.k !== 'deriv' || !d.total || d.oneStep || d.of.k !== 'ref' || d.of.name !== d.wrt.name) continue;
    const name = d.of.name;
    const of = d.of;
    /** at every point of `on`, the other side is the chain along X: its first point's chain, or null */
    const along = (on: Run): { p: Point; chain: Float64Array } | null => {
      let first: { p: Point; chain: Float64Array } | null = null;
      for (const p of c.points) {
        const s = stepOf(of.idx, p.env);
        const r = stepOf(d.wrt.idx, p.env);
        if (s === null || r === null || s <= r + 1) return null;
        const A = on.node(name, s);
        if (!A) return null;
        const n = A.data.length;
        // the chain along X: rows over X_s's entries, columns over X_k's, from k = s down to r
        let chain: Float64Array = Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
        for (let k = s; k > r; k--) {
          const hi = on.node(name, k);
          const lo = on.node(name, k - 1);
          const J = hi && lo ? on.immediate(hi).get(lo.id) : undefined;
          if (!J) return null;
          chain = chainProduct(chain, J, n, n * n);
        }
        if (!close(chain, on.evaluateShared(other, p.env).data)) return null;
        first ??= { p, chain };
      }
      return first;
    };
    const hint = guard(() => {
      const found = along(run);
      if (!found) return null;
      // named only if the other side is the chain along X at a draw too (what cannot be evaluated there refutes nothing)
      if (!atDraws(values, (on) => along(on) !== null)) return null;
      const total = run.derivativeShared(of, d.wrt, found.p.env, true).tensor;
      const adds = total.data.map((x, i) => x - found.chain[i]!);
      const shape = [...total.shape];
      const p = c.points[0]!;
      const s = stepOf(of.idx, p.env)!;
      const r = stepOf(d.wrt.idx, p.env)!;
      const at = (k: number) => (c.freeT && p.t !== null ? refText(name, { v: 't', k: k - p.t }) : refText(name, { v: null, k }));
      const factors: string[] = [];
      for (let k = s; k > r; k--) factors.push(`∂⁺${at(k)}/∂${at(k - 1)}`);
      const value = c.freeT ? '' : ` (they add ${valueText(toValue({ shape, data: adds }))})`;
      return `The other side is ${factors.join('·')}, the path along ${name} alone (every other quantity held fixed at every step), not the total derivative ∂${at(s)}/∂${at(r)}, which also counts the paths that leave ${name} between ${at(r)} and ${at(s)}${value}`;
    });
    if (hint) return hint;
  }
  return null;
}

/** (∂A/∂C as rows over A's entries) × (∂C/∂B as rows over C's entries) → rows over A × B's entries */
export function chainProduct(ac: Float64Array, cb: Float64Array, nB: number, outLen: number): Float64Array {
  const m = outLen / nB;
  const nC = cb.length / nB;
  const out = new Float64Array(outLen);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < nC; k++) {
      const a = ac[i * nC + k]!;
      if (a === 0) continue;
      for (let j = 0; j < nB; j++) out[i * nB + j] += a * cb[k * nB + j]!;
    }
  return out;
}

type Family = { name: string; off: number | null; contrib: Float64Array };
type Hit = { name: string; off: number | null; value: Tensor; also?: { name: string; off: number | null }[] };

/** path families tried together as left out: pairs, then threes, then fours, of at most this many families */
const MAX_FAMILIES = 8;

/** the index sets of size k of 0..n-1, in order */
function choose(n: number, k: number, from = 0, pre: number[] = [], out: number[][] = []): number[][] {
  if (pre.length === k) out.push(pre);
  else for (let i = from; i < n; i++) choose(n, k, i + 1, [...pre, i], out);
  return out;
}

/** part = the sum of the contributions of `set`, rest = total − part, entry by entry (the same sums in the same order) */
function subsetSum(
  set: readonly number[],
  contribs: Float64Array[],
  total: ArrayLike<number>,
  part: Float64Array,
  rest: Float64Array,
): void {
  for (let j = 0; j < part.length; j++) {
    let acc = 0;
    for (const i of set) acc += contribs[i]![j]!;
    part[j] = acc;
    rest[j] = total[j]! - acc;
  }
}

/** the smallest sets of 2–4 path families whose parts make up the difference between the total and the other side */
function leftOutFamilies(each: Family[], total: Tensor, want: Tensor, here: Map<string, Hit>): void {
  const most = each.length <= MAX_FAMILIES ? 4 : 2;
  // each set's part and the rest of the total in two arrays reused from one set to the next (the same sums in the
  // same order), the part copied out only for a set that is kept: an LSTM's h̄_t tries 154 sets
  const part = new Float64Array(total.data.length);
  const rest = new Float64Array(total.data.length);
  const contribs = each.map((f) => f.contrib);
  for (let k = 2; k <= most && !here.size; k++)
    for (const set of choose(each.length, k)) {
      subsetSum(set, contribs, total.data, part, rest);
      if (!close(rest, want.data)) continue;
      const fs = set.map((i) => each[i]!);
      here.set(fs.map((f) => `${f.name}@${f.off}`).join('+'), {
        name: fs[0]!.name,
        off: fs[0]!.off,
        value: { shape: total.shape, data: part.slice() },
        also: fs.slice(1).map((f) => ({ name: f.name, off: f.off })),
      });
    }
}

/**
 * the step a point's paths are counted from: its t, or where the check's step is another free letter (Sherstinsky's
 * ψ[n] = ∂E/∂s[n], Haykin's n), the value of the derivative's variable's letter, so that one family (s_{n+1}) is
 * found at every n as s_{t+1} is at every t
 */
export function stepAt(p: Point, d: Expr & { k: 'deriv' }): number | null {
  if (p.t !== null) return p.t;
  const v = plainLetter(d.wrt.idx);
  return v && p.env[v] !== undefined ? p.env[v]! : null;
}

/** the free letter stepAt counts from, where every point has it (null: the points' steps are absolute) */
export function stepLetter(c: Claim, d: Expr & { k: 'deriv' }): string | null {
  const v = plainLetter(d.wrt.idx);
  return v && c.points.every((p) => p.env[v] !== undefined) ? v : null;
}

/** a quantity at a step counted from the point's (off; null: untimed), written with the step's letter when it has one */
export function offsetText(name: string, off: number | null, letter: string | null): string {
  return off === null ? refText(name, null) : refText(name, { v: letter, k: off });
}

/**
 * A failing ∂A/∂B whose other side is the total minus exactly one path family — the paths that leave B
 * through one node C (∂A/∂C·∂⁺C/∂B) — names that path: "it leaves out the path through u_t". Found at the file's
 * values, the family is named only if the other side is the total less that family at a draw too (`values`): a wrong
 * side can differ from the total by one family's part at the file's values by coincidence (a −1 written where the
 * path through h_2 is 1), as a substituted value can (confirm.ts).
 */
export function pathHint(c: Claim, run: Run, values: OtherValues = null): string | null {
  if (run.tape.size > 50_000) return null;
  for (const [d, other] of [
    [c.lhs, c.rhs],
    [c.rhs, c.lhs],
  ] as const) {
    if (d.k !== 'deriv' || !d.total || d.oneStep) continue;
    // candidates keyed by quantity and offset from t, so that one explanation holds at every step
    let agreed: Map<string, Hit> | null = null;
    // the families that are 0 at the first failing point (a path through h_1 where h_0 = 0): at the draws they may be
    // left out too
    const zeros: { name: string; off: number | null }[] = [];
    try {
      for (const p of c.points) {
        // only the steps where the check fails need the explanation (∂L/∂h_T has no h_{T+1} path to leave out)
        const f = failingAt(run, d, other, p);
        if (!f) continue;
        if (!f.B) return null;
        const { t, total, want, B } = f;
        // once a point has named single paths, a later point only decides which of them hold on: a path not
        // named there can no longer be agreed on, and a pair is sought only where no single path holds
        const onlySingles = agreed !== null && [...agreed.values()].every((a) => !a.also);
        const each = familiesAt(run, d, p.env, B, t, total.data.length, onlySingles ? agreed : null, agreed === null ? zeros : null);
        const here = leftOutAt(each, total, want, !onlySingles);
        if (agreed === null) agreed = here;
        else for (const k of [...agreed.keys()]) if (!here.has(k)) agreed.delete(k);
        if (!agreed.size) break;
      }
    } catch (e) {
      if (e instanceof RunError || e instanceof LimitError) return null;
      throw e;
    }
    let hit = agreed && [...agreed.values()][0];
    // no one explanation at every step: the union of each step's, where a family with no node at some step (L_{t−1}
    // at t = 1) leaves nothing out there — an LSTM's ∂L/∂h_{t−1} without the candidate's path and the loss's own term
    let someSteps: SomeSteps | null = null;
    if (!hit && agreed !== null && c.points.length > 1) {
      const byStep = guard(() => familiesByStep(c, run, d, other));
      if (byStep) ({ hit, someSteps } = byStep);
    }
    if (hit && values && !leavesOutAt(c, d, values, other, hit)) {
      // Aggarwal's ∂L/∂W_hh = ∂L/∂W_hh^{(T)}: the last copy alone leaves out the copies at t = 1 and 2, the first 0
      // at the file's values (h_0 = 0); with the families that are 0 there, the draws may agree
      // (in the order of their steps; the value is the found families', as the others are 0 there)
      const all = [hit, ...(hit.also ?? []), ...zeros].sort((a, b) => (a.off ?? 0) - (b.off ?? 0));
      // (a claim at one point only: at a free t the steps' copies have hints of their own, stepCopyMeant.ts)
      const more: Hit | null =
        zeros.length && c.points.length === 1 ? { name: all[0]!.name, off: all[0]!.off, value: hit.value, also: all.slice(1) } : null;
      hit = more && leavesOutAt(c, d, values, other, more) ? more : null;
    }
    if (!hit) continue;
    const letter = c.freeT ? 't' : stepLetter(c, d);
    const label = (x: { name: string; off: number | null }) => offsetText(x.name, x.off, letter);
    const cText = label(hit);
    const of = d.of.k === 'ref' ? exprText(d.of) : `(${exprText(d.of)})`;
    const wrt = refText(d.wrt.name, d.wrt.idx);
    const termOf = (x: string) => (x === of ? `∂⁺${of}/∂${wrt}` : `∂${of}/∂${x}·∂⁺${x}/∂${wrt}`);
    const value = letter || someSteps ? '' : ` = ${valueText(toValue(hit.value))}`;
    if (hit.also) {
      const families = [hit, ...hit.also];
      const all = families.map(label);
      // a family left out at some steps only (where it exists): said with its steps
      const named = families.map((f, k) => all[k]! + stepsOnly(f, someSteps, letter ?? 't'));
      return `The other side leaves out the paths through ${andList(named)}: the terms ${all.map(termOf).join(' + ')}${value}`;
    }
    // A's own family is the one edge B → A (h_{t−1} in h_t = h_{t−1} + ε tanh(…), the skip connection): no path "through"
    if (cText === of)
      return `The other side leaves out the direct term ${termOf(cText)}, ${wrt}'s own appearance in ${of}'s equation${value}`;
    return `The other side leaves out the path through ${cText}: the term ${termOf(cText)}${value}`;
  }
  return null;
}

/** a point where ∂A/∂B (A, B: d's) and the other side differ: its step, both values and B's node; null where they agree */
function failingAt(
  run: Run,
  d: Expr & { k: 'deriv' },
  other: Expr,
  p: Point,
): { t: number | null; total: Tensor; want: Tensor; B: TNode | undefined } | null {
  const total = run.derivativeShared(d.of, d.wrt, p.env, true).tensor;
  const want = run.evaluateShared(other, p.env);
  if (close(total.data, want.data)) return null;
  return { t: stepAt(p, d), total, want, B: run.node(d.wrt.name, stepOf(d.wrt.idx, p.env)) };
}

/**
 * the path families of ∂A/∂B at a point: each quantity node C after B that reads it, with its part ∂A/∂C·∂⁺C/∂B.
 * `only`: the families still in question (keyed name@offset), the rest not swept; `zeros` hears of a node whose
 * partial by B is 0 at these values (∂⁺h_1/∂W_hh where h_0 = 0), a family the draws may need
 */
function familiesAt(
  run: Run,
  d: Expr & { k: 'deriv' },
  env: Env,
  B: TNode,
  t: number | null,
  n: number,
  only: ReadonlyMap<string, unknown> | null,
  zeros: { name: string; off: number | null }[] | null,
): Family[] {
  const each: Family[] = [];
  for (const q of run.quantityNodes()) {
    if (q.node.id <= B.id) continue;
    const off = q.t === null ? null : t === null ? q.t : q.t - t;
    if (only && !only.has(`${q.name}@${off}`)) continue;
    // a node that does not read B has no partial for it: its immediate partials are not swept for nothing
    if (B.op !== 'const' && !readsNode(run, q.node, B)) continue;
    const contrib = throughNode(run, d, env, B, q.node, q, n);
    if (contrib) each.push({ name: q.name, off, contrib });
    else if (
      zeros &&
      !run
        .immediate(q.node)
        .get(B.id)
        ?.some((x) => x !== 0)
    )
      zeros.push({ name: q.name, off });
  }
  return each;
}

/**
 * the explanations of the difference between the total and the other side at one point, keyed by their families:
 * each single family that accounts for it, else (`sets`) the smallest sets of two to four (a GRU's ∂h_t/∂h_{t-1}
 * without the paths through z_t and r_t; an LSTM's h̄_t without the gates of step t+1)
 */
function leftOutAt(each: Family[], total: Tensor, want: Tensor, sets: boolean): Map<string, Hit> {
  const here = new Map<string, Hit>();
  // the total less one family, in one array reused from one family to the next (the same differences)
  const rest = new Float64Array(total.data.length);
  for (const f of each) {
    for (let i = 0; i < rest.length; i++) rest[i] = total.data[i]! - f.contrib[i]!;
    if (close(rest, want.data))
      here.set(`${f.name}@${f.off}`, { name: f.name, off: f.off, value: { shape: total.shape, data: f.contrib } });
  }
  if (!here.size && sets) leftOutFamilies(each, total, want, here);
  return here;
}

/**
 * pathHint where no one set of families explains every failing step: each step's fewest, joined, and the join
 * confirmed at every failing step — a family absent at a step (its node does not exist there, or does not read B)
 * leaves nothing out there. `someSteps`: the families present at some failing steps only, with those steps
 */
function familiesByStep(c: Claim, run: Run, d: Expr & { k: 'deriv' }, other: Expr): { hit: Hit; someSteps: SomeSteps } | null {
  const failing: { t: number; total: Tensor; want: Tensor; each: Family[] }[] = [];
  const union = new Map<string, { name: string; off: number | null }>();
  for (const p of c.points) {
    const f = failingAt(run, d, other, p);
    if (!f) continue;
    const { t, total, want, B } = f;
    if (!B || t === null) return null;
    const each = familiesAt(run, d, p.env, B, t, total.data.length, null, null);
    const first = [...leftOutAt(each, total, want, true).values()][0];
    if (!first) return null;
    for (const x of [first, ...(first.also ?? [])]) union.set(`${x.name}@${x.off}`, { name: x.name, off: x.off });
    failing.push({ t, total, want, each });
  }
  if (union.size < 2 || failing.length < 2) return null;
  // one quantity at several offsets (a_{t-1}, a_{t-2}, …) is a sum over the earlier steps, which the step-copy and the
  // Σ hints say better ("the derivative by w's copy at step t alone")
  const names = [...union.values()].map((f) => f.name);
  if (new Set(names).size < names.length) return null;
  const someSteps = new Map<string, number[]>();
  let value: Tensor | null = null;
  for (const { t, total, want, each } of failing) {
    const rest = Float64Array.from(total.data);
    for (const f of each) {
      const key = `${f.name}@${f.off}`;
      if (!union.has(key)) continue;
      for (let i = 0; i < rest.length; i++) rest[i]! -= f.contrib[i]!;
      someSteps.set(key, [...(someSteps.get(key) ?? []), t]);
    }
    if (!close(rest, want.data)) return null;
    value ??= { shape: total.shape, data: total.data.map((x, i) => x - rest[i]!) };
  }
  for (const [key, steps] of [...someSteps]) if (steps.length === failing.length) someSteps.delete(key);
  const families = [...union.values()].sort((a, b) => (b.off ?? 0) - (a.off ?? 0));
  return {
    hit: { ...families[0]!, value: value!, also: families.slice(1) },
    someSteps: { at: someSteps, failing: failing.map((f) => f.t) },
  };
}

/** familiesByStep's families present at some failing steps only, with those steps, and every failing step */
type SomeSteps = { at: Map<string, number[]>; failing: number[] };

/** " (for t ≥ 2)" or " (at t = 2, 4)": the steps where a family left out at some failing steps only is there */
function stepsOnly(f: { name: string; off: number | null }, some: SomeSteps | null, letter: string): string {
  const steps = some?.at.get(`${f.name}@${f.off}`);
  if (!steps) return '';
  const later = some!.failing.slice(some!.failing.indexOf(steps[0]!));
  const suffix = later.length === steps.length && later.every((x, k) => x === steps[k]);
  return suffix ? ` (for ${letter} ≥ ${steps[0]})` : ` (at ${letter} = ${steps.join(', ')})`;
}

/**
 * at every point of the claim where it fails on `run`, the other side is ∂A/∂B less the families of `hit` (pathHint's
 * finding, its steps relative to the point's): what a side that leaves those paths out is at any values. A point
 * that cannot be evaluated refutes nothing (confirm.ts)
 */
function leavesOutAt(c: Claim, d: Expr & { k: 'deriv' }, values: OtherValues, other: Expr, hit: Hit): boolean {
  const families = [hit, ...(hit.also ?? [])];
  return atDraws(values, (run) =>
    c.points.every((p) => {
      const total = run.derivativeShared(d.of, d.wrt, p.env, true).tensor.data;
      const want = run.evaluateShared(other, p.env).data;
      if (close(total, want)) return true;
      const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
      if (!B) return false;
      const rest = Float64Array.from(total);
      for (const f of families) {
        const at = stepAt(p, d);
        const t = f.off === null ? null : at === null ? f.off : at + f.off;
        const C = run.node(f.name, t);
        const part = C && throughNode(run, d, p.env, B, C, { name: f.name, t }, total.length);
        if (!part) continue;
        for (let i = 0; i < rest.length; i++) rest[i]! -= part[i]!;
      }
      return close(rest, want);
    }),
  );
}

/**
 * ∂A/∂C·∂⁺C/∂B (A = d.of): the part of ∂A/∂B along the paths that leave B through the node C, the quantity q; null
 * where C does not read B or A is not reached from C. pathHint's families, found and confirmed alike
 */
function throughNode(
  run: Run,
  d: Expr & { k: 'deriv' },
  env: Env,
  B: TNode,
  C: TNode,
  q: { name: string; t: number | null },
  n: number,
): Float64Array | null {
  const J = run.immediate(C).get(B.id);
  if (!J || J.every((x) => x === 0)) return null;
  const viaC = run.derivativeShared(d.of, { name: q.name, idx: q.t === null ? null : { v: null, k: q.t } }, env, true);
  return viaC.reached ? chainProduct(viaC.tensor.data, J, B.data.length, n) : null;
}

/**
 * ∂⁺A/∂C·∂C/∂B with J = ∂⁺A/∂C: the part of ∂A/∂B through the input C, the quantity q, of A's equation; null where B
 * does not reach C. leftOutHint's parts, found and confirmed alike
 */
function throughInput(
  run: Run,
  wrt: { name: string; idx: Idx | null },
  env: Env,
  J: Float64Array,
  q: { name: string; t: number | null },
  nB: number,
  n: number,
): Float64Array | null {
  const ref: Expr = { k: 'ref', name: q.name, idx: q.t === null ? null : { v: null, k: q.t }, shape: [], range: ZERO };
  const viaC = run.derivativeShared(ref, wrt, env, true);
  return viaC.reached ? chainProduct(J, viaC.tensor.data, nB, n) : null;
}

/** inputs of one equation tried together as left out: any one of them, or several of its first this many */
const MAX_LEFT_OUT = 6;

/** subsetsBySize by n (every caller passes MAX_LEFT_OUT): made once per count of inputs, read only */
const subsetsMade = new Map<number, readonly (readonly number[])[]>();

/** the subsets of 0..n-1 tried, smallest first: every single index, then pairs, … of the first `max` */
function subsetsBySize(n: number, max: number): number[][] {
  const m = Math.min(n, max);
  const several: number[][] = [];
  for (let mask = 1; mask < 1 << m; mask++) if (mask & (mask - 1)) several.push([...Array(m).keys()].filter((k) => mask & (1 << k)));
  return [...[...Array(n).keys()].map((k) => [k]), ...several.sort((a, b) => a.length - b.length)];
}

/**
 * A failing ∂A/∂B whose other side is the total without the part through one input C of A's own
 * equation (∂L/∂W_hh without ∂L_1/∂W_hh): "the right side leaves out ∂L_1/∂W_hh = 0.0192" — or through
 * several ("leaves out ∂L_2/∂W_xh + ∂L_3/∂W_xh").
 * Judged at one point of one run (a draw, when the file's values hide it).
 */
export function leftOutHint(c: Claim, p: Point, run: Run, values: OtherValues = null): { text: string; value: number | null } | null {
  for (const [written, other, side] of [
    [c.lhs, c.rhs, 'right'],
    [c.rhs, c.lhs, 'left'],
  ] as const) {
    // also −∂E/∂net_t and an entry of it, Rumelhart's δ_j(t) (derivSide.ts derivOf): the other side compared with
    // the opposite sign, at that entry
    const u = derivOf(written);
    if (!u) continue;
    const { d, sign, entry } = u;
    if (!d.total || d.oneStep || d.of.k !== 'ref') continue;
    const of = d.of;
    const seen = sided(sign, entry);
    const hit = guard(() => {
      const A = run.node(of.name, stepOf(of.idx, p.env));
      const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
      if (!A || !B || A.id <= B.id) return null;
      const total = run.derivativeShared(d.of, d.wrt, p.env, true).tensor;
      const want = { data: seen.want(run.evaluateShared(other, p.env).data) };
      const at = seen.at(run, p.env);
      if (at === null) return null;
      const byId = names(run);
      const wrt = () => refText(d.wrt.name, stepOf(d.wrt.idx, p.env) === null ? null : { v: null, k: stepOf(d.wrt.idx, p.env)! });
      // each input C of A's equation with the part of the total that runs through it
      // each part's text written only for the subset that is named (most claims name none)
      const parts: { id: number; q: { name: string; t: number | null }; term: () => string; contrib: Float64Array }[] = [];
      // a part that is 0 at these values (∂L_1/∂W with h_0 = 0) is tried too where a draw judges the finding, after
      // the others, and where the other side is one derivative (a term of the total): ∂L/∂W = ∂L_3/∂W leaves out L_1's
      // and L_2's parts, but at the file's values L_2's alone, which the draw refutes (probe 30, KM8). A chain written
      // through one state (∂L/∂h_3 ∂h_3/∂W) keeps the paths that bypass it, which bypassHint names (endtoend.test.ts)
      const zerosToo = values !== null && other.k === 'deriv';
      const zeros: typeof parts = [];
      for (const [id, J] of run.immediate(A)) {
        const q = byId.get(id);
        if (!q || id === B.id) continue;
        const contrib = throughInput(run, d.wrt, p.env, J, q, B.data.length, total.data.length);
        if (!contrib) continue;
        const zero = contrib.every((x) => x === 0);
        if (zero && !zerosToo) continue;
        (zero ? zeros : parts).push({ id, q, term: () => partText(q, J, A, d.of, p.env, wrt), contrib });
      }
      parts.sort((a, b) => a.id - b.id); // in the graph's order: L_2 before L_3
      zeros.sort((a, b) => a.id - b.id);
      parts.push(...zeros);
      // one input left out first, then two, … (seed 001 eq. (29) keeps only L_1's term of L = L_1 + L_2 + L_3)
      let subsets = subsetsMade.get(parts.length);
      if (!subsets) subsetsMade.set(parts.length, (subsets = subsetsBySize(parts.length, MAX_LEFT_OUT)));
      // each subset's part and the rest of the total in two arrays reused from one subset to the next (the
      // same sums in the same order as ever); the part copied out only for the subset that is named
      const sum = new Float64Array(total.data.length);
      const rest = new Float64Array(total.data.length);
      const contribs = parts.map((x) => x.contrib);
      for (const set of subsets) {
        subsetSum(set, contribs, total.data, sum, rest);
        if (!close(seen.pick(rest, at), want.data)) continue;
        // found at these values: named only if the side leaves out the same parts at a draw too (pathHint says why)
        if (
          values &&
          !leavesOutInputsAt(
            d,
            of,
            values,
            other,
            p,
            set.map((k) => parts[k]!.q),
            seen,
          )
        )
          continue;
        const contrib = seen.pick(sum.slice(), at).map((x) => sign * x);
        const v = entry ? contrib[0]! : toValue({ shape: total.shape, data: contrib });
        const named = [...set]
          .sort((a, b) => parts[a]!.id - parts[b]!.id)
          .map((k) => parts[k]!.term())
          .join(' + ');
        const term = sign < 0 ? (set.length > 1 ? `−(${named})` : `−${named}`) : named;
        return {
          text: `the ${side} side leaves out ${term}${entry ? ` (its entry ${exprText(entry.i)})` : ''} = ${typeof v === 'number' ? fmt(v, 4) : valueText(v, 4)}`,
          value: typeof v === 'number' ? v : null,
        };
      }
      return null;
    });
    if (hit) return hit;
  }
  return null;
}

/**
 * at the point p of another run, the other side is ∂A/∂B less the parts through the inputs `left` of A's equation
 * (leftOutHint's finding); a point that cannot be evaluated there refutes nothing (confirm.ts)
 */
function leavesOutInputsAt(
  d: Expr & { k: 'deriv' },
  of: Expr & { k: 'ref' },
  values: OtherValues,
  other: Expr,
  p: Point,
  left: { name: string; t: number | null }[],
  seen: Sided,
): boolean {
  return atDraws(values, (run) => {
    const at = seen.at(run, p.env);
    if (at === null) return false;
    const A = run.node(of.name, stepOf(of.idx, p.env));
    const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
    if (!A || !B) return false;
    const rest = Float64Array.from(run.derivativeShared(d.of, d.wrt, p.env, true).tensor.data);
    const J = run.immediate(A);
    for (const q of left) {
      const C = run.node(q.name, q.t);
      const row = C && J.get(C.id);
      const part = row && throughInput(run, d.wrt, p.env, row, q, B.data.length, rest.length);
      if (!part) continue;
      for (let i = 0; i < rest.length; i++) rest[i]! -= part[i]!;
    }
    return close(seen.pick(rest, at), seen.want(run.evaluateShared(other, p.env).data));
  });
}

/** leftOutHint's name of the part of ∂A/∂B through the input C (q) of A's equation, with J = ∂⁺A/∂C */
function partText(q: { name: string; t: number | null }, J: Float64Array, A: TNode, of: Expr, env: Env, wrt: () => string): string {
  const cName = refText(q.name, q.t === null ? null : { v: null, k: q.t });
  const ones = J.every((x) => x === 1) && A.data.length === 1;
  return ones ? `∂${cName}/∂${wrt()}` : `∂${exprText(bindAll(of, env))}/∂${cName}·∂${cName}/∂${wrt()}`;
}

/** a hand-written sum of chain products, matched against the paths of the graph, term by term */
export function termsHint(c: Claim, run: Run, p: Point, values: OtherValues = null): TermHint | null {
  // the names of every node, made only when a message names one (most checks the matcher is asked about it
  // has nothing to say), and once for both sides
  let names: ((n: TNode) => string) | null = null;
  const label = (n: TNode) => (names ??= nodeLabel(run))(n);
  return guard(() => {
    for (const [d, other] of [
      [c.lhs, c.rhs],
      [c.rhs, c.lhs],
    ] as const) {
      if (d.k !== 'deriv') continue;
      const h = termHint(d, other, p.env, run, label, values);
      if (h) return h;
    }
    return null;
  });
}

/** σ^{-1} → σ', tanh^{-1} → tanh' throughout; null when the expression has neither */
function primed(e: Expr): Expr | null {
  return renamedCalls(e, { logit: 'dsigma', artanh: 'dtanh' });
}

/**
 * σ^{-1} and tanh^{-1} are the inverse functions (LANGUAGE.md §1); seed 004 writes σ' that way. A failing
 * check with them says whether it holds with σ' (tanh') in their place.
 */
export function inverseHint(c: Claim, run: Run): string | null {
  const l = primed(c.lhs);
  const r = primed(c.rhs);
  if (!l && !r) return null;
  // σ^{-1} named when it is among the calls primed() renames (a name `logit` is no call)
  const names = [c.lhs, c.rhs].some((e) => callsAny(e, { logit: 'dsigma' })) ? ['σ^{-1}', "σ'"] : ['tanh^{-1}', "tanh'"];
  const holds = guard(() =>
    c.points.every((p) => close(run.evaluateShared(l ?? c.lhs, p.env).data, run.evaluateShared(r ?? c.rhs, p.env).data)),
  );
  if (holds) return `${names[0]} is the inverse function; with the derivative ${names[1]} in its place the check holds: write ${names[1]}`;
  // seed 004's c̄ line: σ^{-1} for σ' and a step off by one — both are named
  const shifted = /^(.*) should be (.*): with that step the check holds$/.exec(
    shiftHint({ ...c, lhs: l ?? c.lhs, rhs: r ?? c.rhs }, run) ?? '',
  );
  return shifted
    ? `${names[0]} is the inverse function; with the derivative ${names[1]} in its place and ${shifted[2]} for ${shifted[1]}, the check holds`
    : `${names[0]} is the inverse function; with the derivative ${names[1]} in its place the check fails too`;
}

const MAX_SHIFTED = 40;

/** a trial's step moved past the end: one error, made once (a RunError per trial was a visible cost) */
const PAST_THE_END = new RunError('a shifted step has no value');

type Ref = Expr & { k: 'ref' };

/**
 * A step off by one or two: seed 004's c̄ with f^{(t)} for f^{(t+1)}, f̄ with c^{(t+1)} for c^{(t-1)}. Each
 * timed name outside a derivative is moved by ±1, ±2 steps in turn; when that alone makes the check hold
 * at the file's values, it is named: "f_t should be f_{t+1}".
 * Each trial reads the side as compiled, with the one reference moved (values.ts Probe): no shifted copy of
 * the side is built and compiled per name, step and point, and a step past the end costs no RunError.
 */
export function shiftHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const model = run.model;
  const timed = (name: string) => model.quantities.get(name)?.timed || model.decls.get(name)?.perStep;
  // every timed reference, in a walk of the values of the expression (derivatives are left alone, and so
  // are index positions and exponents: a step is shifted only where a value stands)
  const targets = (e: Expr, out: Ref[] = []): Ref[] => {
    if (e.k === 'ref') {
      if (e.idx && timed(e.name)) out.push(e);
    } else if (e.k !== 'deriv') forChildren(e, (x) => targets(x, out), VALUE_CHILDREN);
    return out;
  };
  const found = { lhs: targets(c.lhs), rhs: targets(c.rhs) };
  // no step to move (a chain rule written with derivatives alone): no trial, so the derivatives are not frozen
  if (shortcuts.on && !found.lhs.length && !found.rhs.length) return null;
  const sides = { lhs: distinctRefs(c.lhs, found.lhs), rhs: distinctRefs(c.rhs, found.rhs) };
  // the derivatives (which no shift touches) evaluated once per point, so that each candidate costs no sweep;
  // found in one walk of each side, not one per point
  const derivs = frozenDerivs(sides.rhs, frozenDerivs(sides.lhs));
  const frozen = guard(() =>
    c.points.map((p) => {
      const given = new Map<Expr, Given>();
      for (const d of derivs) freeze(d, p.env, run, given);
      return {
        env: p.env,
        moved: { ref: null, by: 0, given, miss: PAST_THE_END } as Probe,
        still: { ref: null, by: 0, given, miss: PAST_THE_END } as Probe,
      };
    }),
  );
  if (!frozen?.length) return null;
  for (const side of ['rhs', 'lhs'] as const) {
    // a side copied for distinct references has its own (equal, in the same order)
    const refs = sides[side] === c[side] ? found[side] : targets(sides[side]);
    const read = readAlways(sides[side]);
    const n = Math.min(MAX_SHIFTED, refs.length);
    for (let k = 0; k < n; k++)
      for (const delta of [1, -1, 2, -2]) {
        // a reference read at every evaluation of its side (for every value of its Σ/∏'s variable), moved to a
        // step with no value at some point: the trial fails there (PAST_THE_END) whatever it reads elsewhere,
        // so it is not evaluated (a throw through the evaluator per such trial was most of the hint's time)
        const loop = read.get(refs[k]!);
        if (loop !== undefined && frozen.some((f) => pastTheEnd(refs[k]!, loop, delta, f.env, run))) continue;
        const holds = guard(() =>
          frozen.every((f) => {
            f.moved.ref = refs[k]!;
            f.moved.by = delta;
            const l = run.evaluateProbe(sides.lhs, f.env, side === 'lhs' ? f.moved : f.still);
            const r = run.evaluateProbe(sides.rhs, f.env, side === 'rhs' ? f.moved : f.still);
            return close(l.data, r.data);
          }),
        );
        if (!holds) continue;
        const from = refs[k]!;
        const to: Ref = { ...from, idx: { ...from.idx!, k: from.idx!.k + delta } };
        // a step that matches by the file's values alone (y_2 = 0 "explains" a stray 0.5 y_3) is no culprit
        const moved = (x: Expr): Expr => (x === from ? to : mapChildren(x, moved));
        const edited = { ...sides, [side]: moved(sides[side]) };
        if (!confirmed(other, edited.lhs, edited.rhs, c.points)) continue;
        const show = printerFor(c.text, model.T);
        return `${whichOf(from, refs, show)} should be ${show(to)}: with that step the check holds`;
      }
  }
  return null;
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/**
 * a reference as the message names it: "h_{t-1}", or "the second h_{t-1}" when the side writes it several times
 * (Goodfellow's diag(1 − h_{t-1}²) (∇_{h_t} L) h_{t-1}ᵀ: which one is to move), counted in the order written
 */
export function whichOf(ref: Expr, refs: readonly Expr[], show: (e: Expr) => string = exprText): string {
  const text = show(ref);
  const same = refs.filter((r) => show(r) === text).sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  if (same.length < 2) return text;
  const k = same.indexOf(ref);
  return `the ${ORDINAL[k] ?? `${k + 1}th`} ${text}`;
}

type Loop = Expr & { k: 'sum' | 'prod' };

/** a step index read at a point: its variable (t, or a Σ/∏ variable) alone, with an offset */
const plainIdx = (i: { v: string | null; terms?: unknown[] }, vars: (string | null)[]) => !i.terms?.length && vars.includes(i.v);

/**
 * the references of a side that every evaluation of it reads, each with the Σ/∏ it stands in (null outside
 * any): not under derivatives (given), nor two Σ/∏ deep; steps read from t, the Σ/∏ variable or fixed
 */
function readAlways(e: Expr, loop: Loop | null = null, out = new Map<Expr, Loop | null>()): Map<Expr, Loop | null> {
  if (e.k === 'ref') {
    if (e.idx && plainIdx(e.idx, [null, 't', ...(loop ? [loop.v] : [])])) out.set(e, loop);
  } else if (e.k === 'sum' || e.k === 'prod') {
    if (!loop && plainIdx(e.from, [null, 't']) && plainIdx(e.to, [null, 't'])) readAlways(e.body, e, out);
  } else if (e.k !== 'deriv') forChildren(e, (x) => readAlways(x, loop, out), VALUE_CHILDREN);
  return out;
}

/**
 * a reference's step moved by delta has no node at this point, for one of the values its Σ/∏ (if any) runs
 * through: what the probe would throw PAST_THE_END for
 */
function pastTheEnd(ref: Ref, loop: Loop | null, delta: number, env: Env, run: Run): boolean {
  const at = (i: { v: string | null; k: number }, inner: Env) => (i.v === null ? i.k : inner[i.v] === undefined ? null : inner[i.v]! + i.k);
  if (!loop) {
    const step = at(ref.idx!, env);
    return step !== null && run.node(ref.name, step + delta) === undefined;
  }
  const [lo, hi] = [at(loop.from, env), at(loop.to, env)];
  if (lo === null || hi === null) return false;
  for (let i = lo; i <= hi; i++) {
    const step = at(ref.idx!, withVar(env, loop.v, i));
    if (step !== null && run.node(ref.name, step + delta) === undefined) return true;
  }
  return false;
}

/**
 * e itself when each reference a trial may move appears once in it (a trial moves a reference by identity);
 * else a copy with every reference its own object
 */
function distinctRefs(e: Expr, refs: Ref[]): Expr {
  const moved = new Set<Expr>(refs);
  const seen = new Set<Expr>();
  let shared = false;
  // every place a reference is read as a value when the side is evaluated: index positions and exponents too
  const walk = (x: Expr): void => {
    if (x.k === 'ref') {
      if (moved.has(x)) {
        if (seen.has(x)) shared = true;
        seen.add(x);
      }
    } else if (x.k !== 'deriv') forChildren(x, walk);
  };
  walk(e);
  if (!shared) return e;
  const copy = (x: Expr): Expr => (x.k === 'ref' ? { ...x } : x.k === 'deriv' ? x : mapChildren(x, copy));
  return copy(e);
}

/** every derivative of e not under a Σ/∏ (nor inside another derivative), in the order written */
function frozenDerivs(e: Expr, out: Deriv[] = []): Deriv[] {
  if (e.k === 'deriv') out.push(e);
  else if (e.k !== 'sum' && e.k !== 'prod') forChildren(e, (x) => void frozenDerivs(x, out));
  return out;
}

/**
 * a derivative given its value at this point, as the number, vector or matrix literal it reads as (a one-entry
 * value is a number) and what that literal costs; a derivative of more dimensions is left to be evaluated
 */
function freeze(d: Deriv, env: Env, run: Run, out: Map<Expr, Given>): void {
  // each appearance evaluated (and charged) as the literal in its place was
  const v = run.evaluateShared(d, env);
  if (v.shape.length === 0 || v.data.length === 1) out.set(d, { v: v.data[0]!, ops: literalOps(1) });
  else if (v.shape.length <= 2) out.set(d, { v, ops: literalOps(v.data.length) });
}
