// Names that stand for gradients: δ of a parameter (δW), code names (dW_hh, dh_next, dWxh) and the gradient carried
// into a step, read as the derivative of the loss they name, or said not to be one.

import { nameOfKey } from '../../ids';
import type { Range } from '../../report';
import type { NameAst } from '../ast';
import { codeGradientOfFunction } from '../codeGradientOfFunction';
import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { refText } from '../print';
import { readAdjoint } from './calculus';
import type { ExprContext } from './context';
import { fail } from './context';
import { readName, withoutSegment } from './names';

/**
 * δp_i, \delta W_z with p_i, W_z a parameter of the network (a `param`, written whole: no step, no entry), as Greff et
 * al. write the parameters' gradients (δp_i = Σ_t c^t ⊙ δī^{t+1}, δW_z = Σ_t ⟨δz̄^t, x^t⟩): the loss's gradient
 * ∂L/∂p_i, with an information saying so. A parameter has no pre-activation, so the ambiguity that keeps δX of a
 * unit refused (deltaIsNotDerivative: Graves' δ at a unit's input, others' at its output) is not there. Null when X
 * is no parameter, or the file defines the name δX itself.
 */
export function deltaOfParameter(x: NameAst, range: Range, ctx: ExprContext): Expr | null {
  const scope = ctx.scope;
  if (x.sub || x.sup || x.args || scope.decls.get(x.raw)?.kind !== 'param' || scope.isKnown('δ' + x.raw)) return null;
  const e = readAdjoint(x, range, ctx);
  if (ctx.record && !ctx.quiet)
    scope.diagnostics.push(
      diag(
        'information',
        `δ${x.raw} is read as ∂${scope.loss ? nameOfKey(scope.loss) : 'L'}/∂${x.raw}, the loss's gradient by the parameter ${x.raw}`,
        range,
        'delta-parameter',
      ),
    );
  return e;
}

/**
 * δX for a name X the file defines (δo_t, \delta o_t, δ_{o_t}): refused with what to write, since textbooks
 * mean ∂L/∂X by it (Graves) or the gradient at X's pre-activation (Greff et al.), and δ alone does not say which
 */
export function deltaIsNotDerivative(ctx: ExprContext, written: string, rest: string, range: Range): never {
  return fail(
    ctx,
    `unknown name ${written}: δ${rest} is not read as a derivative — write the adjoint \\bar{${rest}} (∂loss/∂${rest}), or ∂L/∂z with the pre-activation z named, for the gradient at ${rest}'s argument`,
    range,
    'unknown-name',
  );
}

/**
 * dh_{next}, dhnext, dh_prev (min-char-rnn's dhnext): the gradient one step passes back to another. Which step
 * it belongs to changes with the side it is on (dh = … + dhnext uses the later step's; dhnext = W_hhᵀ dhraw
 * makes the earlier one's), so it is not guessed: the message says how to write it
 */
export function carriedGradient(ctx: ExprContext, name: string): string | null {
  const m = /^d(.+?)_?(next|prev)$/u.exec(name);
  if (!m || !ctx.scope.isTimed(m[1]!)) return null;
  const h = m[1]!;
  const how =
    m[2] === 'next'
      ? `the part of ∂L/∂${h}_t through ${h}_{t+1}: ∂L/∂${h}_{t+1} ∂${h}_{t+1}/∂${h}_t`
      : `the part of ∂L/∂${h}_{t-1} through ${h}_t: ∂L/∂${h}_t ∂${h}_t/∂${h}_{t-1}`;
  // deeplearning.ai's cell names its own output a_next and its input a_prev: there da_next is all of ∂L/∂a_t
  const cell = m[2] === 'next' ? `∂L/∂${h}_t (deeplearning.ai's da_next, the gradient at the cell's output), or ` : '';
  return `${name} (as min-char-rnn's d${h}next: a gradient carried between steps) is no name here, since its step depends on the side it is on: write ${cell}${how}`;
}

/**
 * min-char-rnn's dhraw (dh_raw_t): the gradient at the input of h's activation, (1 − h ⊙ h) ⊙ dh. Where h's
 * equation applies an activation to a quantity the network names (h_t = tanh(z_t)), it is that quantity's code
 * gradient dz_t, with a note; otherwise no node holds it, and the message says what to write
 */
export function rawGradient(a: NameAst, ctx: ExprContext, name: string): Expr | null {
  const m = /^d(\p{L}+?)_?raw$/u.exec(name);
  if (!m || !ctx.scope.isTimed(m[1]!)) return null;
  const h = m[1]!;
  const eq = ctx.scope.quantities.get(h)?.general;
  const pre = eq && eq.k === 'call' && eq.arg.k === 'ref' && eq.arg.idx?.v === 't' && eq.arg.idx.k === 0 ? eq.arg.name : null;
  if (!pre || !ctx.allowDeriv)
    return fail(
      ctx,
      `${name} (min-char-rnn's d${h}raw: the gradient at the input of ${h}'s activation) is no name here, since the network names no such input: name it (z_t = …, ${h}_t = tanh(z_t)) and write dz_t, or write (1 − ${h}_t ⊙ ${h}_t) ⊙ d${h}_t`,
      a.nameRange,
      'unknown-name',
    );
  const x: NameAst = { ...a, raw: 'd' + pre + a.raw.slice(name.length) };
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${name} (min-char-rnn's d${h}raw) is read as d${pre}: ${h} is the activation of ${pre}`,
        a.range,
        'code-gradient',
      ),
    );
  return readName(x, ctx);
}

/**
 * Graves' w_{hk}, w_{ij}: the weight from unit h to unit k, two unit letters joined under a w the file does not
 * define (Jaeger and Williams & Zipser write w_ij the other way, into unit i: the message gives both entries). No matrix is named by it, so it is not guessed (session 17: "unknown name w_hk — did you mean W_hk?", a
 * name that is no such weight): the message says to write the entry of a weight matrix the network declares
 */
export function unitLetterWeight(ctx: ExprContext, name: string): string | null {
  const m = /^w_(\p{L})(\p{L})$/u.exec(name);
  if (!m || ctx.scope.isKnown('w')) return null;
  const [, from, to] = m as unknown as [string, string, string];
  const matrices = [...ctx.scope.decls.values()].filter((d) => d.kind === 'param' && d.shape?.length === 2).map((d) => d.name);
  if (!matrices.length) return null;
  // w_hk beside a matrix W_hk: perhaps that matrix, mistyped; said beside the entry
  const cased = matrices.find((n) => n.toLowerCase() === name);
  const list = matrices.slice(0, 4).join(', ');
  return `unknown name ${name}: a weight written with two unit letters (Graves' w_{${from}${to}}, from unit ${from} to unit ${to}) names no matrix — write the entry of a weight matrix of the network (${list}): row ${to}, column ${from}, as ${cased ?? matrices[0]}[${to}, ${from}]; where it is the weight into unit ${from} from unit ${to} (Jaeger, Williams & Zipser: net_${from} = Σ_${to} w_{${from}${to}} x_${to}), ${cased ?? matrices[0]}[${from}, ${to}]${cased ? ` (or ${cased}, if the matrix is meant)` : ''}`;
}

/**
 * CS231n's and deeplearning.ai's dtanh (dtanh = (1 − next_h²) ⊙ dnext_h, dx = dtanh Wxᵀ): the gradient at the argument
 * of the step's tanh, named after the function. Where one quantity of the network is that function of a quantity it
 * names (h_t = tanh(a_t)), it is that quantity's code gradient, da_t (at the step written under it, else the step t),
 * with a note; else the message says what to write (it was "unknown name dtanh")
 */
export function functionGradient(a: NameAst, ctx: ExprContext, name: string): Expr | null {
  const m = /^d(tanh|σ|sigma|relu)$/u.exec(name);
  if (!m) return null;
  const fn = m[1] === 'σ' ? 'sigma' : m[1]!;
  const args = [...ctx.scope.quantities.values()].flatMap((q) => {
    const eq = q.general;
    return eq && eq.k === 'call' && eq.fn === fn && eq.arg.k === 'ref' && eq.arg.idx?.v === 't' && eq.arg.idx.k === 0 ? [eq.arg.name] : [];
  });
  if (new Set(args).size !== 1 || !ctx.allowDeriv) return fail(ctx, codeGradientOfFunction(name, fn), a.nameRange, 'unknown-name');
  const pre = args[0]!;
  const step = a.raw.slice(name.length) || (a.sub || a.sup ? '' : '_t');
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${name} (code's gradient at the ${fn === 'sigma' ? 'σ' : fn}'s argument) is read as d${pre}${step}`,
        a.range,
        'code-gradient',
      ),
    );
  return readName({ ...a, raw: 'd' + pre + step }, ctx);
}

/**
 * dc_t, dh_{t+1}, dW_hh in a question, where the file defines c, h, W_hh and no dc: the gradient of the loss by
 * it, as CS231n and min-char-rnn name their gradients (dx is ∂loss/∂x) — the adjoint, with a note saying so.
 * Unlike δ (Graves' δ is the gradient at a unit's input, so δX is not read), d before a name has one meaning.
 */
export function codeGradient(a: NameAst, ctx: ExprContext, name: string): Expr | null {
  const rest = name.slice(1);
  if (!ctx.allowDeriv || name[0] !== 'd' || !rest || !ctx.scope.isKnown(rest) || !a.raw.startsWith(name)) return null;
  const nameRange = { ...a.nameRange, column: a.nameRange.column + 1 };
  const x: NameAst = { ...a, raw: a.raw.slice(1), nameRange };
  const e = readAdjoint(x, a.range, ctx, false);
  // said at the first use of each name: a CS231n LSTM's backward pass wrote 31 of them for 11 checks (session 41)
  if (ctx.record && !ctx.quiet && e.k === 'deriv' && e.of.k === 'ref' && !ctx.scope.codeGradientsSaid.has(e.wrt.name)) {
    ctx.scope.codeGradientsSaid.add(e.wrt.name);
    const by = refText(e.wrt.name, e.wrt.idx);
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `d${by} is read as ∂${refText(e.of.name, null)}/∂${by}, the loss's gradient by ${by} (dX, as code and CS231n notes name gradients)`,
        a.range,
        'code-gradient',
      ),
    );
  }
  return e;
}

/**
 * Kouridi's da_f (the numpy posts' gradient at the forget gate's pre-activation a_f, f = σ(a_f)): d before a name is
 * code's gradient of it, but the network names no a_f — said so, with what to name, where the letter under it is a
 * quantity of the network (f); null otherwise
 */
export function unnamedPreactivation(name: string, scope: ExprContext['scope']): string | null {
  const m = /^d(\p{L})_(\p{L}+)$/u.exec(name);
  if (!m || scope.isKnown(name.slice(1)) || scope.isKnown(m[1]!) || !scope.isTimed(m[2]!)) return null;
  const rest = name.slice(1);
  return `unknown name ${name}: as code writes gradients (d before a name) it is ∂loss/∂${rest}, and the network names no ${rest} — where ${rest} is the argument of ${m[2]}'s function (${m[2]} = σ(${rest})), name that argument in the network and ${name} reads as its gradient`;
}

/** dc̄, dc̄_t: d before a name the file defines with its mark (Kouridi's dc_bar for c̄) */
export function codeGradientOfMarked(raw: string, scope: ExprContext['scope']): boolean {
  return raw[0] === 'd' && raw.length > 1 && (scope.isKnown(raw.slice(1)) || scope.isKnown(withoutSegment(raw.slice(1))));
}
