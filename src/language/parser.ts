// Recursive-descent parser. One statement per line; a bad statement is reported and skipped to
// its line end, so the rest of the file still parses.

import type { Range } from '../report';
import type { Ast, NameAst, Statement } from './ast';
import { span } from './ast';
import type { Token } from './lexer';
import { LIMITS } from './limits';

export interface ParseError {
  message: string;
  range: Range;
}

class Stop extends Error {
  constructor(public readonly diag: ParseError | null) {
    super(diag?.message ?? 'stop');
  }
}

export function parse(tokens: Token[], src: string): { statements: Statement[]; errors: ParseError[] } {
  const statements: Statement[] = [];
  const errors: ParseError[] = [];
  let p = 0;
  let depth = 0;
  /** the depth of the tree below a node: long chains (x + x + … 25,000 times) are deep too */
  const depthOf = new WeakMap<object, number>();

  const peek = (o = 0) => tokens[Math.min(p + o, tokens.length - 1)]!;
  const next = () => tokens[p++]!;
  const isOp = (t: Token, s: string) => t.kind === 'op' && t.text === s;
  const fail = (message: string, range: Range = peek().range): never => {
    throw new Stop({ message, range });
  };
  const describe = (t: Token) =>
    t.kind === 'newline' || t.kind === 'eof' ? 'the end of the line' : `'${src.slice(t.start, t.end)}'`;
  const expectOp = (s: string, what?: string) => {
    const t = peek();
    if (!isOp(t, s)) {
      if (t.kind === 'error') throw new Stop(null);
      fail(`expected '${s}'${what ? ' ' + what : ''}, found ${describe(t)}`);
    }
    return next();
  };

  while (peek().kind !== 'eof') {
    if (peek().kind === 'newline') { p++; continue; }
    const start = p;
    try {
      const st = statement();
      if (peek().kind !== 'newline' && peek().kind !== 'eof') {
        const t = peek();
        if (t.kind !== 'error') fail(`unexpected ${describe(t)} after the statement`);
        throw new Stop(null);
      }
      statements.push(st);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      if (e.diag) errors.push(e.diag);
      if (p === start) p++;
      while (peek().kind !== 'newline' && peek().kind !== 'eof') p++;
    }
    depth = 0;
  }
  return { statements, errors };

  /** the source text from token index s0 to the last token read */
  function textFrom(s0: number): string {
    const first = tokens[s0];
    const last = tokens[p - 1];
    return first && last && p > s0 ? src.slice(first.start, last.end).replace(/\s+/g, ' ').trim() : '';
  }

  function statement(): Statement {
    const t = peek();
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'param': case 'input': case 'target': return declaration();
        case 'loss': {
          next();
          const d = definition();
          return { ...d, isLoss: true, range: span(t.range, d.range) };
        }
        case 'derive': {
          next();
          const s0 = p;
          const e = expr();
          return { k: 'derive', expr: e, range: span(t.range, e.range), text: textFrom(s0) };
        }
        case 'check': return check();
        default: fail(`'${t.text}' cannot start a statement`);
      }
    }
    if (t.kind === 'name') return definition();
    if (t.kind === 'error') throw new Stop(null);
    return fail(`a statement starts with a name, 'param', 'input', 'target', 'loss', 'derive' or 'check', not ${describe(t)}`);
  }

  function declaration(): Statement {
    const kw = next();
    const nt = peek();
    if (nt.kind !== 'name') fail(`expected a name after '${kw.text}', found ${describe(nt)}`);
    const name = nameWithIndex();
    let shape: number[] | null = null;
    let shapeRange: Range | null = null;
    if (isOp(peek(), ':')) {
      next();
      [shape, shapeRange] = parseShape();
    }
    let value: Ast | null = null;
    if (isOp(peek(), '=')) {
      next();
      value = expr();
    }
    const end = value?.range ?? shapeRange ?? name.range;
    return { k: 'decl', kind: kw.text as 'param', name, shape, shapeRange, value, range: span(kw.range, end) };
  }

  function parseShape(): [number[], Range] {
    const first = peek();
    const dims: number[] = [];
    const dim = () => {
      const t = peek();
      if (t.kind !== 'num' || !Number.isInteger(t.value) || t.value < 1) fail(`a shape is 'n' or 'm x n' with positive integers, found ${describe(t)}`);
      next();
      dims.push(t.value);
    };
    dim();
    let last = tokens[p - 1]!;
    const t = peek();
    if (t.kind === 'name' && /^x\d+$/.test(t.text)) {
      // "3x2" lexes as 3 and x2
      next();
      dims.push(Number(t.text.slice(1)));
      last = t;
    } else if ((t.kind === 'name' && t.text === 'x') || isOp(t, '*')) {
      next();
      dim();
      last = tokens[p - 1]!;
    }
    if (dims.some((d) => d > 4096)) fail(`a dimension above 4096 (limit)`, span(first.range, last.range));
    return [dims, span(first.range, last.range)];
  }

  function definition(): Statement & { k: 'def' } {
    const lhs = nameWithIndex();
    const eq = peek();
    if (!isOp(eq, '=')) fail(`expected '=' after ${src.slice(tokens[p - 1]!.start, tokens[p - 1]!.end)} to define it, found ${describe(eq)}`);
    next();
    const s0 = p;
    const rhs = expr();
    return { k: 'def', lhs, rhs, isLoss: false, range: span(lhs.range, rhs.range), rhsText: textFrom(s0) };
  }

  function check(): Statement {
    const kw = next();
    const s0 = p;
    const lhs = expr();
    expectOp('=', 'between the two sides of the check');
    const rhs = expr();
    const text = textFrom(s0);
    let forRange: (Statement & { k: 'check' })['forRange'] = null;
    let end = rhs.range;
    if (peek().kind === 'kw' && peek().text === 'for') {
      const f = next();
      const v = peek();
      if (v.kind !== 'name') fail(`expected 'for t = a..b', found ${describe(v)}`);
      next();
      expectOp('=', "in 'for t = a..b'");
      const from = expr();
      expectOp('..', "in 'for t = a..b'");
      const to = expr();
      forRange = { v: v.text, from, to, range: span(f.range, to.range) };
      end = to.range;
    }
    return { k: 'check', lhs, rhs, more: [], range: span(kw.range, end), text, forRange };
  }

  function deep<A extends Ast>(node: A, ...kids: Ast[]): A {
    let d = 0;
    for (const k of kids) d = Math.max(d, depthOf.get(k) ?? 1);
    if (d + 1 > LIMITS.maxTreeDepth) fail(`expression too long: more than ${LIMITS.maxTreeDepth} operations in a chain (limit)`, node.range);
    depthOf.set(node, d + 1);
    return node;
  }

  function enter(r: Range) {
    if (++depth > LIMITS.maxNesting) fail(`expression nested more than ${LIMITS.maxNesting} levels deep (limit)`, r);
  }

  function expr(): Ast {
    enter(peek().range);
    let a = term();
    for (;;) {
      const t = peek();
      if (isOp(t, '+') || isOp(t, '-')) {
        next();
        const b = term();
        a = deep({ k: 'bin', op: t.text as '+', a, b, range: span(a.range, b.range) }, a, b);
      } else break;
    }
    depth--;
    return a;
  }

  function startsPrimary(t: Token): boolean {
    if (t.kind === 'num' || t.kind === 'name' || t.kind === 'fn' || t.kind === 'bigop' || t.kind === 'partial' || t.kind === 'frac' || t.kind === 'grad') return true;
    return t.kind === 'op' && (t.text === '(' || t.text === '{' || t.text === '[');
  }

  function term(): Ast {
    let a = unary();
    for (;;) {
      const t = peek();
      let op: '*' | '/' | '⊙' | '@' | 'juxt' | null = null;
      if (t.kind === 'op' && (t.text === '*' || t.text === '/' || t.text === '⊙' || t.text === '@')) {
        next();
        op = t.text as '*';
      } else if (startsPrimary(t)) {
        op = 'juxt';
      }
      if (!op) break;
      const b = unary();
      a = deep({ k: 'bin', op, a, b, range: span(a.range, b.range) }, a, b);
    }
    return a;
  }

  function unary(): Ast {
    const t = peek();
    if (isOp(t, '-') || isOp(t, '+')) {
      next();
      enter(t.range);
      const a = unary();
      depth--;
      return t.text === '-' ? deep({ k: 'neg', a, range: span(t.range, a.range) }, a) : a;
    }
    return power();
  }

  function power(): Ast {
    let a = postfix();
    while (isOp(peek(), '^')) {
      const caret = next();
      const t = peek();
      // transposes: ^T, ^{T}, ^\top, ^ᵀ
      if (isOp(t, 'ᵀ') || (t.kind === 'name' && t.text === 'T')) {
        next();
        a = { k: 'transpose', a, range: span(a.range, t.range) };
        continue;
      }
      if (isOp(t, '{') && ((peek(1).kind === 'name' && peek(1).text === 'T') || isOp(peek(1), 'ᵀ')) && isOp(peek(2), '}')) {
        p += 3;
        a = { k: 'transpose', a, range: span(a.range, tokens[p - 1]!.range) };
        continue;
      }
      // a parenthesised superscript right on a bare name: h^(t-1), h^{(t)} — index or power, decided on resolution
      if (a.k === 'name' && !a.sup && caret.tight && (isOp(t, '(') || (isOp(t, '{') && isOp(peek(1), '(')))) {
        const braced = isOp(t, '{');
        next();
        if (braced) next();
        enter(t.range);
        const inner = expr();
        depth--;
        expectOp(')', 'to close the superscript');
        if (braced) expectOp('}', 'to close the superscript');
        a = { ...a, sup: inner, range: span(a.range, tokens[p - 1]!.range) };
        continue;
      }
      const neg = isOp(t, '-');
      if (neg) next();
      const e = postfix();
      const b: Ast = neg ? { k: 'neg', a: e, range: span(t.range, e.range) } : e;
      a = deep({ k: 'bin', op: '^', a, b, range: span(a.range, b.range) }, a, b);
    }
    return a;
  }

  function postfix(): Ast {
    let a = primary();
    for (;;) {
      const t = peek();
      if (isOp(t, 'ᵀ') || (isOp(t, "'") && t.tight)) {
        next();
        a = deep({ k: 'transpose', a, range: span(a.range, t.range) }, a);
      } else if (isOp(t, '[') && t.tight) {
        next();
        const args = [expr()];
        while (isOp(peek(), ',')) { next(); args.push(expr()); }
        const close = expectOp(']', 'to close the index');
        a = deep({ k: 'index', a, args, range: span(a.range, close.range) }, a, ...args);
      } else break;
    }
    return a;
  }

  function group(open: Token): Ast {
    // ( … ) or { … } (LaTeX grouping)
    enter(open.range);
    const e = expr();
    depth--;
    const close = expectOp(open.text === '(' ? ')' : '}', `to close the '${open.text}' at ${open.range.line}:${open.range.column}`);
    return deep({ ...e, range: span(open.range, close.range) } as Ast, e);
  }

  function primary(): Ast {
    const t = peek();
    switch (t.kind) {
      case 'num':
        next();
        return { k: 'num', value: t.value, range: t.range };
      case 'name':
        return nameWithIndex();
      case 'fn': {
        next();
        let arg: Ast;
        const o = peek();
        if (isOp(o, '(') && t.text === 'count') {
          // count(A, B, …) takes a list
          next();
          const items = [expr()];
          while (isOp(peek(), ',')) { next(); items.push(expr()); }
          const close = expectOp(')', 'to close count(');
          arg = { k: 'list', items, range: span(o.range, close.range) };
        } else if (isOp(o, '(') || isOp(o, '{')) { next(); arg = group(o); }
        else if (startsPrimary(o)) arg = power();
        else return fail(`expected the argument of ${src.slice(t.start, t.end)}, found ${describe(o)}`);
        return deep({ k: 'call', fn: t.text, arg, range: span(t.range, arg.range), fnRange: t.range }, arg);
      }
      case 'bigop':
        return bigOp();
      case 'partial':
        return derivative();
      case 'grad': {
        next();
        expectOp('(', `after grad${t.plus ? '+' : ''}`);
        const of = expr();
        expectOp(',', 'between the two arguments of grad(A, B)');
        const wrt = expr();
        const close = expectOp(')', 'to close grad(');
        return { k: 'deriv', plus: t.plus, of, wrt, range: span(t.range, close.range) };
      }
      case 'frac': {
        next();
        const o1 = expectOp('{', 'after \\frac');
        if (peek().kind === 'partial') {
          const d = peek();
          next();
          const plus = d.plus || eatPlus();
          const of = derivOperand();
          expectOp('}', 'to close the numerator of \\frac');
          expectOp('{', 'for the denominator of \\frac');
          if (peek().kind !== 'partial') fail('the denominator of a derivative \\frac{∂A}{∂B} starts with ∂');
          next();
          const wrt = derivOperand();
          const close = expectOp('}', 'to close the denominator of \\frac');
          return { k: 'deriv', plus, of, wrt, range: span(t.range, close.range) };
        }
        const a = group(o1);
        const o2 = expectOp('{', 'for the denominator of \\frac');
        const b = group(o2);
        return { k: 'bin', op: '/', a, b, range: span(t.range, b.range) };
      }
      case 'op':
        if (t.text === '(' || t.text === '{') { next(); return group(t); }
        if (t.text === '[') return listLiteral();
        if (t.text === '|') {
          next();
          const e = expr();
          const close = expectOp('|', 'to close |…|');
          return { k: 'call', fn: 'abs', arg: e, range: span(t.range, close.range), fnRange: t.range };
        }
        break;
      case 'error':
        throw new Stop(null);
      default:
        break;
    }
    return fail(`expected a value, found ${describe(t)}`);
  }

  function eatPlus(): boolean {
    if (isOp(peek(), '⁺')) { next(); return true; }
    if (isOp(peek(), '^') && isOp(peek(1), '+')) { p += 2; return true; }
    return false;
  }

  function derivOperand(): Ast {
    const o = peek();
    if (isOp(o, '(') || isOp(o, '{')) { next(); return group(o); }
    if (o.kind !== 'name') fail(`expected a name after ∂, found ${describe(o)}`);
    return nameWithIndex();
  }

  function derivative(): Ast {
    const d = next();
    const plus = d.plus || eatPlus();
    const of = derivOperand();
    expectOp('/', 'in ∂A/∂B');
    if (peek().kind !== 'partial') fail(`expected ∂ after '/' in ∂A/∂B, found ${describe(peek())}`);
    next();
    const wrt = derivOperand();
    return deep({ k: 'deriv', plus, of, wrt, range: span(d.range, wrt.range) }, of, wrt);
  }

  function listLiteral(): Ast {
    const open = next();
    enter(open.range);
    const items: Ast[] = [];
    if (!isOp(peek(), ']')) {
      items.push(expr());
      while (isOp(peek(), ',')) {
        next();
        if (isOp(peek(), ']')) break;
        items.push(expr());
        if (items.length > LIMITS.maxEntries) fail(`more than ${LIMITS.maxEntries} entries in a literal (limit)`);
      }
    }
    const close = expectOp(']', `to close the '[' at ${open.range.line}:${open.range.column}`);
    depth--;
    return deep({ k: 'list', items, range: span(open.range, close.range) }, ...items);
  }

  function bigOp(): Ast {
    const op = next();
    let v: string | null = null;
    let vRange: Range | null = null;
    let from: Ast | null = null;
    let to: Ast | null = null;
    if (isOp(peek(), '_')) {
      next();
      const o = peek();
      if (isOp(o, '{') || isOp(o, '(')) {
        next();
        const vt = peek();
        if (vt.kind !== 'name') fail(`expected the index variable after ${op.text === 'sum' ? 'Σ' : '∏'}_{, found ${describe(vt)}`);
        next();
        v = vt.text;
        vRange = vt.range;
        if (isOp(peek(), '=')) { next(); from = expr(); }
        expectOp(o.text === '{' ? '}' : ')', 'to close the index of Σ/∏');
      } else if (o.kind === 'name') {
        next();
        v = o.text;
        vRange = o.range;
      } else fail(`expected the index variable after '_', found ${describe(o)}`);
    }
    if (isOp(peek(), '^')) {
      next();
      const o = peek();
      if (isOp(o, '{') || isOp(o, '(')) { next(); to = group(o); }
      else if (o.kind === 'name' || o.kind === 'num') to = nameOrNum();
      else fail(`expected the upper bound after '^', found ${describe(o)}`);
    }
    enter(op.range);
    const body = term();
    depth--;
    return deep({ k: 'big', op: op.text as 'sum', v, vRange, from, to, body, range: span(op.range, body.range) }, body);
  }

  function nameOrNum(): Ast {
    const t = next();
    if (t.kind === 'num') return { k: 'num', value: t.value, range: t.range };
    return { k: 'name', raw: t.text, sub: null, sup: null, range: t.range, nameRange: t.range };
  }

  /** a name with its subscript groups: W_hh, h_t, h_{t-1}, W_{xh}, h^{(t)} (the superscript is handled in power()) */
  function nameWithIndex(): NameAst {
    const t = next();
    let raw = t.text;
    let sub: Ast | null = null;
    let end = t.range;
    while (isOp(peek(), '_') && peek().tight) {
      const u = peek();
      const o = peek(1);
      if (isOp(o, '{') || isOp(o, '(')) {
        // W_{xh} is the name W_xh; h_{t-1} is h with an index
        const close = o.text === '{' ? '}' : ')';
        const a = peek(2);
        if ((a.kind === 'name' || a.kind === 'num') && isOp(peek(3), close) && !sub) {
          raw += '_' + (a.kind === 'num' ? String(a.value) : a.text);
          p += 4;
          end = tokens[p - 1]!.range;
          continue;
        }
        p += 2;
        if (sub) fail('a name takes one subscript group', u.range);
        enter(o.range);
        sub = expr();
        depth--;
        end = expectOp(close, 'to close the subscript').range;
        continue;
      }
      if ((o.kind === 'name' || o.kind === 'num') && o.tight) {
        raw += '_' + (o.kind === 'num' ? o.text : o.text);
        p += 2;
        end = o.range;
        continue;
      }
      break;
    }
    // a parenthesised superscript right on the name: h^(t-1), h^{(t)} — index or power, decided on resolution
    let sup: Ast | null = null;
    const c = peek();
    if (isOp(c, '^') && c.tight && (isOp(peek(1), '(') || (isOp(peek(1), '{') && isOp(peek(2), '(')))) {
      const braced = isOp(peek(1), '{');
      p += braced ? 3 : 2;
      enter(c.range);
      sup = expr();
      depth--;
      expectOp(')', 'to close the superscript');
      end = (braced ? expectOp('}', 'to close the superscript') : tokens[p - 1]!).range;
    }
    return { k: 'name', raw, sub, sup, range: span(t.range, end), nameRange: t.range };
  }
}
