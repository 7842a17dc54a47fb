// Names in expressions: declared and defined names, their time indices (h_t, h_{t-1}, h^{(t)}, L_3),
// entries by a superscripted step (h_1^{(t)}), and the unknown-name diagnostic.

import { isUntimedTwinKey, nameOfKey } from '../../ids';
import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { exampleLetter, manyToOneTarget } from './lastStepTarget';
import { diag, suggest } from '../diagnostics';
import type { Expr, Idx } from '../model';
import { entries, isLine, shapeText, type MaybeShape } from '../shapes';
import { Abandoned, fail, failUnavailable, quietly, UsesUnavailable, type ExprContext } from './context';
import { markedAdjoint, readAdjoint } from './calculus';
import { derivedUse, hasStepLetter, readDerived } from './derived';
import { power, readExpression } from './expressions';
import { idxText, nameOrThis, occurrence, writtenName } from './text';
import { LENGTH_LOWER_N, LENGTH_N, tryTimeIndex } from './timeIndex';
import { exprText, orList, refText } from '../print';
import { argumentFunction } from './argumentFunction';
import { parametersArgument } from './parametersArgument';
import { basisPlace, basisVector } from './basis';
import { codeGradientOfFunction } from '../codeGradientOfFunction';
import { firstSegment, lastUnderscore } from '../segments';
import { spellingOf, writtenOf } from './spelling';
import { stepFunctionInput, stepWord } from './stepWords';

/** the name without its last segment (h_t → h), else as it is: raw.replace(/_[^_]+$/, '') */
function withoutSegment(raw: string): string {
  const i = lastUnderscore(raw);
  return i >= 0 && i < raw.length - 1 ? raw.slice(0, i) : raw;
}

/** digits only: a step number (/^\d+$/) */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** a reference to NAME at idx, recorded as a use of the name written as `a` */
/**
 * Hinton's tied weights (lecture 7b): w_1, w_2 are the uses of one shared scalar weight w at steps 1 and 2, kept equal,
 * so in a question the value of w_2 is w's (a derivative by it is the copy's, stepCopy.ts). Only a scalar parameter
 * shared by every step, whose subscript can pick no entry, at a numbered step; in the network's own equations it stays
 * an error.
 */
function tiedCopy(a: NameAst, base: string, ctx: ExprContext): Expr | null {
  const d = ctx.scope.decls.get(base);
  if (!ctx.allowDeriv || !d || d.kind !== 'param' || d.perStep || d.shape.length !== 0) return null;
  // the copies numbered as the lecture numbers them (w_1, w_{2}); w_t, w_{t-1} stay "no time index", a slip more often
  const numbered = a.sub ? a.sub.k === 'num' : /_\d+$/.test(a.raw);
  if (!numbered) return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${writtenName(a)} is read as ${base}: ${base} is one weight shared by every step, so its uses at each step (${base}_1 = ${base}_2 = …) have one value`,
        a.range,
        'reading',
      ),
    );
  return mkRef({ ...a, sub: null, sup: null, raw: base }, ctx, base, null, [], a.range);
}

function mkRef(a: NameAst, ctx: ExprContext, name: string, idx: Idx | null, shape: MaybeShape, range: Range): Expr {
  const scope = ctx.scope;
  if (scope.broken.has(name)) failUnavailable(ctx, name, range);
  if (ctx.record) {
    // symbols leave the language layer named as written: the model key "L#" is L with timed: false (the
    // keys in the order a copy of the occurrence with those fields set would have)
    const twin = isUntimedTwinKey(name);
    const of = ctx.of;
    const ofTwin = of !== null && isUntimedTwinKey(of);
    const offset = idx && idx.v === 't' && !idx.terms ? idx.k : null;
    const step = idx && idx.v === null && !idx.terms ? idx.k : null;
    if (!twin && !ofTwin) {
      // no twin (most uses): the record made whole, in one of two shapes, not grown a field at a time (issue 11)
      const r = a.nameRange;
      const text = writtenOf(scope, a);
      scope.symbols.push(
        of
          ? {
              line: r.line,
              column: r.column,
              endLine: r.endLine,
              endColumn: r.endColumn,
              name,
              text,
              role: 'use',
              inEquationOf: of,
              offset,
              step,
            }
          : { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, name, text, role: 'use', offset, step },
      );
    } else {
      const o = occurrence(a.nameRange, twin ? nameOfKey(name) : name, writtenName(a), 'use');
      if (of) o.inEquationOf = ofTwin ? nameOfKey(of) : of;
      o.offset = offset;
      o.step = step;
      if (twin) o.timed = false;
      if (ofTwin) o.inEquationOfTimed = false;
      scope.symbols.push(o);
    }
  }
  return { k: 'ref', name, idx, shape: shape as Expr['shape'], range };
}

/** ŷ_{y}: the entry of ŷ_t picked by the value of the sequence y at the same step (one-hot targets) */
function entryByValue(a: NameAst, ctx: ExprContext, base: string, by: string, byRange: Range): Expr | null {
  const scope = ctx.scope;
  if (!scope.isTimed(base) || !scope.isTimed(by) || ctx.vars.has(by) || !ctx.vars.has('t') || (scope.shapeOf(base)?.length ?? 0) !== 1)
    return null;
  if (ctx.record && !ctx.quiet)
    scope.diagnostics.push(
      diag(
        'information',
        `${base}_{${by}} is read as entry ${by}_t of ${base}_t (the entry picked by ${by}'s value at the same step)`,
        a.range,
        'entry-by-value',
      ),
    );
  const step: Ast = { k: 'name', raw: 't', sub: null, sup: null, range: byRange, nameRange: byRange };
  const pick: Ast = { k: 'name', raw: by, sub: step, sup: null, range: byRange, nameRange: byRange };
  return entriesOf(mkRef(a, ctx, base, { v: 't', k: 0 }, scope.shapeOf(base), a.range), [pick], a.range, ctx);
}

/**
 * ŷ_{y}^{(t)} (also ŷ_{y_t}^{(t)}): entry y^{(t)} of ŷ^{(t)}, the entry a target's value picks at the superscripted
 * step, as ŷ_{y} is at step t — not the name ŷ_y, nor ŷ_{y} raised to the power t
 */
function entryByValueAt(a: NameAst, ctx: ExprContext): Expr | null {
  const scope = ctx.scope;
  const cut = a.raw.indexOf('_');
  if (cut < 0 || !a.sup) return null;
  const base = a.raw.slice(0, cut);
  const rest = a.raw.slice(cut + 1);
  const by = firstSegment(rest);
  if (!scope.isTimed(base) || (scope.shapeOf(base)?.length ?? 0) !== 1 || !scope.isTimed(by) || ctx.vars.has(by)) return null;
  // Graves' b_h^t, unit letters that the network also names: a vector picks no entry (it was "the one picked by h's
  // value", then "an index must be a scalar")
  if (rest === by && (scope.shapeOf(by)?.length ?? 0) > 0)
    fail(
      ctx,
      `${base}_${by}^{(…)}: ${by} is the network's ${by}_t (a ${shapeText(scope.shapeOf(by)!)}), not an entry index — index with a letter the network does not define (${base}_j^{(t)}, summed with Σ_j or free)`,
      a.range,
      'index',
    );
  // y alone is y at the superscripted step; y_t (y_3) is read as written
  const pick: Ast =
    rest === by
      ? { k: 'name', raw: by, sub: null, sup: a.sup, range: a.range, nameRange: a.nameRange }
      : { k: 'name', raw: rest, sub: null, sup: null, range: a.range, nameRange: a.nameRange };
  if (ctx.record && !ctx.quiet)
    scope.diagnostics.push(
      diag(
        'information',
        `${base}_{${rest}}^{(…)} is read as an entry of ${base} at that step, the one picked by ${rest === by ? `${by}'s value at the same step` : `the value of ${rest}`}`,
        a.range,
        'entry-by-value',
      ),
    );
  return entriesOf(mkRef(a, ctx, base, timeIndexOf(a.sup, ctx), scope.shapeOf(base), a.range), [pick], a.range, ctx);
}

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
function carriedGradient(ctx: ExprContext, name: string): string | null {
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
function rawGradient(a: NameAst, ctx: ExprContext, name: string): Expr | null {
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
function unitLetterWeight(ctx: ExprContext, name: string): string | null {
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
function functionGradient(a: NameAst, ctx: ExprContext, name: string): Expr | null {
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

/** whether a step written in parentheses (t, t-1, k) names a step variable, rather than being a number */
function mentionsStepVariable(a: Ast, ctx: ExprContext): boolean {
  if (a.k === 'name') return ctx.vars.has(a.raw) || a.raw === 'T';
  return a.k === 'bin' && mentionsStepVariable(a.a, ctx);
}

/**
 * Mandic & Chambers' w(k), w_3(k): adaptive filtering writes the weights at time k, as on-line learning changes them
 * step by step; for the gradient at one time they are the shared parameter (∂y(k)/∂w(k) is the total derivative real-time
 * recurrent learning carries in k, π(k) = Φ′(v(k))[u(k) + w_3(k) π(k−1)]). A parameter of every step, or an entry of
 * one, written with a step in parentheses is that parameter, said; it was "w is not a sequence" and w_3(k) the product
 * w_3·k. (Goodfellow's copy W^{(t)}, written over the name, keeps its reading: stepCopy.ts.) Null for anything else.
 */
function weightAtTime(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
  const cut = raw.indexOf('_');
  const base = ctx.scope.isKnown(raw) ? raw : cut > 0 && !a.sub ? raw.slice(0, cut) : raw;
  const d = ctx.scope.decls.get(base);
  if (!d || d.kind !== 'param' || d.perStep || ctx.vars.has(raw)) return null;
  // an entry (w_3) only of a vector or a matrix: a scalar's subscript is no entry
  if (base !== raw && d.shape.length === 0) return null;
  const e = readName({ ...a, sup: null, stepCall: undefined }, ctx);
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${raw}(…) is read as ${raw}: a weight written at a time, as adaptive filtering writes it, is the shared parameter every step uses`,
        a.range,
        'weight-at-time',
      ),
    );
  return e;
}

/**
 * Chen's D_{u_t} and D_{u_t ⊙ (1 − u_t) ⊙ (h_{t−1} − z_t)} (MinimalRNN, 2017; Pascanu et al. write diag): D with a
 * vector below, where the file defines no D, is the diagonal matrix of that vector, said; it was "unknown name D_u".
 * `raw` is D alone (the subscript an expression, a.sub) or D_u_t as the lexer glues D_{u_t}. Null where the subscript
 * reads as no vector (D_1, D_t stay what they were).
 */
function diagonalOf(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
  let below: Ast | null = null;
  if (raw === 'D' && a.sub && !a.sup) below = a.sub;
  else if (raw.startsWith('D_') && raw.length > 2) below = { ...a, raw: raw.slice(2), range: a.range, nameRange: a.nameRange };
  if (!below) return null;
  let v: Expr;
  try {
    v = readExpression(below, quietly(ctx));
  } catch (e) {
    // a subscript that reads as nothing: not this reading (an unknown name is said as before); a name unavailable is
    // said as such
    if (e instanceof UsesUnavailable || !(e instanceof Abandoned)) throw e;
    return null;
  }
  if (!v.shape || v.shape.length !== 1) return null;
  const arg = readExpression(below, ctx);
  const n = v.shape[0]!;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `D_{${exprText(arg)}} is read as diag(${exprText(arg)}), the diagonal matrix of the vector below it`,
        a.range,
        'diagonal-matrix',
      ),
    );
  return { k: 'call', fn: 'diag', arg, shape: [n, n], range: a.range };
}

/**
 * f_W, f_θ: a one-letter function with its parameters written below (CS231n's h_t = f_W(h_{t−1}, x_t)), where the file
 * defines neither f_W nor the letter below, which is no step variable: the letter below; null otherwise
 */
function parametersBelow(raw: string, ctx: ExprContext): string | null {
  const m = /^(\p{L})_(\p{L})$/u.exec(raw);
  if (!m) return null;
  const [, f, w] = m as unknown as [string, string, string];
  const scope = ctx.scope;
  // an upper-case letter or θ below (the parameters), never a step or an entry index (f_i, f_t)
  if (!/^[A-Zθ]$/u.test(w) || w === 'T' || scope.isKnown(raw) || scope.isKnown(f) || scope.isKnown(w)) return null;
  return w;
}

/** the largest identity written I_n: a sheet's I_3, not a matrix of millions of entries */
const MAX_IDENTITY = 1000;

/**
 * I_3, I₃, \mathbf{I}_{3}: the n×n identity, as derive writes it (∂L/∂b_h = … (I₃ + ∂h₂/∂h₁)), where the file defines
 * no I. A bare I has no size to read: the diagnostic says to write it.
 */
function identityMatrix(a: NameAst, name: string, ctx: ExprContext): Expr | null {
  if (name !== 'I' || a.sup || a.args) return null;
  const m = /^I_(\d+)$/u.exec(a.raw);
  const n = m ? Number(m[1]) : a.sub?.k === 'num' ? a.sub.value : a.raw === 'I' && !a.sub ? 0 : NaN;
  if (n === 0)
    return fail(ctx, 'unknown name I: the identity matrix is written with its size, I_n (I_3 is 3×3)', a.nameRange, 'unknown-name');
  if (!Number.isInteger(n) || n < 1 || n > MAX_IDENTITY) return null;
  return identityOf(n, a.range);
}

/** the n×n identity, diag of n ones (1 for n = 1) */
export function identityOf(n: number, range: Range): Expr {
  if (n === 1) return { k: 'num', value: 1, shape: [], range };
  const ones: Expr = {
    k: 'vec',
    items: Array.from({ length: n }, (): Expr => ({ k: 'num', value: 1, shape: [], range })),
    shape: [n],
    range,
  };
  return { k: 'call', fn: 'diag', arg: ones, shape: [n, n], range };
}

/**
 * A bare I (the file defines none) beside a matrix, as textbooks write it: (I − diag(h_t²)) W, I + ∂h_2/∂h_1, W I.
 * It takes the size the other operand gives it (a sum: the square matrix's; a product: the rows it multiplies);
 * null when the other operand gives none (then I is the diagnostic that asks for I_n).
 */
export function bareIdentity(a: Ast, other: Expr, op: string, left: boolean, ctx: ExprContext): Expr | null {
  if (a.k !== 'name' || a.raw !== 'I' || a.sub || a.sup || a.args || ctx.scope.isKnown('I') || ctx.vars.has('I')) return null;
  const s = other.shape;
  if (!s || s.length === 0 || s.length > 2) return null;
  let n: number;
  if (op === '+' || op === '-') {
    if (s.length !== 2 || s[0] !== s[1]) return null;
    n = s[0]!;
  } else n = left ? s[0]! : s.length === 2 ? s[1]! : NaN;
  if (!Number.isInteger(n) || n < 2 || n > MAX_IDENTITY) return null;
  return identityOf(n, a.range);
}

/** the unknown-name diagnostic (or the unavailable one) for NAME written as `a` */
function unknown(a: NameAst, ctx: ExprContext, name: string): Expr {
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

/**
 * δ_{ij}, δ_{i,j}, δ_{i k_t} where the file defines no δ: the Kronecker delta 1_{i=j}, as the softmax Jacobian
 * is printed (∂ŷ_i/∂o_j = ŷ_i(δ_{ij} − ŷ_j)); session 16: "unknown name δ_ij". null when it is no such pair.
 */
function kroneckerDelta(a: NameAst, ctx: ExprContext): Expr | null {
  if (ctx.scope.isKnown('δ') || ctx.vars.has('δ') || a.sup || a.args) return null;
  let pair: [Ast, Ast] | null = null;
  const letter = (raw: string, at: number): Ast => {
    const r = { ...a.nameRange, column: a.nameRange.column + at, endColumn: a.nameRange.column + at + 1, endLine: a.nameRange.line };
    return { k: 'name', raw, sub: null, sup: null, range: r, nameRange: r };
  };
  // δ_ij: the two letters are one segment of the name
  const m = /^δ_([A-Za-z])([A-Za-z])$/.exec(a.raw);
  if (m && !a.sub) pair = [letter(m[1]!, 2), letter(m[2]!, 3)];
  else if (a.raw === 'δ' && a.sub?.k === 'list' && a.sub.items.length === 2) pair = [a.sub.items[0]!, a.sub.items[1]!];
  else if (a.raw === 'δ' && a.sub?.k === 'bin' && a.sub.op === 'juxt') pair = [a.sub.a, a.sub.b];
  if (!pair) return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${writtenName(a)} is read as the Kronecker delta: 1 where its two indices are equal, else 0`,
        a.range,
        'kronecker',
      ),
    );
  return readExpression({ k: 'indicator', a: pair[0], b: pair[1], range: a.range }, ctx);
}

/**
 * l(o_t, y_t) with l_t a per-step quantity (d2l.ai's loss function applied to an output and its target): l at the
 * one step its arguments are written at, with a note saying so; arguments at no step or at different ones are an
 * error naming them
 */
function readAtArgumentStep(a: NameAst, ctx: ExprContext): Expr {
  const quiet = quietly(ctx);
  const steps: Idx[] = [];
  for (const x of a.argItems ?? []) {
    let e: Expr | null = null;
    try {
      e = readExpression(x, quiet);
    } catch (err) {
      if (!(err instanceof Abandoned)) throw err;
    }
    if (e?.k === 'ref' && e.idx) steps.push(e.idx);
  }
  const key = (i: Idx) => JSON.stringify(i);
  const one = steps.length > 0 && steps.every((i) => key(i) === key(steps[0]!));
  const name = writtenName(a);
  // deeplearning.ai's ℒ(ŷ, y) = −Σ_t …, with L = Σ_t L_t: arguments at no step name the whole sequences, so the
  // untimed L (it was "L is a sequence: … they name no step")
  const twin = steps.length === 0 ? ctx.scope.twins.get(a.raw) : undefined;
  if (twin !== undefined) {
    if (ctx.record && !ctx.quiet)
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `${name}(…) is read as ${name}: the arguments in parentheses name what it depends on`,
          a.range,
          'function-arguments',
        ),
      );
    return mkRef(a, ctx, twin, null, ctx.scope.shapeOf(twin), a.range);
  }
  if (!one)
    fail(
      ctx,
      `${name} is a sequence: ${name}(…) takes its step from its arguments, and they ${steps.length ? 'are written at different steps' : 'name no step'} — write ${name}_t or a step such as ${name}_1`,
      a.range,
      'index',
    );
  const e = mkRef(a, ctx, a.raw, steps[0]!, ctx.scope.shapeOf(a.raw), a.range);
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${name}(…) is read as ${refText(a.raw, steps[0]!)}, at the step of its arguments`,
        a.range,
        'function-arguments',
      ),
    );
  return e;
}

/**
 * dc_t, dh_{t+1}, dW_hh in a question, where the file defines c, h, W_hh and no dc: the gradient of the loss by
 * it, as CS231n and min-char-rnn name their gradients (dx is ∂loss/∂x) — the adjoint, with a note saying so.
 * Unlike δ (Graves' δ is the gradient at a unit's input, so δX is not read), d before a name has one meaning.
 */
function codeGradient(a: NameAst, ctx: ExprContext, name: string): Expr | null {
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
function unnamedPreactivation(name: string, scope: ExprContext['scope']): string | null {
  const m = /^d(\p{L})_(\p{L}+)$/u.exec(name);
  if (!m || scope.isKnown(name.slice(1)) || scope.isKnown(m[1]!) || !scope.isTimed(m[2]!)) return null;
  const rest = name.slice(1);
  return `unknown name ${name}: as code writes gradients (d before a name) it is ∂loss/∂${rest}, and the network names no ${rest} — where ${rest} is the argument of ${m[2]}'s function (${m[2]} = σ(${rest})), name that argument in the network and ${name} reads as its gradient`;
}

/** dc̄, dc̄_t: d before a name the file defines with its mark (Kouridi's dc_bar for c̄) */
function codeGradientOfMarked(raw: string, scope: ExprContext['scope']): boolean {
  return raw[0] === 'd' && raw.length > 1 && (scope.isKnown(raw.slice(1)) || scope.isKnown(withoutSegment(raw.slice(1))));
}

export function readName(a: NameAst, ctx: ExprContext): Expr {
  const scope = ctx.scope;
  const T = scope.T;
  if (a.args) {
    // d2l.ai's f(x_t, h_{t-1}, w_h): no quantity of the file is named so
    if (!scope.isKnown(a.raw) && !scope.isKnown(withoutSegment(a.raw))) {
      // d2l.ai's f(x_t, h_{t-1}, w_h): the quantity whose equation takes these arguments. Only a bare name (f, g):
      // an undefined name with a step, as seed 001's ℒ_t(t_t, y_t) under a network whose loss is called otherwise,
      // is a name the network does not define (LANGUAGE.md §8: such an equation is skipped, not guessed)
      // (CS231n's and CS 7643's f_W(h_{t−1}, x_t): the function with its parameters W below, where the file names no
      // f_W and no W — bare f with a note of what W is)
      const byParameters = !a.sub && !a.sup ? parametersBelow(a.raw, ctx) : null;
      const bare = (!a.sub && !a.sup && !a.raw.includes('_')) || byParameters !== null;
      const fq = bare ? argumentFunction(a, ctx) : null;
      if (fq) {
        if (ctx.record && !ctx.quiet)
          scope.diagnostics.push(
            diag(
              'information',
              `${writtenName(a)}(…) is read as ${refText(fq.name, fq.idx)}, the quantity whose equation takes these arguments${byParameters ? ` (${byParameters} below names the parameters it uses)` : ''} (its derivative by one of them is the partial one, ∂⁺)`,
              a.range,
              'function-arguments',
            ),
          );
        return mkRef(a, ctx, fq.name, fq.idx, scope.shapeOf(fq.name), a.range);
      }
      if (!bare)
        fail(
          ctx,
          `${writtenName(a)}(…): ${writtenName(a)} is no name of the network (a name with its arguments, as ℒ_t(t_t, y_t), is read as the quantity of that name)`,
          a.range,
          'unknown-name',
        );
      fail(
        ctx,
        `${writtenName(a)}(…): a name applied to arguments, as d2l.ai writes f(x_t, h_{t-1}, w_h), is no function the file defines — write the quantity it computes instead (∂⁺h_t/∂w_h for ∂f(x_t, h_{t-1}, w_h)/∂w_h)`,
        a.range,
        'unknown-name',
      );
    }
    // d2l.ai's l(o_t, y_t): a per-step quantity written with no step, at the step its arguments share
    if (!a.sub && !a.sup && scope.isTimed(a.raw) && !ctx.vars.has(a.raw)) return readAtArgumentStep(a, ctx);
    // ℒ_t(t_t, y_t): the quantity written with what it depends on; read as the quantity itself
    const e = readName({ ...a, args: undefined, range: { ...a.range, endLine: a.args.line, endColumn: a.args.column } }, ctx);
    if (ctx.record && !ctx.quiet)
      scope.diagnostics.push(
        diag(
          'information',
          `${writtenName(a)}(…) is read as ${writtenName(a)}: the arguments in parentheses name what it depends on`,
          a.range,
          'function-arguments',
        ),
      );
    return e;
  }
  // Khapra's ℒ(θ), ℒ_t(θ): the parameters it is a function of, no step (parametersArgument.ts)
  if (parametersArgument(a, scope)) {
    const e = readName({ ...a, sup: null, stepCall: undefined }, ctx);
    if (ctx.record && !ctx.quiet)
      scope.diagnostics.push(
        diag(
          'information',
          `${a.raw}${a.sub ? '_{…}' : ''}(θ) is read as ${a.raw}${a.sub ? '_{…}' : ''}: θ names the parameters it is a function of, not a step`,
          a.range,
          'function-arguments',
        ),
      );
    return e;
  }
  // δ_t = ∂L/∂a_t defined in the file: its right side at this use's step
  if (scope.derived.size) {
    const use = derivedUse(a, scope);
    if (use) {
      let e = readDerived(a, use, ctx, readExpression);
      // the name it was written by kept on the derivative, for the hints that name it (engine/check)
      // (Haykin's and Jaeger's δ_j(n) = −∂E/∂v_j(n) too: the derivative under the sign)
      const d = e.k === 'neg' && e.a.k === 'deriv' ? e.a : e;
      if (d.k === 'deriv') {
        const idx = use.step ? tryTimeIndex(use.step, ctx.vars, ctx.scope.T) : null;
        const named: Expr = !use.step || idx ? { ...d, alias: { name: use.base, idx } } : d;
        e = e.k === 'neg' ? { ...e, a: named } : named;
      }
      return use.entry === undefined ? e : entriesOf(e, [segmentAst(use.entry, a)], a.range, ctx);
    }
  }
  let raw = a.raw;
  // whether the file defines the name, and (a name it does not define: h_t, L_3, most names read) the name before its
  // first '_' and whether the file defines it, for splitRun, untimedEntryByValue and the time index below: found once
  // per spelling (spelling.ts)
  const sp = spellingOf(scope, raw);
  const rawKnown = sp.known;
  const { cut, head, headKnown } = sp;
  const diagonal = !rawKnown && head === 'D' && !headKnown ? diagonalOf(a, raw, ctx) : null;
  if (diagonal) return diagonal;
  const run = splitRun(a, ctx, rawKnown, cut, head, headKnown);
  if (run) return readExpression(run, ctx);
  // X̄_t written with the combining mark, where the file defines no such name: the adjoint ∂loss/∂X_t
  // (not code's dc̄_t, the gradient of a name c̄ the file defines: unknown() reads it as dc_t is read)
  const marked = sp.marked && !codeGradientOfMarked(raw, scope) ? markedAdjoint(a) : null;
  // d\bar{c}_t where the file defines no c̄: no adjoint dc of c either (the bar is on c), an unknown name as written
  if (marked && !rawKnown && /^d\p{L}[\u0304\u0305]/u.test(raw)) return unknown(a, ctx, raw);
  if (marked && !rawKnown && !scope.isKnown(withoutSegment(raw))) return readAdjoint(marked, a.range, ctx);
  // \vec{h}_t (h⃗_t) where the file defines no h⃗: the arrow marks a vector, as \mathbf does — the file's h
  const plain = sp.arrow && !rawKnown && !scope.isKnown(withoutSegment(raw)) ? raw.replaceAll('\u20D7', '') : null;
  if (plain !== null && (scope.isKnown(plain) || scope.isKnown(withoutSegment(plain)))) return readName({ ...a, raw: plain }, ctx);
  if (scope.refused.size && (scope.refused.has(raw) || (!rawKnown && scope.refused.has(withoutSegment(raw))))) throw new Abandoned();
  // h_1^{(t)}, p_j^{(k+1)}, w_{i,j}^{(k+1)}: entries of a sequence at the superscripted step
  if (a.sup) {
    // y_{H,2}^{(3)}: entry 2 of the sequence y_H at step 3 (namedEntry)
    const named = !rawKnown && a.sub?.k === 'list' ? namedEntry(a, raw, ctx) : null;
    if (named) return named;
    let entry: Ast[] | null = null;
    const m = sp.last;
    // raw's isTimed, kept with raw (the spelling's, or its last segment's base once an entry is cut off)
    let rawTimed = sp.timed;
    const swapped = !rawKnown && m && sp.lastTimed && !a.sub ? stepUnderEntryOver(a, m[0], m[1], ctx) : null;
    if (swapped) return swapped;
    if (!rawKnown && m && sp.lastTimed && isEntryIndex(m[1], ctx)) {
      raw = m[0];
      rawTimed = true;
      entry = [segmentAst(m[1], a)];
    } else if (!rawKnown && m && sp.lastTimed) {
      const pair = entryPair(a, m[0], m[1], ctx);
      if (pair) {
        raw = m[0];
        rawTimed = true;
        entry = pair;
      }
    }
    // raw is still a.raw unless an entry was found
    const byValue = entry || a.sub || rawKnown ? null : entryByValueAt(a, ctx);
    if (byValue) return byValue;
    // h_{t-1}^{(j)}, δ_t^{(i)}: a step written below (with t, T or τ) and none above — the superscript is the entry
    // (h_1^{(t)}, the seeds' order, is read as before: entry below, step above)
    if (rawTimed && !entry && a.sub && a.sub.k !== 'num' && isStepItem(a.sub) && !hasStepLetter(a.sup)) {
      const e = mkRef(a, ctx, raw, timeIndexOf(a.sub, ctx), scope.shapeOf(raw), a.range);
      return entriesOf(e, subscriptItems(a.sup), a.range, ctx);
    }
    if (rawTimed && (!a.sub || !entry)) {
      const idx = timeIndexOf(a.sup, ctx);
      const e = mkRef(a, ctx, raw, idx, scope.shapeOf(raw), a.range);
      const picks = entry ?? (a.sub ? subscriptItems(a.sub) : null);
      return picks ? entriesOf(e, picks, a.range, ctx) : e;
    }
    // dγ_o^{⟨t⟩}, dc^{(t)} (deeplearning.ai's gradients at a superscripted step): the adjoint at that step, as dc_t
    if (!scope.isKnown(raw) && raw[0] === 'd' && scope.isTimed(raw.slice(1))) {
      const grad = codeGradient(a, ctx, raw);
      if (grad) return grad;
    }
    // not a sequence: W(t) has no step to take (a teacher would not read W·t), w(2) is 2w as before; a power x^(2)
    if (a.stepCall) {
      const weight = mentionsStepVariable(a.sup, ctx) ? weightAtTime(a, raw, ctx) : null;
      if (weight) return weight;
      if (scope.isKnown(raw) && !ctx.vars.has(raw) && mentionsStepVariable(a.sup, ctx))
        fail(
          ctx,
          `${raw}(…): ${raw} is not a sequence, so it has no step to take — write ${raw} alone (one value for every step), or ${raw}·(…) for a product`,
          a.range,
          'index',
        );
      return readExpression({ k: 'bin', op: 'juxt', a: { ...a, sup: null, stepCall: undefined }, b: a.sup, range: a.range }, ctx);
    }
    // Sutskever et al.'s W_hh^{(x_t)}: a matrix the input chooses, its superscript a sequence's value, not a step
    if (!scope.isKnown(raw)) inputChosen(a, raw, ctx);
    // dh_{raw}^{(t)}: min-char-rnn's dhraw at a superscripted step
    const atStep = !scope.isKnown(raw) ? rawGradient(a, ctx, raw) : null;
    if (atStep) return atStep;
    const base = readName({ ...a, sup: null }, ctx);
    return power(base, readExpression(a.sup, ctx), a.sup.range, a.range, ctx);
  }
  if (a.sub) {
    const named = namedEntry(a, raw, ctx);
    if (named) return named;
    if (!rawKnown) return unknown(a, ctx, raw);
    // M_{i,j}, v_{i}: entries of a name that is not a sequence (or a list of indices, which no step is)
    if (!sp.timed || a.sub.k === 'list') {
      const stepped = stepThenEntries(a, raw, ctx) ?? entriesThenStep(a, raw, ctx);
      if (stepped) return stepped;
      const shape = scope.shapeOf(raw);
      if (sp.timed)
        fail(ctx, blockText(a, raw, ctx) ?? `${raw} is a sequence: give its step too, as in ${raw}_{i,j}^{(t)}`, a.range, 'index');
      // a name whose definition (or declaration) has an error: not available, whatever its index (§6: no cascades)
      if (scope.unavailable.has(raw)) failUnavailable(ctx, raw, a.nameRange);
      if (shape && shape.length === 0) {
        const tied = tiedCopy(a, raw, ctx);
        if (tied) return tied;
        fail(ctx, `${raw} has no time index: it is not a sequence`, a.range, 'index');
      }
      return entriesOf(mkRef(a, ctx, raw, null, shape, a.range), subscriptItems(a.sub), a.range, ctx);
    }
    if (a.sub.k === 'name' && !a.sub.sub && !a.sub.sup) {
      // y_i beside Prince's loss ℓ_i: the example's one target, not y at a step i
      const example = !ctx.vars.has(a.sub.raw) && sp.timed && a.sub.raw === exampleLetter(scope.loss);
      if (example && manyToOneTarget(raw, a.range, ctx, a.sub.raw))
        return mkRef(a, ctx, raw, { v: null, k: scope.T }, scope.shapeOf(raw), a.range);
      const picked = entryByValue(a, ctx, raw, a.sub.raw, a.sub.range);
      if (picked) return picked;
    }
    const stepEntry = stepEntryPair(a, raw, a.sub, null, ctx);
    if (stepEntry) return stepEntry;
    return mkRef(a, ctx, raw, timeIndexOf(a.sub, ctx), scope.shapeOf(raw), a.range);
  }
  // (τ a question's free step, written before t: tauStep.ts, is that step, as a bare variable below)
  if (
    (raw === 'T' ||
      (raw === 'τ' && !ctx.vars.has(raw)) ||
      (raw === 'N' && ctx.vars.has(LENGTH_N)) ||
      (raw === 'n' && ctx.vars.has(LENGTH_LOWER_N))) &&
    !rawKnown
  )
    return { k: 'num', value: T, shape: [], range: a.range };
  // a bare step variable is the step, even where a sequence has its name (seed 001's targets t_t beside t)
  if (ctx.vars.has(raw) && (!rawKnown || sp.timed)) return { k: 'var', idx: { v: raw, k: 0 }, shape: [], range: a.range };
  const twin = scope.twins.get(raw);
  if (twin !== undefined) return mkRef(a, ctx, twin, null, scope.shapeOf(twin), a.range);
  if (rawKnown) {
    const last = sp.timed ? (lastStepTarget(a, raw, ctx) ?? stepFunctionInput(a, ctx, raw)) : null;
    if (last) return last;
    if (sp.timed) fail(ctx, `${raw} is a sequence: write ${raw}_t, ${raw}_{t-1} or a step such as ${raw}_1`, a.range, 'index');
    return mkRef(a, ctx, raw, null, scope.shapeOf(raw), a.range);
  }
  const byTarget = untimedEntryByValue(a, ctx, raw, cut, head, headKnown);
  if (byTarget) return byTarget;
  // h_{T_x}: deeplearning.ai's last step, whose own subscript the reader glues into the name (h^{(T_x)} is read
  // as a step already)
  if (raw.endsWith('_T_x')) {
    const base = raw.slice(0, -4);
    if (scope.isKnown(base) && scope.isTimed(base)) return mkRef(a, ctx, base, { v: null, k: T }, scope.shapeOf(base), a.range);
  }
  // h_t, L_3, h_T, x_i: a time-indexed name (its last '_' most often its first: the head already asked)
  const m = sp.last;
  if (sp.lastKnown) {
    // by index: a destructuring makes an iterator and its results in code not yet optimised (every name read)
    const base = m![0];
    const seg = m![1];
    const idx: Idx | null = isDigits(seg)
      ? { v: null, k: Number(seg) }
      : seg === 'T' ||
          ((seg === 'τ' || (seg === 'L' && !scope.isKnown(seg))) && !ctx.vars.has(seg)) ||
          (seg === 'N' && ctx.vars.has(LENGTH_N)) ||
          (seg === 'n' && ctx.vars.has(LENGTH_LOWER_N))
        ? { v: null, k: T }
        : ctx.vars.has(seg)
          ? { v: seg, k: 0 }
          : null;
    if (idx && sp.lastTimed) return mkRef(a, ctx, base, idx, scope.shapeOf(base), a.range);
    // y_i beside Prince's loss ℓ_i: the example's one target, not y at a step i
    if (!idx && sp.lastTimed && seg === exampleLetter(scope.loss) && manyToOneTarget(base, a.range, ctx, seg))
      return mkRef(a, ctx, base, { v: null, k: T }, scope.shapeOf(base), a.range);
    if (idx && !sp.lastTimed) {
      // v_i, b_2: an entry of a vector that is not a sequence
      const shape = scope.shapeOf(base);
      // V_{12} of a matrix that is no sequence: entry (1, 2), as V_{ij} is (one index cannot pick a matrix's entry)
      const digits = shape?.length === 2 ? digitPair(a, base, seg, ctx) : null;
      if (digits) return entriesOf(mkRef(a, ctx, base, null, shape!, a.range), digits, a.range, ctx);
      if (shape && shape.length >= 1 && seg !== 'T')
        return entriesOf(mkRef(a, ctx, base, null, shape, a.range), [segmentAst(seg, a)], a.range, ctx);
      if (scope.unavailable.has(base)) failUnavailable(ctx, base, a.nameRange);
      const tied = shape?.length === 0 ? tiedCopy(a, base, ctx) : null;
      if (tied) return tied;
      fail(ctx, `${base} has no time index: it is not a sequence`, a.range, 'index');
    }
    const picked = entryByValue(a, ctx, base, seg, a.nameRange);
    if (picked) return picked;
    const pair = sp.lastTimed ? null : entryPair(a, base, seg, ctx);
    if (pair) return entriesOf(mkRef(a, ctx, base, null, scope.shapeOf(base), a.range), pair, a.range, ctx);
    const stepEntry = sp.lastTimed ? stepEntryPair(a, base, null, seg, ctx) : null;
    if (stepEntry) return stepEntry;
    if (seg === 't') fail(ctx, `t is not bound here: use a step number, or Σ_t to sum over steps`, a.range, 'index');
  }
  if (m && (m[1] === 't' || m[1] === 'T' || isDigits(m[1])) && !sp.lastKnown) return unknown(a, ctx, m[0]);
  return unknown(a, ctx, raw);
}

/**
 * ŷ_{y}, ŷ_{y_1} with ŷ a vector of no step (a network of one step, T = 1): the entry that the target's value picks
 * (session 16: "unknown name ŷ_y"). y alone is y_1 when T = 1; with more steps it must say which.
 */
function untimedEntryByValue(a: NameAst, ctx: ExprContext, raw: string, cut: number, base: string, baseKnown: boolean): Expr | null {
  const scope = ctx.scope;
  // cut, base, baseKnown: raw's first '_', the name before it and whether the file defines it (readName asked)
  if (cut < 0 || a.sub || a.sup) return null;
  // the base first: a sequence's h_t (most names that reach here) needs no more strings cut out
  if (!baseKnown || scope.isTimed(base) || scope.shapeOf(base)?.length !== 1) return null;
  const rest = raw.slice(cut + 1);
  const by = firstSegment(rest);
  if (!scope.isTimed(by) || ctx.vars.has(by)) return null;
  let pick: Ast = { k: 'name', raw: rest, sub: null, sup: null, range: a.nameRange, nameRange: a.nameRange };
  if (rest === by) {
    // a many-to-one network's class label, −log ŷ_y: its one target, the last step's
    const last = scope.T !== 1 && manyToOneTarget(by, a.range, ctx);
    if (scope.T !== 1 && !last)
      fail(
        ctx,
        `${base}_{${by}}: ${by} is a sequence and ${base} has no step — write ${base}_{${by}_1} (or the step meant)`,
        a.range,
        'index',
      );
    pick = {
      k: 'name',
      raw: by,
      sub: { k: 'num', value: last ? scope.T : 1, range: a.nameRange },
      sup: null,
      range: a.nameRange,
      nameRange: a.nameRange,
    };
  }
  return entriesOf(mkRef(a, ctx, base, null, scope.shapeOf(base), a.range), [pick], a.range, ctx);
}

/** a step written with t, T or τ (± a number): t, t − 1, T */
function isLetterStep(x: Ast): boolean {
  return x.k !== 'num' && isStepItem(x);
}

/** a step as a subscript's first item writes it: t, T, τ, 3, t−1, T+1 */
function isStepItem(x: Ast): boolean {
  if (x.k === 'num') return true;
  if (x.k === 'name') return !x.sub && !x.sup && (x.raw === 't' || x.raw === 'T' || x.raw === 'τ');
  return x.k === 'bin' && (x.op === '+' || x.op === '-') && isStepItem(x.a) && x.b.k === 'num';
}

/**
 * ŷ_{t,i}, o_{t,j}, W_{t,i,j}: a sequence's step, then its entry, in one subscript (softmax derivations write
 * ŷ_{t,i} − y_{t,i}); session 16: "ŷ is a sequence: give its step too". Only a step written with t, T or a number
 * comes first; null otherwise.
 */
function stepThenEntries(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
  const shape = ctx.scope.shapeOf(raw);
  if (!ctx.scope.isTimed(raw) || a.sub?.k !== 'list' || !shape || shape.length === 0) return null;
  const [first, ...rest] = a.sub.items;
  if (!first || rest.length !== shape.length || !isStepItem(first)) return null;
  // x_{2,t-1}, net_{1,t}: a number, then a step written with a letter, is entry 2 at step t − 1 (entriesThenStep);
  // read step first it was entry t − 1 at step 2, "index 0 is outside 1..2" at t = 1
  if (first.k === 'num' && rest.length === 1 && isLetterStep(rest[0]!)) return null;
  return entriesOf(mkRef(a, ctx, raw, timeIndexOf(first, ctx), shape, a.range), rest, a.range, ctx);
}

/**
 * h_{n,t}, h_{n,k+1}: a vector sequence's entry, then its step, as IndRNN writes neuron n at step t (∂J/∂h_{n,t} =
 * ∂J/∂h_{n,T} ∏_{k=t}^{T−1} u_n σ'_{n,k+1}); session 42: "h is a sequence: give its step too". The step last is a step
 * written with t, T or τ, or a bound or free variable of the question moved by a number, the entry before it a letter
 * or a number that is no step (stepThenEntries reads the other order first: y_{1,2} stays step 1, entry 2).
 */
function entriesThenStep(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
  const shape = ctx.scope.shapeOf(raw);
  if (!ctx.scope.isTimed(raw) || a.sub?.k !== 'list' || !shape || shape.length !== 1) return null;
  const [entry, step, ...rest] = a.sub.items;
  if (!entry || !step || rest.length) return null;
  // a number then a step written with a letter (x_{2,t-1}): entry 2 at that step
  if (entry.k === 'num' && Number.isInteger(entry.value) && entry.value >= 1 && isLetterStep(step))
    return entriesOf(mkRef(a, ctx, raw, timeIndexOf(step, ctx), shape, a.range), [entry], a.range, ctx);
  if (isStepItem(entry)) return null;
  const variableStep = (x: Ast): boolean =>
    (x.k === 'name' && !x.sub && !x.sup && ctx.vars.has(x.raw) && !(entry.k === 'name' && entry.raw === x.raw)) ||
    (x.k === 'bin' && (x.op === '+' || x.op === '-') && x.b.k === 'num' && variableStep(x.a));
  if (!(step.k !== 'num' && isStepItem(step)) && !variableStep(step)) return null;
  if (entry.k !== 'name' || entry.sub || entry.sup || !ctx.vars.has(entry.raw)) return null;
  return entriesOf(mkRef(a, ctx, raw, timeIndexOf(step, ctx), shape, a.range), [entry], a.range, ctx);
}

/**
 * d_{1j}, y_{tj}: a vector sequence's step and an entry index run together (no comma), as w_{ij} is a matrix's entry:
 * step 1 (or t, T), entry j, when j is a bound or free index; said in an information (it was "a time index is t, …"
 * or "unknown name y_tj"). `sub` is the subscript as parsed (1j, a product), `seg` as folded into the name (tj).
 */
function stepEntryPair(a: NameAst, raw: string, sub: Ast | null, seg: string | null, ctx: ExprContext): Expr | null {
  const shape = ctx.scope.shapeOf(raw);
  if (!shape || shape.length !== 1) return null;
  const entryLetter = (c: string) => c.length === 1 && c !== 't' && ctx.vars.has(c);
  let step: Ast | null = null;
  let entry = '';
  if (sub && sub.k === 'bin' && sub.op === 'juxt' && sub.a.k === 'num' && sub.b.k === 'name' && !sub.b.sub && !sub.b.sup) {
    if (entryLetter(sub.b.raw)) [step, entry] = [sub.a, sub.b.raw];
  } else if (seg && (/^(?:[tT]|\d+).$/.test(seg) || stepLetterFirst(seg, ctx)) && entryLetter(seg.slice(-1))) {
    const s = seg.slice(0, -1);
    step = isDigits(s)
      ? { k: 'num', value: Number(s), range: a.nameRange }
      : { k: 'name', raw: s, sub: null, sup: null, range: a.nameRange, nameRange: a.nameRange };
    entry = seg.slice(-1);
  }
  if (!step) return null;
  const stepText = step.k === 'num' ? String(step.value) : (step as NameAst).raw;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${raw}_{${stepText}${entry}} is read as entry ${entry} of ${raw} at step ${stepText}: ${raw}_{${stepText},${entry}}`,
        a.range,
        'entry-pair',
      ),
    );
  const pick: Ast = { k: 'name', raw: entry, sub: null, sup: null, range: a.nameRange, nameRange: a.nameRange };
  return entriesOf(mkRef(a, ctx, raw, timeIndexOf(step, ctx), shape, a.range), [pick], a.range, ctx);
}

/**
 * α_{ij}, e_{ik}: two index letters run together on a vector sequence, the first a bound or free index — Bahdanau et
 * al.'s attention weight of annotation j at decoder step i, a step and then an entry as y_{tj} is (it was "unknown name
 * α_ij"). Two distinct letters only; the comma form α_{i,j} keeps entriesThenStep's reading (IndRNN's h_{n,t}).
 */
function stepLetterFirst(seg: string, ctx: ExprContext): boolean {
  const chars = [...seg];
  return chars.length === 2 && chars[0] !== chars[1] && ctx.vars.has(chars[0]!) && /^\p{L}$/u.test(chars[0]!);
}

/** entries picked by 1-based indices (numbers, bound or free indices, scalar expressions): v[i], M[i, j] */
/**
 * entry x of a row or a column `e` (1×n or n×1), as the index of the vector it writes: CS224n's y^{(t)}_j and p_t[j]
 * with 1×|V| rows; a number outside 1..n is said (`word`: an index in brackets, an entry in a subscript)
 */
export function lineEntry(e: Expr, s: number[], x: Expr, range: Range, ctx: ExprContext, word: 'entry' | 'index' = 'entry'): Expr {
  if (x.k === 'num' && (!Number.isInteger(x.value) || x.value < 1 || x.value > entries(s)))
    fail(ctx, `${word} ${x.value} is outside 1..${entries(s)}`, x.range, 'index');
  const one: Expr = { k: 'num', value: 1, shape: [], range: x.range };
  return s[0] === 1 ? { k: 'index', a: e, i: one, j: x, shape: [], range } : { k: 'index', a: e, i: x, j: one, shape: [], range };
}

/** the primed letter of a matrix's pair written with a prime and read as one index, hh′ or h′h (the parser's (hh)ᵀ, hᵀh) */
function primedInPair(x: Ast): string | null {
  const letter = (y: Ast): string | null => (y.k === 'name' && !y.sub && !y.sup ? y.raw : null);
  if (x.k === 'transpose') {
    const two = letter(x.a);
    return two && [...two].length === 2 ? [...two][1]! : null;
  }
  if (x.k === 'bin' && x.op === 'juxt' && x.a.k === 'transpose') {
    const one = letter(x.a.a);
    return one && [...one].length === 1 && letter(x.b)?.length === 1 ? one : null;
  }
  return null;
}

export function entriesOf(e: Expr, picks: Ast[], range: Range, ctx: ExprContext): Expr {
  const s = e.shape;
  if (picks.length > 2) fail(ctx, 'at most two indices pick an entry', range, 'index');
  // one index on a row or a column (CS224n's y^{(t)}_j, its vectors 1×|V| rows): the entry of the vector it writes
  if (s && picks.length === 1 && s.length === 2 && isLine(s)) {
    const x = readExpression(picks[0]!, ctx);
    if (x.shape && x.shape.length) fail(ctx, `an index must be a scalar, not a ${shapeText(x.shape)}`, picks[0]!.range, 'shape-mismatch');
    return lineEntry(e, s, x, range, ctx);
  }
  if (s && s.length !== picks.length) {
    const primed = s.length === 2 && picks.length === 1 ? primedInPair(picks[0]!) : null;
    if (primed)
      fail(
        ctx,
        `${primed}' is not bound here: a primed index (Graves's ${primed}′) is read under the Σ that binds it (Σ_{${primed}'=1}^{H}); where it is free, write another letter for it (${nameOrThis(e)}_{ij})`,
        range,
        'index',
      );
    fail(
      ctx,
      s.length === 0
        ? `${nameOrThis(e)} is a scalar: it has no entries to pick`
        : `${nameOrThis(e)} is a ${shapeText(s)}: pick an entry with ${s.length === 1 ? 'one index' : 'two indices'}`,
      range,
      'index',
    );
  }
  // the one or two indices read in turn, not map()ped: the elements kind of map()'s array differs once optimized (this
  // was deoptimized reading it)
  const i = picks.length > 0 ? pickedIndex(picks[0]!, 0, s, ctx) : undefined;
  const j = picks.length > 1 ? pickedIndex(picks[1]!, 1, s, ctx) : null;
  return { k: 'index', a: e, i: i!, j, shape: [], range };
}

/** entriesOf's index n, read: a scalar, and a number within the shape's size there */
function pickedIndex(p: Ast, n: number, s: MaybeShape, ctx: ExprContext): Expr {
  const x = readExpression(p, ctx);
  if (x.shape && x.shape.length) fail(ctx, `an index must be a scalar, not a ${shapeText(x.shape)}`, p.range, 'shape-mismatch');
  if (s && x.k === 'num' && (!Number.isInteger(x.value) || x.value < 1 || x.value > s[n]!))
    fail(ctx, `entry ${x.value} is outside 1..${s[n]}`, p.range, 'index');
  return x;
}

/**
 * o_t^{(i)}, ŷ_t^i: a vector sequence with the step t below and an index letter (bound or free, not t) above — entry i
 * of o at step t, as students write a component of a step's vector. LANGUAGE.md §3 reads a superscript as the step and
 * an entry before it (h_1^{(t)}), but t below is never an entry: it is the step (session 33: `∂E_t/∂o_t^{(i)} =
 * ŷ_t^{(i)} − y_t^{(i)}` was entry t at step i, and failed). Said in an information.
 */
function stepUnderEntryOver(a: NameAst, base: string, seg: string, ctx: ExprContext): Expr | null {
  const sup = a.sup;
  if (seg !== 't' || !sup || sup.k !== 'name' || sup.sub || sup.sup || sup.args) return null;
  const letter = sup.raw;
  if (letter === 't' || [...letter].length !== 1 || !ctx.vars.has(letter)) return null;
  const shape = ctx.scope.shapeOf(base);
  if (!shape || shape.length !== 1) return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${base}_t^{(${letter})} is read as entry ${letter} of ${base} at step t (a subscript t is the step): ${base}_{t,${letter}}`,
        a.range,
        'entry-pair',
      ),
    );
  const step: Ast = { k: 'name', raw: 't', sub: null, sup: null, range: a.nameRange, nameRange: a.nameRange };
  return entriesOf(mkRef(a, ctx, base, timeIndexOf(step, ctx), shape, a.range), [segmentAst(letter, a)], a.range, ctx);
}

/**
 * θ_{o,k}: the entry k of a name θ_o the file defines, its own subscript written first in the same braces, as Guo
 * writes the output bias beside the hidden one (θ_j, θ_k). It was "θ is a vector of 2: pick an entry with one index":
 * o read as a first entry index. Only where θ_o is a name of the file and o is no index in scope. A sequence takes its
 * step from the superscript (Koutník's module unit y_{H,2}^{(3)}, entry 2 of y_H at step 3; it was "unknown name y"),
 * a name that is no sequence has none; two digits on a matrix are its row and column (W_{H,11}), as V_{12} is.
 */
function namedEntry(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
  if (a.sub?.k !== 'list' || a.sub.items.length < 2) return null;
  const [word, ...written] = a.sub.items as [Ast, ...Ast[]];
  if (word.k !== 'name' || word.sub || word.sup || ctx.vars.has(word.raw) || isDigits(word.raw)) return null;
  const name = `${raw}_${word.raw}`;
  if (!written.every((x) => (x.k === 'name' && !x.sub && !x.sup) || x.k === 'num')) return null;
  if (!ctx.scope.isKnown(name) || ctx.scope.isTimed(name) !== (a.sup !== null)) return null;
  const shape = ctx.scope.shapeOf(name);
  const rest = shape?.length === 2 && written.length === 1 ? (digitRowColumn(written[0]!) ?? written) : written;
  if ((shape?.length ?? 0) !== rest.length) return null;
  const listed = rest.map(itemText).join(', ');
  const picks = rest.length > 1 ? `(${listed})` : listed;
  const idx = a.sup ? timeIndexOf(a.sup, ctx) : null;
  const at = idx ? ` at step ${idxText(idx)}` : '';
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${raw}_{${word.raw},${written.map(itemText).join(',')}} is read as entry ${picks} of ${name}${at}`,
        a.range,
        'entry-pair',
      ),
    );
  return entriesOf(mkRef(a, ctx, name, idx, shape, a.range), rest, a.range, ctx);
}

/** a subscript item as written: a name or a number */
function itemText(x: Ast): string {
  return x.k === 'name' ? x.raw : x.k === 'num' ? String(x.value) : '';
}

/** 11, 23: two digits 1–9 as a matrix's row and column (digitPair's reading, inside a list); null otherwise */
function digitRowColumn(x: Ast): Ast[] | null {
  if (x.k !== 'num' || !/^[1-9]{2}$/.test(String(x.value))) return null;
  return [...String(x.value)].map((c) => ({ k: 'num', value: Number(c), range: x.range }) as Ast);
}

/** W_hh^{(x_t)} where W_hh names nothing: said as what it is (it was "unknown name W_hh — did you mean W_hx?") */
function inputChosen(a: NameAst, raw: string, ctx: ExprContext): void {
  const s = a.sup;
  if (!s || s.k !== 'name' || s.sup) return;
  // an input at a step (x_t), never a step variable itself (t, or seed 001's targets t_t: dh_{raw}^{(t)} is a step)
  const by = s.sub ? s.raw : firstSegment(s.raw);
  if (by === s.raw && !s.sub) return;
  if (ctx.vars.has(by) || ctx.scope.decls.get(by)?.kind !== 'input') return;
  fail(
    ctx,
    `unknown name ${raw}: ${raw}^{(${by}_t)}, a matrix chosen by the input ${by} at each step (Sutskever et al.'s W_hh^{(x_t)}), is no name of the network — write the product it stands for, or define it as a quantity of each step (${raw}_t = …) and write ${raw}_t`,
    a.range,
    'unknown-name',
  );
}

/** the items of a subscript: w_{i,j} → [i, j]; h_{i} → [i] */
function subscriptItems(sub: Ast): Ast[] {
  return sub.k === 'list' ? sub.items : [sub];
}

/** a number or an index variable in scope (bound by Σ/∏, or a question's free index) */
function isEntryIndex(seg: string, ctx: ExprContext): boolean {
  return isDigits(seg) || ctx.vars.has(seg);
}

/**
 * w_{ij}: two index letters run together (no comma), as students write a matrix entry — entry (i, j) of a
 * matrix w, when both letters are bound or free indices; an information diagnostic says how it was read.
 * A letter and a digit too (w_{k2}); two digits: w_{12} stays a step (or an unknown name), not entry (1, 2) — but of a
 * matrix that is no sequence it is entry (1, 2) (digitPair).
 */
function entryPair(a: NameAst, base: string, seg: string, ctx: ExprContext): Ast[] | null {
  const chars = [...seg];
  // a letter and a digit too (W_{k2}: Jaeger's and Williams & Zipser's entry (k, 2)); two digits are digitPair's
  const index = (c: string) => (ctx.vars.has(c) && c !== 't') || /^[1-9]$/.test(c);
  if (chars.length !== 2 || !chars.every(index) || /^\d+$/.test(seg) || ctx.scope.shapeOf(base)?.length !== 2) return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${base}_{${seg}} is read as entry (${chars.join(', ')}) of ${base}: ${base}_{${chars.join(',')}}`,
        a.range,
        'entry-pair',
      ),
    );
  return chars.map((c) => segmentAst(c, a));
}

/**
 * a_{i,t} (CS231n's a_i, the block of the stacked activation a that gate i reads, at step t): i is a sequence of the
 * network, no entry index, and a block is no name here — said so, with the two ways to write it; null for other lists
 */
function blockText(a: NameAst, raw: string, ctx: ExprContext): string | null {
  const items = a.sub?.k === 'list' ? a.sub.items : null;
  const gate = items?.length === 2 && items[0]!.k === 'name' && !items[0]!.sub && !items[0]!.sup ? items[0]!.raw : null;
  if (!gate || !ctx.scope.isTimed(gate) || !isStepItem(items![1]!)) return null;
  return `${raw}_{${gate},t} reads ${gate} as an entry index of ${raw}, but ${gate} is a sequence of the network: a block of ${raw} (CS231n's a_${gate}, the entries ${gate}'s equation takes) is no name here — name it in the network to differentiate by it (e.g. ${raw}${gate}_t = ${raw}_t[1:3], ${gate}_t = σ(${raw}${gate}_t)), or write its entries as a slice, ${raw}_t[1:3]`;
}

/**
 * V_{12}: two digits run together on a matrix that is no sequence, as students write its entries out — entry (1, 2),
 * said in an information as V_{ij} is (session 29: "V is a 2×2 matrix: pick an entry with two indices")
 */
function digitPair(a: NameAst, base: string, seg: string, ctx: ExprContext): Ast[] | null {
  if (!/^[1-9]{2}$/.test(seg)) return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${base}_{${seg}} is read as entry (${seg[0]}, ${seg[1]}) of ${base}: ${base}_{${seg[0]},${seg[1]}}`,
        a.range,
        'entry-pair',
      ),
    );
  return [...seg].map((c) => segmentAst(c, a));
}

/** the trailing segment of a raw name (p_j → j) as an expression of its own */
function segmentAst(seg: string, a: NameAst): Ast {
  if (isDigits(seg)) return { k: 'num', value: Number(seg), range: a.nameRange };
  return { k: 'name', raw: seg, sub: null, sup: null, range: a.nameRange, nameRange: a.nameRange };
}

/**
 * t − τ, k + τ: τ after a step variable is a window's length (truncated BPTT's Σ_{k=t−τ}^{t}), not Goodfellow's last
 * step τ, which is written alone (h^{(τ)}). Read as T it made the truncated sum the whole one (session 33: `∂L_t/∂W =
 * Σ_{k=t−τ}^{t} …` "held for t = 4", the only step where t − T ≥ 0)
 */
function tauBesideVariable(a: Ast, vars: Set<string>): boolean {
  if (a.k !== 'bin' || (a.op !== '+' && a.op !== '-')) return false;
  const tau = (x: Ast) => x.k === 'name' && x.raw === 'τ' && !x.sub && !x.sup && !vars.has('τ');
  const variable = (x: Ast): boolean =>
    (x.k === 'name' && !x.sub && !x.sup && vars.has(x.raw)) ||
    (x.k === 'bin' && (x.op === '+' || x.op === '-') && (variable(x.a) || variable(x.b)));
  // τ − t (the steps to the end, an exponent (Wᵀ)^{τ−t}) keeps the last step: only a variable moved by τ is a window
  return (tau(a.b) && variable(a.a)) || tauBesideVariable(a.a, vars);
}

export function timeIndexOf(a: Ast, ctx: ExprContext): Idx {
  if (tauBesideVariable(a, ctx.vars))
    fail(
      ctx,
      `τ after a step variable (t − τ) is a window's length (truncated BPTT's Σ_{k=t−τ}^{t}), not the last step τ: a truncated sum approximates the gradient and is not checked as an equation; write the window as a number (Σ_{k=t−2}^{t}) to see what it leaves out`,
      a.range,
      'index',
    );
  const idx = tryTimeIndex(a, ctx.vars, ctx.scope.T);
  if (!idx) {
    if (a.k === 'name' && !ctx.vars.has(a.raw) && /^[a-z]$/.test(a.raw))
      fail(ctx, `${a.raw} is not bound here: use t, a step number, or a Σ/∏ index`, a.range, 'index');
    // ∂L/∂h_{t'} with no Σ_{t'} around it: the parser read t' as a transpose of t
    if (a.k === 'transpose' && a.a.k === 'name' && !a.a.sub && !a.a.sup && /^[a-zτ]$/u.test(a.a.raw))
      fail(
        ctx,
        `${a.a.raw}' is not bound here: a primed index is read under the Σ or ∏ that binds it (Σ_{${a.a.raw}'=${a.a.raw}}^{T}); at one step, write ${a.a.raw} or the step's number`,
        a.range,
        'index',
      );
    // deeplearning.ai's and CS230's T_y, the output's length: the last step only when every step has an output
    if (a.k === 'name' && a.raw === 'T_y' && !ctx.scope.isKnown('T_y'))
      fail(
        ctx,
        `T_y, the output's length, is not read as a step (a many-to-one network has T_y = 1): write T when every step has an output, or the step's number`,
        a.range,
        'index',
      );
    fail(ctx, `a time index is t, t±k, a step number, T or T±k, or a Σ/∏ variable`, a.range, 'index');
  }
  return idx!;
}

/**
 * Ux^{(t)}, Wh^{(t-1)}, vh^{(t)}: a name the file does not define that is a run of names it does define is
 * their product, longest names first (LANGUAGE.md §1), with an information diagnostic saying how it was read.
 * The last name keeps the index. A defined name always wins, so this is tried only when the head is unknown.
 */
function splitRun(a: NameAst, ctx: ExprContext, known: boolean, cut: number, head: string, headKnown: boolean): Ast | null {
  const scope = ctx.scope;
  // a defined name (known: scope.isKnown(a.raw)) or a bound variable is itself. Else cut, head, headKnown: a.raw's
  // first '_', the name before it (a.raw without one) and whether the file defines it, as readName found them
  if (known || ctx.vars.has(a.raw)) return null;
  if (headKnown || scope.unavailable.has(head) || head === 'T') return null;
  const tail = cut < 0 ? '' : a.raw.slice(cut);
  const chars = Array.from(head);
  if (chars.length < 2) return null;
  const pieces = longestPieces(chars, (n) => scope.isKnown(n) || scope.refused.has(n), scope.longestName());
  if (!pieces) return null;
  let column = a.nameRange.column;
  // loops, not map() and reduce(): an array map() makes has one elements kind in optimized code and another in the
  // builtin, and the calls on it met the other one once this was optimized (a deoptimization of readName, which
  // inlines this, and readName compiled again)
  const names: NameAst[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const last = i === pieces.length - 1;
    const nameRange: Range = { ...a.nameRange, column, endColumn: column + p.length + (last ? tail.length : 0) };
    column += p.length;
    names.push(
      last
        ? { k: 'name', raw: p + tail, sub: a.sub, sup: a.sup, range: { ...a.range, column: nameRange.column }, nameRange }
        : { k: 'name', raw: p, sub: null, sup: null, range: nameRange, nameRange },
    );
  }
  if (ctx.record && !ctx.quiet) {
    const written = writtenName(a);
    let read = writtenName(names[0]!);
    for (let i = 1; i < names.length; i++) read += ' ' + writtenName(names[i]!);
    scope.diagnostics.push(
      diag('information', `${written} is read as ${read}: a product of names this file defines`, a.nameRange, 'juxtaposed-names'),
    );
  }
  let product: Ast = names[0]!;
  for (let i = 1; i < names.length; i++) product = { k: 'bin', op: 'juxt', a: product, b: names[i]!, range: a.range };
  return product;
}

/**
 * splits chars into known names, preferring the longest name at each point; null when no split exists.
 * Bottom-up, and no piece longer than `maxLen` (the longest known name): a 100,000-character unknown
 * name costs a few linear passes, not n³ substrings or n nested calls (LANGUAGE.md §6: never a hang).
 */
function longestPieces(chars: string[], isName: (n: string) => boolean, maxLen: number): string[] | null {
  const n = chars.length;
  // next[i]: where the piece starting at i ends in the preferred split of chars[i..], -1 when none
  const next = new Array<number>(n + 1).fill(-1);
  next[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = Math.min(n, i + maxLen); j > i; j--) {
      if (next[j] === -1) continue;
      if (isName(chars.slice(i, j).join(''))) {
        next[i] = j;
        break;
      }
    }
  }
  if (next[0] === -1) return null;
  const pieces: string[] = [];
  for (let i = 0; i < n; i = next[i]!) pieces.push(chars.slice(i, next[i]).join(''));
  return pieces;
}

/**
 * A target written without a step outside a step's equation (`p = softmax(V h_T)`, `loss L = −yᵀ log(p)`, a check
 * `∂L/∂V = (p − y) h_Tᵀ`): the one target of a many-to-one network, read as the last step's, y_T, and said once. Only
 * where the network's equations never write it with a step or an index: there a target written once without its step
 * is the slip it was ("y is a sequence: write y_t …").
 */
function lastStepTarget(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
  if (!manyToOneTarget(raw, a.range, ctx)) return null;
  return mkRef(a, ctx, raw, { v: null, k: ctx.scope.T }, ctx.scope.shapeOf(raw), a.range);
}
