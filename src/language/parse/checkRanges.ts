// The steps a check is stated for: `for t = 1…T`, `for all t < T`, `(t ≥ 2)`, `t ∈ {2, …, T}`, a range after a wide
// space (\qquad 1 ≤ t ≤ T) or in parentheses at the line's end.

import type { Range } from '../../report';
import type { Ast, CheckRange, NameAst } from '../ast';
import { span } from '../ast';
import type { Token } from '../lexer';
import { bounds } from './bigOperators';
import { listedSteps, secondLetter } from './checks';
import { REL, describe, expectOp, fail, isOp, next, peek } from './cursor';
import { expr } from './expressions';
import type { ParseState } from './state';

/** the word after `for` that makes it every step: for all t, for every t, for each t, for any t */
export const QUANTIFIER_WORDS = new Set(['all', 'every', 'each', 'any']);

/**
 * The steps a check is stated for, after its last side (LANGUAGE.md §5 writes `for t = a..b`; sheets also
 * write `for t = 1, …, T-1`, `\text{for } t < T`, `\forall 1 ≤ t < T`, `, t = 1, \dots, T-1`, `(t < T)`).
 * An inequality that leaves an end open keeps the default there: the steps where both sides are defined.
 */
export function checkRange(ps: ParseState): CheckRange | null {
  const t0 = peek(ps);
  // ", \text{where} …": the check's clauses, not a range — unless steps are listed after it (`, \text{where } t = 2,
  // \ldots, T`, as without the comma below: t was held at 2 and `\ldots, T` refused)
  if (isOp(t0, ',') && peek(ps, 1).kind === 'kw' && peek(ps, 1).text === 'where' && !listedSteps(ps, ps.p + 2)) return null;
  // a comma ending the equation is its punctuation, as a final full stop is (pasted from a sentence of a sheet)
  if (isOp(t0, ',') && (peek(ps, 1).kind === 'newline' || peek(ps, 1).kind === 'eof')) {
    next(ps);
    return null;
  }
  const paren = ps.p === ps.rangeGroup;
  const spaced = ps.p === ps.rangeSpaced;
  if (paren || isOp(t0, ',')) next(ps);
  let f = peek(ps);
  // `\text{with } t = 1, \ldots, 3`, `where t = 1, 2, 3`: steps listed after a clause word are the check's range
  // (read as a clause, t was held at 1 and `\ldots, 3` refused)
  if (f.kind === 'kw' && f.text === 'where' && listedSteps(ps, ps.p + 1)) {
    next(ps);
    f = peek(ps);
  } else if (f.kind === 'kw' && f.text === 'for') {
    next(ps);
    // "for all t" (also "for every t", "for each t", "for any t")
    if (peek(ps).kind === 'name' && QUANTIFIER_WORDS.has(peek(ps).text) && peek(ps, 1).kind === 'name') next(ps);
  } else if (!paren && !spaced && !isOp(t0, ',') && !(f.kind === 'name' && isOp(peek(ps, 1), '∈'))) return null;
  const first = expr(ps);
  const nx = peek(ps);
  let r: CheckRange;
  if (isOp(nx, '=')) {
    next(ps);
    const v = rangeVar(ps, first);
    ps.inRange = true;
    const from = expr(ps);
    ps.inRange = false;
    const end = peek(ps);
    if (end.kind === 'newline' || end.kind === 'eof' || (paren && isOp(end, ')'))) {
      // "for t = 3": that one step, as a sheet states a check at one step
      r = { v: v.v, from, to: from, range: span(t0.range, from.range) };
    } else {
      // the steps listed, t = 1, 2, 3 (and t = 1, 2, …, T): consecutive numbers are the range from the first to the last
      const listed: Ast[] = [from];
      while (isOp(peek(ps), ',') && peek(ps, 1).kind === 'num') {
        next(ps);
        listed.push(expr(ps));
      }
      const stop = peek(ps);
      if (listed.length > 1 && (stop.kind === 'newline' || stop.kind === 'eof' || (paren && isOp(stop, ')')))) {
        const last = listed[listed.length - 1]!;
        const where = span(t0.range, last.range);
        if (
          !listed.every(
            (x, n) => x.k === 'num' && Number.isInteger(x.value) && (n === 0 || x.value === (listed[n - 1] as { value: number }).value + 1),
          )
        )
          fail(ps, `the steps listed are not consecutive numbers: write the range as for t = a..b`, where);
        r = { v: v.v, from, to: last, range: where };
        if (paren) r.range = span(t0.range, expectOp(ps, ')', 'to close the range of t').range);
        return r;
      }
      secondLetter(ps, v.v);
      // a, …, b and a..b
      if (isOp(peek(ps), ',')) next(ps);
      const dots = isOp(peek(ps), '…');
      // `\text{ down to }`, read as '..' by the lexer, runs from the top down as a listing does
      const down = isOp(peek(ps), '..') && ps.src.slice(peek(ps).start, peek(ps).end).includes('down');
      if (dots) next(ps);
      else expectOp(ps, '..', "in 'for t = a..b'");
      if (isOp(peek(ps), ',')) next(ps);
      const to = expr(ps);
      secondLetter(ps, v.v);
      r = { v: v.v, from, to, range: span(t0.range, to.range) };
      // t = T-1, …, 1: a backward pass's steps listed from the top down are the same steps
      if (dots || down) r.listed = true;
    }
  } else if (isOp(nx, '∈') && isPlain(first) && isReals(peek(ps, 1)) && endsRange(peek(ps, 2), paren)) {
    // `for all z ∈ ℝ`, `\forall z \in \mathbb{R}`: every value of a variable, as `for all z` (an identity's letter:
    // resolve/identity.ts; of t, every step)
    next(ps);
    const set = next(ps);
    r = { v: (first as NameAst).raw, from: null, to: null, range: span(t0.range, set.range) };
  } else if (isOp(nx, '∈') && startsStepSet(peek(ps, 1))) {
    // t ∈ {1, …, T}, t \in \{1, 2, 3\}, t ∈ [1, T), t ∈ [T]: the steps as a set or an interval
    next(ps);
    const v = rangeVar(ps, first);
    const set = stepSet(ps);
    r = { v: v.v, from: set.from, to: set.to, range: span(t0.range, set.range) };
  } else if (nx.kind === 'op' && REL.has(nx.text)) {
    const terms = [first];
    const rels: string[] = [];
    while (peek(ps).kind === 'op' && REL.has(peek(ps).text)) {
      rels.push(next(ps).text);
      terms.push(expr(ps));
    }
    const where = span(t0.range, ps.tokens[ps.p - 1]!.range);
    if (terms.length > 3 || (terms.length === 3 ? !isPlain(terms[1]!) : !isPlain(terms[0]!) && !isPlain(terms[1]!)))
      fail(ps, 'write the range of t as for t = a..b, for t < T or for 1 ≤ t ≤ T', where);
    const b = bounds(ps, terms, rels, 'the range', where);
    r = { v: b.v.v, from: b.from, to: b.to, range: where };
  } else if (isPlain(first) && (nx.kind === 'newline' || nx.kind === 'eof' || (paren && isOp(nx, ')')))) {
    // "\forall t", "for all t": every step where both sides are defined, as with no range
    r = { v: (first as NameAst).raw, from: null, to: null, range: span(t0.range, first.range) };
  } else return fail(ps, `expected a range of t after ${describe(ps, f.kind === 'kw' ? f : t0)}: for t = a..b or for t < T`, nx.range);
  if (paren) r.range = span(t0.range, expectOp(ps, ')', 'to close the range of t').range);
  return r;
}

/** ℝ (\mathbb{R}, \R, R), the reals a variable ranges over */
export function isReals(t: Token): boolean {
  return t.kind === 'name' && (t.text === 'ℝ' || t.text === 'R');
}

/** the end of a range: the line's, or its closing parenthesis */
export function endsRange(t: Token, paren: boolean): boolean {
  return t.kind === 'newline' || t.kind === 'eof' || (paren && isOp(t, ')'));
}

/** an interval after a check's ∈: (a, b], [a, b] (a literal of two numbers to the lexer), [a, b), (a, b) */
export function startsInterval(t: Token): boolean {
  return isOp(t, '(') || isOp(t, '[') || (t.kind === 'lit' && (t.lit as { items?: Ast[] }).items?.length === 2);
}

/** the interval after a check's ∈, its ends and whether each is left out (a round bracket) */
export function interval(ps: ParseState): { lo: Ast; hi: Ast; loOpen: boolean; hiOpen: boolean } {
  const open = next(ps);
  if (open.kind === 'lit') {
    const [lo, hi] = (open.lit as Ast & { k: 'list' }).items as [Ast, Ast];
    return { lo, hi, loOpen: false, hiOpen: false };
  }
  const lo = expr(ps);
  expectOp(ps, ',', 'between the ends of the interval');
  const hi = expr(ps);
  const close = peek(ps);
  if (!isOp(close, ']') && !isOp(close, ')')) fail(ps, `expected ']' or ')' to close the interval, found ${describe(ps, close)}`);
  next(ps);
  return { lo, hi, loOpen: open.text === '(', hiOpen: close.text === ')' };
}

/** what may follow ∈ as a set of steps: {…}, (…), [a, b], [a, b), [T] */
export function startsStepSet(t: Token): boolean {
  return isOp(t, '{') || isOp(t, '(') || isOp(t, '[') || (t.kind === 'lit' && ((t.lit as { items?: Ast[] }).items?.length ?? 0) <= 2);
}

/**
 * The steps after ∈, from its opening bracket: a set, {1, …, T} or {1, 2, 3} (consecutive numbers; also in
 * parentheses); an interval of whole numbers, [1, T] or [1, T) (its upper end left out); [T] (and [3]), the steps
 * 1..T as papers write them. For a check's range and for the index of Σ/∏ alike.
 */
export function stepSet(ps: ParseState): { from: Ast; to: Ast; range: Range } {
  const open = peek(ps);
  if (open.kind === 'lit') {
    // [1, 5], [3]: a literal of numbers to the lexer
    next(ps);
    const items = (open.lit as Ast & { k: 'list' }).items;
    const one: Ast = { k: 'num', value: 1, range: open.range };
    return items.length === 1 ? { from: one, to: items[0]!, range: open.range } : { from: items[0]!, to: items[1]!, range: open.range };
  }
  next(ps);
  if (open.text === '[') {
    const from = expr(ps);
    if (isOp(peek(ps), ']')) {
      // [T]: the steps 1..T
      const close = next(ps);
      return { from: { k: 'num', value: 1, range: open.range }, to: from, range: span(open.range, close.range) };
    }
    expectOp(ps, ',', 'between the ends of the interval of steps ([1, T])');
    const to = expr(ps);
    const close = peek(ps);
    if (!isOp(close, ']') && !isOp(close, ')'))
      fail(ps, `expected ']' or ')' to close the interval of steps, found ${describe(ps, close)}`);
    next(ps);
    const last: Ast = isOp(close, ')') ? { k: 'bin', op: '-', a: to, b: { k: 'num', value: 1, range: close.range }, range: to.range } : to;
    return { from, to: last, range: span(open.range, close.range) };
  }
  const was = ps.inRange;
  ps.inRange = true;
  const items: Ast[] = [expr(ps)];
  let to: Ast | null = null;
  while (isOp(peek(ps), ',')) {
    next(ps);
    if (isOp(peek(ps), '…')) {
      next(ps);
      if (isOp(peek(ps), ',')) next(ps);
      to = expr(ps);
      break;
    }
    items.push(expr(ps));
  }
  ps.inRange = was;
  const close = expectOp(ps, open.text === '{' ? '}' : ')', 'to close the set of steps');
  const range = span(open.range, close.range);
  if (!to) {
    const consecutive = items.every(
      (x, n) => x.k === 'num' && Number.isInteger(x.value) && (n === 0 || x.value === (items[n - 1] as { value: number }).value + 1),
    );
    if (!consecutive) fail(ps, `the steps listed are not consecutive numbers: write the range as for t = a..b`, range);
    to = items[items.length - 1]!;
  }
  return { from: items[0]!, to, range };
}

export function rangeVar(ps: ParseState, a: Ast): { v: string; range: Range } {
  if (!isPlain(a)) fail(ps, `expected 'for t = a..b', found ${describe(ps, ps.tokens[ps.p - 1]!)}`, a.range);
  return { v: (a as NameAst).raw, range: a.range };
}

export function isPlain(a: Ast): boolean {
  return a.k === 'name' && !a.sub && !a.sup && a.args === undefined;
}

/**
 * Where a parenthesised range ends the statement, "… (t < T)" or "… (for t = 1..T-1)": the index of its '(',
 * or -1. One backward walk from the line's end, so a check costs no more with it.
 */
export function parenthesisedRange(ps: ParseState, from: number): number {
  // the statement's end, as statementTokens found it (from is in the statement)
  let q = from < ps.tokens.length ? ps.statementEnd : from;
  q--;
  if (q <= from || !isOp(ps.tokens[q]!, ')')) return -1;
  let level = 0;
  let marked = false;
  for (; q > from; q--) {
    const x = ps.tokens[q]!;
    if (x.kind === 'op' && (x.text === ')' || x.text === '}' || x.text === ']')) level++;
    else if (x.kind === 'op' && (x.text === '(' || x.text === '{' || x.text === '[')) {
      if (--level === 0) break;
    } else if (level === 1 && ((x.kind === 'op' && REL.has(x.text)) || (x.kind === 'kw' && x.text === 'for'))) marked = true;
  }
  // "(t = 1, …, T)": a lone letter and `=` right after the '(' state the range too (an `=` is never inside an operand)
  const byEquals = isOp(ps.tokens[q + 2]!, '=') && ps.tokens[q + 1]!.kind === 'name' && /^[a-zA-Z]$/.test(ps.tokens[q + 1]!.text);
  return (marked || byEquals) && q > from && isOp(ps.tokens[q]!, '(') ? q : -1;
}

/**
 * Where a check's range written after a wide space ends the statement with no `for` or comma — `… \qquad t = 1, 2,
 * …, T`, `\quad 1 \le t \le T`, `\qquad t < T`, `\quad t = 3` — the index of its first token, or -1. The space is
 * where the comma would be (the solution reader already read `\quad t = 2, \dots, T` so); without it the letter was
 * a factor of the last side and the range a side of the chain. A line with no \quad costs one search of its text.
 */
export function spacedRange(ps: ParseState, from: number): number {
  // the statement's end, as statementTokens found it (check() asks right after its keyword)
  const end = ps.statementEnd;
  if (end - from < 3 || !quadWithin(ps, ps.tokens[from]!.start, ps.tokens[end - 1]!.start)) return -1;
  const letter = (x: Token) => x.kind === 'name' && /^[a-zA-Z]$/.test(x.text);
  const rel = (x: Token) => x.kind === 'op' && REL.has(x.text);
  for (let q = from + 1; q < end - 1; q++) {
    const x = ps.tokens[q]!;
    if (!/\\q?quad(?![a-zA-Z])/.test(ps.src.slice(ps.tokens[q - 1]!.end, x.start))) continue;
    const y = ps.tokens[q + 1]!;
    // t < T, t ≥ 2; 1 ≤ t ≤ T, 2 ≤ t
    if ((letter(x) && rel(y)) || ((x.kind === 'num' || (x.kind === 'name' && x.text === 'T')) && rel(y) && letter(ps.tokens[q + 2]!)))
      return q;
    // t = 1, 2, …, T; t = 2..T; t = 3: no second '=' after it (that would be another equation of the chain). A
    // letter other than t set to one value (`w = 0.5 \quad x = 3`) may be a second equation: only a list is a range
    if (letter(x) && isOp(y, '=')) {
      let more = false;
      let list = false;
      for (let k = q + 2; k < end && !more; k++) {
        const z = ps.tokens[k]!;
        more = isOp(z, '=') || z.kind === 'partial' || z.kind === 'frac';
        list ||= isOp(z, '…') || isOp(z, '..') || isOp(z, ',');
      }
      if (!more && (list || x.text === 't')) return q;
    }
  }
  return -1;
}

/**
 * whether 'quad' (of \quad, \qquad) is written within src[a..b), as src.slice(a, b).includes('quad') says: the places
 * are searched once per parse (a slice and a search of every check line was a twentieth of parsing sheet 7), and the
 * first at or after a found by halving
 */
export function quadWithin(ps: ParseState, a: number, b: number): boolean {
  if (ps.quads === null) {
    ps.quads = [];
    for (let q = ps.src.indexOf('quad'); q >= 0; q = ps.src.indexOf('quad', q + 4)) ps.quads.push(q);
  }
  let lo = 0;
  let hi = ps.quads.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ps.quads[mid]! < a) lo = mid + 1;
    else hi = mid;
  }
  return lo < ps.quads.length && ps.quads[lo]! + 4 <= b;
}
