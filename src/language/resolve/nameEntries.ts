// Entries of a name as written: h_1^{(t)} and h_{t,1} (a step and an entry), w_{i,j}, p_j^{(k+1)}, W_{12} (digits as a
// row and a column), an entry chosen by a value (x_{y_t}), entries picked by a list — and which index is the step.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { firstSegment } from '../segments';
import type { MaybeShape } from '../shapes';
import { entries, isLine, shapeText } from '../shapes';
import type { ExprContext } from './context';
import { fail } from './context';
import { readExpression } from './expressions';
import { manyToOneTarget } from './lastStepTarget';
import { isDigits, mkRef, timeIndexOf } from './names';
import { idxText, nameOrThis } from './text';

/** ŷ_{y}: the entry of ŷ_t picked by the value of the sequence y at the same step (one-hot targets) */
export function entryByValue(a: NameAst, ctx: ExprContext, base: string, by: string, byRange: Range): Expr | null {
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
export function entryByValueAt(a: NameAst, ctx: ExprContext): Expr | null {
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
 * ŷ_{y}, ŷ_{y_1} with ŷ a vector of no step (a network of one step, T = 1): the entry that the target's value picks
 * (session 16: "unknown name ŷ_y"). y alone is y_1 when T = 1; with more steps it must say which.
 */
export function untimedEntryByValue(a: NameAst, ctx: ExprContext, raw: string, cut: number, base: string, baseKnown: boolean): Expr | null {
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
export function isStepItem(x: Ast): boolean {
  if (x.k === 'num') return true;
  if (x.k === 'name') return !x.sub && !x.sup && (x.raw === 't' || x.raw === 'T' || x.raw === 'τ');
  return x.k === 'bin' && (x.op === '+' || x.op === '-') && isStepItem(x.a) && x.b.k === 'num';
}

/**
 * ŷ_{t,i}, o_{t,j}, W_{t,i,j}: a sequence's step, then its entry, in one subscript (softmax derivations write
 * ŷ_{t,i} − y_{t,i}); session 16: "ŷ is a sequence: give its step too". Only a step written with t, T or a number
 * comes first; null otherwise.
 */
export function stepThenEntries(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
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
export function entriesThenStep(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
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
export function stepEntryPair(a: NameAst, raw: string, sub: Ast | null, seg: string | null, ctx: ExprContext): Expr | null {
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
export function stepLetterFirst(seg: string, ctx: ExprContext): boolean {
  const chars = [...seg];
  return chars.length === 2 && chars[0] !== chars[1] && ctx.vars.has(chars[0]!) && /^\p{L}$/u.test(chars[0]!);
}

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

/** entries picked by 1-based indices (numbers, bound or free indices, scalar expressions): v[i], M[i, j] */
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
export function stepUnderEntryOver(a: NameAst, base: string, seg: string, ctx: ExprContext): Expr | null {
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
export function namedEntry(a: NameAst, raw: string, ctx: ExprContext): Expr | null {
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
export function inputChosen(a: NameAst, raw: string, ctx: ExprContext): void {
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
export function subscriptItems(sub: Ast): Ast[] {
  return sub.k === 'list' ? sub.items : [sub];
}

/** a number or an index variable in scope (bound by Σ/∏, or a question's free index) */
export function isEntryIndex(seg: string, ctx: ExprContext): boolean {
  return isDigits(seg) || ctx.vars.has(seg);
}

/**
 * w_{ij}: two index letters run together (no comma), as students write a matrix entry — entry (i, j) of a
 * matrix w, when both letters are bound or free indices; an information diagnostic says how it was read.
 * A letter and a digit too (w_{k2}); two digits: w_{12} stays a step (or an unknown name), not entry (1, 2) — but of a
 * matrix that is no sequence it is entry (1, 2) (digitPair).
 */
export function entryPair(a: NameAst, base: string, seg: string, ctx: ExprContext): Ast[] | null {
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
export function blockText(a: NameAst, raw: string, ctx: ExprContext): string | null {
  const items = a.sub?.k === 'list' ? a.sub.items : null;
  const gate = items?.length === 2 && items[0]!.k === 'name' && !items[0]!.sub && !items[0]!.sup ? items[0]!.raw : null;
  if (!gate || !ctx.scope.isTimed(gate) || !isStepItem(items![1]!)) return null;
  return `${raw}_{${gate},t} reads ${gate} as an entry index of ${raw}, but ${gate} is a sequence of the network: a block of ${raw} (CS231n's a_${gate}, the entries ${gate}'s equation takes) is no name here — name it in the network to differentiate by it (e.g. ${raw}${gate}_t = ${raw}_t[1:3], ${gate}_t = σ(${raw}${gate}_t)), or write its entries as a slice, ${raw}_t[1:3]`;
}

/**
 * V_{12}: two digits run together on a matrix that is no sequence, as students write its entries out — entry (1, 2),
 * said in an information as V_{ij} is (session 29: "V is a 2×2 matrix: pick an entry with two indices")
 */
export function digitPair(a: NameAst, base: string, seg: string, ctx: ExprContext): Ast[] | null {
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
export function segmentAst(seg: string, a: NameAst): Ast {
  if (isDigits(seg)) return { k: 'num', value: Number(seg), range: a.nameRange };
  return { k: 'name', raw: seg, sub: null, sup: null, range: a.nameRange, nameRange: a.nameRange };
}
