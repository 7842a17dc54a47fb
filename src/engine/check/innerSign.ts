// A sign slipped inside a factor: σ's slope written o_{t+1}(1 + o_{t+1}), a recursion's (h_2 − w_h ∂h_2/∂w_h) for
// (h_2 + w_h ∂h_2/∂w_h). The term matcher and the local factor hint read the whole term as a value that is off and say
// by how much; a grader circles the sign. Each + or − inside a product (not a top-level term's, whose sign those hints
// name) is tried flipped. Structural until then: a side with no sum inside a product costs nothing.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { confirmed, type OtherValues } from './confirm';
import { whichOf, type Claim } from './hints';
import type { Run } from '../run';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';

/** flips tried: each costs one evaluation of the sides at every point */
const MAX_FLIPS = 12;

type Sum = Expr & { k: 'add' | 'sub' };
/** a sign that may be turned: a sum's, or a function's argument negated whole (Heaviside's H(−z_t) for H(z_t)) */
type Signed = Sum | (Expr & { k: 'neg' });

/** the sums standing inside a product (a factor's own + or −), in the order written; not into a derivative */
function innerSums(e: Expr, inProduct = false, out: Sum[] = []): Sum[] {
  if ((e.k === 'add' || e.k === 'sub') && inProduct) out.push(e);
  // not into a derivative, an entry, nor a function's argument (σ'(W x_t + b): the equation copied, not a sign slipped);
  // diag's is a factor laid out as a matrix (the MGU's diag(h̃_t − h_{t−1}) in ∂h_t/∂f_t), read as one
  const diagonal = e.k === 'call' && e.fn === 'diag';
  if (e.k === 'deriv' || e.k === 'index' || (e.k === 'call' && !diagonal)) return out;
  const product = e.k === 'mul' || e.k === 'matmul' || e.k === 'hadamard' || e.k === 'contract' || e.k === 'div' || diagonal;
  forChildren(e, (c) => innerSums(c, inProduct || product, out), VALUE_CHILDREN);
  return out;
}

export function innerSignHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const sums = innerSums(c.rhs);
  const flip = sums.length ? mendingFlip(c, run, other, sums) : null;
  const found = flip ?? (sums.length ? mendingReversal(c, run, other, sums) : null);
  if (!found) return null;
  const show = printerFor(c.text, run.model.T);
  // in its brackets, as written (a sum inside a product is bracketed)
  const written = whichOf(found.sum, sums, (x) => `(${show(x)})`).replace(/^the /, 'The ');
  // a difference's sides exchanged is said as substitute.ts says it, where the cascade reaches it later
  return `${written} should be (${show(found.flipped)}): with that ${flip ? 'sign ' : ''}the check holds`;
}

/** the first of the sums (at most MAX_FLIPS) whose sign turned makes the check hold, at its points and the draws */
function mendingFlip(c: Claim, run: Run, other: OtherValues, sums: readonly Signed[]): { sum: Signed; flipped: Expr } | null {
  for (const sum of sums.slice(0, MAX_FLIPS)) {
    const flipped: Expr = sum.k === 'neg' ? sum.a : { ...sum, k: sum.k === 'add' ? 'sub' : 'add' };
    const rhs = replaceWhere(c.rhs, (y) => (y === sum ? flipped : null), VALUES);
    if (holdsWith(c, c.lhs, rhs, run) && confirmed(other, c.lhs, rhs, c.points)) return { sum, flipped };
  }
  return null;
}

/**
 * the first difference (at most MAX_FLIPS) whose two sides exchanged make the check hold: the MGU's ∂h_t/∂f_t with
 * diag(h_{t−1} − h̃_t) for diag(h̃_t − h_{t−1}) beside a term that is right. Where the whole side negated holds, none:
 * that is signHint's "a sign is wrong", said of the side
 */
function mendingReversal(c: Claim, run: Run, other: OtherValues, sums: readonly Sum[]): { sum: Signed; flipped: Expr } | null {
  // A − Aᵀ reversed is its transpose: a transpose left on (the AntisymmetricRNN's (W_h − W_hᵀ − γI)ᵀ) is the term
  // matcher's to name, not a sign
  const skew = (x: Sum) =>
    exprText(x.b) === exprText({ k: 'transpose', a: x.a, shape: x.shape, range: x.range }) ||
    exprText(x.a) === exprText({ k: 'transpose', a: x.b, shape: x.shape, range: x.range });
  // a difference from a number (a slope's 1 − h², a complement's 1 − y) is hardly ever written backwards: its term's
  // sign is the slip, which the term matcher names (substitute.ts orders its edits so too)
  const differences = sums.filter((x) => x.k === 'sub' && x.a.k !== 'num' && !skew(x)).slice(0, MAX_FLIPS);
  if (!differences.length) return null;
  if (holdsWith(c, c.lhs, { k: 'neg', a: c.rhs, shape: c.rhs.shape, range: c.rhs.range }, run)) return null;
  for (const sum of differences) {
    const flipped: Expr = { ...sum, a: sum.b, b: sum.a };
    const rhs = replaceWhere(c.rhs, (y) => (y === sum ? flipped : null), VALUES);
    if (holdsWith(c, c.lhs, rhs, run) && confirmed(other, c.lhs, rhs, c.points)) return { sum, flipped };
  }
  return null;
}

/**
 * the sums inside a function's argument (σ'(w h_{t−1} − w x_t)), and an argument negated whole (H(−z_t)), with the
 * outermost call around each, in the order written
 */
function argumentSums(e: Expr, call: Expr | null = null, out: { sum: Signed; call: Expr }[] = []): { sum: Signed; call: Expr }[] {
  if ((e.k === 'add' || e.k === 'sub') && call) out.push({ sum: e, call });
  if (e.k === 'call' && e.arg.k === 'neg') out.push({ sum: e.arg, call: call ?? e });
  if (e.k === 'deriv') return out;
  forChildren(e, (c) => argumentSums(c, call ?? (e.k === 'call' ? e : null), out), VALUE_CHILDREN);
  return out;
}

/**
 * A sign turned in a function's argument copied from the network (`σ'(w h_{t−1} − w x_t)` for `σ'(w h_{t−1} + w x_t)`,
 * Cho's r_j = σ([W_r x]_j − [U_r h_{t−1}]_j)): innerSignHint leaves arguments alone (a copied equation), so where
 * nothing else named the slip, each + or − there is tried turned (session 54's mutants of the probes gave two values
 * and no reason). Asked last: a few evaluations per sum, at most MAX_FLIPS. The call is named whole, as written and put
 * right.
 */
export function argumentSignHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const sums = argumentSums(c.rhs);
  const found = sums.length
    ? mendingFlip(
        c,
        run,
        other,
        sums.map((x) => x.sum),
      )
    : null;
  if (!found) return null;
  const show = printerFor(c.text, run.model.T);
  const call = sums.find((x) => x.sum === found.sum)!.call;
  const written = whichOf(call, [...new Set(sums.map((x) => x.call))], show).replace(/^the /, 'The ');
  return `${written} should be ${show(replaceWhere(call, (y) => (y === found.sum ? found.flipped : null), VALUES))}: with that sign the check holds`;
}
