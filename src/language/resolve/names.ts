// Names in expressions: declared and defined names, their time indices (h_t, h_{t-1}, h^{(t)}, L_3),
// entries by a superscripted step (h_1^{(t)}), and the unknown-name diagnostic.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { diag, suggest } from '../diagnostics';
import type { Expr, Idx } from '../model';
import { shapeText, type MaybeShape } from '../shapes';
import { Abandoned, fail, failUnavailable, type ExprContext } from './context';
import { markedAdjoint, readAdjoint } from './calculus';
import { power, readExpression } from './expressions';
import { nameOrThis, occurrence, writtenName } from './text';
import { tryTimeIndex } from './timeIndex';

export function readName(a: NameAst, ctx: ExprContext): Expr {
  const scope = ctx.scope;
  const T = scope.T;
  const mk = (name: string, idx: Idx | null, shape: MaybeShape, range: Range): Expr => {
    if (scope.broken.has(name)) failUnavailable(ctx, name, range);
    if (ctx.record) scope.symbols.push({ ...occurrence(a.nameRange, name, writtenName(a), 'use'), ...(ctx.of ? { inEquationOf: ctx.of } : {}), offset: idx && idx.v === 't' ? idx.k : null, step: idx && idx.v === null ? idx.k : null });
    return { k: 'ref', name, idx, shape: shape as Expr['shape'], range };
  };
  const known = (n: string) => scope.isKnown(n);
  const unknown = (name: string): never => {
    if (scope.unavailable.has(name)) failUnavailable(ctx, name, a.nameRange);
    const s = suggest(name, scope.knownNames());
    return fail(ctx, `unknown name ${name}${s ? ` — did you mean ${s}?` : ''}`, a.nameRange, 'unknown-name');
  };
  let raw = a.raw;
  const run = splitRun(a, ctx);
  if (run) return readExpression(run, ctx);
  // X̄_t written with the combining mark, where the file defines no such name: the adjoint ∂loss/∂X_t
  const marked = markedAdjoint(a);
  if (marked && !known(raw) && !known(raw.replace(/_[^_]+$/, ''))) return readAdjoint(marked, a.range, ctx);
  if (scope.refused.has(raw) || (!known(raw) && scope.refused.has(raw.replace(/_[^_]+$/, '')))) throw new Abandoned();
  // h_1^{(t)}: entry 1 of h at step t
  let entry: number | null = null;
  if (a.sup) {
    const m = /^(.+)_(\d+)$/.exec(raw);
    if (!known(raw) && m && scope.isTimed(m[1]!)) { raw = m[1]!; entry = Number(m[2]); }
    if (scope.isTimed(raw) && !a.sub) {
      const idx = timeIndexOf(a.sup, ctx);
      let e = mk(raw, idx, scope.shapeOf(raw), a.range);
      if (entry !== null) e = entryOf(e, entry, a.range, ctx);
      return e;
    }
    // not a sequence: a power x^(2)
    const base = readName({ ...a, sup: null }, ctx);
    return power(base, readExpression(a.sup, ctx), a.sup.range, a.range, ctx);
  }
  if (a.sub) {
    if (!known(raw)) unknown(raw);
    if (!scope.isTimed(raw)) fail(ctx, `${raw} has no time index: it is not a sequence`, a.range, 'index');
    return mk(raw, timeIndexOf(a.sub, ctx), scope.shapeOf(raw), a.range);
  }
  if (raw === 'T' && !known('T')) return { k: 'num', value: T, shape: [], range: a.range };
  if (ctx.vars.has(raw) && !known(raw)) return { k: 'var', idx: { v: raw, k: 0 }, shape: [], range: a.range };
  if (scope.quantities.has(raw + '#')) return mk(raw + '#', null, scope.shapeOf(raw + '#'), a.range);
  if (known(raw)) {
    if (scope.isTimed(raw)) fail(ctx, `${raw} is a sequence: write ${raw}_t, ${raw}_{t-1} or a step such as ${raw}_1`, a.range, 'index');
    return mk(raw, null, scope.shapeOf(raw), a.range);
  }
  // h_t, L_3, h_T, x_i: a time-indexed name
  const m = /^(.+)_([^_]+)$/.exec(raw);
  if (m && known(m[1]!)) {
    const base = m[1]!;
    const seg = m[2]!;
    const idx: Idx | null = /^\d+$/.test(seg) ? { v: null, k: Number(seg) } : seg === 'T' ? { v: null, k: T } : ctx.vars.has(seg) ? { v: seg, k: 0 } : null;
    if (idx && scope.isTimed(base)) return mk(base, idx, scope.shapeOf(base), a.range);
    if (idx && !scope.isTimed(base)) fail(ctx, `${base} has no time index: it is not a sequence`, a.range, 'index');
    if (seg === 't') fail(ctx, `t is not bound here: use a step number, or Σ_t to sum over steps`, a.range, 'index');
  }
  if (m && /^(t|T|\d+)$/.test(m[2]!) && !known(m[1]!)) unknown(m[1]!);
  return unknown(raw);
}

/** entry i (1-based) of a vector-valued expression */
export function entryOf(e: Expr, i: number, range: Range, ctx: ExprContext): Expr {
  const s = e.shape;
  if (s && s.length !== 1) fail(ctx, `${nameOrThis(e)} is a ${shapeText(s)}: one index picks an entry of a vector`, range, 'shape-mismatch');
  if (s && (i < 1 || i > s[0]!)) fail(ctx, `entry ${i} is outside 1..${s[0]}`, range, 'index');
  return { k: 'index', a: e, i: { k: 'num', value: i, shape: [], range }, j: null, shape: [], range };
}

export function timeIndexOf(a: Ast, ctx: ExprContext): Idx {
  const idx = tryTimeIndex(a, ctx.vars, ctx.scope.T);
  if (!idx) {
    if (a.k === 'name' && !ctx.vars.has(a.raw) && /^[a-z]$/.test(a.raw)) fail(ctx, `${a.raw} is not bound here: use t, a step number, or a Σ/∏ index`, a.range, 'index');
    fail(ctx, `a time index is t, t±k, a step number, T or T±k, or a Σ/∏ variable`, a.range, 'index');
  }
  return idx!;
}

/**
 * Ux^{(t)}, Wh^{(t-1)}, vh^{(t)}: a name the file does not define that is a run of names it does define is
 * their product, longest names first (LANGUAGE.md §1), with an information diagnostic saying how it was read.
 * The last name keeps the index. A defined name always wins, so this is tried only when the head is unknown.
 */
function splitRun(a: NameAst, ctx: ExprContext): Ast | null {
  const scope = ctx.scope;
  const cut = a.raw.indexOf('_');
  const head = cut < 0 ? a.raw : a.raw.slice(0, cut);
  const tail = cut < 0 ? '' : a.raw.slice(cut);
  if (scope.isKnown(head) || scope.isKnown(a.raw) || scope.unavailable.has(head) || ctx.vars.has(a.raw) || head === 'T') return null;
  const chars = Array.from(head);
  if (chars.length < 2) return null;
  const pieces = longestPieces(chars, (n) => scope.isKnown(n) || scope.refused.has(n));
  if (!pieces) return null;
  let column = a.nameRange.column;
  const names: NameAst[] = pieces.map((p, i) => {
    const last = i === pieces.length - 1;
    const nameRange: Range = { ...a.nameRange, column, endColumn: column + p.length + (last ? tail.length : 0) };
    column += p.length;
    return last
      ? { k: 'name', raw: p + tail, sub: a.sub, sup: a.sup, range: { ...a.range, column: nameRange.column }, nameRange }
      : { k: 'name', raw: p, sub: null, sup: null, range: nameRange, nameRange };
  });
  if (ctx.record && !ctx.quiet) {
    const written = writtenName(a);
    const read = names.map(writtenName).join(' ');
    scope.diagnostics.push(diag('information', `${written} is read as ${read}: a product of names this file defines`, a.nameRange, 'juxtaposed-names'));
  }
  return names.slice(1).reduce<Ast>((acc, n) => ({ k: 'bin', op: 'juxt', a: acc, b: n, range: a.range }), names[0]!);
}

/** splits chars into known names, preferring the longest name at each point; null when no split exists */
function longestPieces(chars: string[], isName: (n: string) => boolean): string[] | null {
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    if (i === chars.length) return [];
    if (memo.has(i)) return memo.get(i)!;
    let found: string[] | null = null;
    for (let j = chars.length; j > i && !found; j--) {
      const piece = chars.slice(i, j).join('');
      if (!isName(piece)) continue;
      const rest = from(j);
      if (rest) found = [piece, ...rest];
    }
    memo.set(i, found);
    return found;
  };
  return from(0);
}
