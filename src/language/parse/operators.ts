// Unary minus, powers and superscripts (^T, ^{-1}, ^{(t)}, ⊙ powers), postfix primes and subscripts after a group,
// and parenthesised groups and tuples.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { NORM, span } from '../ast';
import type { Token } from '../lexer';
import { LIMITS } from '../limits';
import { lagrangePrime } from './bigOperators';
import { closer, deep, deepAll, describe, enter, expectOp, fail, isOp, next, peek } from './cursor';
import { entryOf, stepInParens } from './derivatives';
import { expr } from './expressions';
import { indices } from './names';
import { primary } from './primary';
import type { ParseState } from './state';

/** the letters a loss is written with, where L'(w) is the derivative of the loss (Lagrange's notation) */
export const LOSS_LETTERS = new Set(['L', 'E', 'J', 'ℓ', 'ℒ']);

export function unary(ps: ParseState): Ast {
  const t = peek(ps);
  if (isOp(t, '-') || isOp(t, '+')) {
    next(ps);
    enter(ps, t);
    const a = unary(ps);
    ps.depth--;
    return t.text === '-' ? deep(ps, { k: 'neg', a, range: span(t.range, a.range) }, a) : a;
  }
  return power(ps);
}

export function power(ps: ParseState): Ast {
  let a = postfix(ps);
  while (isOp(peek(ps), '^')) {
    const named = deltaSuperscript(ps, a);
    if (named) {
      a = named;
      continue;
    }
    const caret = next(ps);
    const t = peek(ps);
    // (‖W‖ γ)^T, ‖W‖^{T}: a norm is a number no formula transposes, so the letter T over it (or over a product of it)
    // is the power T, as the bound on exploding gradients writes it; ^\top and ^ᵀ stay transposes
    const letterT = transposeAt(ps, 0) === 1 ? t : transposeAt(ps, 0) === 3 ? peek(ps, 1) : null;
    if (letterT?.kind === 'name' && letterT.text === 'T' && normFactor(a)) {
      ps.p += transposeAt(ps, 0);
      const power: Ast = { k: 'name', raw: 'T', sub: null, sup: null, range: letterT.range, nameRange: letterT.range };
      ps.errors.push({
        severity: 'information',
        message: `^T over a norm is read as the power T (the horizon): a norm is a number, which no formula transposes`,
        range: letterT.range,
      });
      a = deep(ps, { k: 'bin', op: '^', a, b: power, range: span(a.range, ps.tokens[ps.p - 1]!.range) }, a, power);
      continue;
    }
    // transposes: ^T, ^{T}, ^\top, ^ᵀ, and ^\prime, ^{\prime} (x' after a value is its transpose)
    if (transposeAt(ps, 0) === 1) {
      next(ps);
      a = subscriptAfter(ps, a);
      a = { k: 'transpose', a: transposedStep(ps, a), range: span(a.range, ps.tokens[ps.p - 1]!.range) };
      // Sherstinsky's s^T[n−1]: brackets tight after the transpose of a plain name hold its step or entry, as on the
      // name (resolve/expressions.ts readIndex); they were a bracketed factor, s^T (n − 1)
      if (a.a.k === 'name' && !a.a.sub && !a.a.sup && isOp(peek(ps), '[') && peek(ps).tight) {
        next(ps);
        a = entryOf(ps, a);
      }
      continue;
    }
    if (transposeAt(ps, 0) === 3) {
      ps.p += 3;
      a = subscriptAfter(ps, a);
      a = { k: 'transpose', a: transposedStep(ps, a), range: span(a.range, ps.tokens[ps.p - 1]!.range) };
      continue;
    }
    // a parenthesised superscript right on a bare name: h^(t-1), h^{(t)} — index or power, decided on resolution
    if (a.k === 'name' && !a.sup && caret.tight && (isOp(t, '(') || (isOp(t, '{') && isOp(peek(ps, 1), '(')))) {
      const braced = isOp(t, '{');
      next(ps);
      if (braced) next(ps);
      enter(ps, t);
      const inner = expr(ps);
      ps.depth--;
      expectOp(ps, ')', 'to close the superscript');
      if (braced) expectOp(ps, '}', 'to close the superscript');
      a = { ...a, sup: inner, range: span(a.range, ps.tokens[ps.p - 1]!.range) };
      continue;
    }
    // the Hadamard power h_t^{\circ 2} (also ^{⊙ 2}): the entries squared, written as the product entry by entry
    // (on a matrix ^ is the matrix power, so it cannot stand for it)
    if (isOp(t, '{') && isOp(peek(ps, 1), '⊙')) {
      a = hadamardPower(ps, a);
      continue;
    }
    const b = exponent(ps);
    // Haykin's e_j²(n), y_j^2(n): a power written before the step in parentheses, (e_j(n))², not e_j² times n
    if (a.k === 'name' && !a.sup && !a.args && b.k === 'num' && isOp(peek(ps), '(') && peek(ps).tight && stepInParens(ps)) {
      const o = next(ps);
      enter(ps, o);
      const step = expr(ps);
      ps.depth--;
      const close = expectOp(ps, ')', 'to close the step').range;
      a = { ...a, sup: step, stepCall: true, range: span(a.range, close) };
      a = deep(ps, { k: 'bin', op: '^', a, b, range: span(a.range, close) }, a, b);
      continue;
    }
    a = deep(ps, { k: 'bin', op: '^', a, b, range: span(a.range, b.range) }, a, b);
  }
  return a;
}

/** after the '^' of X^{∘ k}: X ⊙ X ⊙ … (k times, a whole number 1..8 as written) */
export function hadamardPower(ps: ParseState, a: Ast): Ast {
  next(ps);
  next(ps);
  const n = peek(ps);
  const k = n.kind === 'num' ? Number(n.text) : NaN;
  if (!Number.isInteger(k) || k < 1 || k > 8)
    fail(ps, `a Hadamard power is written with a whole number, X^{\\circ 2}: found ${describe(ps, n)}`);
  next(ps);
  expectOp(ps, '}', 'to close the superscript');
  const range = span(a.range, ps.tokens[ps.p - 1]!.range);
  let out: Ast = a;
  for (let i = 1; i < k; i++) out = { k: 'bin', op: '⊙', a: out, b: a, range };
  return out;
}

/** a norm, or a product or quotient with a norm among its factors (‖W‖ γ, γ‖W‖, ‖W‖/4) */
export function normFactor(a: Ast): boolean {
  if (a.k === 'call') return a.fn === NORM;
  return a.k === 'bin' && (a.op === 'juxt' || a.op === '*' || a.op === '/') && (normFactor(a.a) || normFactor(a.b));
}

/**
 * Mandic & Chambers' uᵀ(k): a transpose written before the step in parentheses, (u(k))ᵀ, as Haykin's e²(n) is
 * (e(n))² (it was "u is a sequence"); `a` itself where no step in parentheses follows a bare name
 */
export function transposedStep(ps: ParseState, a: Ast): Ast {
  if (a.k !== 'name' || a.sup || a.args || !isOp(peek(ps), '(') || !peek(ps).tight || !stepInParens(ps)) return a;
  const o = next(ps);
  enter(ps, o);
  const step = expr(ps);
  ps.depth--;
  const close = expectOp(ps, ')', 'to close the step').range;
  return { ...a, sup: step, stepCall: true, range: span(a.range, close) };
}

/**
 * After a '^' (at peek(o)): the tokens of a transpose written there — 1 for ^T, ^ᵀ, ^\top, ^' (x' after a
 * value is its transpose), 3 for ^{T}, ^{ᵀ}, ^{'} — else 0.
 */
export function transposeAt(ps: ParseState, o: number): number {
  const t = peek(ps, o);
  if (isOp(t, 'ᵀ') || (t.kind === 'name' && t.text === 'T') || isOp(t, "'")) return 1;
  const x = peek(ps, o + 1);
  return isOp(t, '{') && ((x.kind === 'name' && x.text === 'T') || isOp(x, 'ᵀ') || isOp(x, "'")) && isOp(peek(ps, o + 2), '}') ? 3 : 0;
}

/**
 * A power's exponent, after its '^' (a minus may lead: 2^-1). A tower is read from the top, as mathematics
 * reads it: 2^3^2 is 2^(3^2) = 512 (LaTeX writes it 2^{3^2}), never (2^3)^2. A braced exponent is closed
 * (e^{-w}^2 is (e^{-w})^2, as a reader of the LaTeX sees it); a transpose after the exponent (x^2^T) is the
 * whole power's, and a step superscript on a bare name (2^h^{(t)}) the name's: these are left to the
 * caller's loop.
 */
export function exponent(ps: ParseState): Ast {
  const t = peek(ps);
  const neg = isOp(t, '-');
  if (neg) next(ps);
  const braced = isOp(peek(ps), '{');
  const e = postfix(ps);
  let b: Ast = e;
  const stepSup =
    e.k === 'name' && !e.sup && peek(ps).tight && (isOp(peek(ps, 1), '(') || (isOp(peek(ps, 1), '{') && isOp(peek(ps, 2), '(')));
  if (!braced && isOp(peek(ps), '^') && !transposeAt(ps, 1) && !stepSup && !(e.k === 'name' && e.raw.startsWith('δ'))) {
    next(ps);
    const r = exponent(ps);
    b = deep(ps, { k: 'bin', op: '^', a: e, b: r, range: span(e.range, r.range) }, e, r);
  }
  return neg ? { k: 'neg', a: b, range: span(t.range, b.range) } : b;
}

/** W^T_{hh}, \mathbf{W}^\top_{ph}: a subscript right after a bare name's transpose is the name's (LaTeX takes either order) */
export function subscriptAfter(ps: ParseState, a: Ast): Ast {
  if (a.k !== 'name' || a.sub || a.sup || a.args || !isOp(peek(ps), '_') || !peek(ps).tight) return a;
  const named = indices(ps, a, false);
  return { ...named, range: span(a.range, named.range) };
}

/**
 * δ^{\hat h}_t, δ^h_t, δ_t^{o} (a δ whose superscript names the node it is the gradient at, as some notes write
 * it): the one name δ^ĥ_t, which the resolver refuses as it refuses δĥ_t, saying what to write (session 17: a
 * parse error at the '_'). With the '^' next after a bare δ (or δ_t): the name, else null. A superscript that is
 * a step (t, T, τ, k, Nielsen's layers l and L, a number, parentheses) stays what it was.
 */
export function deltaSuperscript(ps: ParseState, a: Ast): NameAst | null {
  if (a.k !== 'name' || a.sub || a.sup || a.args || !(a.raw === 'δ' || /^δ_[^_]+$/u.test(a.raw)) || !peek(ps).tight) return null;
  const braced = isOp(peek(ps, 1), '{');
  const x = peek(ps, braced ? 2 : 1);
  if (x.kind !== 'name' || (braced && !isOp(peek(ps, 3), '}'))) return null;
  const [node, seg] = x.text.split('_', 2) as [string, string | undefined];
  if (/^[tTτklL]$/u.test(node) || /\d/u.test(node) || (braced && seg !== undefined)) return null;
  ps.p += braced ? 4 : 2;
  const step = a.raw === 'δ' ? '' : a.raw.slice(1);
  const raw = `δ^${node}${step}${seg !== undefined ? '_' + seg : ''}`;
  const range = span(a.range, ps.tokens[ps.p - 1]!.range);
  return indices(ps, { k: 'name', raw, sub: null, sup: null, range, nameRange: range }, false);
}

export function postfix(ps: ParseState): Ast {
  let a = primary(ps);
  for (;;) {
    const t = peek(ps);
    // every form below starts with an operator: most operands have none after them
    if (t.kind !== 'op') break;
    // CS230's ∂L^{(T)}/∂W |_{(t)}: the derivative by W's copy at step t (a letter or a number in the parentheses)
    if (a.k === 'deriv' && !a.copyAt && isOp(t, '|') && isOp(peek(ps, 1), '_') && isOp(peek(ps, 2), '{') && isOp(peek(ps, 3), '(')) {
      const x = peek(ps, 4);
      if ((x.kind === 'name' || x.kind === 'num') && isOp(peek(ps, 5), ')') && isOp(peek(ps, 6), '}')) {
        ps.p += 7;
        const at: Ast =
          x.kind === 'num'
            ? { k: 'num', value: x.value, range: x.range }
            : { k: 'name', raw: x.text, sub: null, sup: null, range: x.range, nameRange: x.range };
        a = { ...a, copyAt: at, range: span(a.range, ps.tokens[ps.p - 1]!.range) };
        continue;
      }
      // CS224n's |_{(t-1)}: the copy used one step back (a letter and a whole number after + or −)
      const sign = peek(ps, 5);
      const k = peek(ps, 6);
      if (
        x.kind === 'name' &&
        (isOp(sign, '-') || isOp(sign, '+')) &&
        k.kind === 'num' &&
        isOp(peek(ps, 7), ')') &&
        isOp(peek(ps, 8), '}')
      ) {
        ps.p += 9;
        const v: Ast = { k: 'name', raw: x.text, sub: null, sup: null, range: x.range, nameRange: x.range };
        const n: Ast = { k: 'num', value: k.value, range: k.range };
        const at: Ast = { k: 'bin', op: sign.text === '+' ? '+' : '-', a: v, b: n, range: span(x.range, k.range) };
        a = { ...a, copyAt: at, range: span(a.range, ps.tokens[ps.p - 1]!.range) };
        continue;
      }
    }
    if (isOp(t, 'ᵀ') || (isOp(t, "'") && t.tight)) {
      // L'(w), Lagrange's prime on a loss: a derivative, never the transpose of a number times w
      if (isOp(t, "'") && a.k === 'name' && !a.sub && !a.sup && LOSS_LETTERS.has(a.raw) && isOp(peek(ps, 1), '(') && peek(ps, 1).tight)
        lagrangePrime(ps, a);
      next(ps);
      // uᵀ(k) as u^T(k) (a prime stays f′(…), a derivative, where it is one: unnamedActivation)
      const stepped = isOp(t, 'ᵀ') ? transposedStep(ps, a) : a;
      a =
        stepped === a
          ? deep(ps, { k: 'transpose', a, range: span(a.range, t.range) }, a)
          : { k: 'transpose', a: stepped, range: stepped.range };
    } else if (
      isOp(t, '_') &&
      t.tight &&
      (isOp(ps.tokens[ps.p - 1]!, ')') || squareGroup(ps, a)) &&
      (isOp(peek(ps, 1), '{') || ((peek(ps, 1).kind === 'name' || peek(ps, 1).kind === 'num') && peek(ps, 1).tight))
    ) {
      // (∇_o L)_i: an entry of a bracketed value, as v[i]; so is Cho et al.'s [W_r x]_j in square brackets
      next(ps);
      const o = next(ps);
      let args: Ast[];
      let end: Range;
      if (isOp(o, '{')) {
        enter(ps, o);
        args = [expr(ps)];
        while (isOp(peek(ps), ',')) {
          next(ps);
          args.push(expr(ps));
        }
        ps.depth--;
        end = expectOp(ps, '}', 'to close the subscript').range;
      } else {
        args = [
          o.kind === 'num'
            ? { k: 'num', value: o.value, range: o.range }
            : { k: 'name', raw: o.text, sub: null, sup: null, range: o.range, nameRange: o.range },
        ];
        end = o.range;
      }
      a = deepAll(ps, { k: 'index', a, args, range: span(a.range, end) }, [a, ...args]);
    } else if (isOp(t, '[') && t.tight) {
      next(ps);
      a = entryOf(ps, a);
    } else break;
  }
  return a;
}

/**
 * whether the value `a` just read is one expression in square brackets ([W_r x]_j), not a literal nor an entry: the
 * token before the cursor is the ']' whose '[' begins `a`
 */
export function squareGroup(ps: ParseState, a: Ast): boolean {
  if (!isOp(ps.tokens[ps.p - 1]!, ']') || a.k === 'list' || a.k === 'index' || a.k === 'num') return false;
  let level = 0;
  for (let q = ps.p - 1; q >= 0; q--) {
    const x = ps.tokens[q]!;
    if (isOp(x, ']')) level++;
    else if (isOp(x, '[') && --level === 0) return x.range.line === a.range.line && x.range.column === a.range.column;
  }
  return false;
}

/** a closing bracket left over after a whole statement: it has no opening one (\right) no \left() */
export function strayCloser(ps: ParseState, t: Token): string {
  const opener: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  if (t.kind !== 'op' || !opener[t.text]) return '';
  if (t.text === ')' && /\\right\s*$/.test(ps.src.slice(Math.max(0, t.start - 12), t.start)))
    return ': a \\right) with no \\left( before it';
  return `: it closes no '${opener[t.text]}'`;
}

export function group(ps: ParseState, open: Token): Ast {
  // ( … ) or { … } (LaTeX grouping)
  // a name right before a '(' with a comma inside was read by argumentList: f(x_t, h_{t-1}) never gets here
  enter(ps, open);
  const e = expr(ps);
  if (open.text === '(' && isOp(peek(ps), ',')) return tuple(ps, open, e);
  ps.depth--;
  const closing = open.text === '(' ? ')' : '}';
  // the message only when the group is not closed (its slice and expression were made for every group)
  const close = closer(ps, closing) ?? expectOp(ps, closing, unclosedGroup(ps, open));
  return deep(ps, withRange(e, span(open.range, close.range)), e);
}

/** what expectOp says of a group left open at `open` */
export function unclosedGroup(ps: ParseState, open: Token): string {
  // \left( leaves only its '(': the message names what was written, so \right) is what is looked for
  const before = ps.src.slice(Math.max(0, open.start - 12), open.start);
  const left = open.text === '(' ? /\\left\s*$/.exec(before) : null;
  return left
    ? `(\\right)) to close the \\left( at ${open.range.line}:${open.range.column - (before.length - left.index)}`
    : `to close the '${open.text}' at ${open.range.line}:${open.range.column}`;
}

/** (a, b, c) and (a, b, c)ᵀ as papers write a vector: the literal [a, b, c], its first entry read (depth entered) */
export function tuple(ps: ParseState, open: Token, first: Ast): Ast {
  const items = [first];
  while (isOp(peek(ps), ',')) {
    next(ps);
    items.push(expr(ps));
    if (items.length > LIMITS.maxEntries) fail(ps, `more than ${LIMITS.maxEntries} entries in a literal (limit)`);
  }
  const close = closer(ps, ')') ?? expectOp(ps, ')', `to close the '(' at ${open.range.line}:${open.range.column}`);
  ps.depth--;
  return deepAll(ps, { k: 'list', items, range: span(open.range, close.range) }, items);
}

/**
 * e with another range, its keys in the same order: the kinds a group mostly holds are written out (a
 * spread of a node of any kind is a slow generic copy), any other is spread
 */
export function withRange(e: Ast, range: Range): Ast {
  switch (e.k) {
    case 'bin':
      return { k: 'bin', op: e.op, a: e.a, b: e.b, range };
    case 'num':
      return e.ones ? { k: 'num', value: e.value, range, ones: true } : { k: 'num', value: e.value, range };
    case 'name':
      if (e.args === undefined) return { k: 'name', raw: e.raw, sub: e.sub, sup: e.sup, range, nameRange: e.nameRange };
      return { ...e, range };
    default:
      return { ...e, range } as Ast;
  }
}
