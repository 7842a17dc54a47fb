// Ellipses written between terms or factors (∂h_3/∂h_2 ⋯ ∂h_{k+1}/∂h_k, a_1 + … + a_T): the pattern the first and
// last terms share, read as the Σ or ∏ it abbreviates; and the step offsets (t − 1 as t plus −1) they compare.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { isAst, span } from '../ast';
import type { Token } from '../lexer';
import { firstSegment } from '../segments';
import { textIn } from './checks';
import { deep, fail, isOp, next, peek } from './cursor';
import { ellipsis, startsPrimary, term } from './expressions';
import { unary } from './operators';
import type { ParseState } from './state';

/** two trees written alike: the same nodes and texts, wherever they stand */
export function sameAst(a: Ast, b: Ast): boolean {
  // a name's `args` is a range too; an index's `args` are trees
  const plain = (x: Ast) =>
    JSON.stringify(x, (k, v: unknown) => (RANGE_KEYS.has(k) || (k === 'args' && !Array.isArray(v)) ? undefined : v));
  return plain(a) === plain(b);
}

/** an index as a base letter plus an offset: t-1 is (t, -1), 3 is (null, 3) */
export interface Lin {
  base: string | null;
  off: number;
}

export const RANGE_KEYS = new Set(['range', 'nameRange', 'fnRange', 'vRange']);

export function linOf(a: Ast): Lin | null {
  if (a.k === 'num') return Number.isInteger(a.value) ? { base: null, off: a.value } : null;
  if (a.k === 'name') return !a.sub && !a.sup && a.args === undefined && /^[A-Za-z]$/.test(a.raw) ? { base: a.raw, off: 0 } : null;
  if (a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && Number.isInteger(a.b.value)) {
    const l = linOf(a.a);
    if (!l || l.base === null) return null;
    return { base: l.base, off: l.off + (a.op === '+' ? a.b.value : -a.b.value) };
  }
  return null;
}

/** base + off as a tree (t, t + 2, t - 1, 3) at range r */
export function linAst(l: Lin, range: Range): Ast {
  if (l.base === null) return { k: 'num', value: l.off, range };
  const name: Ast = { k: 'name', raw: l.base, sub: null, sup: null, range, nameRange: range };
  if (l.off === 0) return name;
  return { k: 'bin', op: l.off > 0 ? '+' : '-', a: name, b: { k: 'num', value: Math.abs(l.off), range }, range };
}

export function linText(l: Lin): string {
  if (l.base === null) return String(l.off);
  return l.off === 0 ? l.base : `${l.base}${l.off > 0 ? '+' : '-'}${Math.abs(l.off)}`;
}

/**
 * Seed 000's (13): ∂h_t/∂h_{t-1} · ∂h_{t-1}/∂h_{t-2} · ∂h_{t-2}/∂h_{t-3} ⋯ ∂h_1/∂h_0. The factors before
 * the ellipsis (two at least) step their indices by one, all alike; the factor after it is the same
 * pattern further on: the product over that pattern, as ∏ (a note says so). Anything else stays the
 * refusal that says to write ∏.
 */
export function ellipsisProduct(ps: ParseState, a: Ast, dots: Token): Ast {
  next(ps);
  if (isOp(peek(ps), '*')) next(ps);
  if (!startsPrimary(ps, peek(ps))) return ellipsis(ps, dots);
  const last = unary(ps);
  return ellipsisOver(ps, 'prod', a, last, dots) ?? ellipsis(ps, dots);
}

/** a_1 + a_2 + … + a_T: as ellipsisProduct, a Σ (seed 001's ∂L/∂W = ∂L_1/∂W + … + ∂L_T/∂W) */
export function ellipsisSum(ps: ParseState, a: Ast, dots: Token): Ast {
  const refuse = () => fail(ps, 'an ellipsis (…) stands for terms that are not written: write the sum with Σ', dots.range);
  next(ps);
  if (!isOp(peek(ps), '+')) return refuse();
  next(ps);
  const last = term(ps);
  return ellipsisOver(ps, 'sum', a, last, dots) ?? refuse();
}

/**
 * the factors (terms) of a written before the ellipsis and the last one after it, read as ∏ (Σ) of their
 * pattern: the longest run of a's last factors that follows one, the factors before it kept as written;
 * null when none does
 */
export function ellipsisOver(ps: ParseState, op: 'prod' | 'sum', a: Ast, last: Ast, dots: Token): Ast | null {
  const items: Ast[] = [];
  const prefixes: Ast[] = [];
  let x = a;
  while (x.k === 'bin' && (op === 'sum' ? x.op === '+' : x.op === '*' || x.op === 'juxt')) {
    items.unshift(x.b);
    prefixes.unshift(x.a);
    x = x.a;
  }
  items.unshift(x);
  for (let i = 0; i < items.length; i++) {
    const run = items.slice(i);
    const found = ellipsisPattern(run, last);
    if (!found) continue;
    // a factor kept as written must be another expression, not one of the pattern's off its step (x_1 x_3 ⋯ x_4)
    if (i > 0 && alignSteps(items[i - 1]!, run[0]!)) return null;
    const v = freshVar(ps);
    if (!v) return null;
    const body = shiftedCopy(ps, run[0]!, found.moving, found.rel, v);
    const first = linAst(found.first, run[0]!.range);
    const end = linAst(found.last, last.range);
    const range = span(run[0]!.range, last.range);
    const node: Ast & { k: 'big' } = {
      k: 'big',
      op,
      v,
      vRange: dots.range,
      from: found.step < 0 ? end : first,
      to: found.step < 0 ? first : end,
      body,
      range,
    };
    if (found.step < 0) node.desc = true;
    const lo = linText(found.step < 0 ? found.last : found.first);
    const hi = linText(found.step < 0 ? found.first : found.last);
    const what = op === 'prod' ? "product of the factors' pattern, ∏" : "sum of the terms' pattern, Σ";
    ps.errors.push({
      severity: 'information',
      message: `the ellipsis is read as the ${what} over ${v} = ${lo}..${hi}${found.step < 0 ? ' written from the upper bound down' : ''}: ${textIn(ps, run[0]!.range, 0)} for ${v} = ${linText(found.first)}`,
      range,
    });
    const big = deep(ps, node, body);
    if (i === 0) return big;
    const before = prefixes[i - 1]!;
    return deep(ps, { k: 'bin', op: op === 'sum' ? '+' : '*', a: before, b: big, range: span(before.range, big.range) }, before, big);
  }
  return null;
}

/**
 * the pattern of factors f₁, f₂, …, (⋯) last: the index positions that move (by `step`, ±1, from each
 * factor to the next; in order of a walk of f₁), the pattern variable's value at f₁ (first) and at the
 * last factor (last); null when the factors do not follow one pattern
 */
export function ellipsisPattern(
  factors: Ast[],
  last: Ast,
): { moving: boolean[]; rel: number[]; step: number; first: Lin; last: Lin } | null {
  const f1 = factors[0]!;
  let moving: boolean[] | null = null;
  let step = factors.length === 1 ? oneFactorStep(f1, last) : 0;
  if (factors.length === 1) moving = alignSteps(f1, last)?.map((x) => x.a.base !== x.b.base || x.a.off !== x.b.off) ?? null;
  for (let q = 1; q < factors.length; q++) {
    const pos = alignSteps(f1, factors[q]!);
    if (!pos) return null;
    const here = pos.map((x) => x.a.base === x.b.base && x.a.off !== x.b.off);
    if (moving && here.some((m, i) => m !== moving![i])) return null;
    moving = here;
    for (let i = 0; i < pos.length; i++) {
      const { a: pa, b: pb } = pos[i]!;
      if (!here[i]) {
        if (pa.base !== pb.base || pa.off !== pb.off) return null;
        continue;
      }
      const d = (pb.off - pa.off) / q;
      if (Math.abs(d) !== 1 || (step !== 0 && d !== step)) return null;
      step = d;
    }
  }
  if (!moving || !moving.some((m) => m) || step === 0) return null;
  // the pattern variable is the first moving step; the others keep their distance to it (t and t-1)
  const at = (pos: { a: Lin; b: Lin }[], side: 'a' | 'b'): { v: Lin; rel: number[] } | null => {
    let v: Lin | null = null;
    const rel: number[] = [];
    for (let i = 0; i < pos.length; i++) {
      if (!moving![i]) continue;
      const l = pos[i]![side];
      v ??= l;
      if (l.base !== v.base) return null;
      rel.push(l.off - v.off);
    }
    return v ? { v, rel } : null;
  };
  const head = at(alignSteps(f1, f1)!, 'a');
  const pos = alignSteps(f1, last);
  if (!head || !pos) return null;
  for (let i = 0; i < pos.length; i++) {
    const { a: pa, b: pb } = pos[i]!;
    if (!moving[i] && (pa.base !== pb.base || pa.off !== pb.off)) return null;
  }
  const tail = at(pos, 'b');
  if (!tail || tail.rel.some((r, i) => r !== head.rel[i])) return null;
  // the last factor lies further on in the pattern's direction (when both ends are comparable)
  if (tail.v.base === head.v.base && Math.sign(tail.v.off - head.v.off) !== step) return null;
  return { moving, rel: head.rel, step, first: head.v, last: tail.v };
}

/**
 * a_t ⋯ a_1 (one factor before the ellipsis): the direction from the ends alone: down from t (or T) to a
 * number or another letter, up to t from them, or as the numbers go; 0 when it cannot be told
 */
export function oneFactorStep(f1: Ast, last: Ast): number {
  const pos = alignSteps(f1, last);
  const d = pos?.find((x) => x.a.base !== x.b.base || x.a.off !== x.b.off);
  if (!d) return 0;
  if (d.a.base === d.b.base) return Math.sign(d.b.off - d.a.off);
  // t (or T) is the later end: ∂h_t/∂h_{t-1} ⋯ ∂h_{k+1}/∂h_k goes down, as BPTT writes it
  const later = (b: string | null) => b === 't' || b === 'T';
  if (d.b.base === null || (later(d.a.base) && !later(d.b.base))) return -1;
  return d.a.base === null || (later(d.b.base) && !later(d.a.base)) ? 1 : 0;
}

/** the index positions of two trees written alike but for their steps, in walk order; null when they differ */
export function alignSteps(x: Ast, y: Ast): { a: Lin; b: Lin }[] | null {
  const out: { a: Lin; b: Lin }[] = [];
  return alignInto(x, y, out) ? out : null;
}

export function alignInto(x: Ast, y: Ast, out: { a: Lin; b: Lin }[]): boolean {
  if (x.k !== y.k) return false;
  if (x.k === 'name' && y.k === 'name') {
    const sx = stepOfName(x);
    const sy = stepOfName(y);
    if (sx && sy && sx.stem === sy.stem && (sx.where === 'sup') === (sy.where === 'sup')) {
      out.push({ a: sx.lin, b: sy.lin });
      return true;
    }
    // a step that does not move is still a position (shiftedCopy counts every name with a step)
    if (!sameAst(x, y)) return false;
    if (sx) out.push({ a: sx.lin, b: sx.lin });
    return true;
  }
  for (const key of Object.keys(x) as (keyof typeof x)[]) {
    if (RANGE_KEYS.has(key as string)) continue;
    const u = x[key] as unknown;
    const w = (y as Record<string, unknown>)[key as string];
    if (Array.isArray(u)) {
      if (!Array.isArray(w) || u.length !== w.length) return false;
      for (let i = 0; i < u.length; i++) if (!(isAst(u[i]) && isAst(w[i]) && alignInto(u[i] as Ast, w[i] as Ast, out))) return false;
    } else if (isAst(u)) {
      if (!isAst(w) || !alignInto(u, w, out)) return false;
    } else if (u !== w) return false;
  }
  return true;
}

/** a name's step: h_t (in the word), h_{t-1} (a subscript), h^{(t)} (a superscript), as base + offset */
export function stepOfName(n: NameAst): { stem: string; where: 'word' | 'sub' | 'sup'; lin: Lin } | null {
  if (n.args !== undefined) return null;
  if (n.sub && !n.sup) {
    const lin = linOf(n.sub);
    return lin ? { stem: n.raw, where: 'sub', lin } : null;
  }
  if (n.sup && !n.sub) {
    const lin = linOf(n.sup);
    return lin ? { stem: n.raw, where: 'sup', lin } : null;
  }
  if (n.sub || n.sup) return null;
  const m = /^(.+)_([A-Za-z]|\d+)$/.exec(n.raw);
  if (!m) return null;
  const seg = m[2]!;
  return { stem: m[1]!, where: 'word', lin: /\d/.test(seg) ? { base: null, off: Number(seg) } : { base: seg, off: 0 } };
}

/** f₁ with its moving steps written over the pattern variable v (v + c, c its distance to the first) */
export function shiftedCopy(ps: ParseState, f: Ast, moving: boolean[], rel: number[], v: string): Ast {
  let i = 0;
  let m = 0;
  const walk = (x: Ast): Ast => {
    if (x.k === 'name') {
      const st = stepOfName(x);
      if (!st) return x;
      if (!moving[i++]) return x;
      const idx = linAst({ base: v, off: rel[m++]! }, x.range);
      if (st.where === 'sup') return { ...x, sup: idx };
      return { ...x, raw: st.stem, sub: idx };
    }
    const copy: Record<string, unknown> = { ...x };
    for (const key of Object.keys(x)) {
      if (RANGE_KEYS.has(key)) continue;
      const u = (x as Record<string, unknown>)[key];
      if (Array.isArray(u)) copy[key] = u.map((e) => (isAst(e) ? walk(e) : e));
      else if (isAst(u)) copy[key] = walk(u);
    }
    const out = copy as Ast;
    if (ps.trackDepth) ps.depthOf.set(out, ps.depthOf.get(x) ?? 1);
    return out;
  };
  return walk(f);
}

/** a letter for the pattern variable that no name of the text uses (nor a name's stem: s in s_t) */
export function freshVar(ps: ParseState): string | null {
  const used = new Set<string>();
  for (const t of ps.tokens) if (t.kind === 'name') used.add(firstSegment(t.text));
  return ['k', 'j', 'i', 'm', 'n', 'q', 'r'].find((c) => !used.has(c)) ?? null;
}
