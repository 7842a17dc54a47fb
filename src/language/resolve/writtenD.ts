// The d of a derivative written as a product or a quotient: upright \mathrm{d}, d/dW read by slashes, a d joined to the
// name after it (dL, dW) — a d the file does not define.

import type { Ast, NameAst } from '../ast';
import { span } from '../ast';
import { firstSegment } from '../segments';
import type { ExprContext } from './context';

/** a bare `d` the file does not define, in a question: the d of a gradient's name */
export function isBareD(a: Ast, ctx: ExprContext): boolean {
  return a.k === 'name' && a.raw === 'd' && !a.sub && !a.sup && !a.args && ctx.allowDeriv && !ctx.scope.isKnown('d') && !ctx.vars.has('d');
}

/**
 * `\mathrm{d}y_t` (an upright d set apart by its font), `d y_t` after a factor: the gradient named dy_t, as
 * `dy_t` reads (min-char-rnn's dy; session 16: "unknown name d"). The product with d joined to the name, or null.
 */
export function uprightD(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const b = a.b;
  if (b.k !== 'name' || b.args) return null;
  // a d found first (a few tests, no lookup; rarely there), then whether the file knows the name it is joined to
  const joined = isBareD(a.a, ctx) ? joinedD(a.a, b) : lastD(a.a, b, ctx);
  return joined && (ctx.scope.isKnown(b.raw) || ctx.scope.isKnown(firstSegment(b.raw))) ? joined : null;
}

/** the name b with the d before it joined (uprightD) */
function joinedD(d: Ast, b: NameAst): Ast {
  return { ...b, raw: 'd' + b.raw, range: span(d.range, b.range), nameRange: span(d.range, b.nameRange) };
}

/**
 * W^T \mathrm{d}y_t, (1 − h²) ⊙ \mathrm{d}h_{t+1}: the d is the last factor of the product so far (uprightD; a function
 * of its own, not two closures at each product read)
 */
function lastD(x: Ast, b: NameAst, ctx: ExprContext): Ast | null {
  if (x.k !== 'bin' || !(x.op === 'juxt' || x.op === '*' || x.op === '⊙' || x.op === '@')) return null;
  if (isBareD(x.b, ctx)) return { ...x, b: joinedD(x.b, b), range: span(x.range, b.range) };
  const inner = lastD(x.b, b, ctx);
  return inner && { ...x, b: inner, range: span(x.range, b.range) };
}

/**
 * `\mathrm{d}L/\mathrm{d}W`, `d L / d W`: an upright (or spaced) d over and under the slash is the derivative, as
 * the glued `dL/dW` and `\frac{\mathrm{d}L}{\mathrm{d}W}` read (it was the gradient dL divided by an unknown d). The
 * parser groups it ((d L) / d) W, or ((P d) L / d) W after a factor P: the derivative, or P times it; else null.
 */
export function slashD(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const q = a.a;
  if (q.k !== 'bin' || q.op !== '/' || !isBareD(q.b, ctx)) return null;
  // the numerator's factors, left to right (a product groups to the left), each with the operator before it
  const factors: { op: string | null; x: Ast }[] = [];
  const flatten = (e: Ast): void => {
    if (e.k === 'bin' && (e.op === 'juxt' || e.op === '*')) {
      flatten(e.a);
      factors.push({ op: e.op, x: e.b });
    } else factors.push({ op: null, x: e });
  };
  flatten(q.a);
  const n = factors.length;
  if (n < 2 || !isBareD(factors[n - 2]!.x, ctx) || factors[n - 1]!.op !== 'juxt') return null;
  const deriv: Ast = { k: 'deriv', plus: false, of: factors[n - 1]!.x, wrt: a.b, range: span(factors[n - 2]!.x.range, a.b.range) };
  if (n === 2) return deriv;
  // what multiplies it: the factors before the d, with their operators, and the operator before the d
  let before = factors[0]!.x;
  for (let i = 1; i < n - 2; i++)
    before = { k: 'bin', op: factors[i]!.op as 'juxt', a: before, b: factors[i]!.x, range: span(before.range, factors[i]!.x.range) };
  return { k: 'bin', op: factors[n - 2]!.op as 'juxt', a: before, b: deriv, range: a.range };
}
