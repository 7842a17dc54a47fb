// Function calls (σ(z), tanh'(z), max(…), f^{-1}), ∇ and ∂ with a subscript, adjoints (h̄), norms ‖…‖, absolute
// values and inner products ⟨a, b⟩.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { NORM, NORM_SQUARED, span } from '../ast';
import { bareFunctionDerivative } from '../bareFunctionDerivative';
import { codeGradientOfFunction } from '../codeGradientOfFunction';
import type { Token } from '../lexer';
import { DERIVABLE } from '../lexer';
import { SIGMA_MAX } from '../sigmaMax';
import { softmaxPrime } from '../softmaxPrime';
import { closer, deep, describe, enter, expectOp, fail, isOp, next, peek } from './cursor';
import { expr, startsPrimary } from './expressions';
import { indices, nameWithIndex } from './names';
import { group, power } from './operators';
import type { ParseState } from './state';

/**
 * A function and its argument. σ^{-1}, σ⁻¹ and tanh^{-1} are the inverse functions (logit,
 * artanh), with the spelling kept in `written`; tanh^2(z) is tanh(z)^2.
 */
export function call(ps: ParseState): Ast {
  const t = next(ps);
  if (t.text === SIGMA_MAX) {
    // σ_max(W), the largest singular value: the norm ‖W‖ (of a matrix, its spectral norm)
    const o = next(ps);
    const x = group(ps, o);
    return deep(ps, { k: 'call', fn: NORM, arg: x, range: span(t.range, x.range), fnRange: t.range }, x);
  }
  let fn = t.text;
  let written: string | undefined;
  let pow: Ast | null = null;
  // σ^{\prime}(z), σ^\prime(z): the derivative, as σ'(z)
  // \operatorname{sigmoid}'(z), \mathrm{tanh}'(z): the prime after the font's closing brace
  if (DERIVABLE.has(fn) && isOp(peek(ps), "'")) {
    ps.p++;
    fn = 'd' + fn;
  } else if (DERIVABLE.has(fn) && isOp(peek(ps), '^')) {
    const braced = isOp(peek(ps, 1), '{') && isOp(peek(ps, 2), "'") && isOp(peek(ps, 3), '}');
    if (braced || isOp(peek(ps, 1), "'")) {
      ps.p += braced ? 4 : 2;
      fn = 'd' + fn;
    }
  }
  if (isOp(peek(ps), '^')) {
    const sup = fnSuperscript(ps);
    if (sup) {
      if (sup.value === -1) {
        const inv = fn === 'sigma' ? 'logit' : fn === 'tanh' ? 'artanh' : null;
        written = ps.src.slice(t.start, ps.tokens[ps.p - 1]!.end);
        if (!inv)
          fail(
            ps,
            `${written}: the inverse of ${ps.src.slice(t.start, t.end)} is not a function here (σ^{-1} and tanh^{-1} are)`,
            span(t.range, sup.range),
          );
        fn = inv!;
      } else pow = { k: 'num', value: sup.value, range: sup.range };
    }
  }
  let arg: Ast;
  const o = peek(ps);
  if (fn === 'max') return maxCall(ps, t);
  if (isOp(o, '(') && (fn === 'count' || fn === 'onehot' || fn === 'prod')) {
    // count(A, B, …), onehot(k, n) and d2l.ai's prod(A, B) take a list
    next(ps);
    const items = [expr(ps)];
    while (isOp(peek(ps), ',')) {
      next(ps);
      items.push(expr(ps));
    }
    const close = closer(ps, ')') ?? expectOp(ps, ')', `to close ${fn}(`);
    arg = { k: 'list', items, range: span(o.range, close.range) };
  } else if (
    isOp(o, '(') &&
    isOp(peek(ps, 1), '*') &&
    isOp(peek(ps, 2), ')') &&
    /^(?:\\cdot|·|⋅)$/.test(ps.src.slice(peek(ps, 1).start, peek(ps, 1).end))
  ) {
    // σ'(\cdot), 1 - \tanh^2(\cdot): the argument left out, as notes write a slope "at its argument"; a check reads it
    // from the equation it differentiates (questions.ts placeholderArguments)
    next(ps);
    const dot = next(ps);
    const close = next(ps);
    arg = { k: 'name', raw: '·', sub: null, sup: null, range: span(o.range, close.range), nameRange: dot.range };
    ps.placeholders = true;
    const c: Ast & { k: 'call' } = { k: 'call', fn, arg, range: span(t.range, close.range), fnRange: t.range, placeholder: true };
    const r = deep(ps, c, arg);
    return pow ? deep(ps, { k: 'bin', op: '^', a: r, b: pow, range: span(r.range, pow.range) }, r) : r;
  } else if (isOp(o, '(') || isOp(o, '{')) {
    next(ps);
    arg = group(ps, o);
  } else if (startsPrimary(ps, o)) arg = power(ps);
  else {
    // deeplearning.ai's d\tanh (its code's dtanh = (1 − a²) * da): a gradient named after the function, no call
    const d = ps.tokens[ps.p - 2];
    if (d && d.kind === 'name' && d.text === 'd' && t.tight && DERIVABLE.has(t.text))
      return fail(ps, codeGradientOfFunction(ps.src.slice(d.start, t.end), t.text), span(d.range, t.range));
    // g'(o_t) with g = softmax (Sutskever's do_t = g'(o_t) dz_t): no elementwise slope, a Jacobian
    if (fn === 'softmax' && isOp(o, "'")) return fail(ps, softmaxPrime(ps.src.slice(t.start, t.end)), span(t.range, o.range));
    // \frac{\partial \sigma}{\partial z}: the function's derivative with no argument to take it at
    if (ps.tokens[ps.p - 2]?.kind === 'partial') return fail(ps, bareFunctionDerivative(fn), t.range);
    return fail(ps, `expected the argument of ${ps.src.slice(t.start, ps.tokens[ps.p - 1]!.end)}, found ${describe(ps, o)}`);
  }
  const c: Ast & { k: 'call' } = { k: 'call', fn, arg, range: span(t.range, arg.range), fnRange: t.range };
  if (written !== undefined) c.written = written;
  const r = deep(ps, c, arg);
  return pow ? deep(ps, { k: 'bin', op: '^', a: r, b: pow, range: span(r.range, pow.range) }, r) : r;
}

/** max(0, z), \max(z, 0): the ReLU, as notes define it; any other max is no function of the language */
export function maxCall(ps: ParseState, t: Token): Ast {
  const o = peek(ps);
  const refuse = (r: Range): never => fail(ps, `max is read only as max(0, z), the ReLU relu(z), entry by entry`, r);
  if (!isOp(o, '(')) return refuse(t.range);
  next(ps);
  const items = [expr(ps)];
  while (isOp(peek(ps), ',')) {
    next(ps);
    items.push(expr(ps));
  }
  const close = expectOp(ps, ')', 'to close max(');
  const range = span(t.range, close.range);
  const zero = (x: Ast) => x.k === 'num' && x.value === 0 && !x.ones;
  if (items.length !== 2 || zero(items[0]!) === zero(items[1]!)) return refuse(range);
  const arg = zero(items[0]!) ? items[1]! : items[0]!;
  return deep(ps, { k: 'call', fn: 'relu', arg, range, fnRange: t.range }, arg);
}

/** ^{-1}, ^-1, ⁻¹, ^2, ^{2} right after a function; null (nothing read) for anything else */
export function fnSuperscript(ps: ParseState): { value: number; range: Range } | null {
  const save = ps.p;
  const caret = next(ps);
  const braced = isOp(peek(ps), '{');
  if (braced) next(ps);
  const neg = isOp(peek(ps), '-');
  if (neg) next(ps);
  const num = peek(ps);
  if (num.kind === 'num' && Number.isInteger(num.value)) {
    next(ps);
    if (!braced || isOp(peek(ps), '}')) {
      if (braced) next(ps);
      return { value: neg ? -num.value : num.value, range: span(caret.range, ps.tokens[ps.p - 1]!.range) };
    }
  }
  ps.p = save;
  return null;
}

/** ∇_B A, \nabla_{\mathbf W} L: the gradient ∂A/∂B; A is the next power-level operand */
export function nabla(ps: ParseState): Ast {
  const t = next(ps);
  if (!isOp(peek(ps), '_'))
    fail(ps, `write the gradient with its variable as the subscript: ∇_B A, found ${describe(ps, peek(ps))} after ∇`);
  const { wrt, of } = subscripted(ps, '∇');
  return deep(ps, { k: 'deriv', plus: false, of, wrt, range: span(t.range, of.range), nabla: true }, of, wrt);
}

/** after ∇ or ∂, at its '_': the variable B of `_B` or `_{B}`, then A, the next power-level operand */
export function subscripted(ps: ParseState, op: '∇' | '∂'): { wrt: Ast; of: Ast } {
  next(ps);
  let wrt: Ast;
  const o = peek(ps);
  if (isOp(o, '{')) {
    next(ps);
    enter(ps, o);
    wrt = expr(ps);
    ps.depth--;
    if (!closer(ps, '}')) expectOp(ps, '}', `to close the subscript of ${op}`);
  } else if (o.kind === 'name') wrt = nameWithIndex(ps, false);
  else wrt = fail(ps, `expected the variable of ${op}_B A after '_', found ${describe(ps, o)}`);
  if (!startsPrimary(ps, peek(ps))) fail(ps, `expected what ${op}_… differentiates (${op}_B A), found ${describe(ps, peek(ps))}`);
  return { wrt, of: power(ps) };
}

/** \bar{X}, \overline{c^{(t)}}, \bar{h}_t, \overline{h}^{(t)}: the adjoint of the indexed name */
export function adjoint(ps: ParseState): Ast & { k: 'adjoint' } {
  const b = next(ps);
  const cmd = `\\${b.text}`;
  const o = peek(ps);
  let a: NameAst;
  if (isOp(o, '{')) {
    next(ps);
    if (peek(ps).kind !== 'name') fail(ps, `${cmd}{…} is the adjoint of a name (${cmd}{h}), found ${describe(ps, peek(ps))}`);
    a = nameWithIndex(ps, false);
    const close = closer(ps, '}') ?? expectOp(ps, '}', `to close ${cmd}{`);
    // indices written right after the bar belong to the name: \bar{h}_t
    a = indices(ps, { ...a, range: span(a.range, close.range) }, false);
    if (a.range.endLine === close.range.endLine && a.range.endColumn === close.range.endColumn)
      a = { ...a, range: span(a.nameRange, lastNameEnd(a)) };
  } else if (o.kind === 'name') a = nameWithIndex(ps, false);
  else return fail(ps, `${cmd} is the adjoint of a name (${cmd}{h}), found ${describe(ps, o)}`);
  return { k: 'adjoint', a, range: span(b.range, ps.tokens[ps.p - 1]!.range) };
}

/** the expression between a pair of bars, ‖…‖ or |…|, where a bar of that kind closes it (the outer state restored after) */
export function insideBars(ps: ParseState, bar: '‖' | '|'): Ast {
  const [norm, abs] = [ps.inNorm, ps.inAbs];
  if (bar === '‖') ps.inNorm = true;
  else ps.inAbs = true;
  try {
    return expr(ps);
  } finally {
    [ps.inNorm, ps.inAbs] = [norm, abs];
  }
}

/**
 * ⟨u, v⟩ (also \langle u, v \rangle): the inner product, the sum of the entries of u ⊙ v — uᵀv of two vectors,
 * Lukoševičius's ⟨∂E/∂x(n), x̃(n) − x(n−1)⟩ (it was "'⟨' is read only around a step in a superscript")
 */
export function innerProduct(ps: ParseState, open: Token): Ast {
  next(ps);
  enter(ps, open);
  const a = expr(ps);
  if (!isOp(peek(ps), ','))
    fail(
      ps,
      `angle brackets are read around a step in a superscript (a^{⟨t⟩}) or around an inner product of two values, ⟨u, v⟩: expected ',' after the first, found ${describe(ps, peek(ps))}`,
    );
  next(ps);
  const b = expr(ps);
  ps.depth--;
  const close = expectOp(ps, '⟩', 'to close the inner product ⟨u, v⟩');
  const arg = deep(ps, { k: 'bin', op: '⊙', a, b, range: span(a.range, b.range) }, a, b);
  // marked: Greff et al.'s ⟨u, v⟩ is their outer product, which the resolver reads where the shapes ask it (angleOuter.ts)
  return deep(ps, { k: 'call', fn: 'sum', arg, range: span(open.range, close.range), fnRange: open.range, angle: true }, arg);
}

/**
 * ‖x‖ (‖x‖_2), ‖x‖_F and their squares ‖x‖²: read by the resolver (functions.ts readNorm), which knows whether x
 * is a matrix — then ‖x‖ is its spectral norm and ‖x‖_F its Frobenius norm — or a vector, whose norm both are
 */
export function norm(ps: ParseState, open: Token): Ast {
  next(ps);
  enter(ps, open);
  const x = insideBars(ps, '‖');
  ps.depth--;
  let close = closer(ps, '‖') ?? expectOp(ps, '‖', `to close the norm ‖…‖ opened at ${open.range.line}:${open.range.column}`);
  // the subscript: ‖x‖_2, ‖x‖_{2}, the Frobenius norm's ‖x‖_F
  let frobenius = false;
  if (isOp(peek(ps), '_')) {
    const braced = isOp(peek(ps, 1), '{');
    const sub = peek(ps, braced ? 2 : 1);
    const two = sub.kind === 'num' && sub.value === 2;
    frobenius = sub.kind === 'name' && sub.text === 'F';
    if ((!two && !frobenius) || (braced && !isOp(peek(ps, 3), '}')))
      fail(
        ps,
        `only the Euclidean norm ‖x‖_2 (of a matrix, its spectral norm) and the Frobenius norm ‖x‖_F are read, not the norm _${describe(ps, sub)}`,
        sub.range,
      );
    ps.p += braced ? 4 : 2;
    close = ps.tokens[ps.p - 1]!;
  }
  const c = peek(ps);
  const two =
    isOp(c, '^') && c.tight
      ? peek(ps, 1).kind === 'num'
        ? 1
        : isOp(peek(ps, 1), '{') && peek(ps, 2).kind === 'num' && isOp(peek(ps, 3), '}')
          ? 2
          : 0
      : 0;
  const squared = two > 0 && peek(ps, two).value === 2;
  if (squared) ps.p += two === 1 ? 2 : 4;
  const r = span(open.range, squared ? ps.tokens[ps.p - 1]!.range : close.range);
  const n: Ast & { k: 'call' } = { k: 'call', fn: squared ? NORM_SQUARED : NORM, arg: x, range: r, fnRange: open.range };
  if (frobenius) n.written = 'F';
  return n;
}

/** the end of a name's last index (its own word when it has none) */
export function lastNameEnd(a: NameAst): Range {
  return a.sup ? a.sup.range : a.sub ? a.sub.range : a.nameRange;
}
