// Where a hand-written chain rule goes wrong: the true ∂A/∂B is a sum over paths from B to A of
// products of immediate partials; a worked solution writes a sum of products of derivative factors.
// Matching the two term by term names the term that is no path and the path that no term covers.
// Scalar networks only (every node on the way a scalar), and only while the paths are few.

import { idxVars } from '../language/idx';
import { nameOfKey, nodeKey } from '../ids';
import type { Expr, Idx } from '../language/model';
import { exprText, nameLatex, refText } from '../language/print';
import type { ChainTerm, Range } from '../report';
import { toValue } from './tensor';
import { fmt } from './format';
import { stepOf, type Env, type Run } from './run';
import { bindVar } from './subst';
import type { TNode } from './tape';

const MAX_PATHS = 400;
const MAX_TERMS = 400;

interface Monomial {
  coef: number;
  factors: Expr[];
}

/** a sum of products, distributed; null when too large or not scalar */
function expand(e: Expr): Monomial[] | null {
  if (e.shape.length !== 0) return null;
  switch (e.k) {
    case 'num':
      return [{ coef: e.value, factors: [] }];
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
    case 'mul': {
      const a = expand(e.a);
      const b = expand(e.b);
      if (!a || !b || a.length * b.length > MAX_TERMS) return null;
      return a.flatMap((x) => b.map((y) => ({ coef: x.coef * y.coef, factors: [...x.factors, ...y.factors] })));
    }
    case 'sum': {
      if (idxVars(e.from).length || idxVars(e.to).length) return [{ coef: 1, factors: [e] }];
      const out: Monomial[] = [];
      for (let i = e.from.k; i <= e.to.k; i++) {
        const m = expand(bindVar(e.body, e.v, i));
        if (!m || out.length + m.length > MAX_TERMS) return null;
        out.push(...m);
      }
      return out;
    }
    default:
      return [{ coef: 1, factors: [e] }];
  }
}

function pathsBetween(run: Run, B: TNode, A: TNode): TNode[][] | null {
  // users: for every quantity node, the nodes its own equation reads
  const users = new Map<number, TNode[]>();
  for (const q of run.quantityNodes()) {
    if (q.node.id <= B.id || q.node.id > A.id) continue;
    for (const id of run.immediate(q.node).keys()) {
      let u = users.get(id);
      if (!u) users.set(id, (u = []));
      u.push(q.node);
    }
  }
  const out: TNode[][] = [];
  const walk = (n: TNode, path: TNode[]): boolean => {
    if (n === A) {
      out.push(path);
      return out.length <= MAX_PATHS;
    }
    for (const u of users.get(n.id) ?? []) if (!walk(u, [...path, u])) return false;
    return true;
  };
  return walk(B, [B]) ? out : null;
}

function pathValue(run: Run, path: TNode[]): number {
  let v = 1;
  for (let i = 1; i < path.length; i++) v *= run.immediate(path[i]!).get(path[i - 1]!.id)?.[0] ?? 0;
  return v;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1e-12, Math.abs(a), Math.abs(b));

/** a message naming the wrong term and the missing path, or null when the two do not match up simply */
/** a term-by-term diagnosis: its text, and the source range of the one term it names as wrong */
export interface TermHint {
  text: string;
  culprit: Range | null;
}

export function termHint(d: Expr & { k: 'deriv' }, other: Expr, env: Env, run: Run, label: (n: TNode) => string): TermHint | null {
  if (!d.total || d.shape.length !== 0 || d.of.k !== 'ref') return null;
  const B = run.node(d.wrt.name, stepOf(d.wrt.idx, env));
  const A = run.node(d.of.name, stepOf(d.of.idx, env));
  if (!A || !B || A.data.length !== 1 || B.data.length !== 1) return null;
  const monos = expand(t0(other, env));
  if (!monos || monos.length < 2) return null;
  const paths = pathsBetween(run, B, A);
  if (!paths || paths.some((p) => p.some((n) => n.data.length !== 1))) return null;
  const pv = paths.map((p) => pathValue(run, p));
  const mv = monos.map((m) => m.factors.reduce((acc, f) => acc * run.evaluateAt(f, env).data[0]!, m.coef));
  const usedPath = new Array(paths.length).fill(false);
  const unmatched: number[] = [];
  mv.forEach((v, j) => {
    if (v === 0) return;
    const k = pv.findIndex((p, i) => !usedPath[i] && same(p, v));
    if (k < 0) unmatched.push(j);
    else usedPath[k] = true;
  });
  const missing = pv.map((_, i) => i).filter((i) => !usedPath[i] && pv[i] !== 0);
  if (unmatched.length === 0 && missing.length === 0) return null;
  if (unmatched.length > 1 || missing.length > 1) return null;
  const termText = (j: number) => {
    const m = monos[j]!;
    const body = m.factors.map((f) => exprText(f)).join('·') || '1';
    return `${m.coef === -1 ? '−' : m.coef === 1 ? '' : fmt(m.coef) + '·'}${body}`;
  };
  const pathText = (i: number) => paths[i]!.map(label).join(' → ');
  const parts: string[] = [];
  if (unmatched.length)
    parts.push(`the term ${termText(unmatched[0]!)} (= ${fmt(mv[unmatched[0]!]!)}) is no path from ${label(B)} to ${label(A)}`);
  if (missing.length)
    parts.push(`${parts.length ? 'and ' : ''}no term covers the path ${pathText(missing[0]!)} (= ${fmt(pv[missing[0]!]!)})`);
  const fix =
    unmatched.length === 1 && missing.length === 1 ? wrongFactor(monos[unmatched[0]!]!, paths[missing[0]!]!, env, run, label) : null;
  const text = parts.join(' ').replace(/^./, (c) => c.toUpperCase()) + (fix ? `: ${fix}` : '');
  // located only when the diagnosis is certain: one term that is a missing path with one factor wrong
  return { text, culprit: fix ? spanOf(ownFactors(monos, unmatched[0]!)) : null };
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

/**
 * A term that is a missing path with one factor wrong: "the last factor should be ∂h_1/∂W_xh" (∂⁺ when the
 * term writes ∂⁺ there). The path's factors run from A back to B, as the term writes them; a ∂L/∂L_t = 1
 * of a sum of losses is left out, as a worked solution does.
 */
function wrongFactor(m: Monomial, path: TNode[], env: Env, run: Run, label: (n: TNode) => string): string | null {
  const edges: { u: TNode; v: TNode; value: number }[] = [];
  const untimed = new Set(
    run
      .quantityNodes()
      .filter((q) => q.t === null)
      .map((q) => q.node.id),
  );
  for (let k = 1; k < path.length; k++) {
    const u = path[k - 1]!,
      v = path[k]!;
    const value = run.immediate(v).get(u.id)?.[0] ?? 0;
    if (value === 1 && untimed.has(v.id)) continue;
    edges.push({ u, v, value });
  }
  edges.reverse();
  if (m.coef !== 1) return null;
  if (edges.length !== m.factors.length) return segmentFactor(m, path, env, run, label);
  const wrong: number[] = [];
  m.factors.forEach((f, i) => {
    if (!same(run.evaluateAt(f, env).data[0]!, edges[i]!.value)) wrong.push(i);
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
  const edge = (k: number) => run.immediate(path[k]!).get(path[k - 1]!.id)?.[0] ?? 0;
  const stretch = (lo: number, hi: number) => {
    let v = 1;
    for (let k = lo + 1; k <= hi; k++) v *= edge(k);
    return v;
  };
  const untimed = new Set(
    run
      .quantityNodes()
      .filter((q) => q.t === null)
      .map((q) => q.node.id),
  );
  // the top of the term: A, or a node below it joined to A by edges of 1 into untimed sums (∂L/∂L_3 left out)
  let top = path.length - 1;
  while (top > 0 && edge(top) === 1 && untimed.has(path[top]!.id)) top--;
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
    const fits = m.factors.every((f, j) => j === i || same(run.evaluateAt(f, env).data[0]!, stretch(J[j + 1]!, J[j]!)));
    if (!fits || same(run.evaluateAt(m.factors[i]!, env).data[0]!, stretch(J[i + 1]!, J[i]!))) continue;
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

export function nodeLabel(run: Run): (n: TNode) => string {
  const names = nodeNames(run);
  return (n) => names.get(n.id)?.text ?? '?';
}

const MAX_TERMS_SHOWN = 64;

/**
 * The chain-rule sum of ∂A/∂B as terms: one per path from B to A, each the product of the immediate
 * partials along it (Jacobians for vectors), with its value and its path of graph node ids.
 */
/** Chain terms are listed for networks whose tensors have at most this many entries: finding the paths
 *  takes every node's immediate Jacobian (one sweep per entry), which for a 64-unit network cost more
 *  than the forms themselves (they are written up to 4,096 entries) */
const MAX_TERMS_ENTRIES = 256;

export function chainTerms(run: Run, d: Expr & { k: 'deriv' }, env: Env): ChainTerm[] | null {
  if (!d.total || d.of.k !== 'ref') return null;
  for (const x of [...run.model.decls.values(), ...run.model.quantities.values()])
    if (x.shape.reduce((a, b) => a * b, 1) > MAX_TERMS_ENTRIES) return null;
  const B = run.node(d.wrt.name, stepOf(d.wrt.idx, env));
  const A = run.node(d.of.name, stepOf(d.of.idx, env));
  if (!A || !B || A === B) return null;
  const paths = pathsBetween(run, B, A);
  if (!paths || paths.length === 0 || paths.length > MAX_TERMS_SHOWN) return null;
  const names = nodeNames(run);
  const isDecl = run.model.decls.has(d.wrt.name);
  const shape = A.data.length === 1 ? B.shape : B.data.length === 1 ? A.shape : [A.data.length, B.data.length];
  return paths.map((path) => {
    // the Jacobian of the path J_k ⋯ J_1 (rows over A's entries, columns over B's), multiplied from the
    // narrower end: from A's side when A has fewer entries (a loss: row vectors times Jacobians, not
    // 2048 × 2048 products for a 64-unit network's W_xh), else from B's side
    const nA = A.data.length,
      nB = B.data.length;
    const fromA = nA < nB;
    const Js: Float64Array[] = [];
    for (let k = 1; k < path.length; k++) Js.push(run.immediate(path[k]!).get(path[k - 1]!.id)!);
    const n0 = fromA ? nA : nB;
    let M: Float64Array = new Float64Array(n0 * n0);
    for (let i = 0; i < n0; i++) M[i * n0 + i] = 1;
    if (fromA) for (let k = path.length - 1; k >= 1; k--) M = matProduct(M, Js[k - 1]!, nA, path[k]!.data.length, path[k - 1]!.data.length);
    else for (let k = 1; k < path.length; k++) M = matProduct(Js[k - 1]!, M, path[k]!.data.length, path[k - 1]!.data.length, nB);
    const text: string[] = [];
    const latex: string[] = [];
    for (let k = 1; k < path.length; k++) {
      const u = path[k - 1]!,
        v = path[k]!;
      const J = Js[k - 1]!;
      // ∂L/∂L_t = 1 in a sum of losses: a factor a worked solution leaves out
      if (J.length === 1 && J[0] === 1 && names.get(v.id)!.t === null) continue;
      const plus = k === 1 && isDecl ? '⁺' : '';
      const nv = names.get(v.id)!,
        nu = names.get(u.id)!;
      text.push(`∂${plus}${nv.text}/∂${nu.text}`);
      latex.push(`\\frac{\\partial${plus ? '^{+}' : ''} ${nv.latex}}{\\partial ${nu.latex}}`);
    }
    // written the way a solution writes it: from the quantity back to the variable (∂L_3/∂o_3·…·∂⁺h_1/∂W)
    return {
      text: text.reverse().join('·') || '1',
      latex: latex.reverse().join(' \\cdot ') || '1',
      value: toValue({ shape, data: M }),
      path: path.map((n) => names.get(n.id)!.id),
    };
  });
}

/** rows(v) × cols(B) = J[rows(v) × rows(u)] · M[rows(u) × cols(B)] */
function matProduct(J: Float64Array, M: Float64Array, nv: number, nu: number, nb: number): Float64Array {
  const out = new Float64Array(nv * nb);
  for (let i = 0; i < nv; i++)
    for (let k = 0; k < nu; k++) {
      const a = J[i * nu + k]!;
      if (a === 0) continue;
      for (let j = 0; j < nb; j++) out[i * nb + j] += a * M[k * nb + j]!;
    }
  return out;
}

interface NodeName {
  id: string;
  text: string;
  latex: string;
  t: number | null;
}

/** every node's graph id (as in the Report's graph), text and LaTeX name */
function nodeNames(run: Run): Map<number, NodeName> {
  const out = new Map<number, NodeName>();
  const put = (n: TNode | undefined, name: string, t: number | null) => {
    if (!n) return;
    const idx = t === null ? null : { v: null, k: t };
    out.set(n.id, { id: nodeKey({ name: nameOfKey(name), step: t }), text: refText(name, idx), latex: nameLatex(name, idx), t });
  };
  for (const q of run.quantityNodes()) put(q.node, q.name, q.t);
  for (const [name, d] of run.model.decls) {
    if (d.perStep) for (let t = 1; t <= run.model.T; t++) put(run.node(name, t), name, t);
    else put(run.node(name, null), name, null);
  }
  return out;
}
