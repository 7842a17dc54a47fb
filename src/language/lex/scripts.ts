// Subscripts and superscripts: ^ and _, Unicode script digits and letters (h₍ₜ₎, h⁽ᵗ⁻¹⁾), a lower bound's end.

import { scriptRun } from '../unicodeScripts';
import { isOpTok } from './characters';
import { push, range } from './emit';
import { lex } from '../lexer';
import type { LexState } from './state';
import { Tok } from './token';

/** subscript digits ₀…₉ are U+2080…U+2089 */
export const isSubscriptDigit = (k: number) => k >= 0x2080 && k <= 0x2089;

/** superscript digits ⁰…⁹ → their value, else -1 */
export function superDigit(k: number): number {
  if (k === 0x2070) return 0;
  if (k === 0xb9) return 1;
  if (k === 0xb2) return 2;
  if (k === 0xb3) return 3;
  if (k >= 0x2074 && k <= 0x2079) return k - 0x2070;
  return -1;
}

export const SUPER_MINUS = 0x207b;

/**
 * the run of Unicode scripts at i (h⁽ᵗ⁻¹⁾'s ⁽ᵗ⁻¹⁾) as the tokens of the LaTeX it prints, `^{(t-1)}`, each one spanning
 * the run; false where no such run starts (digits alone and ᵀ alone are read as before)
 */
export function scripts(ls: LexState): boolean {
  const run = scriptRun(ls.src, ls.i, afterLowerBound(ls));
  if (!run) return false;
  const s = ls.i;
  const sub = lex(run.latex);
  sub.tokens.forEach((t, q) => {
    if (t.kind === 'newline' || t.kind === 'eof') return;
    ls.tokens.push(new Tok(t.kind, t.text, t.value, t.plus, q === 0 ? s === ls.lastEnd : t.tight, s, run.end, null, ls.line, ls.lineStart));
  });
  for (const e of sub.errors) ls.errors.push({ message: e.message, range: range(ls, s, run.end) });
  ls.lastEnd = run.end;
  ls.i = run.end;
  return true;
}

/** whether the last tokens are a Σ's or ∏'s lower bound, `Σ _ { … }` (the script after it is the upper bound) */
export function afterLowerBound(ls: LexState): boolean {
  let q = ls.tokens.length - 1;
  if (!isOpTok(ls.tokens[q], '}')) return false;
  for (let depth = 0; q >= 0; q--) {
    if (isOpTok(ls.tokens[q], '}')) depth++;
    else if (isOpTok(ls.tokens[q], '{') && --depth === 0) break;
  }
  return q >= 2 && isOpTok(ls.tokens[q - 1], '_') && ls.tokens[q - 2]!.kind === 'bigop';
}

/** ², ⁻¹: '^', then '-' and the number */
export function superscript(ls: LexState) {
  const s = ls.i;
  const neg = ls.src.charCodeAt(ls.i) === SUPER_MINUS;
  if (neg) ls.i++;
  let v = 0;
  let d: number;
  while ((d = superDigit(ls.src.charCodeAt(ls.i))) >= 0) {
    v = v * 10 + d;
    ls.i++;
  }
  push(ls, 'op', '^', s, ls.i);
  if (neg) push(ls, 'op', '-', s, ls.i);
  push(ls, 'num', String(v), s, ls.i, v);
}
