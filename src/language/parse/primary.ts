// A primary: a number, a name, a group, a function call, a derivative, a literal, Σ/∏, an indicator (𝟙[i = y],
// Iverson brackets) or a norm — dispatched on the next token.

import type { Range } from '../../report';
import type { Ast } from '../ast';
import { span } from '../ast';
import type { Token } from '../lexer';
import { ONES } from '../lexer';
import { bigOp } from './bigOperators';
import { adjoint, call, innerProduct, insideBars, nabla, norm } from './calls';
import { REL, deep, describe, enter, expectOp, fail, isOp, next, peek } from './cursor';
import { derivative, frac, parenDerivative, parenFraction } from './derivatives';
import { ellipsis, expr, leftTranspose } from './expressions';
import { listLiteral, matrix, numberAst } from './literals';
import { nameWithIndex } from './names';
import { group } from './operators';
import { Stop, type ParseState } from './state';
import { barredName, deltaOverName } from './statements';

export function primary(ps: ParseState): Ast {
  const t = peek(ps);
  switch (t.kind) {
    case 'num':
      next(ps);
      // 1_{i=y}, \mathbb{1}_{…}, 𝟙_{…}: the indicator
      if (t.value === 1 && isOp(peek(ps), '_') && peek(ps).tight && isOp(peek(ps, 1), '{')) return indicator(ps, t);
      // 1_y, \mathbb{1}_k: the one-hot vector with its place unbraced, as 1_{y} reads (it was "expected ')' … found '_'")
      // (not inside a subscript: h_{t-1_i) is a brace left open, not the step t − 1_i)
      if (t.value === 1 && !ps.inSubscript && isOp(peek(ps), '_') && peek(ps).tight && peek(ps, 1).kind === 'name' && peek(ps, 1).tight) {
        next(ps);
        const n = next(ps);
        const place: Ast = { k: 'name', raw: n.text, sub: null, sup: null, range: n.range, nameRange: n.range };
        return { k: 'name', raw: 'e', sub: place, sup: null, basis: true, range: span(t.range, n.range), nameRange: t.range };
      }
      // Iverson's 𝟙[i = k_t], \mathbb{1}\{i = k_t\}: the indicator with its condition in brackets
      if (t.value === 1 && (isOp(peek(ps), '[') || isOp(peek(ps), '(')) && peek(ps).tight && bracketStatesEquality(ps))
        return iverson(ps, t);
      // \mathbf{1}, 𝟙: the all-ones vector (the resolver sizes it)
      if (t.text === ONES) return { k: 'num', value: 1, range: t.range, ones: true };
      return numberAst(t);
    case 'name': {
      // 𝕀[z > 0], \mathbb{I}(i = k): the indicator written with an I (a bracket holding a comparison is no product)
      if (t.text === 'I' && (isOp(peek(ps, 1), '[') || isOp(peek(ps, 1), '(')) && peek(ps, 1).tight) {
        next(ps);
        if (bracketStatesEquality(ps)) return iverson(ps, t);
        ps.p--;
      }
      // MIT 6.390's δ^{s_t}, δ^{s_{t-1}} (the error at s_t written over δ): δ s_t, as \delta s_t reads
      const over = t.text === 'δ' ? deltaOverName(ps) : null;
      if (over) return { k: 'adjoint', a: over, range: span(t.range, over.range), delta: t.range };
      // δc_t, \delta h_t (LSTM backward passes): the adjoint ∂loss/∂c_t, unless the file defines δ (resolver)
      if (t.text === 'δ' && (peek(ps, 1).kind === 'name' || peek(ps, 1).kind === 'bar')) {
        next(ps);
        // δ\bar{o}^t: δ of the barred name ō (Greff's pre-activations), read as δō where the file defines it
        const x = peek(ps).kind === 'bar' ? barredName(ps) : nameWithIndex(ps, false);
        return { k: 'adjoint', a: x, range: span(t.range, x.range), delta: t.range };
      }
      const a = nameWithIndex(ps, true);
      if (ps.supPower) {
        const b = ps.supPower;
        ps.supPower = null;
        return deep(ps, { k: 'bin', op: '^', a, b, range: a.range }, a, b);
      }
      if (!ps.supTransposed) return a;
      ps.supTransposed = false;
      return deep(ps, { k: 'transpose', a, range: a.range }, a);
    }
    case 'lit':
      next(ps);
      return t.lit!;
    case 'fn':
      return call(ps);
    case 'bigop':
      return bigOp(ps);
    case 'partial':
      return derivative(ps);
    case 'nabla':
      return nabla(ps);
    case 'bar':
      return adjoint(ps);
    case 'grad': {
      next(ps);
      expectOp(ps, '(', `after grad${t.plus ? '+' : ''}`);
      const of = expr(ps);
      expectOp(ps, ',', 'between the two arguments of grad(A, B)');
      const wrt = expr(ps);
      const close = expectOp(ps, ')', 'to close grad(');
      return { k: 'deriv', plus: t.plus, of, wrt, range: span(t.range, close.range) };
    }
    case 'frac':
      return frac(ps);
    case 'op':
      if (t.text === '(' && peek(ps, 1).kind === 'partial' && parenFraction(ps)) return parenDerivative(ps);
      if (t.text === '(' || t.text === '{') {
        next(ps);
        return group(ps, t);
      }
      if (t.text === '[') return listLiteral(ps);
      if (t.text === 'mat[') return matrix(ps);
      // a bar where an operand starts opens a norm, also inside one (‖θ/‖g‖_F g‖_F, the clipped gradient's): a
      // closing bar follows a value, and the juxtaposition after a value does not start an operand at it (startsPrimary)
      if (t.text === '‖') return norm(ps, t);
      if (t.text === '⟨') return innerProduct(ps, t);
      if (t.text === '⟩') fail(ps, `'⟩' closes a step in a superscript (a^{⟨t⟩}) or an inner product ⟨u, v⟩, and none is open here`);
      if (t.text === '…') return ellipsis(ps, t);
      if (t.text === '|') {
        next(ps);
        // p_model(y^{(t)} | {x^{(1)}, …, x^{(t)}}) (Goodfellow's loss, Srihari's slides): a bar after a value that no
        // bar closes before the bracket around it does is the "given" of a conditional probability, no |…|
        if (conditionalBar(ps)) {
          fail(
            ps,
            `a bar between two values inside parentheses, as in p(y | x), is a conditional probability, which is not read: write the probability the network gives (the entry of its softmax output at the target, ŷ^{(t)}_{y^{(t)}})`,
            t.range,
          );
        }
        const e = insideBars(ps, '|');
        const close = expectOp(ps, '|', 'to close |…|');
        return { k: 'call', fn: 'abs', arg: e, range: span(t.range, close.range), fnRange: t.range };
      }
      if (REL.has(t.text)) fail(ps, `'${t.text}' is read only in the bounds of Σ and ∏ (Σ_{1≤t≤T})`);
      if (t.text === '^') return leftTranspose(ps, t);
      break;
    case 'error':
      throw new Stop(null);
    default:
      break;
  }
  return fail(ps, `expected a value, found ${describe(ps, t)}`);
}

/**
 * at a '|' just read (tokens[p − 1]): whether it stands after a value and no '|' closes it before the bracket around it
 * closes (or a comma at its level comes): the bar of p(y | x)
 */
export function conditionalBar(ps: ParseState): boolean {
  const before = ps.tokens[ps.p - 2];
  if (!before || !(before.kind === 'name' || before.kind === 'num' || isOp(before, ')') || isOp(before, '}'))) return false;
  // an evaluation bar, |_{t=3}, is no conditional
  if (isOp(ps.tokens[ps.p], '_')) return false;
  let level = 0;
  for (let i = ps.p; i < ps.tokens.length && i < ps.p + 200; i++) {
    const x = ps.tokens[i]!;
    if (x.kind === 'newline' || x.kind === 'eof') return false;
    if (x.kind === 'op' && (x.text === '(' || x.text === '[' || x.text === '{')) level++;
    else if (x.kind === 'op' && (x.text === ')' || x.text === ']' || x.text === '}')) {
      if (level === 0) return true;
      level--;
    } else if (level === 0 && isOp(x, '|')) return false;
    else if (level === 0 && isOp(x, ',')) return true;
  }
  return false;
}

/** whether the bracket next holds a `=` of its own (outside inner brackets) before it closes */
export function bracketStatesEquality(ps: ParseState): boolean {
  let level = 0;
  for (let i = ps.p; i < ps.tokens.length && i < ps.p + 200; i++) {
    const x = ps.tokens[i]!;
    if (x.kind === 'op' && (x.text === '(' || x.text === '[' || x.text === '{')) level++;
    else if (x.kind === 'op' && (x.text === ')' || x.text === ']' || x.text === '}')) {
      if (--level === 0) return false;
    } else if (level === 1 && (isOp(x, '=') || isOp(x, '≠') || (x.kind === 'op' && REL.has(x.text)))) return true;
    else if (x.kind === 'newline' || x.kind === 'eof') return false;
  }
  return false;
}

/** 𝟙[a = b] or 𝟙\{a = b\} after its 1: the indicator 1_{a=b} */
export function iverson(ps: ParseState, one: Token): Ast {
  const o = next(ps);
  const closer = o.text === '[' ? ']' : ')';
  enter(ps, o);
  const a = expr(ps);
  if (peek(ps).kind === 'op' && REL.has(peek(ps).text)) {
    const step = stepIndicator(ps, a);
    ps.depth--;
    const close = expectOp(ps, closer, 'to close the indicator 𝟙[a > b]');
    return { ...step, range: span(one.range, close.range) };
  }
  const ne = isOp(peek(ps), '≠');
  if (ne) next(ps);
  else expectOp(ps, '=', 'in the indicator 𝟙[a = b]');
  const b = expr(ps);
  ps.depth--;
  const close = expectOp(ps, closer, 'to close the indicator 𝟙[a = b]');
  return indicatorOf(ps, a, b, ne, span(one.range, close.range));
}

/**
 * 1[a > b] (also <, ≥, ≤): ReLU's slope as notes write it, 𝟙[z > 0] = relu'(z), entry by entry. 1[a > b] is
 * relu'(a − b), 1[a < b] relu'(b − a); ≥ and ≤ are their complements, 1 − relu'(b − a) and 1 − relu'(a − b) (they
 * differ where a = b, which a ReLU's output meets: 1[h_t ≥ 0] is 1 everywhere, 1[h_t > 0] is not).
 */
export function stepIndicator(ps: ParseState, a: Ast): Ast {
  const rel = next(ps);
  const b = expr(ps);
  const range = span(a.range, b.range);
  // 1[x > y] is relu'(x − y); ≥ is 1 − 1[y > x]
  const [x, y] = rel.text === '>' || rel.text === '≤' ? [a, b] : [b, a];
  const zero = (e: Ast) => e.k === 'num' && e.value === 0 && !e.ones;
  const diff: Ast = zero(y) ? x : { k: 'bin', op: '-', a: x, b: y, range };
  const step = deep(ps, { k: 'call', fn: 'drelu', arg: diff, range, fnRange: rel.range } as Ast, diff);
  if (rel.text === '>' || rel.text === '<') return step;
  return deep(ps, { k: 'bin', op: '-', a: { k: 'num', value: 1, range }, b: step, range }, step);
}

/** 1[a = b], or for 1[a ≠ b] its complement 1 − 1[a = b] (no node of its own: the engine knows one indicator) */
export function indicatorOf(ps: ParseState, a: Ast, b: Ast, ne: boolean, range: Range): Ast {
  const eq = deep(ps, { k: 'indicator', a, b, range }, a, b);
  if (!ne) return eq;
  const one: Ast = { k: 'num', value: 1, range };
  return deep(ps, { k: 'bin', op: '-', a: one, b: eq, range }, eq);
}

/** 1_{a=b} after its 1 (also 1_{\{a = b\}}, the condition written as a set) */
export function indicator(ps: ParseState, one: Token): Ast {
  next(ps);
  const o = next(ps);
  if (isOp(peek(ps), '(') && bracketStatesEquality(ps)) {
    const inner = iverson(ps, one);
    const close = expectOp(ps, '}', 'to close the indicator 1_{a=b}');
    return { ...inner, range: span(one.range, close.range) };
  }
  enter(ps, o);
  const a = expr(ps);
  // 1_{z>0}: ReLU's slope
  if (peek(ps).kind === 'op' && REL.has(peek(ps).text)) {
    const step = stepIndicator(ps, a);
    ps.depth--;
    const close = expectOp(ps, '}', 'to close the indicator 1_{a>b}');
    return { ...step, range: span(one.range, close.range) };
  }
  // 1_{k_t}, 𝟙_{y}: the one-hot vector of k_t, read as e_{k_t} is: sized by what stands beside it (session 16 refused
  // it, "expected '=' … found '}'"; session 33: min-char-rnn's p_t − 1_{y_t} is e_{y_t}'s p_t − e_{y_t})
  if (isOp(peek(ps), '}')) {
    ps.depth--;
    const close = next(ps);
    const basis: Ast = { k: 'name', raw: 'e', sub: a, sup: null, basis: true, range: span(one.range, close.range), nameRange: one.range };
    return deep(ps, basis, a);
  }
  const ne = isOp(peek(ps), '≠');
  // Goodfellow's 1_{i,y^{(t)}} (eq. 10.18): the two things compared, written with a comma as the Kronecker δ_{ij} is
  if (ne || isOp(peek(ps), ',')) next(ps);
  else expectOp(ps, '=', 'in the indicator 1_{a=b} (or 1_{a,b})');
  const b = expr(ps);
  ps.depth--;
  const close = expectOp(ps, '}', 'to close the indicator 1_{a=b}');
  return indicatorOf(ps, a, b, ne, span(one.range, close.range));
}
