// Names in expressions: declared and defined names and their time indices (h_t, h_{t-1}, h^{(t)}, L_3). Their
// entries are read by nameEntries.ts, names that stand for gradients by gradientNames.ts, the identity matrix by
// identityMatrix.ts, a run of letters by nameRuns.ts, and the unknown-name diagnostic is unknownName.ts.

import { numpyDot } from './numpyDot';
import { isUntimedTwinKey, nameOfKey } from '../../ids';
import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { diag } from '../diagnostics';
import type { Expr, Idx } from '../model';
import { exprText, refText } from '../print';
import { lastUnderscore } from '../segments';
import type { MaybeShape } from '../shapes';
import { argumentFunction } from './argumentFunction';
import { markedAdjoint, readAdjoint } from './calculus';
import type { ExprContext } from './context';
import { Abandoned, UsesUnavailable, fail, failUnavailable, quietly } from './context';
import { derivedUse, hasStepLetter, readDerived } from './derived';
import { power, readExpression } from './expressions';
import { codeGradient, codeGradientOfMarked, rawGradient } from './gradientNames';
import { exampleLetter, manyToOneTarget } from './lastStepTarget';
import {
  blockText,
  digitPair,
  entriesOf,
  entriesThenStep,
  entryByValue,
  entryByValueAt,
  entryPair,
  inputChosen,
  isEntryIndex,
  isStepItem,
  namedEntry,
  segmentAst,
  stepEntryPair,
  stepThenEntries,
  stepUnderEntryOver,
  subscriptItems,
  untimedEntryByValue,
} from './nameEntries';
import { splitRun } from './nameRuns';
import { latexSubscriptRun } from './latexSubscriptRun';
import { parametersArgument } from './parametersArgument';
import { spellingOf, writtenOf } from './spelling';
import { stepFunctionInput } from './stepWords';
import { occurrence, writtenName } from './text';
import { LENGTH_LOWER_N, LENGTH_N, tryTimeIndex } from './timeIndex';
import { unknown } from './unknownName';

/** the name without its last segment (h_t → h), else as it is: raw.replace(/_[^_]+$/, '') */
export function withoutSegment(raw: string): string {
  const i = lastUnderscore(raw);
  return i >= 0 && i < raw.length - 1 ? raw.slice(0, i) : raw;
}

/** digits only: a step number (/^\d+$/) */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

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

/** a reference to NAME at idx, recorded as a use of the name written as `a` */
export function mkRef(a: NameAst, ctx: ExprContext, name: string, idx: Idx | null, shape: MaybeShape, range: Range): Expr {
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
export function weightAtTime(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
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

/**
 * δ_{ij}, δ_{i,j}, δ_{i k_t} where the file defines no δ: the Kronecker delta 1_{i=j}, as the softmax Jacobian
 * is printed (∂ŷ_i/∂o_j = ŷ_i(δ_{ij} − ŷ_j)); session 16: "unknown name δ_ij". null when it is no such pair.
 */
export function kroneckerDelta(a: NameAst, ctx: ExprContext): Expr | null {
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

export function readName(a: NameAst, ctx: ExprContext): Expr {
  const scope = ctx.scope;
  const T = scope.T;
  if (a.args) {
    // d2l.ai's f(x_t, h_{t-1}, w_h): no quantity of the file is named so
    if (!scope.isKnown(a.raw) && !scope.isKnown(withoutSegment(a.raw))) {
      // Chollet's dot(W, input_t): NumPy's product (numpyDot.ts)
      const product = numpyDot(a, ctx);
      if (product) return product;
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
  const texRun = latexSubscriptRun(a, ctx, rawKnown || sp.lastKnown);
  if (texRun) return readExpression(texRun, ctx);
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
  // in Skansi's ½ Σ (t − y)², read over the steps (bareSum.ts), a sequence called t is the target t_t, not the step
  if (scope.bareStepSum && raw === 't' && rawKnown && sp.timed && ctx.vars.has('t'))
    return mkRef(a, ctx, raw, { v: 't', k: 0 }, scope.shapeOf(raw), a.range);
  if (ctx.vars.has(raw) && (!rawKnown || sp.timed)) return { k: 'var', idx: { v: raw, k: 0 }, shape: [], range: a.range };
  const twin = scope.twins.get(raw);
  if (twin !== undefined) return mkRef(a, ctx, twin, null, scope.shapeOf(twin), a.range);
  if (rawKnown) {
    const last = sp.timed ? (lastStepTarget(a, raw, ctx) ?? stepFunctionInput(a, ctx, raw)) : null;
    if (last) return last;
    if (sp.timed && scope.bareStepSum && ctx.vars.has('t')) return mkRef(a, ctx, raw, { v: 't', k: 0 }, scope.shapeOf(raw), a.range);
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
 * t − τ, k + τ: τ after a step variable is a window's length (truncated BPTT's Σ_{k=t−τ}^{t}), not Goodfellow's last
 * step τ, which is written alone (h^{(τ)}). Read as T it made the truncated sum the whole one (session 33: `∂L_t/∂W =
 * Σ_{k=t−τ}^{t} …` "held for t = 4", the only step where t − T ≥ 0)
 */
export function tauBesideVariable(a: Ast, vars: Set<string>): boolean {
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
 * A target written without a step outside a step's equation (`p = softmax(V h_T)`, `loss L = −yᵀ log(p)`, a check
 * `∂L/∂V = (p − y) h_Tᵀ`): the one target of a many-to-one network, read as the last step's, y_T, and said once. Only
 * where the network's equations never write it with a step or an index: there a target written once without its step
 * is the slip it was ("y is a sequence: write y_t …").
 */
export function lastStepTarget(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
  if (!manyToOneTarget(raw, a.range, ctx)) return null;
  return mkRef(a, ctx, raw, { v: null, k: ctx.scope.T }, ctx.scope.shapeOf(raw), a.range);
}
