// A factor left out inside a ∏: d2l's ∂h_t/∂w_h = Σ_{i=1}^{t} (∏_{j=i+1}^{t} w_h (1 − h_j²)) (1 − h_i²) h_{i-1} written
// with the ∏'s (1 − h_j²) left out. The one-edit hints (factorEdit.ts) insert a factor beside a term, not inside a ∏'s
// body at its own variable, so the line got its two values alone. A grader re-inserts the factor the formula writes
// elsewhere — (1 − h_i²) beside the ∏, read at the ∏'s variable j — or one of the step's own Jacobian, ∂h_j/∂h_{j-1}
// = tanh′(…) w_h: a slope of the network's activation, or a weight that multiplies the state's earlier step. Asked
// last, where every other hint has said nothing (a copy of the side per trial), and only of a side that writes a ∏.

import { activation } from '../../language/activations';
import type { Expr, Idx } from '../../language/model';
import { forChildren, mapChildren, mapIndicesOf, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { hasKind } from './kinds';
import type { Point } from './points';
import { atStep, holdsWith } from './textbook';
import { printerFor } from './writtenT';

type Prod = Expr & { k: 'prod' };

/** ∏s of a side tried, and factors tried per ∏ (each trial evaluates the sides at every point) */
const MAX_PRODS = 3;
const MAX_FACTORS = 10;

const isProduct = (x: Expr) => x.k === 'mul' || x.k === 'hadamard' || x.k === 'matmul';

/** the factors of a product, flattened (a(b c) → a, b, c) */
const factors = (x: Expr): Expr[] =>
  isProduct(x) ? [...factors((x as Expr & { a: Expr }).a), ...factors((x as Expr & { b: Expr }).b)] : [x];

/** the index with variable `from` read as `to` (i + 1 → j + 1); other variables as they are */
function renamed(i: Idx, from: string, to: string): Idx {
  const v = i.v === from ? to : i.v;
  const terms = i.terms?.map((t) => (t.v === from ? { ...t, v: to } : t));
  return { ...i, v, ...(terms ? { terms } : {}) };
}

/** every index of e with `from` read as `to`; a factor with a Σ/∏ of its own is not read so (null) */
function rebound(e: Expr, from: string, to: string): Expr | null {
  return hasKind(e, 'sum') || hasKind(e, 'prod') ? null : mapIndicesOf(e, from, (i) => renamed(i, from, to));
}

/** the variables of the Σ/∏s of a side (a factor at one of them is read at the ∏'s own) */
function boundVars(e: Expr): Set<string> {
  const out = new Set<string>();
  const go = (x: Expr): void => {
    if (x.k === 'sum' || x.k === 'prod') out.add(x.v);
    forChildren(x, go, VALUE_CHILDREN);
  };
  go(e);
  return out;
}

/** the ∏s of a side's values (not inside a derivative), outermost first */
function prods(e: Expr): Prod[] {
  const out: Prod[] = [];
  const go = (x: Expr): void => {
    if (x.k === 'prod') out.push(x as Prod);
    if (x.k !== 'deriv') forChildren(x, go, VALUE_CHILDREN);
  };
  go(e);
  return out;
}

/** whether x holds the node n */
function holds(x: Expr, n: Expr): boolean {
  let found = false;
  const go = (y: Expr): void => {
    if (found) return;
    if (y === n) found = true;
    else forChildren(y, go);
  };
  go(x);
  return found;
}

/**
 * the factors a ∏ over v may have left out: each factor the side writes elsewhere in a product, read at v where it
 * reads a Σ/∏'s variable (and as written where it reads none: a weight), then the network's one-step Jacobian factors
 * at step v (an activation's slope, the weight of a state's earlier step); no number, none the body already writes
 */
function candidates(side: Expr, p: Prod, run: Run, show: (e: Expr) => string): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<string>(factors(p.body).map(show));
  const add = (f: Expr | null) => {
    if (!f || f.k === 'num' || out.length >= MAX_FACTORS) return;
    const text = show(f);
    if (seen.has(text)) return;
    seen.add(text);
    out.push(f);
  };
  const vars = [...boundVars(side)].filter((u) => u !== p.v);
  const go = (x: Expr): void => {
    if (x === p || x.k === 'deriv') return;
    if (isProduct(x))
      for (const f of factors(x)) {
        if (holds(f, p) || isProduct(f)) continue;
        const reads = vars.filter((u) => mentions(f, u));
        if (reads.length === 0) add(f);
        else if (reads.length === 1) add(rebound(f, reads[0]!, p.v));
      }
    forChildren(x, go, VALUE_CHILDREN);
  };
  go(side);
  // the step's Jacobian ∂X_v/∂X_{v-1}, factor by factor: X_t = act(… w X_{t-1} …) gives act′(…) and w
  const at: Idx = { v: p.v, k: 0 };
  for (const q of run.model.quantities.values()) {
    const g = q.timed ? q.general : null;
    const act = g?.k === 'call' ? activation(g.fn) : undefined;
    if (!g || g.k !== 'call' || !act || g.shape.length > 1) continue;
    const arg = atStep(g.arg, at);
    // a vector state's slope is its Jacobian's diagonal: diag(act′(…)), as a ∏ of matrices writes it
    const prime: Expr | null = arg && { k: 'call', fn: act.prime, arg, shape: g.shape, range: g.range };
    if (prime) add(g.shape.length ? { k: 'call', fn: 'diag', arg: prime, shape: [g.shape[0]!, g.shape[0]!], range: g.range } : prime);
    for (const term of terms(g.arg))
      for (const f of factors(term)) if (!readsEarlier(f, q.name) && factors(term).some((o) => readsEarlier(o, q.name))) add(atStep(f, at));
  }
  return out;
}

/** the terms of a sum (a − b: a and b) */
const terms = (x: Expr): Expr[] => (x.k === 'add' || x.k === 'sub' ? [...terms(x.a), ...terms(x.b)] : [x]);

/** the reference X_{t-1} itself */
const readsEarlier = (x: Expr, name: string) =>
  x.k === 'ref' && x.name === name && x.idx?.v === 't' && x.idx.k === -1 && !x.idx.terms?.length;

/** whether an index of x reads the variable u */
function mentions(x: Expr, u: string): boolean {
  let found = false;
  const idx = (i: Idx | null | undefined) => {
    if (i && (i.v === u || i.terms?.some((t) => t.v === u))) found = true;
  };
  const go = (y: Expr): void => {
    if (found) return;
    if (y.k === 'ref' || y.k === 'var') idx(y.idx);
    if (y.k === 'deriv') idx(y.wrt.idx);
    forChildren(y, go);
  };
  go(x);
  return found;
}

/** the ∏ with f multiplied into its body, on the left and the right where the order matters (matrices) */
function inserted(p: Prod, f: Expr): Prod[] {
  const b = p.body;
  const mk = (k: 'mul' | 'matmul' | 'hadamard', a: Expr, c: Expr): Expr => ({ k, a, b: c, shape: b.shape, range: b.range }) as Expr;
  if (!b.shape.length) return f.shape.length ? [] : [{ ...p, body: mk('mul', b, f) }];
  if (!f.shape.length) return [{ ...p, body: mk('mul', b, f) }];
  if (f.shape.length !== b.shape.length || f.shape.some((n, i) => n !== b.shape[i])) return [];
  if (b.shape.length === 1) return [{ ...p, body: mk('hadamard', b, f) }];
  return [
    { ...p, body: mk('matmul', f, b) },
    { ...p, body: mk('matmul', b, f) },
  ];
}

/** "The factor 1 − h_j^2 is missing inside the ∏ over j, beside w_h: with it the check holds" */
export function prodFactorHint(c: Claim, run: Run, bad: Point, other: OtherValues): string | null {
  if (!hasKind(c.rhs, 'prod') && !hasKind(c.lhs, 'prod')) return null;
  const points = [bad, ...c.points.filter((p) => p.env !== bad.env)];
  const show = printerFor(c.text, run.model.T);
  for (const right of [true, false]) {
    const side = right ? c.rhs : c.lhs;
    for (const p of prods(side).slice(0, MAX_PRODS))
      for (const f of candidates(side, p, run, show))
        for (const q of inserted(p, f)) {
          const swap = (x: Expr): Expr => (x === p ? q : x.k === 'deriv' ? x : mapChildren(x, swap, VALUE_CHILDREN));
          const e = swap(side);
          const [lhs, rhs] = right ? [c.lhs, e] : [e, c.rhs];
          if (!holdsWith({ ...c, points }, lhs, rhs, run) || !confirmed(other, lhs, rhs, c.points)) continue;
          const body = show(p.body);
          const beside = body.length <= 40 ? `, beside ${body}` : '';
          return `The factor ${show(f)} is missing inside the ∏ over ${p.v}${beside}: with it the check holds`;
        }
  }
  return null;
}
