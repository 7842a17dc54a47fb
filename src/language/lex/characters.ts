// Characters classified by code (a table of each UTF-16 unit's Unicode class, filled on first sight): letters,
// marks, name characters, digits, invisible spaces, and the operands around an operator.

import { isScriptLetter } from '../unicodeScripts';
import type { Token } from './token';

export const LETTER = /[\p{L}\p{M}]/u;

export const MARK = /\p{M}/u;

/**
 * What each UTF-16 unit above ASCII is, asked of the Unicode regular expressions once per unit and kept
 * (bit 1: known, 2: a letter \p{L}, 4: a mark \p{M}): the lexer asks by character code, so that a file with
 * any non-Latin-1 character (σ, ∂, Σ) does not make a one-character string per character it looks at.
 */
export const UNIT_CLASS = new Uint8Array(0x10000);

export function unitClass(k: number): number {
  let c = UNIT_CLASS[k]!;
  if (c === 0) {
    const ch = String.fromCharCode(k);
    c = 1 | (LETTER.test(ch) && !MARK.test(ch) ? 2 : 0) | (MARK.test(ch) ? 4 : 0);
    UNIT_CLASS[k] = c;
  }
  return c;
}

/** a mark (\p{M}): a combining accent written on the letter before it */
export function isMarkCode(k: number): boolean {
  return k >= 0x300 && (unitClass(k) & 4) !== 0;
}

/** a letter that may start a name (not ᵀ, Σ, ∑, which are operators); NaN (past the end) is none */
export function isLetterCode(k: number): boolean {
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
  if (!(k < 0x10000) || k === 0x1d40 || k === 0x3a3 || k === 0x2211 || isScriptLetter(k)) return false;
  return (unitClass(k) & 2) !== 0;
}

/** a character that continues a name: letters, digits, combining marks (h̃, X̄) */
export function isNameCode(k: number): boolean {
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || (k >= 48 && k <= 57);
  if (!(k < 0x10000) || k === 0x1d40 || k === 0x3a3 || k === 0x2211 || isScriptLetter(k)) return false;
  return (unitClass(k) & 6) !== 0;
}

export const isDigitCode = (k: number) => k >= 48 && k <= 57;

/** a name starts at j: a letter, or a command such as \mathcal{L}, \mathbf{W}, \theta (the d of d\mathcal{L}) */
export function startsNameAt(src: string, j: number): boolean {
  const k = src.charCodeAt(j);
  if (k !== 92) return isLetterCode(k);
  const c = src.charCodeAt(j + 1);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * A letter, digit, ∂ or ∇ in a math font of Unicode's Mathematical Alphanumeric Symbols (U+1D400…U+1D7FF, two UTF-16
 * units from j: 𝐿 𝑜 𝜎 𝜕 𝐖), as Word's equation editor and Unicode-math text paste them: its plain character (as
 * \mathit{L} is L), or '' when src has none at j.
 */
export function mathAlphanumeric(src: string, j: number): string {
  if (src.charCodeAt(j) !== 0xd835) return '';
  const low = src.charCodeAt(j + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return '';
  const plain = src.slice(j, j + 2).normalize('NFKC');
  return plain.length === 1 ? plain : '';
}

/** an operator token of that text */
export const isOpTok = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'op' && t.text === text;

/**
 * ASCII operators read alone, by code (lex() makes them with no call of single()): ( ) ] * + - ^ , @ _ |. Not '[' (a
 * literal may start), nor / = : < > (what follows them decides).
 */
export const PLAIN_OPS = new Array<string | undefined>(128).fill(undefined);

for (const c of '()]*+-^,@_|') PLAIN_OPS[c.charCodeAt(0)] = c;

/** a character that ends an operand (x, 2, ), }, ], a prime) or starts one (x, 2, (, \\, {): what stands around |a||b| */
export const OPERAND_END = /[\p{L}\p{N})}\]'′]/u;

export const OPERAND_START = /[\p{L}\p{N}(\\{]/u;

/**
 * the two characters from..to stand right between an operand that ends before them and one that starts after them,
 * with no space (|a||b|); `0.5 ||y||` has its space
 */
export function betweenOperands(src: string, from: number, to: number): boolean {
  return from > 0 && OPERAND_END.test(src[from - 1]!) && to < src.length && OPERAND_START.test(src[to]!);
}

/**
 * a space one cannot see, as text pasted from a PDF, a web page or a Windows editor has: the byte-order mark
 * U+FEFF (which made a file's first line, `T = 3`, an error), the typographic spaces U+2000–U+200B, U+202F,
 * U+205F and U+3000. They separate as a space does.
 */
export function isInvisibleSpace(k: number): boolean {
  return (
    k === 0xfeff ||
    (k >= 0x2000 && k <= 0x200b) ||
    k === 0x202f ||
    k === 0x205f ||
    k === 0x3000 ||
    // Word's equations (UnicodeMath) write the function application U+2061 after tanh, the invisible times U+2062 and
    // separator U+2063, and ▒ (U+2592) between an n-ary operator's bounds and its operand: layout, as a space is
    (k >= 0x2061 && k <= 0x2063) ||
    k === 0x2592
  );
}
