// tanh's slope written wrong: `1 − h_{t+1}` where 1 − h_{t+1}² is meant (the square forgotten: Goodfellow's
// diag(1 − h²) as diag(1 − h)), or `h(1 − h)`, σ's slope, written for tanh's. The other hints read such a factor
// as a value that is off ("its value is −0.063, the term should be −0.075") or say nothing; a teacher names the
// slope. Also tanh's 1 − h² written for a σ h. A pattern of the written side (no evaluation without one), judged at the check's points and confirmed
// at a draw (confirm.ts).

import type { Expr, Idx, Model } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, mapIndicesOf, VALUE_CHILDREN } from '../../language/resolve';
import { replacing } from './replacing';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';
import { hasKind } from './kinds';

/** slopes tried per check */
const MAX_TRIES = 4;

/**
 * a value that is fn's (tanh's unless said): fn(…) written out, or a step of a quantity defined as fn(…) (h_t = tanh(a_t)),
 * or an entry of one (Haykin's y_j(n) of y = φ(v), φ = tanh)
 */
function isActivation(x: Expr, model: Model, fn: 'tanh' | 'sigma' = 'tanh'): boolean {
  if (x.k === 'call') return x.fn === fn;
  if (x.k === 'index') return isActivation(x.a, model, fn);
  if (x.k !== 'ref' || !x.idx) return false;
  const g = model.quantities.get(x.name)?.general;
  return g?.k === 'call' && g.fn === fn;
}

/** for a step of a quantity defined as a product with one tanh (h_t = o_t ⊙ tanh(c_t)), that tanh at the step's own */
function gatedTanh(x: Expr, model: Model): Expr | null {
  if (x.k !== 'ref' || !x.idx) return null;
  const g = model.quantities.get(x.name)?.general;
  if (!g || (g.k !== 'hadamard' && g.k !== 'mul')) return null;
  const tanhs = [g.a, g.b].filter((f) => f.k === 'call' && f.fn === 'tanh');
  if (tanhs.length !== 1) return null;
  return atStepOf(tanhs[0]!, x.idx);
}

/** a part of an equation written at t with its steps moved to `at`'s (h_{t+1}'s tanh(c_{t+1})) */
function atStepOf(e: Expr, at: Idx): Expr {
  return mapIndicesOf(e, 't', (i) => (i.v === 't' ? { ...at, k: at.k + i.k } : i));
}

/**
 * for a step of a quantity defined as a sum with one tanh in it (the leaky reservoir's x_t = (1 − a) x_{t-1} + a
 * tanh(…)), that tanh at the step's own
 */
function mixedTanh(x: Expr, model: Model): Expr | null {
  if (x.k !== 'ref' || !x.idx) return null;
  const g = model.quantities.get(x.name)?.general;
  if (!g || (g.k !== 'add' && g.k !== 'sub')) return null;
  const found: Expr[] = [];
  const walk = (e: Expr): void => {
    if (e.k === 'call' && e.fn === 'tanh') found.push(e);
    else forChildren(e, walk, VALUE_CHILDREN);
  };
  walk(g);
  if (found.length !== 1) return null;
  return atStepOf(found[0]!, x.idx);
}

/** X ⊙ (1 − X) for the σ X: σ's slope */
function sigmaSlopeOf(x: Expr, range: Expr['range']): Expr {
  const one: Expr = { k: 'num', value: 1, shape: [], range };
  const rest: Expr = { k: 'sub', a: one, b: x, shape: x.shape, range };
  return { k: x.shape && x.shape.length > 0 ? 'hadamard' : 'mul', a: x, b: rest, shape: x.shape, range } as Expr;
}

const isOne = (x: Expr) => x.k === 'num' && x.value === 1;

/** 1 − X² for the tanh X */
function slopeOf(x: Expr, range: Expr['range']): Expr {
  const two: Expr = { k: 'num', value: 2, shape: [], range };
  const one: Expr = { k: 'num', value: 1, shape: [], range };
  return { k: 'sub', a: one, b: { k: 'pow', a: x, b: two, shape: x.shape, range }, shape: x.shape, range };
}

const ON_TANH = `the square belongs on tanh: tanh' is 1 − tanh²`;

/** X of X² (a power, or a matrix power: diag(…)² is diag((…)²)), else null */
function squared(e: Expr): Expr | null {
  const n = e.k === 'pow' ? e.b : e.k === 'matpow' ? e.n : null;
  return n?.k === 'num' && n.value === 2 ? (e as Expr & { a: Expr }).a : null;
}

/** X of 1 − X² (a power), else null */
function oneMinusSquare(e: Expr): Expr | null {
  return e.k === 'sub' && isOne(e.a) && e.b.k === 'pow' && e.b.b.k === 'num' && e.b.b.value === 2 ? e.b.a : null;
}

/** X of 1 − X for a tanh X, else null */
function oneMinusTanh(x: Expr | null, model: Model): Expr | null {
  return x?.k === 'sub' && isOne(x.a) && isActivation(x.b, model) ? x.b : null;
}

interface Try {
  node: Expr;
  meant: Expr;
  why: string;
  /** what the message names when not the whole node (X ⊙ (1 − X) of a longer product) */
  shown?: Expr;
}

/** the slopes written wrong in a side: 1 − X and X(1 − X) for a tanh X (not inside a derivative) */
function tries(e: Expr, model: Model, out: Try[] = []): Try[] {
  if (e.k === 'deriv') return out;
  if (e.k === 'sub' && isOne(e.a) && isActivation(e.b, model))
    out.push({ node: e, meant: slopeOf(e.b, e.range), why: `tanh' is 1 − tanh², the square is missing` });
  if (
    (e.k === 'mul' || e.k === 'hadamard') &&
    isActivation(e.a, model) &&
    e.b.k === 'sub' &&
    isOne(e.b.a) &&
    exprText(e.b.b) === exprText(e.a)
  )
    out.push({ node: e, meant: slopeOf(e.a, e.range), why: `that is σ's slope σ(1 − σ); tanh' is 1 − tanh²` });
  // the same inside a longer product, read left to right: δ ⊙ X ⊙ (1 − X) is (δ ⊙ X) ⊙ (1 − X), X the left factor's last
  if (
    (e.k === 'mul' || e.k === 'hadamard') &&
    (e.a.k === 'mul' || e.a.k === 'hadamard') &&
    isActivation(e.a.b, model) &&
    e.b.k === 'sub' &&
    isOne(e.b.a) &&
    exprText(e.b.b) === exprText(e.a.b)
  ) {
    const x = e.a.b;
    // underlined from X to (1 − X): the gradient before them is not the slip
    const range = { ...e.range, line: x.range.line, column: x.range.column };
    const pair: Expr = { ...e, a: x, b: e.b, range } as Expr;
    out.push({
      node: e,
      meant: { ...e.a, b: slopeOf(x, e.range) } as Expr,
      why: `that is σ's slope σ(1 − σ); tanh' is 1 − tanh²`,
      shown: pair,
    });
  }
  // the other way round: tanh's slope 1 − X² written for a σ X (h_t = σ(a_t) with diag(1 − h_t²) copied from a tanh RNN)
  const sq = oneMinusSquare(e);
  if (sq && isActivation(sq, model, 'sigma'))
    out.push({ node: e, meant: sigmaSlopeOf(sq, e.range), why: `that is tanh's slope 1 − tanh²; σ' is σ(1 − σ)` });
  // 1 − X² for an X that is a product with a tanh, an LSTM's h_t = o_t ⊙ tanh(c_t) (Gers's y^c = y^{out} h(s_c)):
  // the slope is tanh's at its own value, 1 − tanh²(c_t) (probe 38: the term was said off by its values only)
  const gated = sq ? gatedTanh(sq, model) : null;
  if (sq && gated)
    out.push({
      node: e,
      meant: slopeOf(gated, e.range),
      why: `${exprText(sq)} is ${exprText(gated)} times a gate, no tanh: tanh' is 1 − tanh² of the tanh's own value`,
    });
  // …and for an X that mixes a tanh with other terms (a leaky integrator): its slope is the tanh's, not 1 − X²
  const mixed = sq && !gated ? mixedTanh(sq, model) : null;
  if (sq && mixed)
    out.push({
      node: e,
      meant: slopeOf(mixed, e.range),
      why: `${exprText(sq)} mixes ${exprText(mixed)} with other terms, no tanh: tanh' is 1 − tanh² of the tanh's own value`,
    });
  // the square put on the bracket: (1 − tanh)² for 1 − tanh², and diag(1 − h)² (a matrix power) for diag(1 − h²)
  const base = squared(e);
  const u = oneMinusTanh(base, model);
  if (u) out.push({ node: e, meant: slopeOf(u, e.range), why: ON_TANH });
  const d = base?.k === 'call' && base.fn === 'diag' ? oneMinusTanh(base.arg, model) : null;
  if (d && base?.k === 'call') out.push({ node: e, meant: { ...base, arg: slopeOf(d, base.arg.range) }, why: ON_TANH });
  forChildren(e, (x) => tries(x, model, out), VALUE_CHILDREN);
  return out;
}

/** "1 − h_{t+1} should be 1 − h_{t+1}^2 (tanh' is 1 − tanh², the square is missing): with that the check holds" */
export function slopeHint(c: Claim, run: Run, other: OtherValues): { text: string; culprit: Expr['range'] } | null {
  // every slip tries() names is written with a 1 − X: a side with no subtraction has none
  const sides = [
    ...(hasKind(c.rhs, 'sub') ? tries(c.rhs, run.model) : []).map((t) => ({ ...t, right: true })),
    ...(hasKind(c.lhs, 'sub') ? tries(c.lhs, run.model) : []).map((t) => ({ ...t, right: false })),
  ];
  const show = printerFor(c.text, run.model.T);
  for (const t of sides.slice(0, MAX_TRIES)) {
    const lhs = t.right ? c.lhs : replacing(c.lhs, t.node, t.meant);
    const rhs = t.right ? replacing(c.rhs, t.node, t.meant) : c.rhs;
    if (!holdsWith(c, lhs, rhs, run) || !confirmed(other, lhs, rhs, c.points)) continue;
    const named = t.shown ?? t.node;
    const meant = t.shown ? slopeOf((t.shown as Expr & { a: Expr }).a, t.shown.range) : t.meant;
    return { text: `${show(named)} should be ${show(meant)} (${t.why}): with that the check holds`, culprit: named.range };
  }
  return null;
}
