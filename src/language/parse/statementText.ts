// The source text of a statement or of part of one (a check's sides as written, for messages), with the font
// commands and empty groups that leave no token put back and its spaces folded.

import { FONT_SWITCH_NAMES } from '../lexer';
import type { ParseState } from './state';

/** a font command and its open brace ending the text before a statement's first token (textOf) */
export const FONT_BEFORE = new RegExp(
  String.raw`(?:\\(?:math[a-z]+|text(?:bf|it|rm|sf|tt)|boldsymbol|bm|operatorname\*?)\s*\{|\{\s*\\(?:${FONT_SWITCH_NAMES.join('|')})\b)\s*$`,
);

/** a space other than ' ' (a tab, a line break, U+00A0, …): what folding changes, with two spaces in a row */
export const OTHER_SPACE = /[^\S ]/;

/**
 * whether folding a text's spaces (each run to one, trimmed) changes it: a space at an end, two in a row, another
 * space. One character class and indexOf scan a long check line several times faster than a loop over its
 * characters, or than one expression with the four alternatives (measured on sheet 7's checks)
 */
export function needsFold(text: string): boolean {
  const last = text.length - 1;
  return text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32 || OTHER_SPACE.test(text) || text.includes('  ');
}

/** a character /\s/ matches, by its code (no one-character string and expression per character) */
export function isSpaceCode(k: number): boolean {
  if (k <= 32) return k === 32 || (k >= 9 && k <= 13);
  if (k < 0xa0) return false;
  return (
    k === 0xa0 ||
    k === 0x1680 ||
    (k >= 0x2000 && k <= 0x200a) ||
    k === 0x2028 ||
    k === 0x2029 ||
    k === 0x202f ||
    k === 0x205f ||
    k === 0x3000 ||
    k === 0xfeff
  );
}

/**
 * the tokens from index s0 to the statement's end (its line's end: a statement's newline ends it); sets
 * statementEnd and statementTagged
 */
export function statementTokens(ps: ParseState, s0: number): number {
  let q = s0;
  let tag = false;
  for (; q < ps.tokens.length; q++) {
    const t = ps.tokens[q]!;
    if (t.tag !== null) tag = true;
    if (t.kind === 'newline' || t.kind === 'eof') break;
  }
  ps.statementEnd = q;
  ps.statementTagged = tag;
  return q - s0;
}

/** the source text from token index s0 to the last token read */
export function textFrom(ps: ParseState, s0: number): string {
  return textOf(ps, s0, ps.p);
}

/** the source text of tokens a..b-1, spaces folded */
export function textOf(ps: ParseState, a: number, b: number): string {
  if (b <= a) return '';
  let s = ps.tokens[a]!.start;
  let e = ps.tokens[b - 1]!.end;
  // a font around the first name leaves no token (\mathcal{L}_t starts at L): take the command along,
  // and the braces it leaves open at the end (\mathbf{W}), so the text is what was written. The
  // expression ends in '{': without one in the 40 characters before, it cannot match.
  if (braceWithin(ps, s, 40)) for (let m; (m = FONT_BEFORE.exec(ps.src.slice(Math.max(0, s - 40), s)));) s -= m[0].length;
  // `\left.` opening an evaluated side leaves no token: the text keeps it, as its `\right|_{t=3}` (a '.' before s
  // first: the expression ran on a slice at every call)
  if (dotBefore(ps, s)) {
    const left = /\\left\.\s*$/.exec(ps.src.slice(Math.max(0, s - 16), s));
    if (left) s -= left[0].length;
  }
  // an empty group leaves no token either (`{}^{t}W`, a transpose written on the left): the text keeps it
  let k = s - 1;
  while (k > 0 && ps.src.charCodeAt(k) === 32) k--;
  if (ps.src.charCodeAt(k) === 125) {
    const empty = /\{\s*\}\s*$/.exec(ps.src.slice(Math.max(0, k - 8), s));
    if (empty) s -= empty[0].length;
  }
  // braces left open at the end: counted only when a '}' follows (one pass over the text was most of the cost)
  if (ps.src.charCodeAt(e) === 125) {
    let open = 0;
    for (let i = s; i < e; i++) {
      const c = ps.src.charCodeAt(i);
      if (c === 123) open++;
      else if (c === 125) open--;
    }
    while (open > 0 && ps.src.charCodeAt(e) === 125) {
      e++;
      open--;
    }
  }
  const text = ps.src.slice(s, e);
  // most statements are written with single spaces: their text is the slice as it is
  return needsFold(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** whether the last character before s that is not a space is a '.' (of a `\left.`) */
export function dotBefore(ps: ParseState, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && i >= s - 16 && isSpaceCode(ps.src.charCodeAt(i))) i--;
  return ps.src.charCodeAt(i) === 46;
}

/** a '{' among the n characters before s (a bounded look, not lastIndexOf's search to the file's start) */
export function braceWithin(ps: ParseState, s: number, n: number): boolean {
  for (let i = s - 1; i >= 0 && i >= s - n; i--) if (ps.src.charCodeAt(i) === 123) return true;
  return false;
}
