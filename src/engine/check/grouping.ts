// A matrix product bracketed too early: Uᵀ ∂L/∂h̃_t ⊙ (1 − h̃_t²) reads (Uᵀ ∂L/∂h̃_t) ⊙ (1 − h̃_t²), where a GRU's
// or Goodfellow's backward step means Uᵀ (∂L/∂h̃_t ⊙ (1 − h̃_t²)): the slope multiplies the adjoint before the
// transposed weight carries it back. Each elementwise product of a matrix–vector product and a vector is tried
// with the vector moved inside; when that holds here and at a draw, the brackets are named. At most a few
// candidates, one evaluation each.

import type { Expr, Fn } from '../../language/model';
import { exprText } from '../../language/print';
import { same } from '../../language/shapes';
import { forChildren, mapChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import { formulaOnRight } from './formulaSide';
import { callsOf, hasKind, hasRank } from './kinds';

const MAX_REGROUPED = 4;

/** two expressions of one shape */
const sameShape = (a: Expr, b: Expr) => same(a.shape, b.shape);

/** M v: a matrix times a vector, written with juxtaposition or @ */
const matVec = (x: Expr): x is Expr & { k: 'mul' | 'matmul' } =>
  (x.k === 'mul' || x.k === 'matmul') && x.a.shape.length === 2 && x.b.shape.length === 1;

/** (M v) ⊙ w → M (v ⊙ w), and w ⊙ (M v) → M (w ⊙ v); null when x is neither */
function regrouped(x: Expr): Expr | null {
  if ((x.k !== 'hadamard' && x.k !== 'mul') || x.shape.length !== 1) return null;
  const inner = (a: Expr, b: Expr): Expr => ({ k: x.k, a, b, shape: a.shape, range: x.range }) as Expr;
  if (matVec(x.a) && x.b.shape.length === 1 && sameShape(x.a.b, x.b))
    return { ...x.a, b: inner(x.a.b, x.b), shape: x.shape, range: x.range } as Expr;
  if (matVec(x.b) && x.a.shape.length === 1 && sameShape(x.a, x.b.b))
    return { ...x.b, b: inner(x.a, x.b.b), shape: x.shape, range: x.range } as Expr;
  return null;
}

/** the activations' slopes, written as calls */
const SLOPES = new Set<Fn>(['dsigma', 'dtanh', 'drelu']);

/** an activation's slope written out: 1 − x (of 1 − h², h(1 − h)), σ'(…), tanh'(…), relu'(…) */
function slopeLike(e: Expr): boolean {
  if (e.k === 'sub' && e.a.k === 'num' && e.a.value === 1) return true;
  if (e.k === 'call' && SLOPES.has(e.fn)) return true;
  let found = false;
  if (e.k !== 'deriv') forChildren(e, (c) => void (found ||= slopeLike(c)));
  return found;
}

/** p_1 ∘ p_2 ∘ … ∘ p_k (elementwise or scalar products, as written, left to right) */
function factors(x: Expr, shape: Expr): Expr[] {
  if ((x.k === 'hadamard' || x.k === 'mul') && sameShape(x, shape) && sameShape(x.a, shape)) return [...factors(x.a, shape), x.b];
  return [x];
}

/**
 * the slope written on one term of a sum only: δ_1 = Uᵀ(ŷ_1 − y_1) ∘ h_1 ∘ (1 − h_1) + W_hᵀ δ_2, where CS224n's and
 * every δ-recursion's slope multiplies the whole sum. When the product term's last (or first) factor is a slope
 * (slopeLike), each split from that end is tried with the other term moved inside: (p_1 … p_j + B) ∘ p_{j+1} … p_k
 */
function slopeOnOneTerm(x: Expr): { edited: Expr; slope: Expr[]; term: Expr }[] {
  if ((x.k !== 'add' && x.k !== 'sub') || !sameShape(x.a, x) || !sameShape(x.b, x)) return [];
  const out: { edited: Expr; slope: Expr[]; term: Expr }[] = [];
  for (const [prod, term, first] of [
    [x.a, x.b, true],
    [x.b, x.a, false],
  ] as const) {
    const fs = factors(prod, x);
    const times = (a: Expr, b: Expr) => ({ k: x.shape.length ? 'hadamard' : 'mul', a, b, shape: x.shape, range: x.range }) as Expr;
    // the slope written last (… ⊙ h_1 ⊙ (1 − h_1)) or first ((1 − h_t²) ⊙ …): the splits from that end
    const last = slopeLike(fs[fs.length - 1]!);
    if (fs.length < 2 || (!last && !slopeLike(fs[0]!))) continue;
    for (let n = 1; n < fs.length && out.length < MAX_REGROUPED; n++) {
      const slope = last ? fs.slice(fs.length - n) : fs.slice(0, n);
      const head = (last ? fs.slice(0, fs.length - n) : fs.slice(n)).reduce(times);
      const sum = { ...x, a: first ? head : term, b: first ? term : head } as Expr;
      out.push({ edited: last ? slope.reduce(times, sum) : times(slope.reduce(times), sum), slope, term });
    }
  }
  return out;
}

/** "Uᵀ should multiply (∂L/∂h̃_t ⊙ (1 − h̃_t^2)), not ∂L/∂h̃_t alone: with those brackets the check holds" */
export function groupingHint(c: Claim, run: Run, other: OtherValues): string | null {
  return matVecGrouping(c, run, other) ?? slopeGrouping(c, run, other);
}

/** slopeOnOneTerm's regroupings of the formula side: "h_1 ⊙ (1 − h_1) multiplies W_hᵀ δ_2 too …" */
function slopeGrouping(c: Claim, run: Run, other: OtherValues): string | null {
  const right = formulaOnRight(c);
  const side = right ? c.rhs : c.lhs;
  // slopeLike finds a 1 − … or a slope's call: a side with neither (a sum of chain-rule products) has no slope to move
  if (!hasKind(side, 'sub') && !callsOf(side).some((f) => SLOPES.has(f))) return null;
  const found: { x: Expr; edited: Expr; slope: Expr[]; term: Expr }[] = [];
  const walk = (x: Expr): void => {
    if (found.length >= MAX_REGROUPED || x.k === 'deriv') return;
    for (const r of slopeOnOneTerm(x)) if (found.length < MAX_REGROUPED) found.push({ x, ...r });
    forChildren(x, walk);
  };
  walk(side);
  for (const { x, edited: y, slope, term } of found) {
    const edited = (e: Expr): Expr => (e === x ? y : mapChildren(e, edited));
    const s = edited(side);
    const [l, r] = right ? [c.lhs, s] : [s, c.rhs];
    if (!holdsWith(c, l, r, run) || !confirmed(other, l, r, c.points)) continue;
    const slopeText = slope.map((f) => (f.k === 'add' || f.k === 'sub' ? `(${exprText(f)})` : exprText(f))).join(' ⊙ ');
    return `${slopeText} multiplies the whole sum, ${exprText(term)} too — ${exprText(y)}: with those brackets the check holds`;
  }
  return null;
}

function matVecGrouping(c: Claim, run: Run, other: OtherValues): string | null {
  const right = formulaOnRight(c);
  const side = right ? c.rhs : c.lhs;
  // regrouped() reads a product of vectors: a side with no vector has none (a scalar network's)
  if (!hasRank(side, 1)) return null;
  const found: Expr[] = [];
  const walk = (x: Expr): void => {
    if (found.length >= MAX_REGROUPED || x.k === 'deriv') return;
    if (regrouped(x)) found.push(x);
    forChildren(x, walk);
  };
  walk(side);
  for (const x of found) {
    const y = regrouped(x)!;
    const edited = (e: Expr): Expr => (e === x ? y : mapChildren(e, edited));
    const s = edited(side);
    const [l, r] = right ? [c.lhs, s] : [s, c.rhs];
    if (!holdsWith(c, l, r, run) || !confirmed(other, l, r, c.points)) continue;
    const m = y as Expr & { k: 'mul' | 'matmul' };
    const z = x as Expr & { k: 'hadamard' | 'mul' };
    const alone = matVec(z.a) ? z.a.b : (z.b as Expr & { k: 'mul' | 'matmul' }).b;
    const aloneText = alone.k === 'add' || alone.k === 'sub' ? `(${exprText(alone)})` : exprText(alone);
    return `${exprText(m.a)} should multiply (${exprText(m.b)}), not ${aloneText} alone — ${exprText(y)}: with those brackets the check holds`;
  }
  return null;
}
