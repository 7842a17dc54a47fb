// Sums and products: an expression is terms joined by + and −, a term factors joined by products (·, ×, ⊙, ⊗,
// juxtaposition), with the ellipses of ellipses.ts and a check's accumulation (+=).

import type { Ast, NameAst } from '../ast';
import { span } from '../ast';
import type { Token } from '../lexer';
import { deep, enter, fail, isOp, next, peek } from './cursor';
import { ellipsisProduct, ellipsisSum } from './ellipses';
import { postfix, unary } from './operators';
import type { ParseState } from './state';

/** whether an expression writes the step t anywhere (h_t, x_{t-1}, h^{(t)}): a `+=`'s right side to sum over t */
export function mentionsT(a: unknown): boolean {
  if (!a || typeof a !== 'object') return false;
  if (Array.isArray(a)) return a.some(mentionsT);
  const o = a as Record<string, unknown>;
  // (and dh_raw, dh: a loop's variable with no step is the loop's step, min-char-rnn's db_h += dh_raw)
  if (o.k === 'name' && typeof o.raw === 'string' && (o.raw === 't' || /_t$/.test(o.raw) || (/^d\p{L}/u.test(o.raw) && !o.sub && !o.sup)))
    return true;
  for (const key in o) if (key !== 'range' && key !== 'nameRange' && mentionsT(o[key])) return true;
  return false;
}

/** whether a is a gradient's name with no step, as code names one (dW_xh, db_h): what `+=` accumulates over the steps */
export function accumulator(a: Ast): boolean {
  return a.k === 'name' && !a.sub && !a.sup && !a.args && /^d(?:\p{L}|\\[A-Za-z])/u.test(a.raw) && !/_(?:t|\{t)/.test(a.raw);
}

/**
 * `dW_hy += dy_t h_tᵀ` (the `+=` at peek(), after a check's left side read as an accumulator): the loop's total over
 * the steps, Σ_t of the right side, as a student means it (min-char-rnn initialises every dW to zeros before the loop);
 * null where no `+=` follows, or the right side writes no step t (then the accumulation is refused as before)
 */
export function accumulation(ps: ParseState, lhs: Ast): Ast | null {
  if (!isOp(peek(ps), '+') || !isOp(peek(ps, 1), '=') || !accumulator(lhs)) return null;
  const at = ps.p;
  const plus = next(ps);
  next(ps);
  const body = expr(ps);
  if (!mentionsT(body)) {
    ps.p = at;
    fail(
      ps,
      `'+=' (code's accumulation over the steps, as min-char-rnn's dWxh += …) is no equation: write the whole sum, as in dW_xh = Σ_t dz_t x_tᵀ`,
      span(plus.range, peek(ps, 1).range),
    );
  }
  ps.errors.push({
    severity: 'information',
    message: `${(lhs as NameAst).raw} += … is read as the loop's total over the steps, ${(lhs as NameAst).raw} = Σ_t (…), accumulated from 0 as code does`,
    range: span(lhs.range, body.range),
  });
  return { k: 'big', op: 'sum', v: 't', vRange: null, from: null, to: null, body, range: body.range };
}

export function expr(ps: ParseState): Ast {
  enter(ps, peek(ps));
  let a = term(ps);
  for (;;) {
    const t = peek(ps);
    if (isOp(t, '+') || isOp(t, '-')) {
      // min-char-rnn's dWxh += dhraw xᵀ: code's accumulation over the steps, which no equation states (spaced too: a
      // solution's \mathrel{+}= is `+ =` unwrapped; no equation has a sign before its =)
      if (isOp(peek(ps, 1), '=') && t.text === '+' && ps.depth === ps.accumulateAt && accumulator(a)) break;
      if (isOp(peek(ps, 1), '='))
        fail(
          ps,
          `'${t.text}=' (code's accumulation over the steps, as min-char-rnn's dWxh += …) is no equation: write the whole sum, as in dW_xh = Σ_t dz_t x_tᵀ`,
          span(t.range, peek(ps, 1).range),
        );
      next(ps);
      // a_1 + a_2 + … + a_T
      if (t.text === '+' && isOp(peek(ps), '…') && !ps.inRange) {
        a = ellipsisSum(ps, a, peek(ps));
        continue;
      }
      const b = term(ps);
      a = deep(ps, { k: 'bin', op: t.text as '+', a, b, range: span(a.range, b.range) }, a, b);
    } else break;
  }
  ps.depth--;
  return a;
}

export function startsPrimary(ps: ParseState, t: Token): boolean {
  switch (t.kind) {
    case 'num':
    case 'name':
    case 'fn':
    case 'bigop':
    case 'partial':
    case 'frac':
    case 'grad':
    case 'nabla':
    case 'bar':
    case 'lit':
      return true;
    case 'op':
      // a norm's opening bar starts an operand (½‖y − ŷ‖²); inside a norm a bar closes it
      return t.text === '(' || t.text === '{' || t.text === '[' || t.text === 'mat[' || t.text === '⟨' || (t.text === '‖' && !ps.inNorm);
    default:
      return false;
  }
}

/**
 * `{}^{t}W`, `{}^\top W`: the transpose written on the left, as French and some German texts do (the lexer drops the
 * empty `{}`, so a value starts with '^'). Anything else after a '^' with no base is said as such (it was "expected a
 * value, found '^'").
 */
export function leftTranspose(ps: ParseState, caret: Token): Ast {
  next(ps);
  const t = peek(ps);
  const x = peek(ps, 1);
  const mark = (k: Token) => isOp(k, 'ᵀ') || (k.kind === 'name' && (k.text === 't' || k.text === 'T'));
  const n = mark(t) ? 1 : isOp(t, '{') && mark(x) && isOp(peek(ps, 2), '}') ? 3 : 0;
  if (!n)
    return fail(
      ps,
      'a superscript with nothing before it: only a transpose written on the left ({}^{t}W, which is Wᵀ) is read there',
      caret.range,
    );
  ps.p += n;
  if (!startsPrimary(ps, peek(ps))) return fail(ps, `expected the value the transpose {}^{${t.text === '{' ? x.text : t.text}} is of`);
  const a = postfix(ps);
  return deep(ps, { k: 'transpose', a, range: span(caret.range, a.range) }, a);
}

/** the message for an ellipsis: it stands for terms that are not written */
export function ellipsis(ps: ParseState, t: Token): never {
  const prev = ps.tokens[ps.p - 1];
  const after = prev && prev.kind === 'op' ? prev.text : '';
  if (after === '+' || after === '-') fail(ps, 'an ellipsis (…) stands for terms that are not written: write the sum with Σ', t.range);
  if (after === ',' || after === '[' || after === '&')
    fail(ps, 'an ellipsis (…) stands for entries that are not written: write every entry', t.range);
  return fail(ps, 'an ellipsis (…) stands for terms that are not written: write the product with ∏', t.range);
}

export function term(ps: ParseState): Ast {
  let a = unary(ps);
  for (;;) {
    const t = peek(ps);
    let op: '*' | '/' | '⊙' | '@' | 'juxt' | null = null;
    if (t.kind === 'op') {
      if (t.text === '*' || t.text === '/' || t.text === '⊙' || t.text === '@') {
        next(ps);
        op = t.text as '*';
      } else if (t.text === '.') {
        // w.h_{t-1}: a dot between two operands is a product; a final dot ends a sentence
        next(ps);
        if (!startsPrimary(ps, peek(ps))) continue;
        op = '*';
      } else if (t.text === '…' && !ps.inRange) {
        a = ellipsisProduct(ps, a, t);
        continue;
      } else if (t.text === '⊗') {
        // a ⊗ b: the outer product of two vectors (the resolver checks the shapes), as call 'outer' of both
        next(ps);
        const b = unary(ps);
        const both: Ast = { k: 'list', items: [a, b], range: span(a.range, b.range) };
        a = deep(ps, { k: 'call', fn: 'outer', arg: both, range: both.range, fnRange: t.range }, a, b);
        continue;
      }
    }
    // `… \quad t \in \{1, …, T\}`: a letter set in a set of steps is the check's range, no factor
    const ranged = t.kind === 'name' && isOp(peek(ps, 1), '∈');
    // 2|w|: a bar after an operand opens an absolute value, unless one is open (it closes it) or it is an
    // evaluation bar (…|_{t=3})
    const abs = isOp(t, '|') && !ps.inAbs && !isOp(peek(ps, 1), '_');
    if (!op && (startsPrimary(ps, t) || abs) && ps.p !== ps.rangeGroup && ps.p !== ps.rangeSpaced && !ranged) op = 'juxt';
    if (!op) break;
    // f₁ · f₂ · ⋯ · f_n: the ellipsis after a product sign
    if (op === '*' && isOp(peek(ps), '…') && !ps.inRange) {
      a = ellipsisProduct(ps, a, peek(ps));
      continue;
    }
    const b = unary(ps);
    a = deep(ps, { k: 'bin', op, a, b, range: span(a.range, b.range) }, a, b);
  }
  return a;
}
