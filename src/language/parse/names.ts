// A name with its indices: subscripts and superscripts (h_{t-1}, h^{(t)}, w_{i,j}^{(k+1)}), the step and entries
// they carry, and a function's argument list.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { span } from '../ast';
import type { Token } from '../lexer';
import { closer, deepAll, enter, expectOp, fail, isOp, next, peek } from './cursor';
import { stepInParens } from './derivatives';
import { expr } from './expressions';
import type { ParseState } from './state';

export function nameOrNum(ps: ParseState): Ast {
  const t = next(ps);
  if (t.kind === 'num') return { k: 'num', value: t.value, range: t.range };
  return { k: 'name', raw: t.text, sub: null, sup: null, range: t.range, nameRange: t.range };
}

/**
 * A name with its subscript groups: W_hh, h_t, h_{t-1}, W_{xh}, w_{i,j} (a list), and a parenthesised
 * superscript step h^{(t)} (also h^{(t-1)\top}: with allowT, the transpose is flagged in supTransposed).
 */
export function nameWithIndex(ps: ParseState, allowT: boolean): NameAst {
  const t = next(ps);
  const c = peek(ps);
  // nothing right on the name (no _, ^ or ( tight after it), as most names are written (h_t is one token): the
  // name is its token, whose range it shares as a number does — no second node and no spans (issue 11)
  const tightIndex = c.kind === 'op' && c.tight && (c.text === '_' || c.text === '^' || c.text === '(');
  if (!tightIndex && !ps.options.alwaysIndices && !(c.kind === 'op' && c.text === '(' && isArgumentList(ps))) {
    const r = t.range;
    return { k: 'name', raw: t.text, sub: null, sup: null, range: r, nameRange: r };
  }
  return indices(ps, { k: 'name', raw: t.text, sub: null, sup: null, range: t.range, nameRange: t.range }, allowT);
}

/** the indices written after a name (or after the bar of \bar{h}) */
export function indices(ps: ParseState, base: NameAst, allowT: boolean): NameAst {
  // W_{xh}: the braces are part of the name as written, so its range (hovers, renames, tokens) covers them
  subscripts(ps, base.raw, base.sub, base.range, base.nameRange);
  let raw = ps.subRaw;
  let sub = ps.subSub;
  let end = ps.subEnd;
  let nameEnd = ps.subNameEnd;
  // a parenthesised superscript right on the name: h^(t-1), h^{(t)} — index or power, decided on resolution
  let sup = base.sup;
  const c = peek(ps);
  if (!sup && isOp(c, '^') && c.tight && (isOp(peek(ps, 1), '(') || (isOp(peek(ps, 1), '{') && isOp(peek(ps, 2), '(')))) {
    const braced = isOp(peek(ps, 1), '{');
    ps.p += braced ? 3 : 2;
    enter(ps, c);
    sup = expr(ps);
    ps.depth--;
    end = expectOp(ps, ')', 'to close the superscript').range;
    if (braced) {
      // Goodfellow's h^{(t-1)\top}, h^{(t)T}: the step and a transpose
      const x = peek(ps);
      const isT = (y: Token) => isOp(y, 'ᵀ') || (y.kind === 'name' && y.text === 'T') || isOp(y, "'");
      if (allowT && isT(x) && isOp(peek(ps, 1), '}')) {
        next(ps);
        ps.supTransposed = true;
      } else if (allowT && x.kind === 'num' && isOp(peek(ps, 1), '}')) {
        next(ps);
        ps.supPower = { k: 'num', value: x.value!, range: x.range };
      } else if (allowT && isOp(x, '^') && isT(peek(ps, 1)) && isOp(peek(ps, 2), '}')) {
        // h^{(t)^\top}, h^{(t-1)^T}: the transpose written as a superscript of the step
        ps.p += 2;
        ps.supTransposed = true;
      } else if (allowT && isOp(x, '^') && isOp(peek(ps, 1), '{') && isT(peek(ps, 2)) && isOp(peek(ps, 3), '}') && isOp(peek(ps, 4), '}')) {
        ps.p += 4;
        ps.supTransposed = true;
      }
      end = expectOp(ps, '}', 'to close the superscript').range;
    }
    // the entry after the step, as LaTeX allows either order: ŷ^{(t)}_{y^{(t)}} is ŷ_{y^{(t)}}^{(t)}
    if (!sub && raw === base.raw) {
      subscripts(ps, raw, sub, end, nameEnd);
      raw = ps.subRaw;
      sub = ps.subSub;
      end = ps.subEnd;
      nameEnd = ps.subNameEnd;
    }
  }
  // Elman's and Mikolov's s(t), s(t-1), y(3): a step in parentheses right on the name (the resolver decides)
  let stepCall = false;
  if (!sup && isOp(peek(ps), '(') && peek(ps).tight && stepInParens(ps)) {
    const o = next(ps);
    enter(ps, o);
    sup = expr(ps);
    ps.depth--;
    end = expectOp(ps, ')', 'to close the step').range;
    stepCall = true;
  }
  const args = argumentList(ps);
  if (args) end = args.range;
  const out: NameAst = { k: 'name', raw, sub, sup, range: span(base.range, end), nameRange: span(base.nameRange, nameEnd) };
  if (stepCall) out.stepCall = true;
  if (args) {
    out.args = span(args.range, args.range);
    out.argItems = args.items;
  }
  return out;
}

/**
 * The subscripts right on a name (indices() reads a name once per use: no closure per call). Its results
 * are written to subRaw … subNameEnd when it returns, after the expressions it reads (which may read
 * names of their own) are done.
 */
export function subscripts(ps: ParseState, raw: string, sub: Ast | null, end: Range, nameEnd: Range): void {
  while (isOp(peek(ps), '_') && peek(ps).tight) {
    const u = peek(ps);
    const o = peek(ps, 1);
    if (isOp(o, '{') || isOp(o, '(')) {
      // W_{xh} is the name W_xh; h_{t-1} is h with an index; w_{i,j} has a list of indices
      const close = o.text === '{' ? '}' : ')';
      const a = peek(ps, 2);
      if ((a.kind === 'name' || a.kind === 'num') && isOp(peek(ps, 3), close) && !sub) {
        raw += '_' + (a.kind === 'num' ? String(a.value) : a.text);
        ps.p += 4;
        end = ps.tokens[ps.p - 1]!.range;
        nameEnd = end;
        continue;
      }
      // Graves's w_{h\iota}, w_{c\omega}: a letter and a Greek command right after it, two tokens the lexer could not
      // run together as it does w_{hk}, are the name w_hι the file declares
      const b = peek(ps, 3);
      const letter = (x: Token) => x.kind === 'name' && /^\p{L}$/u.test(x.text);
      if (!sub && letter(a) && letter(b) && b.tight && isOp(peek(ps, 4), close)) {
        raw += '_' + a.text + b.text;
        ps.p += 5;
        end = ps.tokens[ps.p - 1]!.range;
        nameEnd = end;
        continue;
      }
      ps.p += 2;
      if (sub) fail(ps, 'a name takes one subscript group', u.range);
      // SLP3's δ_{out,t}: a word before the step names which δ (the name δ_out at step t); one letter before a
      // comma is an entry index (w_{i,j})
      if (a.kind === 'name' && /^\p{L}{2,}$/u.test(a.text) && isOp(peek(ps, 1), ',')) {
        raw += '_' + a.text;
        nameEnd = a.range;
        ps.p += 2;
      }
      enter(ps, o);
      ps.inSubscript++;
      const first = expr(ps);
      if (isOp(peek(ps), ',')) {
        const items = [first];
        while (isOp(peek(ps), ',')) {
          next(ps);
          items.push(expr(ps));
        }
        sub = deepAll(ps, { k: 'list', items, range: span(first.range, items[items.length - 1]!.range) }, items);
      } else sub = first;
      ps.inSubscript--;
      ps.depth--;
      end = expectOp(ps, close, 'to close the subscript').range;
      continue;
    }
    if ((o.kind === 'name' || o.kind === 'num') && o.tight) {
      raw += '_' + o.text;
      ps.p += 2;
      end = o.range;
      nameEnd = end;
      continue;
    }
    break;
  }
  ps.subRaw = raw;
  ps.subSub = sub;
  ps.subEnd = end;
  ps.subNameEnd = nameEnd;
}

/**
 * ℒ_t(t_t, y_t): a name followed, with no space, by a parenthesised list of two or more arguments is the
 * quantity written as a function of what it depends on (a product would not hold a comma). The arguments
 * are read and dropped; the range of the list is returned. The resolver reads the list on a name it
 * knows and names d2l.ai's f(x_t, h_{t-1}, w_h) on one it does not: a list whose ')' is missing (the
 * statement ends first) is still a list, so the error is the missing ')', not a comma in a product.
 */
export function argumentList(ps: ParseState): { range: Range; items: Ast[] } | null {
  const o = peek(ps);
  if (!isArgumentList(ps)) return null;
  next(ps);
  enter(ps, o);
  const items = [expr(ps)];
  while (isOp(peek(ps), ',')) {
    next(ps);
    items.push(expr(ps));
  }
  ps.depth--;
  return {
    range: span(
      o.range,
      (closer(ps, ')') ?? expectOp(ps, ')', `to close the arguments opened at ${o.range.line}:${o.range.column}`)).range,
    ),
    items,
  };
}

/** whether the `(` next is a list of arguments: a top-level comma inside, and (with a space before it) no range */
export function isArgumentList(ps: ParseState): boolean {
  const o = peek(ps);
  if (!isOp(o, '(')) return false;
  let level = 0;
  let comma = false;
  // `=` or `for` inside: a range written after the last side (`(t = 1, …, T)`), never arguments
  let range = false;
  for (let i = ps.p; i < ps.tokens.length; i++) {
    const x = ps.tokens[i]!;
    if (x.kind === 'op' && (x.text === '(' || x.text === '[' || x.text === '{')) level++;
    else if (x.kind === 'op' && (x.text === ')' || x.text === ']' || x.text === '}')) {
      if (--level === 0) break;
    } else if (level === 1 && isOp(x, ',')) comma = true;
    else if (level === 1 && (isOp(x, '=') || (x.kind === 'name' && x.text === 'for'))) range = true;
    else if (x.kind === 'newline' || x.kind === 'eof') break;
  }
  // d2l.ai's `l (\mathbf{o}_t, y_t)`: a space before the arguments changes nothing in TeX (session 16: it was
  // "expected ')' … found ','"); a pair in parentheses is no value, so after a name it can only be arguments
  return comma && (o.tight || !range);
}
