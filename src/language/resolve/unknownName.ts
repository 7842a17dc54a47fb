// The unknown-name diagnostic: what a name that the file does not define could have meant (a near name, a step
// written as a letter, a capital beside its sequence), said as precisely as the context allows.

import type { NameAst } from '../ast';
import { suggest } from '../diagnostics';
import type { Expr } from '../model';
import { orList } from '../print';
import { firstSegment } from '../segments';
import { basisPlace, basisVector } from './basis';
import type { ExprContext } from './context';
import { fail, failUnavailable } from './context';
import {
  carriedGradient,
  codeGradient,
  deltaIsNotDerivative,
  deltaOfParameter,
  functionGradient,
  rawGradient,
  unitLetterWeight,
  unnamedPreactivation,
} from './gradientNames';
import { identityMatrix } from './identityMatrix';
import { kroneckerDelta, withoutSegment } from './names';
import { stepWord } from './stepWords';

/** the unknown-name diagnostic (or the unavailable one) for NAME written as `a` */
export function unknown(a: NameAst, ctx: ExprContext, name: string): Expr {
  const scope = ctx.scope;
  if (scope.unavailable.has(name)) failUnavailable(ctx, name, a.nameRange);
  const identity = identityMatrix(a, name, ctx);
  if (identity) return identity;
  const kronecker = kroneckerDelta(a, ctx);
  if (kronecker) return kronecker;
  const grad = codeGradient(a, ctx, name) ?? stepWord(a, ctx, name);
  if (grad) return grad;
  // δo_t (Graves, Greff et al.): textbooks' δ of a defined name is a gradient, which δ alone does not say
  // (δ_{o_t} too: the subscript is the name)
  // δ^ĥ_t (the parser's name for δ^{\hat h}_t): as δĥ_t
  const rest = name.startsWith('δ_')
    ? withoutSegment(name.slice(2))
    : name.startsWith('δ^')
      ? withoutSegment(name.slice(2))
      : name.startsWith('δ')
        ? withoutSegment(name.slice(1))
        : '';
  // δp_i typed tight, p_i a parameter: ∂L/∂p_i
  if (name.length > 1 && name.startsWith('δ') && !name.startsWith('δ_') && !name.startsWith('δ^')) {
    const param = deltaOfParameter({ ...a, raw: name.slice(1) }, a.range, ctx);
    if (param) return param;
  }
  if (rest && scope.isKnown(rest)) deltaIsNotDerivative(ctx, name, rest, a.nameRange);
  // Graves' δ_k^t, δ_h^{t+1}: a unit's delta ∂L/∂a_k^t, written with an entry letter the file does not define
  if (/^δ_[a-su-z]$/u.test(name) && !scope.isKnown(name.slice(2)))
    fail(
      ctx,
      `unknown name ${name}: a δ with a unit's index (Graves' δ_k^t = ∂L/∂a_k^t) is not read as a derivative — write ∂L/∂a_${name.slice(2)}^{(t)} with the pre-activation the network names`,
      a.nameRange,
      'unknown-name',
    );
  // \dot{\sigma}(z), Newton's dot for the derivative: an accent makes a new name, so say what to write
  if (/^σ\u0307$/u.test(name.normalize('NFD')))
    fail(
      ctx,
      `unknown name ${name}: a dot over ${name[0]} is not read as its derivative — write ${name[0]}'(…)`,
      a.nameRange,
      'unknown-name',
    );
  const unitWeight = unitLetterWeight(ctx, name);
  if (unitWeight) return fail(ctx, unitWeight, a.nameRange, 'unknown-name');
  // e_{k} with nothing beside it to size it (sum(e_{y_1})): say how it was meant to read
  // (only for a place the file defines, as a target: an undefined e_t, e_3 stays an unknown name)
  const place = basisPlace(a, ctx);
  if (place && place.k === 'name' && scope.isKnown(firstSegment(place.raw))) basisVector(a, place, null, ctx);
  const carried = carriedGradient(ctx, name);
  if (carried) return fail(ctx, carried, a.nameRange, 'unknown-name');
  const raw = rawGradient(a, ctx, name) ?? functionGradient(a, ctx, name);
  if (raw) return raw;
  // σ_h, σ_y (Elman), φ (Lipton et al.): a textbook's activation, which the file names once on a line of its own
  // (Wikipedia's LSTM writes σ_g for the gates' sigmoid, σ_c and σ_h for tanh: the line suggested is that one)
  if (/^(?:σ_|φ|ϕ)/u.test(name))
    return fail(
      ctx,
      `unknown name ${name}: if it is an activation, name it once on a line of its own (${name} = ${name === 'σ_g' ? 'σ' : 'tanh'})`,
      a.nameRange,
      'unknown-name',
    );
  // sign(w), sgn(w): the slope of |w|, which the language writes with abs
  if ((name === 'sign' || name === 'sgn') && !scope.isKnown(name))
    return fail(
      ctx,
      `unknown name ${name}: ${name}(x), the slope of |x|, is not a function of the language — write x/|x| (equal away from 0)`,
      a.nameRange,
      'unknown-name',
    );
  // tg(z), tan, ctg: the circular tangent (Russian texts write tg), no function of the language — where tanh (th) is
  // meant, the slip is the letter h (a Russian course's h_t = th(…) miscopied as tg)
  if (/^(?:tg|tan|ctg|cot|sin|cos)$/.test(name) && !scope.isKnown(name))
    return fail(
      ctx,
      `unknown name ${name}: ${name}(x) is a trigonometric function, which the language does not have${/^(?:tg|tan)$/.test(name) ? ' — if the hyperbolic tangent is meant, write tanh (th in Russian notation, \\operatorname{th})' : ''}`,
      a.nameRange,
      'unknown-name',
    );
  // Roelants's w_rec^n, n the sequence's length outside a step's place (a Σ up to n reads it as T: tauStep.ts sumsToN)
  if ((name === 'n' || name === 'N') && !scope.isKnown(name))
    return fail(
      ctx,
      `unknown name ${name}: if ${name} is the sequence's length, the last step, write T (w^T, s_T); a Σ running up to ${name} reads it so`,
      a.nameRange,
      'unknown-name',
    );
  // δ_t alone: a backpropagated error the solution defines in its text, not in the network
  if (name === 'δ' && !scope.isKnown(name))
    return fail(
      ctx,
      'unknown name δ: define the error it stands for on a line of its own (δ_t = ∂L/∂h_t, or ∂L/∂a_t with the pre-activation a named), then use it',
      a.nameRange,
      'unknown-name',
    );
  // η, a learning rate, and Δ, a change: `w := w − η ∂L/∂w` and `Δw = −η ∂L/∂w` are a descent step, which gives w a
  // new value (as ← does, lexer.ts updateText); a name of the file's own is read as defined
  if ((name === 'η' || name === 'Δ') && !scope.isKnown(name))
    return fail(
      ctx,
      name === 'η'
        ? 'unknown name η: if η is a learning rate, w − η ∂L/∂w is a descent step, which gives w a new value: no equation of the network (to check its number, name η in the network, η = 0.1)'
        : 'unknown name Δ: if Δw is a change of w (a descent step, −η ∂L/∂w), it is no value of the network: no equation to check',
      a.nameRange,
      'unknown-name',
    );
  // w_new, W_old: a parameter (not a state: h_next) before or after a descent step, which the network has one value of
  const stepped = /^(.+)_(?:new|old|next|updated)$/.exec(name);
  if (stepped && scope.decls.get(stepped[1]!)?.kind === 'param' && !scope.isKnown(name))
    return fail(
      ctx,
      `unknown name ${name}: if it is ${stepped[1]} before or after a descent step (${stepped[1]} − η ∂L/∂${stepped[1]}), it is no value of the network, which has one ${stepped[1]}: no equation to check`,
      a.nameRange,
      'unknown-name',
    );
  // Pascanu et al.'s ∂E_t/∂θ: θ is any parameter, which a check reads one at a time (for every parameter the equation
  // would fail at an output weight x_k does not depend on, though the paper means the recurrence's)
  // (not where the file has θ in another case: Eisenstein's θ_{k,k′} are Θ's entries, "did you mean Θ?" says so)
  const thetas = ['θ', 'Θ', 'ϑ'];
  if (thetas.includes(name) && !thetas.some((x) => scope.isKnown(x))) {
    const params = [...scope.decls.values()].filter((d) => d.kind === 'param').map((d) => d.name);
    return fail(
      ctx,
      `unknown name ${name}: if ${name} stands for any parameter, write one of the network's in its place (${orList(params)}): the equation is checked for that one`,
      a.nameRange,
      'unknown-name',
    );
  }
  // T with a step or an entry (T_1, numpy's W.T_1 read as W·T_1): the horizon is a number, no sequence
  if (name === 'T' && !scope.isKnown(name))
    return fail(
      ctx,
      `T is the number of steps (a number), not a sequence: T with a step or an entry has no value`,
      a.nameRange,
      'unknown-name',
    );
  // h or W_xh where the file names them by layer (h^{(1)}, W^{(1)}_xh: superscriptNames.ts), as a formula for every
  // layer l writes them (h_t^{(l)}): the layers the file has are said
  const layers = [...scope.knownNames()].filter((k) => k.replace(/\^\{[([]\d+[)\]]\}/, '') === name);
  if (layers.length)
    return fail(
      ctx,
      `unknown name ${name}: the file names it by layer, ${orList(layers)} — write the layer's number over it (${layers[0]}); a formula for every layer l is not checked`,
      a.nameRange,
      'unknown-name',
    );
  const gate = unnamedPreactivation(name, scope);
  if (gate) return fail(ctx, gate, a.nameRange, 'unknown-name');
  const s = suggest(name, scope.knownNames());
  // never the name itself (a known name used where it has no reading: "unknown name T — did you mean T?")
  return fail(
    ctx,
    `unknown name ${name}${s && s !== name ? ` — did you mean ${s}?` : ''}${capitalSequence(a, name, ctx)}`,
    a.nameRange,
    'unknown-name',
  );
}

/**
 * Z written bare beside the network's sequence z_t: a paper's matrix of every step at once (the QRNN's Z = tanh(W_z ∗ X),
 * which only said "did you mean z?"), said as what it is
 */
function capitalSequence(a: NameAst, name: string, ctx: ExprContext): string {
  const lower = name.toLowerCase();
  if (a.sub || a.sup || a.raw !== name || !/^\p{Lu}$/u.test(name) || !ctx.scope.isKnown(lower) || !ctx.scope.isTimed(lower)) return '';
  return ` (${lower} is a sequence, one value per step; a capital ${name} for all its steps at once, the matrix of every ${lower}_t, is not read — write the equation of one step, with ${lower}_t)`;
}
