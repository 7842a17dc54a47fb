// A step's Jacobian written without its activation's slope, or with one too many: ∂h_t/∂h_{t−1} = W_hh for σ'(h̃_t)
// W_hh (seed 001's sheet), ∂h_3/∂h_1 = W diag(1 − h_2²) W with the later step's diag(1 − h_3²) left out, ∂a_t/∂h_{t−1}
// = diag(1 − h_t²) W where a_t's own Jacobian has none — or without its weight (∂h_t/∂h_{t−1} = 1 − h_t² for
// w_h (1 − h_t²): the commonest slip of the scalar chain rule). The side is a bare product of the chain's factors, so
// the term matcher has no terms to match and the factor edits no step to place a slope at (W_hh alone reads none); a
// grader names the slope or the weight. Structural until then: a side that is no such product costs nothing.

import { activation, unprimed } from '../../language/activations';
import type { Expr, Idx } from '../../language/model';
import type { Range } from '../../report';
import { displayName, exprText } from '../../language/print';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import type { Run } from '../run';
import { atStep, holdsWith } from './textbook';
import { printerFor } from './writtenT';

/** edits tried in all: each costs one evaluation of the sides at every point */
const MAX_TRIALS = 24;
/** the steps of the chain a slope is tried at (∂h_t/∂h_{t−k} spans k + 1 steps) */
const MAX_STEPS = 4;

type Product = Expr & { k: 'mul' | 'matmul' };

const isProduct = (x: Expr): x is Product => x.k === 'mul' || x.k === 'matmul';
const flat = (x: Expr): Expr[] => (isProduct(x) ? [...flat(x.a), ...flat(x.b)] : [x]);

/** a slope factor: diag(…) of a vector step, or an activation's derivative of a scalar one */
const isSlope = (x: Expr) => x.k === 'call' && (x.fn === 'diag' || unprimed(x.fn) !== undefined);

/** the factors multiplied back together, left to right, as a square (or scalar) product of the side's shape */
function rebuild(fs: Expr[], like: Expr): Expr {
  return fs
    .slice(1)
    .reduce<Expr>((a, b) => ({ k: like.shape.length ? 'matmul' : 'mul', a, b, shape: like.shape, range: like.range }) as Expr, fs[0]!);
}

/** the steps from the derivative's denominator up to its numerator (∂h_t/∂h_{t−1}: t−1, t), or null */
function chainSteps(d: Expr & { k: 'deriv' }): Idx[] | null {
  const hi = d.of.k === 'ref' ? d.of.idx : null;
  const lo = d.wrt.idx;
  if (!hi || !lo || hi.v !== lo.v || hi.terms?.length || lo.terms?.length || hi.k < lo.k || hi.k - lo.k >= MAX_STEPS) return null;
  const out: Idx[] = [];
  for (let k = hi.k; k >= lo.k; k--) out.push({ v: hi.v, k });
  return out;
}

/** each activation quantity's slope at a step: σ'(h̃_t) for h_t = σ(h̃_t); diag(…) of it for a vector */
function slopes(run: Run, steps: Idx[], matrix: boolean): { e: Expr; text: string }[] {
  const out: { e: Expr; text: string }[] = [];
  for (const q of run.model.quantities.values()) {
    const g = q.timed ? q.general : null;
    const act = g?.k === 'call' ? activation(g.fn) : undefined;
    if (!g || g.k !== 'call' || !act || (matrix ? g.shape.length !== 1 : g.shape.length !== 0)) continue;
    for (const s of steps) {
      const arg = atStep(g.arg, s);
      if (!arg) continue;
      const prime: Expr = { k: 'call', fn: act.prime, arg, shape: g.shape, range: g.range };
      const n = g.shape[0]!;
      const e: Expr = matrix ? { k: 'call', fn: 'diag', arg: prime, shape: [n, n], range: g.range } : prime;
      out.push({ e, text: matrix ? `${exprText(prime)} — ${act.matrix(displayName(q.name))} in matrix form —` : exprText(prime) });
    }
  }
  return out;
}

/** 1 − h², 1 − h ⊙ h, h(1 − h), h ⊙ (1 − h): a slope written out from the activation's value (a difference with 1) */
function writtenSlope(x: Expr): boolean {
  if (x.k === 'sub') return x.a.k === 'num' && x.a.value === 1;
  return false;
}

/** the weights the network's equations read, of a Jacobian's shape (n×n; a number for 0), each once, in their order */
function weights(run: Run, n: number, range: Expr['range']): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<string>();
  for (const d of run.model.decls.values()) {
    if (d.kind !== 'param' || seen.has(d.name) || d.perStep) continue;
    const fits = n === 0 ? d.shape.length === 0 : d.shape.length === 2 && d.shape[0] === n && d.shape[1] === n;
    if (!fits) continue;
    seen.add(d.name);
    out.push({ k: 'ref', name: d.name, idx: null, shape: d.shape, range });
  }
  return out;
}

/** the claim's side as a bare chain of a step's factors, with what both hints need to try factors in it; null when none */
function chain(c: Claim, run: Run, other: OtherValues) {
  const d = c.lhs;
  if (d.k !== 'deriv' || d.of.k !== 'ref') return null;
  const shape = c.rhs.shape;
  const square = shape.length === 2 && shape[0] === shape[1];
  // a Jacobian of one vector by another, of any shape (Raschka's ∂o^{(t)}/∂h^{(t)} = W_ho, 2×3, its σ_o' left out)
  const matrix = shape.length === 2;
  if (!matrix && shape.length !== 0) return null;
  const fs = flat(c.rhs);
  // a bare chain of the step's factors: weights, slopes, Jacobians (no vector among them, and no sum but a slope
  // written out as one factor, 1 − h_t² or (1 − h_t²) w: not a side that is a sum of terms)
  if (fs.some((f) => f.k === 'sum' || f.shape.length !== shape.length || ((f.k === 'add' || f.k === 'sub') && !writtenSlope(f))))
    return null;
  const steps = chainSteps(d);
  if (!steps) return null;
  const show = printerFor(c.text, run.model.T);
  const holds = (rhs: Expr) => holdsWith(c, c.lhs, rhs, run) && confirmed(other, c.lhs, rhs, c.points);
  const where = (i: number) =>
    i === 0 ? `before ${show(fs[0]!)}` : i === fs.length ? `after ${show(fs[i - 1]!)}` : `between ${show(fs[i - 1]!)} and ${show(fs[i]!)}`;
  return { fs, square, matrix, shape, steps, show, holds, where };
}

export function jacobianSlopeHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const ch = chain(c, run, other);
  if (!ch) return null;
  const { fs, matrix, steps, show, holds, where } = ch;
  let tried = 0;
  // a slope left out: each activation's slope at each step of the chain, at each place in the product
  for (const s of slopes(run, steps, matrix)) {
    for (let i = 0; i <= fs.length; i++) {
      if (tried++ >= MAX_TRIALS) return null;
      const rhs = rebuild([...fs.slice(0, i), s.e, ...fs.slice(i)], c.rhs);
      if (!holds(rhs)) continue;
      return `The factor ${s.text} is missing ${where(i)}: with it the check holds`;
    }
  }
  // a slope too many: the product without one of its slope factors
  if (fs.length > 1)
    for (let i = 0; i < fs.length; i++) {
      if (!isSlope(fs[i]!) || tried++ >= MAX_TRIALS) continue;
      if (holds(rebuild([...fs.slice(0, i), ...fs.slice(i + 1)], c.rhs)))
        return `${show(fs[i]!)} is one factor too many: without it the check holds`;
    }
  return null;
}

/**
 * A weight left out of the step's Jacobian (∂h_t/∂h_{t−1} = 1 − h_t² for w_h (1 − h_t²), the commonest slip of the
 * scalar chain rule): each weight of the network of the Jacobian's shape, where it stands (a number commutes: one place).
 * Asked after the factor edits, which name it where they can place it (σ'(…) alone) and locate the term; said with the
 * side as the place of the mistake
 */
export function jacobianWeightHint(c: Claim, run: Run, other: OtherValues = null): { text: string; culprit: Range } | null {
  const ch = chain(c, run, other);
  if (!ch) return null;
  const { fs, square, shape, show, holds, where } = ch;
  // a weight of the Jacobian's own square shape: a rectangular one (∂o_t/∂h_t) has its weight written
  if (!square && shape.length) return null;
  let tried = 0;
  for (const w of weights(run, square ? shape[0]! : 0, c.rhs.range)) {
    for (let i = square ? 0 : fs.length; i <= fs.length; i++) {
      if (tried++ >= MAX_TRIALS) return null;
      if (!holds(rebuild([...fs.slice(0, i), w, ...fs.slice(i)], c.rhs))) continue;
      // worded as the factor edits word a factor left out
      const at = square ? ` ${where(i)}` : '';
      return { text: `The right side leaves out the factor ${show(w)}${at}: with that the check holds`, culprit: c.rhs.range };
    }
  }
  return null;
}
