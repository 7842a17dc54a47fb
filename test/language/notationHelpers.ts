// Reading a text with the lexer and parser alone, and the AST as a compact S-expression, so the
// notation tests state the tree they expect in one line.
import type { Ast, Statement } from '../../src/language/ast';
import { lex } from '../../src/language/lexer';
import type { ParseError } from '../../src/language/parser';
import { parse } from '../../src/language/parser';

export function read(text: string): { statements: Statement[]; errors: ParseError[]; lexErrors: string[] } {
  const { tokens, errors } = lex(text);
  const r = parse(tokens, text);
  return { ...r, lexErrors: errors.map((e) => e.message) };
}

/** the S-expression of an AST: (* a b), h[t-1], h^(t), [1, 2], (sum t 1 T body), (d A B), (bar h), … */
export function sx(a: Ast): string {
  switch (a.k) {
    case 'num':
      return String(a.value);
    case 'name':
      return a.raw + (a.sub ? `[${sx(a.sub)}]` : '') + (a.sup ? `^(${sx(a.sup)})` : '');
    case 'list':
      return `[${a.items.map(sx).join(', ')}]`;
    case 'neg':
      return `(- ${sx(a.a)})`;
    case 'bin':
      return `(${a.op === 'juxt' ? '·' : a.op} ${sx(a.a)} ${sx(a.b)})`;
    case 'call':
      return `${a.fn}${a.written ? `{${a.written}}` : ''}(${sx(a.arg)})`;
    case 'transpose':
      return `(T ${sx(a.a)})`;
    case 'index':
      return `(at ${sx(a.a)} ${a.args.map(sx).join(' ')})`;
    case 'big':
      return `(${a.op}${a.desc ? '↓' : ''} ${a.v ?? '_'} ${a.from ? sx(a.from) : '_'} ${a.to ? sx(a.to) : '_'} ${sx(a.body)})`;
    case 'deriv':
      return `(${a.nabla ? '∇' : a.plus ? 'd+' : 'd'} ${sx(a.of)} ${sx(a.wrt)})`;
    case 'adjoint':
      return `(bar ${sx(a.a)})`;
    case 'indicator':
      return `(1 ${sx(a.a)} ${sx(a.b)})`;
  }
}

/** the expression of a one-line `derive E`, with no error */
export function expr(e: string): string {
  const r = read(`derive ${e}`);
  const errs = [...r.lexErrors, ...r.errors.filter((x) => x.severity !== 'information').map((x) => x.message)];
  if (errs.length) throw new Error(errs.join('\n'));
  const st = r.statements[0];
  if (!st || st.k !== 'derive') throw new Error('no derive statement');
  return sx(st.expr);
}

/** the sides of a one-line `check A = B = …`, with no error */
export function sides(e: string): string[] {
  const r = read(`check ${e}`);
  const errs = [...r.lexErrors, ...r.errors.filter((x) => x.severity !== 'information').map((x) => x.message)];
  if (errs.length) throw new Error(errs.join('\n'));
  const st = r.statements[0];
  if (!st || st.k !== 'check') throw new Error('no check statement');
  return [st.lhs, st.rhs, ...st.more].map(sx);
}

/** every message (lexer and parser) of a text */
export function messages(text: string): string[] {
  const r = read(text);
  return [...r.lexErrors, ...r.errors.map((e) => e.message)];
}
