// Nielsen's b^l_j, z^L_j, a^{l-1}_k, w^{l+1}_{jk}: LaTeX sets ^X_Y as X above and Y below the same name, so a
// superscripted step written before the entry is the entry then the step, b_j^{(l)} (LANGUAGE.md §3 reads "an entry
// index may precede them"). The lexer glues `l_j` into one name and the parser would read b^(l_j) or leave `_k`
// after the statement; this pass moves the subscript onto the name and puts the step in parentheses, the form the
// parser reads as a step or a power (decided on resolution, as h^{(t)} is).

import type { Range } from '../report';
import type { Token } from './lexer';

const isOp = (t: Token | undefined, s: string): boolean => t !== undefined && t.kind === 'op' && t.text === s;
/** a step letter (T, a transpose, is moved without parentheses) */
const STEP_LETTER = /^[\p{L}]$/u;

/** a copy of a token with changes (its range is a getter of the lexer's tokens, which a spread does not copy) */
function copy(x: Token, changes: Partial<Token>): Token {
  return { ...x, range: x.range, ...changes };
}

function synth(from: Token, kind: Token['kind'], text: string, range: Range): Token {
  return copy(from, { kind, text, value: 0, plus: false, tight: true, range, tag: null });
}

function spanOf(a: Range, b: Range): Range {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/** a superscript and the subscript after it, to be written the other way round; plain: no parentheses (h^2_t) */
interface Moved {
  step: Token[];
  sub: Token[];
  end: number;
  plain?: boolean;
}

/**
 * the tokens of a step written as a superscript before a subscript, from q (just after the '^'): a single letter
 * glued to its subscript (`l_j`), or a braced step `{l-1}`, `{l+1}` followed by a tight '_'. The step's tokens,
 * the subscript's tokens (after the '_'), and the index after them; null when it is no such form
 */
function stepThenSub(tokens: Token[], q: number): Moved | null {
  const s = tokens[q];
  if (!s || !s.tight) return null;
  // h^2_t, x^T_t: a power or a transpose of the subscripted name, as LaTeX sets it (h_t^2, x_t^T)
  if (s.kind === 'num' || (s.kind === 'name' && s.text === 'T')) {
    const m = subscriptAt(tokens, [s], q + 1);
    return m && { ...m, plain: true };
  }
  // w^l_{jk}: the letter, then its own '_'
  if (s.kind === 'name' && STEP_LETTER.test(s.text)) return subscriptAt(tokens, [s], q + 1);
  if (s.kind === 'name') {
    const m = /^(\p{L})_([\p{L}\d]+)$/u.exec(s.text);
    if (!m) return null;
    const cut = s.range.column + 1;
    const stepRange = { ...s.range, endColumn: cut };
    const subRange = { ...s.range, column: cut + 1 };
    return { step: [synth(s, 'name', m[1]!, stepRange)], sub: [synth(s, 'name', m[2]!, subRange)], end: q + 1, plain: m[1] === 'T' };
  }
  if (!isOp(s, '{')) return null;
  // {l}, {l-1}, {l+1}: one letter and an optional ± a whole number
  const x = tokens[q + 1];
  if (!x || x.kind !== 'name' || !STEP_LETTER.test(x.text) || x.text === 'T') return null;
  let close = q + 2;
  if ((isOp(tokens[close], '-') || isOp(tokens[close], '+')) && tokens[close + 1]?.kind === 'num') close += 2;
  if (!isOp(tokens[close], '}')) return null;
  return subscriptAt(tokens, tokens.slice(q + 1, close), close + 1);
}

/** the subscript at `at` (a tight '_', then one token or a braced group) after the step's tokens; null when none */
function subscriptAt(tokens: Token[], step: Token[], at: number): Moved | null {
  const u = tokens[at];
  if (!isOp(u, '_') || !u!.tight) return null;
  const first = tokens[at + 1];
  if (!first || !first.tight) return null;
  let end = at + 2;
  if (isOp(first, '{')) {
    let depth = 1;
    for (; end < tokens.length && depth > 0; end++) {
      if (isOp(tokens[end], '{')) depth++;
      else if (isOp(tokens[end], '}')) depth--;
      if (tokens[end]!.kind === 'newline' || tokens[end]!.kind === 'eof') return null;
    }
    if (depth) return null;
  } else if (first.kind !== 'name' && first.kind !== 'num') return null;
  return { step, sub: tokens.slice(at + 1, end), end };
}

/** the step and subscript written the other way round at tokens[q], a name (null when there are none to move there) */
function movedAt(tokens: Token[], q: number): Moved | null {
  const t = tokens[q]!;
  const caret = tokens[q + 1];
  // a plain name (no subscript of its own; e^x_t stays Euler's number), the '^' right on it (asked before the
  // name's '_', a search in its text: most names have no '^' after them)
  const m =
    t.kind === 'name' && isOp(caret, '^') && caret!.tight && t.text !== 'e' && !t.text.includes('_') ? stepThenSub(tokens, q + 2) : null;
  // δ^h_t, δ^{o}_t name the node a δ is the gradient at (the parser's deltaSuperscript): only a step moves
  if (!m || (t.text === 'δ' && !(m.step[0]!.kind === 'name' && /^[tTτklL]$/u.test(m.step[0]!.text)))) return null;
  return m;
}

/**
 * whether subscriptAfterSuperscript(tokens) rewrites at q: its first rewriting is at the first q where this holds (the
 * parser asks as it looks over the tokens, so that a file with a '^' on a name but no subscript after it makes no pass)
 */
export function superscriptFirstAt(tokens: Token[], q: number): boolean {
  return movedAt(tokens, q) !== null;
}

/** the tokens with every `NAME^X_Y` of a step X rewritten as `NAME_Y^{(X)}`; the same array when there is none */
export function subscriptAfterSuperscript(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    const caret = tokens[q + 1];
    const m = movedAt(tokens, q);
    if (!m) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, q);
    const last = m.step[m.step.length - 1]!;
    const sub = m.sub;
    // a one-token subscript joins the name, as the lexer reads b_j; a braced one follows it, as w_{jk}
    if (sub.length === 1 && sub[0]!.kind === 'name')
      out.push(copy(t, { text: `${t.text}_${sub[0]!.text}`, range: spanOf(t.range, sub[0]!.range) }));
    else out.push(t, synth(caret!, 'op', '_', caret!.range), ...sub);
    if (m.plain) out.push(caret!, ...m.step);
    else {
      const open = synth(caret!, 'op', '(', m.step[0]!.range);
      out.push(caret!, synth(caret!, 'op', '{', caret!.range), open, ...m.step.map((x) => copy(x, { tight: true })));
      out.push(synth(last, 'op', ')', last.range), synth(last, 'op', '}', last.range));
    }
    q = m.end - 1;
  }
  return out ?? tokens;
}
