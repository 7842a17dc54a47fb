// A check line: its chain of sides (A = B = C), evaluation bars (|_{t=3}), rounded values (≈ 0.42), where clauses
// and shape remarks after it; its range (for t …) is read by checkRanges.ts.

import type { Range } from '../../report';
import type { Ast, ChainLink, ChainRelation, CheckRange, NameAst, Relation, Statement } from '../ast';
import { isAst, span } from '../ast';
import type { Token } from '../lexer';
import { checkRange, interval, isPlain, parenthesisedRange, spacedRange, startsInterval } from './checkRanges';
import { REL, deep, describe, expectOp, fail, isOp, next, peek } from './cursor';
import { sameAst } from './ellipses';
import { accumulation, expr } from './expressions';
import { strayCloser } from './operators';
import { Stop, type ParseState } from './state';
import { textFrom, textOf } from './statementText';

/** half a unit of the last digit written: 0.0421 → 0.00005, 4.2e-3 → 0.00005, 12 → 0.5 */
export function halfUnit(text: string): number {
  const m = /^\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return 0;
  return 0.5 * 10 ** (Number(m[2] ?? 0) - (m[1]?.length ?? 0));
}

/** a derivative term (∂A/∂B, ∇_B A, an adjoint X̄) anywhere in a */
export function mentionsDerivative(a: Ast): boolean {
  if (a.k === 'deriv' || a.k === 'adjoint') return true;
  for (const v of Object.values(a) as unknown[]) {
    if (Array.isArray(v)) {
      if (v.some((x) => isAst(x) && mentionsDerivative(x))) return true;
    } else if (isAst(v) && mentionsDerivative(v)) return true;
  }
  return false;
}

/** whether range x lies within range r */
export function within(x: Range, r: Range): boolean {
  const startsIn = x.line > r.line || (x.line === r.line && x.column >= r.column);
  return startsIn && (x.endLine < r.endLine || (x.endLine === r.endLine && x.endColumn <= r.endColumn));
}

/** an evaluation bar |_{v=value} after side number `side` of a check (0: the left side) */
export interface Bar {
  side: number;
  v: string;
  value: Ast;
  range: Range;
  text: string;
}

export function check(ps: ParseState): Statement {
  const k0 = ps.p;
  const kw = next(ps);
  const s0 = ps.p;
  ps.rangeGroup = parenthesisedRange(ps, ps.p);
  ps.rangeSpaced = ps.rangeGroup < 0 ? spacedRange(ps, ps.p) : -1;
  // `\left. ∂L/∂o_t \right|_{t=3}`, `… \Big|_{t=T}`: evaluation bars, as a solution writes them (below)
  const bars: Bar[] = [];
  ps.accumulateAt = ps.depth + 1;
  let lhs: Ast;
  try {
    lhs = expr(ps);
  } finally {
    ps.accumulateAt = -1;
  }
  // min-char-rnn's dW_hy += dy_t h_tᵀ: the loop's total, dW_hy = Σ_t dy_t h_tᵀ
  const accumulated = accumulation(ps, lhs);
  evaluationBar(ps, 0, bars, s0);
  // A ≈ 0.0421: a value rounded to the digits written (the tolerance of each later side, null for '=')
  const rounded: (number[] | null)[] = [];
  let sideNo = 0;
  // a bound, `‖∂h_3/∂h_1‖ ≤ ‖W‖^2` or `0 < σ'(z) ≤ 1/4`, and a derivation that mixes equalities into it (Pascanu's
  // ‖∂h_t/∂h_k‖ = ‖∏ …‖ ≤ (β_W β_h)^{t−k}): each later side's relation to the side before it; = and ≈ alone have none
  const links: ChainLink[] = [];
  const side = (): Ast => {
    // `check w + 1) = 0`: the bracket is the mistake, not a missing '='
    if (strayCloser(ps, peek(ps)))
      fail(ps, `unexpected ${describe(ps, peek(ps))} in the left side of the check${strayCloser(ps, peek(ps))}`);
    const bound = peek(ps).kind === 'op' && REL.has(peek(ps).text) ? next(ps) : null;
    const rel = bound ?? (isOp(peek(ps), '≈') ? next(ps) : expectOp(ps, '=', 'between the two sides of the check'));
    links.push(rel.text as ChainLink);
    const from = ps.p;
    const e = expr(ps);
    evaluationBar(ps, ++sideNo, bars, from);
    rounded.push(rel.text === '≈' ? roundedValue(ps, e, from) : null);
    // ≈ (0.4621, 0)^T: the column the tuple already is (transposed, a row compared with a note)
    if (rel.text === '≈' && e.k === 'transpose' && e.a.k === 'list' && e.a.items.every((x) => x.k !== 'list'))
      return { ...e.a, range: e.range };
    return e;
  };
  // a chain A = B = C …: every later side is checked against the first; with a bound in it, against the one before
  const more: Ast[] = [];
  let rhs: Ast;
  if (isOp(peek(ps), '∈') && startsInterval(peek(ps, 1))) {
    // σ'(z) ∈ (0, 1/4]: a value in an interval is the two-sided bound 0 < σ'(z) ≤ 1/4, each end as its bracket says
    next(ps);
    const iv = interval(ps);
    [lhs, rhs] = [iv.lo, lhs];
    more.push(iv.hi);
    links.push(iv.loOpen ? '<' : '≤', iv.hiOpen ? '<' : '≤');
    rounded.push(null, null);
  } else if (accumulated) {
    rhs = accumulated;
    links.push('=');
    rounded.push(null);
  } else {
    rhs = side();
    while (isOp(peek(ps), '=') || isOp(peek(ps), '≈') || (peek(ps).kind === 'op' && REL.has(peek(ps).text))) more.push(side());
  }
  const sidesEnd = ps.p;
  const remark = shapeRemark(ps);
  const relations = links.some((l) => REL.has(l)) ? (links as ChainRelation[]) : null;
  if (relations) {
    // each side bounded by the next: the bounds all one way (0 < σ'(z) ≤ 1/4), the equalities between them steps of
    // the derivation; ≈ states no bound's number
    if (links.includes('≈'))
      fail(
        ps,
        `'≈' in a bound's chain: each side is bounded by or equal to the next (a = b ≤ c); write the approximation as a check of its own`,
      );
    const bounds = relations.filter((r): r is Relation => r !== '=');
    const up = (r: Relation) => r === '≤' || r === '<';
    if (bounds.some((r) => up(r) !== up(bounds[0]!)))
      fail(ps, `a bound's relations run one way (a ≤ b < c or a ≥ b > c), not ${bounds.join(' and ')}`);
  }
  let text = remark ? textOf(ps, s0, sidesEnd) : textFrom(ps, s0);
  let end = (more.length ? more[more.length - 1]! : rhs).range;
  const written = [lhs, rhs, ...more];
  const sides = ratiosAsDerivatives(ps, written, s0);
  // the sides as written, most often (ratiosAsDerivatives returns them): nothing to put back
  if (sides !== written) {
    lhs = sides[0]!;
    rhs = sides[1]!;
    more.splice(0, more.length, ...sides.slice(2));
  }
  let forRange = checkRange(ps);
  if (bars.length) {
    const barred = barredSides([lhs, rhs, ...more], bars, forRange);
    [lhs, rhs] = [barred.sides[0]!, barred.sides[1]!];
    more.splice(0, more.length, ...barred.sides.slice(2));
    forRange = barred.range;
  }
  if (forRange) {
    end = forRange.range;
    text = text.trimEnd().replace(/,$/, '');
  }
  ps.rangeGroup = -1;
  ps.rangeSpaced = -1;
  // (a letter a clause gives by a formula, `where y = \tanh(x)`, is also kept for an identity to read: whereLetters)
  const letters: { v: string; value: Ast; clause: Statement }[] = [];
  const where =
    isOp(peek(ps), ',') && peek(ps, 1).kind === 'kw' && peek(ps, 1).text === 'where'
      ? (next(ps), whereClauses(ps, letters))
      : whereClauses(ps, letters);
  if (where?.length) end = where[where.length - 1]!.range;
  const st: Statement & { k: 'check' } = { k: 'check', lhs, rhs, more, range: span(kw.range, end), text, forRange };
  if (where?.length) st.where = where;
  if (letters.length) st.whereLetters = letters;
  if (rounded.some((r) => r !== null)) st.approx = rounded;
  if (relations) st.relations = relations;
  if (ps.placeholders) st.placeholder = true;
  // \tag{…} anywhere in the statement: the lexer gave it to the token after it (perhaps the line's end)
  for (let q = k0; ps.statementTagged && q <= ps.p && q < ps.tokens.length; q++) {
    const tag = ps.tokens[q]!.tag;
    if (tag !== null) {
      st.tag = tag;
      break;
    }
  }
  return st;
}

/** how many tokens a subscript written at peek(k) takes (_x, _{…}); 0 when none is */
export function subscriptTokens(ps: ParseState, k: number): number {
  if (!isOp(peek(ps, k), '_')) return 0;
  if (!isOp(peek(ps, k + 1), '{')) return peek(ps, k + 1).kind === 'eof' ? 0 : 2;
  let depth = 0;
  for (let q = k + 1; peek(ps, q).kind !== 'eof' && peek(ps, q).kind !== 'newline'; q++) {
    if (isOp(peek(ps, q), '{')) depth++;
    else if (isOp(peek(ps, q), '}') && --depth === 0) return q - k + 1;
  }
  return 0;
}

/** for t = 3, k = 1 (Pascanu et al.'s ∂x_t/∂x_k): a second letter given a value, refused by name */
export function secondLetter(ps: ParseState, v: string): void {
  if (isOp(peek(ps), ',') && peek(ps, 1).kind === 'name' && isOp(peek(ps, 2), '='))
    fail(
      ps,
      `a check ranges over one letter, ${v}: a second letter set to a value (${peek(ps, 1).text} = …) is not read — write that value in its place in the check`,
      span(peek(ps).range, peek(ps, 2).range),
    );
}

/**
 * an evaluation bar `|_{t=3}` after a side (`\right|`, `\Big|`, a bare `|`; the lexer drops `\left.`): read into
 * `bars`. A solution binds the bar's letter in what `\left.` opened (src/solution/display.ts); a check line binds
 * it for the whole check, as `for t = 3` — the step a derivation writes its bar at is that of its every side.
 */
export function evaluationBar(ps: ParseState, side: number, bars: Bar[], from = ps.p): void {
  if (!(isOp(peek(ps), '|') && isOp(peek(ps, 1), '_') && isOp(peek(ps, 2), '{') && peek(ps, 3).kind === 'name')) return;
  // |_{W_{hh}=0.8}: the letter may carry a subscript (refused below by its name as written)
  const eq = 4 + subscriptTokens(ps, 4);
  if (!isOp(peek(ps, eq), '=')) return;
  const bar = next(ps);
  const v = eq === 4 ? peek(ps, 2).text : textOf(ps, ps.p + 2, ps.p + eq - 1);
  ps.p += eq;
  const at = ps.p;
  const value = expr(ps);
  const text = textOf(ps, at, ps.p);
  const close = expectOp(ps, '}', 'to close the evaluation bar |_{t=3}');
  const range = span(bar.range, close.range);
  // a step is a number, T or T±k (what a bar in a solution binds, too)
  const names: string[] = [];
  const walk = (a: Ast): void => {
    if (a.k === 'name') names.push(a.sub || a.sup ? '?' : a.raw);
    else if (a.k === 'bin' && (a.op === '+' || a.op === '-')) {
      walk(a.a);
      walk(a.b);
    } else if (a.k === 'neg') walk(a.a);
    else if (a.k !== 'num') names.push('?');
  };
  walk(value);
  // ∂L/∂w |_{w=1.5}: a derivative taken at a value of the quantity it is by, not at a step
  let by = false;
  for (let q = from; q < at && !by; q++)
    by = ps.tokens[q]!.kind === 'partial' && ps.tokens[q + 1]?.kind === 'name' && ps.tokens[q + 1]!.text === v;
  if (by || (value.k === 'num' && !Number.isInteger(value.value)))
    fail(
      ps,
      `an evaluation bar |_{${v}=${text}} at a value of ${v} is not read: a bar binds a step only; give ${v} that value where it is declared (param ${v} = ${text}) and write the check without the bar`,
      range,
    );
  if ([...v].length !== 1 || names.some((n) => n !== 'T'))
    fail(ps, `an evaluation bar |_{${v}=${text}} is not read: a bar binds a step only (|_{t=3}, |_{t=T}, |_{t=T-1})`, range);
  bars.push({ side, v, value, range, text });
}

/**
 * a check's sides with their evaluation bars read: bars of one step on a check with no range of its own are its
 * range (`for t = 3`, every side at that step); bars of two steps, or beside a written range, bind their own
 * sides only, as a solution reads them (`∂L/∂h_t|_{t=1} = ∂L/∂h_t|_{t=2}` compares two steps): each such side
 * is Σ over its one step (Σ_{t=1}^{1} E is E at t = 1)
 */
export function barredSides(sides: Ast[], bars: Bar[], written: CheckRange | null): { sides: Ast[]; range: CheckRange | null } {
  const same = (b: Bar) => b.v === bars[0]!.v && b.text.replace(/\s+/g, '') === bars[0]!.text.replace(/\s+/g, '');
  if (!written && bars.every(same)) {
    const b = bars[0]!;
    return { sides, range: { v: b.v, from: b.value, to: b.value, range: b.range } };
  }
  const out = sides.slice();
  for (const b of bars) {
    const body = out[b.side]!;
    out[b.side] = { k: 'big', op: 'sum', v: b.v, vRange: b.range, from: b.value, to: b.value, body, range: span(body.range, b.range) };
  }
  return { sides: out, range: written };
}

/**
 * The side after ≈, a value as a solution rounds it: a number (0.0421, -3.2e-2), m × 10^{e}, or a literal of
 * them; each entry's tolerance is half a unit of its last written digit (0.0421: 0.00005). Anything else is
 * an error naming what ≈ takes.
 */
export function roundedValue(ps: ParseState, e: Ast, from: number): number[] {
  const bad = (): never =>
    fail(
      ps,
      `after ≈ a check takes a value written to some digits (0.0421, -4.21 × 10^{-2}, or a list of numbers), judged to those digits; for an equation write =`,
      e.range,
    );
  const entry = (a: Ast): number => {
    if (a.k === 'neg') return entry(a.a);
    if (a.k === 'num' && !a.ones) return halfUnit(numberText(ps, a, from));
    if (a.k === 'bin' && (a.op === '*' || a.op === 'juxt') && a.b.k === 'bin' && a.b.op === '^') {
      const ten = a.b.a;
      const ex = a.b.b.k === 'neg' ? a.b.b.a : a.b.b;
      if (ten.k === 'num' && ten.value === 10 && ex.k === 'num' && Number.isInteger(ex.value))
        return entry(a.a) * 10 ** (a.b.b.k === 'neg' ? -ex.value : ex.value);
    }
    return bad();
  };
  const entries = (l: Ast & { k: 'list' }) => l.items.flatMap((x) => (x.k === 'list' ? x.items.map(entry) : [entry(x)]));
  if (e.k === 'list') return entries(e);
  // (0.4621, 0)^T, a row of a bmatrix transposed: a vector, its entries in the order written (a matrix's would not be)
  if (e.k === 'transpose' && e.a.k === 'list') {
    const rows = e.a.items;
    if (rows.every((x) => x.k !== 'list' || x.items.length === 1) || (rows.length === 1 && rows[0]!.k === 'list')) return entries(e.a);
  }
  return [entry(e)];
}

/** a number's text as written (a literal's entries, read without tokens of their own, as the shortest text of their value) */
export function numberText(ps: ParseState, a: Ast & { k: 'num' }, from: number): string {
  for (let q = from; q < ps.p; q++) {
    const t = ps.tokens[q]!;
    if (t.kind === 'num' && t.range.line === a.range.line && t.range.column === a.range.column) return t.text;
  }
  return String(Math.abs(a.value));
}

/**
 * Seed 001's (27) writes \frac{h_t}{W_{hh}} = \frac{∂σ(…)}{∂W_{hh}}: a side that is only a ratio of two
 * names A/B, in a chain where another side differentiates by that very B, is the derivative ∂A/∂B with its
 * ∂ left off (as (4)'s numerator without ∂ is read), with a note; nobody equates a ratio with ∂…/∂B.
 * The reading depends on what is written, never on whether the check then holds.
 */
export function ratiosAsDerivatives(ps: ParseState, sides: Ast[], from: number): Ast[] {
  // only the first side, what the derivation computes; and not when another side writes ∂A/∂B itself,
  // where the ratio is a claim of its own (y/x = ∂y/∂x holds only for a line through 0)
  const side = sides[0]!;
  if (side.k !== 'bin' || side.op !== '/' || side.a.k !== 'name' || side.b.k !== 'name') return sides;
  if (side.a.args !== undefined || side.b.args !== undefined) return sides;
  const by = side.b;
  const of = side.a;
  const others = sides.slice(1);
  if (!others.some((o) => derivesBy(o, by)) || others.some((o) => derivesBy(o, by, of))) return sides;
  // the text as written, without \frac's braces around it
  const text = (a: Ast) => textIn(ps, a.range, from).replace(/^\{\s*(.*?)\s*\}$/, '$1');
  ps.errors.push({
    severity: 'information',
    message: `read as ∂${text(of)}/∂${text(by)}: the ∂ is missing (another side is a derivative by ${text(by)})`,
    range: side.range,
  });
  return [deep(ps, { k: 'deriv', plus: false, of, wrt: by, range: side.range }, of, by), ...others];
}

/** whether e has a derivative ∂…/∂B (of A, when given; as written, ranges aside) */
export function derivesBy(e: Ast, b: NameAst, a?: NameAst): boolean {
  if (e.k === 'deriv' && sameAst(e.wrt, b) && (!a || sameAst(e.of, a))) return true;
  for (const v of Object.values(e) as unknown[]) {
    if (Array.isArray(v)) {
      if (v.some((x) => isAst(x) && derivesBy(x, b, a))) return true;
    } else if (isAst(v) && derivesBy(v, b, a)) return true;
  }
  return false;
}

/** the source text of the tokens within range r, from token index `from` on */
export function textIn(ps: ParseState, r: Range, from: number): string {
  let a = from;
  while (a < ps.p && !within(ps.tokens[a]!.range, r)) a++;
  let b = a;
  while (b < ps.p && within(ps.tokens[b]!.range, r)) b++;
  return textOf(ps, a, b);
}

/**
 * `\text{where } c = 2, z_t = W x_t` after a check: a one-letter name set to a number holds that free index
 * at the number (returned); any other clause is an equation of its own, checked after this one (queued).
 */
export function whereClauses(
  ps: ParseState,
  letters?: { v: string; value: Ast; clause: Statement }[],
): { v: string; value: Ast; range: Range }[] | null {
  if (!(peek(ps).kind === 'kw' && peek(ps).text === 'where')) return null;
  next(ps);
  const out: { v: string; value: Ast; range: Range }[] = [];
  for (;;) {
    const s1 = ps.p;
    const clause = whereClause(ps);
    if (!clause) return out;
    const [l, r] = clause;
    // (a whole number: `where γ = 0.25` names a constant, no index's value — an equation of its own, as 1/4 is)
    const num = r.k === 'neg' ? r.a : r;
    const value = num.k === 'num' && Number.isInteger(num.value) ? r : null;
    if (isPlain(l) && [...(l as NameAst).raw].length === 1 && value)
      out.push({ v: (l as NameAst).raw, value, range: span(l.range, r.range) });
    // `\text{where } δ_t = ∂L/∂h_t ⊙ …`: a name for a derivative, which the check before it uses (a definition, as
    // on a line of its own; it was an equation of its own, and δ unknown in the check)
    else if (l.k === 'name' && mentionsDerivative(r)) {
      // the same clause under several checks defines the name once
      const clause = textFrom(ps, s1);
      if (ps.whereDefined.get(l.raw) !== clause) {
        if (!ps.whereDefined.has(l.raw)) ps.whereDefined.set(l.raw, clause);
        ps.queued.push({
          k: 'def',
          lhs: l,
          rhs: r,
          isLoss: false,
          range: span(l.range, r.range),
          rhsText: clause.replace(/^[^=]*=\s*/, ''),
        });
      }
    } else {
      const clause: Statement = {
        k: 'check',
        lhs: l,
        rhs: r,
        more: [],
        range: span(l.range, r.range),
        text: textFrom(ps, s1),
        forRange: null,
      };
      ps.queued.push(clause);
      if (letters && isPlain(l) && [...(l as NameAst).raw].length === 1) letters.push({ v: (l as NameAst).raw, value: r, clause });
    }
    if (isOp(peek(ps), ',')) next(ps);
    if (peek(ps).kind === 'kw' && peek(ps).text === 'where') next(ps);
    if (peek(ps).kind === 'newline' || peek(ps).kind === 'eof') return out;
  }
}

/** at token k: a one-letter name, '=', and a list of steps (`t = 1, \dots, T`, `t = 1, 2, 3`) to the line's end */
export function listedSteps(ps: ParseState, k: number): boolean {
  const v = ps.tokens[k];
  if (!v || v.kind !== 'name' || [...v.text].length !== 1 || !isOp(ps.tokens[k + 1]!, '=')) return false;
  let depth = 0;
  for (let j = k + 2; j < ps.tokens.length; j++) {
    const x = ps.tokens[j]!;
    if (x.kind === 'newline' || x.kind === 'eof') return false;
    if (isOp(x, '(') || isOp(x, '[') || isOp(x, '{')) depth++;
    else if (isOp(x, ')') || isOp(x, ']') || isOp(x, '}')) depth--;
    else if (depth === 0 && isOp(x, ',')) {
      const n = ps.tokens[j + 1]!;
      return n.kind === 'num' || isOp(n, '…');
    } else if (depth === 0 && (isOp(x, '=') || x.kind === 'kw')) return false;
  }
  return false;
}

/**
 * one clause `A = B` after 'where'; null when it does not read (`\text{where } σ' = σ(1 − σ)`, a remark on the
 * notation, not an equation of the network's): it is dropped to the statement's end with an information, and the
 * check before it is judged without it (the whole check was refused over its remark)
 */
export function whereClause(ps: ParseState): [Ast, Ast] | null {
  const s1 = ps.p;
  const noted = ps.errors.length;
  const d0 = ps.depth;
  try {
    const l = expr(ps);
    expectOp(ps, '=', "in a 'where' clause (where c = 2, where z_t = W x_t)");
    return [l, expr(ps)];
  } catch (e) {
    if (!(e instanceof Stop) || !e.diag || e.diag.message.includes('(limit)')) throw e;
    ps.errors.length = noted;
    ps.depth = d0;
    let equals = false;
    while (peek(ps).kind !== 'newline' && peek(ps).kind !== 'eof') equals = isOp(next(ps), '=') || equals;
    // `\quad \text{where} \quad ∂L/∂h_t \text{ is given by (6)}`: no '=' at all, a remark in words (a parse error
    // named of it, "expected '='", read as a slip of the student's)
    const why = equals ? `is not read (${e.diag.message})` : 'states no equation (a remark in words, its = not written): it is not read';
    ps.errors.push({
      severity: 'information',
      message: `the clause '${textOf(ps, s1, ps.p)}' ${why}: the equation before it is checked without it`,
      range: span(ps.tokens[s1]!.range, ps.tokens[ps.p - 1]!.range),
    });
    return null;
  }
}

/**
 * `∈ ℝ^q` after a check's last side (d2l.ai ends its (9.7.13) with `\in \mathbb{R}^q`): a remark on that side's
 * shape, its dimensions letters of the text as often as numbers — no part of the claim, taken and dropped, as a
 * solution's display drops it (solution/display.ts). ℝ as a plain R only where it can be nothing else: before ^ or
 * at the statement's end
 */
export function shapeRemark(ps: ParseState): boolean {
  const r = peek(ps, 1);
  if (!isOp(peek(ps), '∈') || r.kind !== 'name') return false;
  const end = (t: Token) => t.kind === 'newline' || t.kind === 'eof';
  if (!(r.text === 'ℝ' || (r.text === 'R' && (isOp(peek(ps, 2), '^') || end(peek(ps, 2)))))) return false;
  next(ps);
  next(ps);
  if (!isOp(peek(ps), '^')) return true;
  next(ps);
  if (!isOp(peek(ps), '{')) {
    if (!end(peek(ps))) next(ps);
    return true;
  }
  // ℝ^{m \times n}: the braces' content, whatever it is
  let open = 0;
  do {
    const t = next(ps);
    if (isOp(t, '{')) open++;
    else if (isOp(t, '}')) open--;
  } while (open > 0 && !end(peek(ps)));
  return true;
}
