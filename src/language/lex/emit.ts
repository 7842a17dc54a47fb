// Pushing tokens and errors (with their ranges on the current line), the messages several kinds of token share,
// the limit on tokens, and a line's end.

import type { Range } from '../../report';
import { LIMITS } from '../limits';
import type { LexState } from './state';
import type { TokKind } from './token';
import { Tok } from './token';

/** an unexpected character as the message names it: one that prints as nothing (or as �) by its code point */
export function unexpectedText(cp: number, text: string): string {
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0xfffd) return `unexpected character ${code} (�: the file has bytes that are not UTF-8 text)`;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || /\p{Cf}/u.test(text)) return `unexpected character ${code} (a control character)`;
  return `unexpected character '${text}'`;
}

/** gradient descent's update (`w ← w − η ∂L/∂w`, \leftarrow, \gets): it assigns, and states no equality of the network */
export const updateText = (arrow: string): string =>
  `an update (${arrow}: w ← w − η ∂L/∂w) assigns a new value, as a descent step does: no equation of the network`;

export const range = (ls: LexState, s: number, e: number): Range => ({
  line: ls.line,
  column: s - ls.lineStart + 1,
  endLine: ls.line,
  endColumn: e - ls.lineStart + 1,
});

export const push = (ls: LexState, kind: TokKind, text: string, s: number, e: number, value = 0, plus = false) => {
  ls.tokens.push(new Tok(kind, text, value, plus, s === ls.lastEnd, s, e, ls.pendingTag, ls.line, ls.lineStart));
  ls.pendingTag = null;
  ls.lastEnd = e;
  if (ls.diagCloses.length && kind === 'op' && text === ')' && ls.diagCloses[ls.diagCloses.length - 1] === s) {
    ls.diagCloses.pop();
    ls.tokens.push(new Tok('op', ')', 0, false, true, s, e, null, ls.line, ls.lineStart));
  }
};

export const error = (ls: LexState, text: string, s: number, e: number, message: string) => {
  push(ls, 'error', text, s, e);
  ls.errors.push({ message, range: range(ls, s, e) });
};

/** whether the tokens are past their limit (said, for the token from s); the lexer then stops */
export function tooManyTokens(ls: LexState, s: number): boolean {
  if (ls.tokens.length <= LIMITS.maxTokens) return false;
  ls.errors.push({
    message: `file too large: more than ${LIMITS.maxTokens.toLocaleString('en')} tokens (limit)`,
    range: range(ls, s, ls.i),
  });
  return true;
}

/**
 * The end of the line at j: the next \n or \r, found by indexOf (comments are much of a worked example's
 * text). The next \r is remembered, so that a file without one is not searched again for each comment.
 */
export function lineEnd(ls: LexState, j: number): number {
  if (ls.nextCR < j) ls.nextCR = ls.src.indexOf('\r', j) >>> 0;
  const lf = ls.src.indexOf('\n', j) >>> 0;
  return Math.min(lf, ls.nextCR, ls.n);
}
