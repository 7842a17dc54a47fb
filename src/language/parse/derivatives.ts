// Derivatives as they are written: \frac{∂A}{∂B}, ∂A/∂B, dA/dB, (∂A)/(∂B), the parenthesised and subscripted
// forms, their operands, and the entry of a vector or block of a matrix a derivative names.

import type { Range } from '../../report';
import type { Ast } from '../ast';
import { span } from '../ast';
import { bareFunctionDerivative } from '../bareFunctionDerivative';
import type { Token } from '../lexer';
import { call, subscripted } from './calls';
import { deep, deepAll, describe, enter, expectOp, fail, isOp, next, peek, spelling, upright } from './cursor';
import { expr, startsPrimary } from './expressions';
import { stackedRows } from './literals';
import { nameOrNum, nameWithIndex } from './names';
import { exponent, group, power, transposeAt } from './operators';
import { Stop, type ParseState } from './state';
import { textOf } from './statementText';
import { barredName } from './statements';

/** \frac{A}{B}; \frac{∂A}{∂B} (A any expression) is a derivative, \frac{∂}{∂B} A too */
export function frac(ps: ParseState): Ast {
  const t = next(ps);
  // \frac12, \frac1T: TeX's one-character arguments (the lexer read 12 as one number)
  const d = peek(ps);
  if (d.kind === 'num' && /^\d\d?$/.test(ps.src.slice(d.start, d.end))) {
    const digits = ps.src.slice(d.start, d.end);
    next(ps);
    const num = (value: number, r: Range): Ast => ({ k: 'num', value, range: r });
    const a = num(Number(digits[0]), d.range);
    let b: Ast;
    if (digits.length === 2) b = num(Number(digits[1]), d.range);
    else if (isOp(peek(ps), '{')) b = group(ps, next(ps));
    else if ((peek(ps).kind === 'name' && peek(ps).text.length === 1) || peek(ps).kind === 'num') b = nameOrNum(ps);
    else return fail(ps, `expected the denominator of \\frac${digits}, found ${describe(ps, peek(ps))}`);
    return deep(ps, { k: 'bin', op: '/', a, b, range: span(t.range, ps.tokens[ps.p - 1]!.range) }, a, b);
  }
  const o1 = expectOp(ps, '{', 'after \\frac');
  const inner = bracesAroundPartial(ps);
  if (peek(ps).kind === 'partial') {
    const d = next(ps);
    const plus = d.plus || eatPlus(ps);
    noHigherOrder(ps);
    if (isOp(peek(ps), '}')) {
      // the operator form \frac{∂}{∂B} A
      for (let k = 0; k < inner; k++) expectOp(ps, '}', 'to close the numerator of \\frac');
      next(ps);
      const wrt = fracDenominator(ps);
      if (!startsPrimary(ps, peek(ps))) fail(ps, `expected what \\frac{∂}{∂…} differentiates, found ${describe(ps, peek(ps))}`);
      const of = power(ps);
      return deep(ps, { k: 'deriv', plus, of, wrt, range: span(t.range, of.range), spelled: spelling(ps, d) }, of, wrt);
    }
    enter(ps, d);
    const of = expr(ps);
    ps.depth--;
    for (let k = 0; k <= inner; k++) expectOp(ps, '}', 'to close the numerator of \\frac');
    // d2l.ai's \frac{∂l(o_t, y_t)}{T \cdot ∂o_t}: a constant factor before the ∂ of the denominator
    const scale = isOp(peek(ps), '{') && peek(ps, 1).kind !== 'partial' && wrappedPartial(ps, 1) === 0 ? denominatorFactor(ps) : null;
    const wrt = fracDenominator(ps, scale !== null);
    const dv = deep(
      ps,
      { k: 'deriv', plus, of, wrt, range: span(t.range, ps.tokens[ps.p - 1]!.range), spelled: spelling(ps, d) } as Ast,
      of,
      wrt,
    );
    return scale ? deep(ps, { k: 'bin', op: '/', a: dv, b: scale, range: dv.range }, dv, scale) : dv;
  }
  // \frac{d}{d w} L (a spaced d below; \frac{d}{dw} is read by the lexer): the operator form, as \frac{∂}{∂w} L
  const dName = (o: number) => peek(ps, o).kind === 'name' && peek(ps, o).text === 'd';
  if (dName(0) && isOp(peek(ps, 1), '}') && isOp(peek(ps, 2), '{') && dName(3) && startsPrimary(ps, peek(ps, 4))) {
    ps.p += 4;
    enter(ps, o1);
    const wrt = expr(ps);
    ps.depth--;
    expectOp(ps, '}', 'to close the denominator of \\frac');
    if (!startsPrimary(ps, peek(ps))) fail(ps, `expected what \\frac{d}{d…} differentiates, found ${describe(ps, peek(ps))}`);
    const of = power(ps);
    return deep(ps, { k: 'deriv', plus: false, of, wrt, range: span(t.range, of.range), spelled: upright(ps) }, of, wrt);
  }
  // \frac{\mathrm{d} L}{\mathrm{d} W}, \frac{d L}{d W}: an upright (or spaced) d above and below is ∂
  // (the reading is tried, then undone: a bounded number of times per statement, so nested tries stay linear)
  if (peek(ps).kind === 'name' && peek(ps).text === 'd' && startsPrimary(ps, peek(ps, 1)) && ps.dTries++ < 16) {
    const save = ps.p;
    const noted = ps.errors.length;
    const d0 = ps.depth;
    try {
      next(ps);
      enter(ps, o1);
      const of = expr(ps);
      ps.depth--;
      expectOp(ps, '}', 'to close the numerator of \\frac');
      expectOp(ps, '{', 'for the denominator of \\frac');
      if (peek(ps).kind === 'name' && peek(ps).text === 'd' && startsPrimary(ps, peek(ps, 1))) {
        next(ps);
        enter(ps, o1);
        const wrt = expr(ps);
        ps.depth--;
        const close = expectOp(ps, '}', 'to close the denominator of \\frac');
        return deep(ps, { k: 'deriv', plus: false, of, wrt, range: span(t.range, close.range), spelled: upright(ps) }, of, wrt);
      }
    } catch (e) {
      if (!(e instanceof Stop) || e.diag?.message.includes('(limit)')) throw e;
    }
    // not a derivative after all: a fraction with a factor d
    ps.p = save;
    ps.errors.length = noted;
    ps.depth = d0;
  }
  const n0 = ps.p;
  const a = group(ps, o1);
  const n1 = ps.p - 1;
  const o2 = expectOp(ps, '{', 'for the denominator of \\frac');
  if (peek(ps).kind === 'partial') {
    // ∂ in the denominator only (seed 000 eq. 4): the derivative of the numerator, with a note
    ps.p--;
    const d0 = ps.p + 2;
    const wrt = fracDenominator(ps);
    const range = span(t.range, ps.tokens[ps.p - 1]!.range);
    ps.errors.push({
      severity: 'information',
      message: `read as ∂(${textOf(ps, n0, n1)})/∂${textOf(ps, d0, ps.p - 1)}: the numerator has no ∂`,
      range,
    });
    return deep(ps, { k: 'deriv', plus: false, of: a, wrt, range }, a, wrt);
  }
  const b = group(ps, o2);
  return deep(ps, { k: 'bin', op: '/', a, b, range: span(t.range, b.range) }, a, b);
}

/**
 * the factor c of a denominator {c ∂B} or {c · ∂B} (a number or a name such as T), its '{' read:
 * fracDenominator(true) reads the ∂B after it
 */
export function denominatorFactor(ps: ParseState): Ast {
  next(ps);
  if (!startsPrimary(ps, peek(ps))) fail(ps, 'the denominator of a derivative \\frac{∂A}{∂B} starts with ∂');
  const c = power(ps);
  if (isOp(peek(ps), '*')) next(ps);
  if (peek(ps).kind !== 'partial')
    fail(ps, 'the denominator of a derivative \\frac{∂A}{∂B} starts with ∂ (or a constant factor and ∂: {T · ∂B})');
  return c;
}

/** {∂B} of a \frac: the variable, any expression */
export function fracDenominator(ps: ParseState, opened = false): Ast {
  if (!opened) expectOp(ps, '{', 'for the denominator of \\frac');
  const inner = bracesAroundPartial(ps);
  if (peek(ps).kind !== 'partial') fail(ps, 'the denominator of a derivative \\frac{∂A}{∂B} starts with ∂');
  const d = next(ps);
  enter(ps, d);
  const wrt = expr(ps);
  ps.depth--;
  for (let k = 0; k <= inner; k++) expectOp(ps, '}', 'to close the denominator of \\frac');
  return wrt;
}

/**
 * `\frac{{\partial L}}{{\partial o_3}}` (as Mathpix and Word's equation export write it): braces that enclose a whole
 * argument of \frac which begins with ∂ are taken (it was "expected '/' in ∂A/∂B"); how many, 0 when none
 */
export function bracesAroundPartial(ps: ParseState): number {
  const n = wrappedPartial(ps, 0);
  ps.p += n;
  return n;
}

/** how many braces at peek(k) enclose a whole argument that begins with ∂ (0 when none) */
export function wrappedPartial(ps: ParseState, k: number): number {
  let n = 0;
  while (isOp(peek(ps, k + n), '{') && closesArgument(ps, ps.p + k + n)) n++;
  return n > 0 && peek(ps, k + n).kind === 'partial' ? n : 0;
}

/** whether the group opened at token j closes right where the group around it closes */
export function closesArgument(ps: ParseState, j: number): boolean {
  let depth = 0;
  for (let q = j; q < ps.tokens.length; q++) {
    const t = ps.tokens[q]!;
    if (t.kind === 'newline' || t.kind === 'eof') return false;
    if (isOp(t, '{')) depth++;
    else if (isOp(t, '}') && --depth === 0) return isOp(ps.tokens[q + 1] ?? t, '}') && q + 1 < ps.tokens.length;
  }
  return false;
}

export function eatPlus(ps: ParseState): boolean {
  if (isOp(peek(ps), '⁺')) {
    next(ps);
    return true;
  }
  if (isOp(peek(ps), '^') && isOp(peek(ps, 1), '+')) {
    ps.p += 2;
    return true;
  }
  return false;
}

/** ∂²L/∂w², \partial^2 L: said as what it is, not as a missing name */
export function noHigherOrder(ps: ParseState): void {
  const o = peek(ps);
  if (isOp(o, '²') || isOp(o, '³') || isOp(o, '^'))
    fail(ps, 'second and higher derivatives (∂²A/∂B²) are not in the language: it checks first derivatives, ∂A/∂B');
}

export function derivOperand(ps: ParseState): Ast {
  const o = peek(ps);
  if (isOp(o, '(') || isOp(o, '{')) {
    next(ps);
    return group(ps, o);
  }
  // ∂σ(a_t)/∂a_t, ∂tanh(z)/∂z: a function applied, as \frac{\partial \sigma(a_t)}{…} reads it (it was "expected a name
  // after ∂, found 'σ'")
  if (o.kind === 'fn' && isOp(peek(ps, 1), '(')) return call(ps);
  // ∂L/∂\bar{c}_t: the barred name c̄_t, as \frac{\partial L}{\partial \bar{c}_t} and a definition's left side read it
  // (after ∂ it names a variable, not the adjoint ∂L/∂c_t; it was "expected a name after ∂, found '\bar'")
  if (o.kind === 'bar') return barredName(ps);
  if (o.kind === 'fn') fail(ps, bareFunctionDerivative(o.text));
  if (o.kind !== 'name') fail(ps, `expected a name after ∂, found ${describe(ps, o)}`);
  let a: Ast = nameWithIndex(ps, false);
  // Graves's ∂s_c^t/∂s_c^{t-1}: a bare step over the operand, read as \frac{∂s_c^t}{…} reads it (a letter over a
  // sequence is its step); it was "expected '/'"
  if (a.k === 'name' && !a.sup && isOp(peek(ps), '^') && peek(ps).tight && stepOver(ps)) {
    next(ps);
    const b = exponent(ps);
    a = deep(ps, { k: 'bin', op: '^', a, b, range: span(a.range, b.range) }, a, b);
  }
  // ∂p_t[i]/∂h_t: an entry right on the name is the operand's, as in ∂(p_t[i]) (session 17: "expected '/'")
  if (!isOp(peek(ps), '[') || !peek(ps).tight || !simpleEntry(ps)) return a;
  next(ps);
  return entryOf(ps, a);
}

/** after a '^' (at peek()): a step written bare, t or {t-1} (a letter first, not T, which is a transpose there) */
export function stepOver(ps: ParseState): boolean {
  const letter = (x: Token) => x.kind === 'name' && /^\p{L}$/u.test(x.text) && x.text !== 'T';
  return letter(peek(ps, 1)) || (isOp(peek(ps, 1), '{') && letter(peek(ps, 2)) && !transposeAt(ps, 1));
}

/** a[i] or a[i, j], the '[' read: the indices up to the closing ']' */
export function entryOf(ps: ParseState, a: Ast): Ast {
  const open = ps.tokens[ps.p - 1]!;
  // a[i:j], a[i..j]: the entries i to j (CS231n's a_i, the first H entries of the stacked gates); Python's a[:j], the
  // first j, is read too (its start kept as 0: the resolver says how it was read)
  // numpy's W[:, :2], M[1:2, :]: a block of a matrix, the rows' range and the columns' set apart by a comma
  const block = blockOf(ps, a);
  if (block) return block;
  if (isOp(peek(ps), ':')) {
    const colon = next(ps);
    const to = expr(ps);
    const close = expectOp(ps, ']', 'to close the slice');
    return deepAll(
      ps,
      { k: 'index', a, args: [{ k: 'num', value: 0, range: colon.range }, to], range: span(a.range, close.range), slice: true },
      [a, to],
    );
  }
  const args = [expr(ps)];
  if (isOp(peek(ps), ':') || isOp(peek(ps), '..')) {
    next(ps);
    const to = expr(ps);
    const close = expectOp(ps, ']', 'to close the slice');
    return deepAll(ps, { k: 'index', a, args: [args[0]!, to], range: span(a.range, close.range), slice: true }, [a, args[0]!, to]);
  }
  // Lukoševičius's W^{in}[1; u(n)]: a ';' sets rows apart, which no entry's indices have — the stacked column the
  // weight multiplies, as W^{in} [1; u(n)] reads (it was "expected ']' to close the index, found ';'"); the resolver
  // reads it so after a matrix alone (resolve/expressions.ts readIndex)
  const rowStarts: number[] = [];
  while (isOp(peek(ps), ',') || isOp(peek(ps), ';')) {
    if (isOp(peek(ps), ';')) rowStarts.push(args.length);
    next(ps);
    args.push(expr(ps));
  }
  const close = expectOp(ps, ']', 'to close the index');
  if (rowStarts.length) {
    const list = stackedRows(ps, args, rowStarts, span(open.range, close.range));
    return deep(ps, { k: 'index', a, args: [list], range: span(a.range, close.range), column: true }, a, list);
  }
  return deepAll(ps, { k: 'index', a, args, range: span(a.range, close.range) }, [a, ...args]);
}

/**
 * M[rows, columns] with a range (`:`, `:j`, `i:j`, `i:`) in either place, the '[' read, or null (nothing read) where
 * the bracket holds no comma at its top level before a colon-range — every other bracket is read as before
 */
export function blockOf(ps: ParseState, a: Ast): Ast | null {
  // a cheap look ahead: a ':' and a ',' at depth 0 before the closing ']'
  let depth = 0;
  let colon = false;
  let comma = false;
  for (let q = 0; ; q++) {
    const t = peek(ps, q);
    if (t.kind === 'eof' || t.kind === 'newline') return null;
    if (isOp(t, '(') || isOp(t, '[') || isOp(t, '{')) depth++;
    else if (isOp(t, ')') || isOp(t, '}')) depth--;
    else if (isOp(t, ']')) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && isOp(t, ':')) colon = true;
    else if (depth === 0 && isOp(t, ',')) comma = true;
    if (depth < 0) return null;
  }
  if (!colon || !comma) return null;
  const rows = blockRange(ps, ',');
  expectOp(ps, ',', 'between the rows and the columns of a block');
  const cols = blockRange(ps, ']');
  const close = expectOp(ps, ']', 'to close the block');
  const args = [...rows, ...cols];
  return deepAll(ps, { k: 'index', a, args, range: span(a.range, close.range), block: true }, [a, ...args]);
}

/** one place of a block: `:` (all), `:j`, `i:`, `i:j` or `i` (i:i), up to the `end` token (not read) */
export function blockRange(ps: ParseState, end: string): [Ast, Ast] {
  const here = peek(ps).range;
  const num = (value: number): Ast => ({ k: 'num', value, range: here });
  let from: Ast | null = null;
  if (!isOp(peek(ps), ':')) {
    from = expr(ps);
    if (!isOp(peek(ps), ':')) return [from, from];
  }
  next(ps);
  const to = isOp(peek(ps), end) ? num(-1) : expr(ps);
  return [from ?? num(0), to];
}

/** whether the '(' next holds a step alone: a whole number, a letter, a letter ± a whole number — s(t), s(t-1) */
export function stepInParens(ps: ParseState): boolean {
  const a = peek(ps, 1);
  if (a.kind === 'num') return Number.isInteger(a.value) && isOp(peek(ps, 2), ')');
  // (the lexer runs n_1 together: one name)
  if (a.kind === 'name' && (a.text === 'n_0' || a.text === 'n_1')) return isOp(peek(ps, 2), ')');
  if (a.kind !== 'name' || !/^\p{L}$/u.test(a.text)) return false;
  if (isOp(peek(ps, 2), ')')) return true;
  // Haykin's epoch ends, δ_j(n_1), v_j(n_0): n with a 0 or 1 under it (the resolver reads them: epochSteps.ts)
  if (a.text === 'n' && isOp(peek(ps, 2), '_')) {
    const end = (q: number) => peek(ps, q).kind === 'num' && (peek(ps, q).value === 0 || peek(ps, q).value === 1);
    return (end(3) && isOp(peek(ps, 4), ')')) || (isOp(peek(ps, 3), '{') && end(4) && isOp(peek(ps, 5), '}') && isOp(peek(ps, 6), ')'));
  }
  const pm = (q: number) => isOp(peek(ps, q), '+') || isOp(peek(ps, q), '-');
  const whole = (q: number) => peek(ps, q).kind === 'num' && Number.isInteger(peek(ps, q).value);
  if (pm(2) && whole(3) && isOp(peek(ps, 4), ')')) return true;
  // Bodén's δ_pj(T − z), y_ph(T − z − 1): the step counted back by a Σ's variable from the last step (or from t, by
  // τ): two letters, one of them t, T or τ, and a whole number after them (it was "h is a sequence: write h_t")
  const b = peek(ps, 3);
  if (!pm(2) || b.kind !== 'name' || !/^\p{L}$/u.test(b.text) || ![a.text, b.text].some((x) => /^[tTτ]$/u.test(x))) return false;
  return isOp(peek(ps, 4), ')') || (pm(4) && whole(5) && isOp(peek(ps, 6), ')'));
}

/** whether the '[' next opens an entry of names and numbers ([i], [1, j], [k+1]) closed on the line */
export function simpleEntry(ps: ParseState): boolean {
  for (let q = ps.p + 1; q < ps.tokens.length; q++) {
    const x = ps.tokens[q]!;
    if (isOp(x, ']')) return q > ps.p + 1;
    if (x.kind !== 'name' && x.kind !== 'num' && !isOp(x, ',') && !isOp(x, '+') && !isOp(x, '-')) return false;
  }
  return false;
}

export function derivative(ps: ParseState): Ast {
  const d = next(ps);
  const plus = d.plus || eatPlus(ps);
  noHigherOrder(ps);
  // ∂_B A, \partial_{o_3} L: the subscript names the variable, as in ∇_B A (the notation of many lecture notes)
  if (isOp(peek(ps), '_')) return subscriptDerivative(ps, d, plus);
  const of = derivOperand(ps);
  expectOp(ps, '/', 'in ∂A/∂B');
  if (peek(ps).kind !== 'partial') fail(ps, `expected ∂ after '/' in ∂A/∂B, found ${describe(ps, peek(ps))}`);
  next(ps);
  const wrt = derivOperand(ps);
  return deep(ps, { k: 'deriv', plus, of, wrt, range: span(d.range, wrt.range), spelled: spelling(ps, d) }, of, wrt);
}

/**
 * whether the '(' next opens UnicodeMath's fraction of differentials, `(∂L)/(∂W_hh )` (Word's linear format: the
 * parentheses around a fraction's numerator and denominator are the fraction's, not printed): `( ∂ … ) / ( ∂`
 */
export function parenFraction(ps: ParseState): boolean {
  let depth = 0;
  for (let q = 0; ; q++) {
    const x = peek(ps, q);
    if (x.kind === 'eof' || x.kind === 'newline') return false;
    if (isOp(x, '(')) depth++;
    else if (isOp(x, ')') && --depth === 0)
      return isOp(peek(ps, q + 1), '/') && isOp(peek(ps, q + 2), '(') && peek(ps, q + 3).kind === 'partial';
  }
}

/** `(∂A)/(∂B)`, as parenFraction found it: the derivative ∂A/∂B, each side any expression */
export function parenDerivative(ps: ParseState): Ast {
  const open = next(ps);
  const d = next(ps);
  const plus = d.plus || eatPlus(ps);
  noHigherOrder(ps);
  enter(ps, d);
  const of = expr(ps);
  ps.depth--;
  expectOp(ps, ')', 'to close the numerator (∂A) of (∂A)/(∂B)');
  expectOp(ps, '/', 'in (∂A)/(∂B)');
  expectOp(ps, '(', 'for the denominator (∂B) of (∂A)/(∂B)');
  const d2 = next(ps);
  enter(ps, d2);
  const wrt = expr(ps);
  ps.depth--;
  const close = expectOp(ps, ')', 'to close the denominator (∂B) of (∂A)/(∂B)');
  return deep(ps, { k: 'deriv', plus, of, wrt, range: span(open.range, close.range), spelled: spelling(ps, d) }, of, wrt);
}

/** ∂_B A (after the ∂ and a ⁺): ∂A/∂B, A the next power-level operand */
export function subscriptDerivative(ps: ParseState, d: Token, plus: boolean): Ast {
  const { wrt, of } = subscripted(ps, '∂');
  return deep(ps, { k: 'deriv', plus, of, wrt, range: span(d.range, of.range), spelled: spelling(ps, d) }, of, wrt);
}
