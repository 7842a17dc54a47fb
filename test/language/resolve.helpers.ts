// Resolving text whose syntax tree a test adjusts first: the v2 notation can be tested in the resolver
// with hand-built trees, independent of the parser's progress.
import type { Ast, Statement } from '../../src/language/ast';
import { lex } from '../../src/language/lexer';
import { parse } from '../../src/language/parser';
import { resolve, type Resolved } from '../../src/language/resolve';
import type { CheckQuestion, DeriveQuestion } from '../../src/language/model';

/** the sheet-7 network of LANGUAGE.md (one definition: helpers.ts) */
export { SHEET7 as NET } from './helpers';

export function statementsOf(text: string): Statement[] {
  const { tokens, errors } = lex(text);
  const parsed = parse(tokens, text);
  const problems = [...errors, ...parsed.errors];
  if (problems.length) throw new Error(problems.map((e) => `${e.range.line}:${e.range.column} ${e.message}`).join('\n'));
  return parsed.statements;
}

/** resolve text after `edit` has adjusted its statements */
export function resolveEdited(text: string, edit: (sts: Statement[]) => Statement[] = (s) => s): Resolved {
  return resolve(edit(statementsOf(text)));
}

/** the expression of a one-line `derive E` */
export function astOf(expr: string): Ast {
  const st = statementsOf(`derive ${expr}`)[0]!;
  if (st.k !== 'derive') throw new Error('not a derive');
  return st.expr;
}

/** joins the check on statement index i with the checks after it into one chain `check A = B = C …` */
export function chain(sts: Statement[], i: number, count: number): Statement[] {
  const head = sts[i] as Statement & { k: 'check' };
  const tail = sts.slice(i + 1, i + count) as (Statement & { k: 'check' })[];
  const last = tail[tail.length - 1] ?? head;
  const joined: Statement = {
    ...head,
    more: tail.map((c) => c.rhs),
    range: { ...head.range, endLine: last.range.endLine, endColumn: last.range.endColumn },
  };
  return [...sts.slice(0, i), joined, ...sts.slice(i + count)];
}

export const checks = (r: Resolved) => r.model.questions.filter((q): q is CheckQuestion => q.kind === 'check');
export const derives = (r: Resolved) => r.model.questions.filter((q): q is DeriveQuestion => q.kind === 'derive');
export const errorsOf = (r: Resolved) => r.diagnostics.filter((d) => d.severity === 'error');

/** replaces every expression node for which `f` returns a replacement */
export function mapAst(a: Ast, f: (x: Ast) => Ast | null): Ast {
  const r = f(a);
  if (r) return r;
  const m = (x: Ast) => mapAst(x, f);
  switch (a.k) {
    case 'list':
      return { ...a, items: a.items.map(m) };
    case 'neg':
    case 'transpose':
      return { ...a, a: m(a.a) };
    case 'bin':
      return { ...a, a: m(a.a), b: m(a.b) };
    case 'call':
      return { ...a, arg: m(a.arg) };
    case 'index':
      return { ...a, a: m(a.a), args: a.args.map(m) };
    case 'big':
      return { ...a, body: m(a.body) };
    case 'deriv':
      return { ...a, of: m(a.of), wrt: m(a.wrt) };
    case 'indicator':
      return { ...a, a: m(a.a), b: m(a.b) };
    default:
      return a;
  }
}

/** maps the expressions of every derive/check statement */
export function mapQuestions(sts: Statement[], f: (x: Ast) => Ast | null): Statement[] {
  return sts.map((st) => {
    if (st.k === 'derive') return { ...st, expr: mapAst(st.expr, f) };
    if (st.k === 'check') return { ...st, lhs: mapAst(st.lhs, f), rhs: mapAst(st.rhs, f), more: st.more.map((x) => mapAst(x, f)) };
    return st;
  });
}
