// Where a hand-written chain rule goes wrong: the true ∂A/∂B is a sum over paths from B to A of products of
// immediate partials; a worked solution writes a sum of products of derivative factors. Matching the two
// term by term names the term that is no path and the path that no term covers, and, when that term is the
// path with one factor wrong, the factor ("the last factor should be ∂h_1/∂W_xh").
//
// Scalars and tensors alike: a term's value is its written product evaluated (numerator layout: a gradient
// left of a Jacobian acts as a row, ∂h/∂W is a 3-index tensor), a path's is the product of its immediate
// Jacobians, rows over A's entries and columns over B's, in the layout the engine gives ∂A/∂B — checked:
// when the paths do not add up to ∂A/∂B as evaluated, nothing is said.

import { Memo } from '../memo';
import { idxString, idxVars } from '../../language/idx';
import type { Expr, Idx } from '../../language/model';
import { exprText } from '../../language/print';
import { hasDeriv as hasDerivative } from '../../language/resolve';
import type { Range } from '../../report';
import { fmt, sentenceStart } from '../format';
import { matProduct, nodeLabel, pathsBetween } from '../paths';
import { atDraws, type OtherValues } from './confirm';
import { stepOf, type Env, type Run } from '../run';
import { bindVar } from '../subst';
import type { TNode } from '../tape';
import { identity } from '../values';
import { shortcuts } from './shortcuts';
import { derivAs } from './derivAs';
import { replacing } from './replacing';

const MAX_TERMS = 400;
/** the nodes on the way may have at most this many entries (every edge's Jacobian is taken) */
const MAX_NODE_ENTRIES = 64;

interface Monomial {
  coef: number;
  factors: Expr[];
  /** the product as written, with the coefficient left out (null for a bare number) */
  e: Expr | null;
}

/** a sum of products, distributed with the factors kept in their written order; null when too large */
function expand(e: Expr): Monomial[] | null {
  switch (e.k) {
    case 'num':
      return [{ coef: e.value, factors: [], e: null }];
    case 'add':
    case 'sub': {
      const a = expand(e.a);
      const b = expand(e.b);
      if (!a || !b) return null;
      return [...a, ...b.map((m) => (e.k === 'sub' ? { ...m, coef: -m.coef } : m))];
    }
    case 'neg': {
      const a = expand(e.a);
      return a && a.map((m) => ({ ...m, coef: -m.coef }));
    }
    case 'mul':
    case 'contract':
    case 'matmul': {
      const a = expand(e.a);
      const b = expand(e.b);
      if (!a || !b || a.length * b.length > MAX_TERMS) return null;
      return a.flatMap((x) =>
        b.map((y) => ({
          coef: x.coef * y.coef,
          factors: [...x.factors, ...y.factors],
          e: x.e && y.e ? { ...e, a: x.e, b: y.e } : (x.e ?? y.e),
        })),
      );
    }
    case 'sum': {
      if (idxVars(e.from).length || idxVars(e.to).length) return [{ coef: 1, factors: [e], e }];
      const out: Monomial[] = [];
      for (let i = e.from.k; i <= e.to.k; i++) {
        const m = expand(bindVar(e.body, e.v, i));
        if (!m || out.length + m.length > MAX_TERMS) return null;
        out.push(...m);
      }
      return out;
    }
    default:
      return [{ coef: 1, factors: [e], e }];
  }
}

/**
 * expand(e), made once per expression in an analysis: the broken-chain screen and the term matcher expand the same
 * side (sheet 7's wrong (32): a tenth of its term matching). The monomials are read, never changed
 */
const expansions = new Memo<Expr, Monomial[] | null>();

function expanded(e: Expr): Monomial[] | null {
  let out = expansions.get(e);
  if (out === undefined) expansions.set(e, (out = expand(e)));
  return out;
}

/** a derivative's end as a key: its name and step */
const endKey = (name: string, idx: Idx | null): string => `${name}|${idx ? idxString(idx) : ''}`;

/** factors, each a derivative of a reference, whose denominators meet the next one's numerator in this order */
function chains(fs: (Expr & { k: 'deriv' })[]): boolean {
  for (let i = 0; i + 1 < fs.length; i++) {
    const next = fs[i + 1]!.of;
    if (next.k !== 'ref' || endKey(fs[i]!.wrt.name, fs[i]!.wrt.idx) !== endKey(next.name, next.idx)) return false;
  }
  return true;
}

/**
 * A written product of two or more derivatives that chains in neither order (sheet 7's ∂L_3/∂y_3·∂y_3/∂h_3·∂h_3/∂h_2·
 * ∂h_2/∂h_1·∂h_2/∂W_xh: h_1 is no h_2). Structural: such a term is no path, which the term matcher names (answer.ts
 * asks it early where a side writes one).
 */
export function writesBrokenChain(e: Expr): boolean {
  // said without expanding where no product of the expansion can have two derivative factors (the expansion of a
  // Σ_j over entries is a copy of its body per entry, most of the screen's cost on mlp-layers' line 30)
  if (derivativeFactors(e) < 2) return false;
  const monos = expanded(e);
  return (
    monos !== null &&
    monos.some((m) => {
      if (m.factors.length < 2 || !m.factors.every((f) => f.k === 'deriv' && f.of.k === 'ref')) return false;
      const fs = m.factors as (Expr & { k: 'deriv' })[];
      return !chains(fs) && !chains([...fs].reverse());
    })
  );
}

/**
 * the most derivatives of a reference that one product of expand(e) has as factors, read from the tree as expand reads
 * it: a sum's terms are apart (the most of any), a product's factors together (the two sides' added), and anything
 * expand keeps whole is one factor (1 if it is such a derivative)
 */
function derivativeFactors(e: Expr): number {
  switch (e.k) {
    case 'add':
    case 'sub':
      return Math.max(derivativeFactors(e.a), derivativeFactors(e.b));
    case 'neg':
      return derivativeFactors(e.a);
    case 'mul':
    case 'contract':
    case 'matmul':
      return derivativeFactors(e.a) + derivativeFactors(e.b);
    case 'sum':
      return idxVars(e.from).length || idxVars(e.to).length ? 0 : derivativeFactors(e.body);
    case 'deriv':
      return e.of.k === 'ref' ? 1 : 0;
    default:
      return 0;
  }
}

/** equal within 1e-9 of the larger of the two's largest entry */
function same(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  let scale = 1e-12;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]!), Math.abs(b[i]!));
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i]! - b[i]!) <= 1e-9 * scale)) return false;
  return true;
}

const isZero = (a: Float64Array) => a.every((x) => x === 0);

function nonZeroCount(vs: Float64Array[]): number {
  let n = 0;
  for (const v of vs) if (!isZero(v)) n++;
  return n;
}

/** the Jacobian of the edge u → v: rows over v's entries, columns over u's */
const edgeJ = (run: Run, u: TNode, v: TNode): Float64Array => run.immediate(v).get(u.id) ?? new Float64Array(v.data.length * u.data.length);

/** the product of the edges path[lo] → … → path[hi]: rows over path[hi]'s entries, columns over path[lo]'s */
export function stretch(run: Run, path: TNode[], lo: number, hi: number): Float64Array {
  const n0 = path[lo]!.data.length;
  let M = identity(n0);
  for (let k = lo + 1; k <= hi; k++)
    M = matProduct(edgeJ(run, path[k - 1]!, path[k]!), M, path[k]!.data.length, path[k - 1]!.data.length, n0);
  return M;
}

/**
 * stretch(run, p, 0, p.length − 1) of every path, the products shared along common beginnings: the paths come
 * depth first from B (pathsBetween), so each shares its first nodes with the one before, and its product is
 * taken on from there — the same products in the same order, so the same numbers. Issue 11: a scalar LSTM has
 * hundreds of paths of a dozen edges, and the product of each from B was a tenth of what its checks allocated.
 */
export function pathProducts(run: Run, paths: TNode[][], enough = Infinity): Float64Array[] {
  const out: Float64Array[] = [];
  /** non-zero products so far: at `enough` of them the listing stops, shorter than paths (the caller's answer is known) */
  let nonZero = 0;
  /** prefix[k]: the product of the previous path's edges up to its node k */
  const prefix: Float64Array[] = [];
  let prev: TNode[] = [];
  for (const p of paths) {
    let k = 0;
    while (k < p.length && k < prev.length && p[k] === prev[k]) k++;
    if (k === 0) {
      prefix[0] = identity(p[0]!.data.length);
      k = 1;
    }
    const n0 = p[0]!.data.length;
    for (; k < p.length; k++)
      prefix[k] = matProduct(edgeJ(run, p[k - 1]!, p[k]!), prefix[k - 1]!, p[k]!.data.length, p[k - 1]!.data.length, n0);
    out.push(prefix[p.length - 1]!);
    if (!isZero(prefix[p.length - 1]!) && ++nonZero >= enough) return out;
    prev = p;
  }
  return out;
}

/** a term-by-term diagnosis: its text, and the source range of the one term it names as wrong */
export interface TermHint {
  text: string;
  culprit: Range | null;
}

export function termHint(
  d: Expr & { k: 'deriv' },
  other: Expr,
  env: Env,
  run: Run,
  label: (n: TNode) => string,
  values: OtherValues = null,
): TermHint | null {
  if (!d.total || d.of.k !== 'ref') return null;
  const B = run.node(d.wrt.name, stepOf(d.wrt.idx, env));
  const A = run.node(d.of.name, stepOf(d.of.idx, env));
  if (!A || !B || A.data.length > MAX_NODE_ENTRIES || B.data.length > MAX_NODE_ENTRIES) return null;
  const monos = expanded(t0(other, env));
  if (!monos || monos.length < 2) return null;
  const paths = pathsBetween(run, B, A);
  if (!paths || (!smallNodes(run) && paths.some((p) => p.some((n) => n.data.length > MAX_NODE_ENTRIES)))) return null;
  return (
    matchTerms(d, A, B, monos, paths, null, env, run, label, values) ?? withInputsLeftOut(d, A, B, monos, paths, env, run, label, values)
  );
}

const smallByRun = new Memo<Run, boolean>();

/**
 * every quantity node of the run has at most MAX_NODE_ENTRIES entries: then no path is too large, as a path is B
 * (checked first) and quantity nodes (pathsBetween walks those alone). Read once per run: the check of every node
 * of the hundreds of paths of a scalar LSTM's h̄_t was a tenth of the term matcher's time
 */
function smallNodes(run: Run): boolean {
  let out = smallByRun.get(run);
  if (out === undefined) smallByRun.set(run, (out = run.quantityNodes().every((q) => q.node.data.length <= MAX_NODE_ENTRIES)));
  return out;
}

/** inputs of A whose every path no term is written for: their part of ∂A/∂B, said with its value */
interface LeftOut {
  text: string;
  part: Float64Array;
}

/**
 * The matching of the terms against `paths`; `left` (when given) is the part of ∂A/∂B through inputs of A the side
 * leaves out whole, whose paths are not in `paths`: the diagnosis is then said with it, and only when it is certain
 */
function matchTerms(
  d: Expr & { k: 'deriv' },
  A: TNode,
  B: TNode,
  monos: Monomial[],
  paths: TNode[][],
  left: LeftOut | null,
  env: Env,
  run: Run,
  label: (n: TNode) => string,
  values: OtherValues,
): TermHint | null {
  // each written term covers at most one path: with two more non-zero paths than terms, two paths are left
  // uncovered whatever the terms' values, and nothing is said (seed 004's h̄ line against the hundreds of
  // paths of an LSTM) — known before the total and the terms are evaluated, and before the other paths'
  // products are taken
  const enough = shortcuts.on ? monos.length + 2 : Infinity;
  const pv = pathProducts(run, paths, enough);
  if (nonZeroCount(pv) >= enough) return null;
  // the paths' layout must be the engine's: they add up to ∂A/∂B as evaluated
  const total = run.evaluateShared(t0(d, env), env).data;
  const sum = new Float64Array(total.length);
  if (left) {
    if (left.part.length !== total.length) return null;
    for (let i = 0; i < sum.length; i++) sum[i] = left.part[i]!;
  }
  for (const v of pv) {
    if (v.length !== total.length) return null;
    for (let i = 0; i < v.length; i++) sum[i]! += v[i]!;
  }
  if (!same(sum, total)) return null;
  const mv = monos.map((m) => {
    const v = m.e ? run.evaluateShared(m.e, env).data : Float64Array.of(1);
    return v.map((x) => x * m.coef);
  });
  const scalar = total.length === 1;
  const { unmatched, missing } = matching(mv, pv);
  // a term with no derivative that is 0 only at these values (−2 y_2 of −2(y_2 − h_2) with a target y_2 = 0) is skipped
  // as a path that is not there; a term with no derivative left unmatched beside it (2 h_2) is then no term the
  // student wrote but the rest of a distributed product: "the term 2 h_2 is no path" named what is not on the page
  const valueOnly = (j: number) => monos[j]!.factors.length > 0 && !monos[j]!.factors.some(hasDerivative);
  if (unmatched.some(valueOnly) && mv.some((v, j) => isZero(v) && valueOnly(j))) return null;
  // every path matched once the inputs left out are set aside: they are the one mistake (said with the reading)
  if (unmatched.length === 0 && missing.length === 0)
    return left ? { text: sentenceStart(`${oneStepPrefix(monos, env, run)}${left.text}`), culprit: null } : null;
  if (unmatched.length > 1 || missing.length > 1) return null;
  const termText = (j: number) => {
    const m = monos[j]!;
    const body = m.factors.map((f) => exprText(f)).join('·') || '1';
    return `${m.coef === -1 ? '−' : m.coef === 1 ? '' : fmt(m.coef) + '·'}${body}`;
  };
  // a scalar's value is said; a tensor's is not written out in a sentence
  const valueOf = (v: Float64Array) => (scalar ? ` (= ${fmt(v[0]!)})` : '');
  const pathText = (i: number) => paths[i]!.map(label).join(' → ');
  const parts: string[] = [];
  if (unmatched.length)
    parts.push(`the term ${termText(unmatched[0]!)}${valueOf(mv[unmatched[0]!]!)} is no path from ${label(B)} to ${label(A)}`);
  if (missing.length)
    parts.push(`${parts.length ? 'and ' : ''}no term covers the path ${pathText(missing[0]!)}${valueOf(pv[missing[0]!]!)}`);
  const fix =
    unmatched.length === 1 && missing.length === 1
      ? (wrongFactor(monos[unmatched[0]!]!, paths[missing[0]!]!, env, run, label) ??
        transposedFactor(monos[unmatched[0]!]!, pv[missing[0]!]!, env, run))
      : null;
  // with inputs left out whole, only the certain diagnosis is said: one term a path with one factor wrong
  if (left && !fix) return null;
  // matched by value at the file's values, where a term can equal a path by coincidence: said only if at a draw the
  // term named is still no path, the path named still uncovered, and the same factor mends it (confirm.ts)
  if (!atDraws(values, (r) => sameMatching(r, d, B, env, monos, paths, run, { unmatched, missing, fix }))) return null;
  const text = (left ? `${left.text}, and ` : '') + parts.join(' ') + (fix ? `: ${fix}` : '');
  // located only when the diagnosis is certain: one term that is a missing path with one factor wrong
  return { text: sentenceStart(text), culprit: fix ? spanOf(ownFactors(monos, unmatched[0]!)) : null };
}

/**
 * the terms no path has the value of (each path taken once) and the non-zero paths no term has the value of: a term
 * that is 0 is no evidence either way
 */
function matching(mv: Float64Array[], pv: Float64Array[]): { unmatched: number[]; missing: number[] } {
  const usedPath = new Array(pv.length).fill(false);
  const unmatched: number[] = [];
  mv.forEach((v, j) => {
    if (isZero(v)) return;
    const k = pv.findIndex((p, i) => !usedPath[i] && same(p, v));
    if (k < 0) unmatched.push(j);
    else usedPath[k] = true;
  });
  const missing = pv.map((_, i) => i).filter((i) => !usedPath[i] && !isZero(pv[i]!));
  return { unmatched, missing };
}

/**
 * on another run of the network (a draw), the term and the path the diagnosis names are still unmatched and uncovered,
 * and the same factor mends the one into the other: the paths are taken there node by node, by name and step
 */
function sameMatching(
  r: Run,
  d: Expr & { k: 'deriv' },
  B: TNode,
  env: Env,
  monos: Monomial[],
  paths: TNode[][],
  run: Run,
  found: { unmatched: number[]; missing: number[]; fix: string | null },
): boolean {
  const at = new Map<TNode, TNode | undefined>([[B, r.node(d.wrt.name, stepOf(d.wrt.idx, env))]]);
  for (const q of run.quantityNodes()) at.set(q.node, r.node(q.name, q.t));
  const there: TNode[][] = [];
  for (const p of paths) {
    const mapped = p.map((n) => at.get(n));
    // a node with no counterpart there: that run cannot say (it refutes nothing)
    if (mapped.some((n) => !n)) return true;
    there.push(mapped as TNode[]);
  }
  const pv = pathProducts(r, there);
  const mv = monos.map((m) => (m.e ? r.evaluateShared(m.e, env).data : Float64Array.of(1)).map((x) => x * m.coef));
  const { unmatched, missing } = matching(mv, pv);
  // what the message says: the term named is no path there either, the path named is covered by no term, and the same
  // factor mends the one into the other. (Other terms may read otherwise there: a value-only term is matched by its
  // monomials, h_2 and −y_2 of h_2 − y_2, which match a path together only where y_2 = 0)
  const j = found.unmatched[0];
  const i = found.missing[0];
  if ((j !== undefined && !unmatched.includes(j)) || (i !== undefined && !missing.includes(i))) return false;
  if (!found.fix) return true;
  const m = monos[j!]!;
  // the draw's nodes named as this run names their counterparts (both by name and step): the draw's own names
  // were written for this alone, a map over every node of its run (a fifth of the confirmation of sheet 7's (32))
  const back = new Map<TNode, TNode>();
  there[i!]!.forEach((n, k) => back.set(n, paths[i!]![k]!));
  const names = nodeLabel(run);
  const label = (n: TNode) => names(back.get(n)!);
  return (wrongFactor(m, there[i!]!, env, r, label) ?? transposedFactor(m, pv[i!]!, env, r)) === found.fix;
}

/**
 * Two mistakes in one side: inputs of A left out whole and a wrong factor in a term. Seed 001's (30)–(32) under
 * T = 4 write ∂L/∂W_xh as terms for L_1, L_2, L_3 (L_4 left out) with the last factor of the last term wrong: the
 * paths through L_4 uncover four paths, and the matcher said nothing. When every term begins with ∂C/∂… for an
 * input C of A (the loss's L_k), the inputs no term begins with are taken as left out: their paths are set aside
 * and their part of ∂A/∂B (one derivative each) said with its value; the rest is matched as ever. Structural until
 * then: a side whose terms begin otherwise (an LSTM's ∂L/∂h_{t+1} …) costs nothing.
 */
function withInputsLeftOut(
  d: Expr & { k: 'deriv' },
  A: TNode,
  B: TNode,
  monos: Monomial[],
  paths: TNode[][],
  env: Env,
  run: Run,
  label: (n: TNode) => string,
  values: OtherValues,
): TermHint | null {
  // each term's first factor's node, before the paths are read: a term that begins with no ∂C/∂… of a node
  // (seed 004's 1 + …) is an answer without them
  const firsts: TNode[] = [];
  for (const m of monos) {
    const f = m.factors[0];
    const C = f?.k === 'deriv' && f.of.k === 'ref' ? run.node(f.of.name, stepOf(f.of.idx, env)) : undefined;
    if (!C) return null;
    firsts.push(C);
  }
  const inputs = new Set<TNode>();
  for (const p of paths) if (p.length > 2) inputs.add(p[p.length - 2]!);
  const named = new Set<TNode>();
  for (const C of firsts) {
    if (!inputs.has(C)) return null;
    named.add(C);
  }
  const dropped = [...inputs].filter((C) => !named.has(C)).sort((a, b) => a.id - b.id);
  if (!dropped.length || dropped.length > MAX_LEFT_OUT_INPUTS) return null;
  const total = run.evaluateShared(t0(d, env), env).data;
  const part = new Float64Array(total.length);
  const terms: string[] = [];
  const said: TNode[] = [];
  for (const C of dropped) {
    const J = run.immediate(A).get(C.id);
    if (!J) return null;
    const ref: Expr = { k: 'ref', name: nameOf(run, C), idx: stepIdx(run, C), shape: [], range: d.range };
    const viaC = run.derivativeShared(ref, d.wrt, env, true);
    if (!viaC.reached || viaC.tensor.data.length !== C.data.length * B.data.length) return null;
    const contrib = matProduct(J, viaC.tensor.data, A.data.length, C.data.length, B.data.length);
    if (contrib.length !== total.length) return null;
    // an input whose part is 0 at these values (L_1's, with h_0 = 0) is set aside unnamed: it changes nothing
    if (isZero(contrib)) continue;
    for (let i = 0; i < part.length; i++) part[i]! += contrib[i]!;
    said.push(C);
    const ones = J.every((x) => x === 1) && A.data.length === 1;
    terms.push(ones ? `∂${label(C)}/∂${label(B)}` : `∂${label(A)}/∂${label(C)}·∂${label(C)}/∂${label(B)}`);
  }
  if (!terms.length) return null;
  const value = total.length === 1 ? ` = ${fmt(part[0]!, 4)}` : '';
  const left: LeftOut = {
    text: `no term is written for ${terms.join(' + ')}${value} (the paths through ${said.map(label).join(', ')})`,
    part,
  };
  const kept = paths.filter((p) => !(p.length > 2 && dropped.includes(p[p.length - 2]!)));
  return matchTerms(d, A, B, monos, kept, left, env, run, label, values);
}

/**
 * "read with ∂h_3/∂W_hh as one-step derivative, " when the terms are the one-step re-reading's (LANGUAGE.md §5):
 * the derivatives whose one-step value differs from the total here (∂h_3/∂h_2 is the same either way)
 */
function oneStepPrefix(monos: Monomial[], env: Env, run: Run): string {
  const names: string[] = [];
  for (const m of monos)
    for (const f of m.factors)
      if (f.k === 'deriv' && f.oneStep) {
        const whole: Expr = derivAs(f, false);
        const t = exprText(whole);
        if (!names.includes(t) && !same(run.evaluateShared(f, env).data, run.evaluateShared(whole, env).data)) names.push(t);
      }
  if (!names.length) return '';
  return `read with ${names.join(' and ')} as one-step derivative${names.length > 1 ? 's' : ''}, `;
}

/** inputs of A taken as left out whole at most: past it nothing is said */
const MAX_LEFT_OUT_INPUTS = 3;

/** a quantity node's name, and its step as an index */
function nameOf(run: Run, n: TNode): string {
  return run.quantityNodes().find((q) => q.node === n)?.name ?? '?';
}
function stepIdx(run: Run, n: TNode): Idx | null {
  const t = run.quantityNodes().find((q) => q.node === n)?.t ?? null;
  return t === null ? null : { v: null, k: t };
}

/** the factors written for this term alone: a common prefix pulled out of brackets is shared by its terms */
function ownFactors(monos: Monomial[], j: number): Expr[] {
  const shared = new Set<Expr>();
  monos.forEach((m, i) => {
    if (i !== j) for (const f of m.factors) shared.add(f);
  });
  const own = monos[j]!.factors.filter((f) => !shared.has(f));
  return own.length ? own : monos[j]!.factors;
}

/** the source range covering a term's factors (they come from one stretch of one statement) */
function spanOf(factors: Expr[]): Range | null {
  if (!factors.length) return null;
  const rs = factors.map((f) => f.range);
  const before = (a: Range, b: Range) => a.line < b.line || (a.line === b.line && a.column < b.column);
  const after = (a: Range, b: Range) => a.endLine > b.endLine || (a.endLine === b.endLine && a.endColumn > b.endColumn);
  let lo = rs[0]!;
  let hi = rs[0]!;
  for (const r of rs) {
    if (before(r, lo)) lo = r;
    if (after(r, hi)) hi = r;
  }
  return { line: lo.line, column: lo.column, endLine: hi.endLine, endColumn: hi.endColumn };
}

/** per run: wrongFactor and segmentFactor ask for it at every named wrong term */
const untimedByRun = new Memo<Run, Set<number>>();

/** the untimed quantities' nodes (a sum of losses: its edges ∂L/∂L_t = 1 a worked solution leaves out) */
function untimedNodes(run: Run): Set<number> {
  let out = untimedByRun.get(run);
  if (!out)
    untimedByRun.set(
      run,
      (out = new Set(
        run
          .quantityNodes()
          .filter((q) => q.t === null)
          .map((q) => q.node.id),
      )),
    );
  return out;
}

const isOne = (J: Float64Array) => J.length === 1 && J[0] === 1;

/**
 * the term is the path with one square matrix of it transposed (U_z (…) for U_zᵀ (…) in a GRU's ∂L/∂h_{t-1}): "U_z
 * should be U_zᵀ". One evaluation per square weight or Jacobian the term writes, asked once the term and the path are
 * each the only one left unmatched
 */
function transposedFactor(m: Monomial, path: Float64Array, env: Env, run: Run): string | null {
  if (!m.e) return null;
  for (const f of m.factors) {
    const square = f.shape.length === 2 && f.shape[0] === f.shape[1] && f.shape[0]! > 1;
    if (!square || (f.k !== 'ref' && f.k !== 'transpose')) continue;
    const flipped: Expr = f.k === 'transpose' ? f.a : { k: 'transpose', a: f, shape: f.shape, range: f.range };
    const e = replacing(m.e, f, flipped);
    if (e === m.e) continue;
    const v = run.evaluateShared(e, env).data.map((x) => x * m.coef);
    if (same(v, path)) return `${exprText(f)} should be ${exprText(flipped)}`;
  }
  return null;
}

/**
 * A term that is a missing path with one factor wrong: "the last factor should be ∂h_1/∂W_xh" (∂⁺ when the
 * term writes ∂⁺ there). The path's factors run from A back to B, as the term writes them; a ∂L/∂L_t = 1
 * of a sum of losses is left out, as a worked solution does.
 */
function wrongFactor(m: Monomial, path: TNode[], env: Env, run: Run, label: (n: TNode) => string): string | null {
  const edges: { u: TNode; v: TNode; J: Float64Array }[] = [];
  const untimed = untimedNodes(run);
  for (let k = 1; k < path.length; k++) {
    const u = path[k - 1]!,
      v = path[k]!;
    const J = edgeJ(run, u, v);
    if (isOne(J) && untimed.has(v.id)) continue;
    edges.push({ u, v, J });
  }
  edges.reverse();
  if (m.coef !== 1) return null;
  if (edges.length !== m.factors.length) return segmentFactor(m, path, env, run, label);
  const wrong: number[] = [];
  m.factors.forEach((f, i) => {
    if (!same(run.evaluateShared(f, env).data, edges[i]!.J)) wrong.push(i);
  });
  if (wrong.length !== 1) return null;
  const i = wrong[0]!;
  const f = m.factors[i]!;
  const plus = f.k === 'deriv' && !f.total && !f.oneStep ? '⁺' : '';
  const where = i === edges.length - 1 ? 'the last factor' : i === 0 ? 'the first factor' : `factor ${i + 1}`;
  return `${where} should be ∂${plus}${label(edges[i]!.v)}/∂${label(edges[i]!.u)}`;
}

/**
 * wrongFactor when the term's factors are fewer than the path's edges: each factor spans a stretch of
 * the path, through intermediates the solution does not write (seed 001's h_t = σ(h̃_t), where ∂h_2/∂h_1
 * covers h_1 → h̃_2 → h_2). The factors other than one are placed on the path by their own two ends;
 * the one left must span the gap between its neighbours, and is named with the gap's two ends.
 */
function segmentFactor(m: Monomial, path: TNode[], env: Env, run: Run, label: (n: TNode) => string): string | null {
  const n = m.factors.length;
  const posOf = (ref: { name: string; idx: Idx | null }) => {
    const node = run.node(ref.name, stepOf(ref.idx, env));
    return node ? path.indexOf(node) : -1;
  };
  // each factor's two ends as positions on the path (the of end higher), or null when it is not a ∂X/∂Y on it
  const ends = m.factors.map((f) => {
    if (f.k !== 'deriv' || f.of.k !== 'ref') return null;
    const hi = posOf(f.of);
    const lo = posOf(f.wrt);
    return hi > lo && lo >= 0 ? { hi, lo } : null;
  });
  const untimed = untimedNodes(run);
  /** stretch(run, path, lo, hi), each made once: every candidate factor compares the others with theirs */
  const stretches = new Map<number, Float64Array>();
  const stretchOf = (lo: number, hi: number): Float64Array => {
    const key = lo * path.length + hi;
    let M = stretches.get(key);
    if (!M) stretches.set(key, (M = stretch(run, path, lo, hi)));
    return M;
  };
  // the top of the term: A, or a node below it joined to A by edges of 1 into untimed sums (∂L/∂L_3 left out)
  let top = path.length - 1;
  while (top > 0 && isOne(edgeJ(run, path[top - 1]!, path[top]!)) && untimed.has(path[top]!.id)) top--;
  for (let i = 0; i < n; i++) {
    const others = ends.every((e, j) => j === i || e !== null);
    if (!others) continue;
    // the junctions: factor j spans junction j+1 (low) to junction j (high)
    const J: number[] = new Array(n + 1).fill(NaN);
    J[n] = 0;
    let ok = true;
    ends.forEach((e, j) => {
      if (j === i || !e) return;
      for (const [k, v] of [
        [j, e.hi],
        [j + 1, e.lo],
      ] as const) {
        if (Number.isNaN(J[k]!)) J[k] = v;
        else if (J[k] !== v) ok = false;
      }
    });
    if (Number.isNaN(J[0]!)) J[0] = top;
    if (!ok || J.some((v) => Number.isNaN(v)) || J[0]! < top || J.some((v, k) => k > 0 && v >= J[k - 1]!)) continue;
    if (J[0]! !== top && !(J[0]! > top && J[0] === path.length - 1)) continue;
    // each factor read (and charged) as ever, its value the run's own array; a stretch of the path taken once
    const fits = m.factors.every((f, j) => j === i || same(run.evaluateShared(f, env).data, stretchOf(J[j + 1]!, J[j]!)));
    if (!fits || same(run.evaluateShared(m.factors[i]!, env).data, stretchOf(J[i + 1]!, J[i]!))) continue;
    const f = m.factors[i]!;
    const plus = f.k === 'deriv' && !f.total && !f.oneStep && J[i]! - J[i + 1]! === 1 ? '⁺' : '';
    const where = i === n - 1 ? 'the last factor' : i === 0 ? 'the first factor' : `factor ${i + 1}`;
    return `${where} should be ∂${plus}${label(path[J[i]!]!)}/∂${label(path[J[i + 1]!]!)}`;
  }
  return null;
}

/** bind the free step so that the terms are concrete */
function t0(e: Expr, env: Env): Expr {
  return env.t === undefined ? e : bindVar(e, 't', env.t);
}
