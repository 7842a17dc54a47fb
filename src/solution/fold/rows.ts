// The folded characters and the current row: blanking source text, where the row starts, whether it is blank or
// has an `=`, its last characters, where its claim and its side begin.

import { topLevelEqualsSigns } from '../display';
import { startsNewClaim } from './claims';
import type { FoldState } from './state';

export const blank = (fold: FoldState, from: number, to: number) => {
  for (let k = from; k < to; k++) {
    fold.chars.push(' ');
    fold.at.push(k);
  }
};

/** where the current row begins in chars (after the last row break) */
export const rowStart = (fold: FoldState) => (fold.breaks.length ? fold.breaks[fold.breaks.length - 1]! : 0);

export const current = (fold: FoldState) => {
  const start = rowStart(fold);
  if (fold.kept.start !== start || fold.kept.len > fold.chars.length)
    fold.kept = { start, len: start, blank: true, depth: 0, skip: false, equals: -1 };
  if (fold.kept.len < fold.chars.length) {
    const more = fold.chars.slice(fold.kept.len).join('');
    // topLevelEqualsSigns's scan, carried on: a command's next character skipped, brackets counted
    for (let k = 0; k < more.length; k++) {
      const c = more[k]!;
      if (fold.kept.blank && !/\s/.test(c)) fold.kept.blank = false;
      if (fold.kept.equals >= 0) continue;
      if (fold.kept.skip) fold.kept.skip = false;
      else if (c === '\\') fold.kept.skip = true;
      else if (c === '{' || c === '(' || c === '[') fold.kept.depth++;
      else if (c === '}' || c === ')' || c === ']') fold.kept.depth = Math.max(0, fold.kept.depth - 1);
      else if ((c === '=' || c === '≈') && fold.kept.depth === 0) fold.kept.equals = fold.kept.len - start + k;
    }
    fold.kept.len = fold.chars.length;
  }
  return fold.kept;
};

/** nothing but spaces in the current row so far */
export const rowBlank = (fold: FoldState) => current(fold).blank;

/** the current row has an `=` outside brackets (topLevelEquals of its text) */
export const rowEquation = (fold: FoldState) => current(fold).equals >= 0;

export const edited = (fold: FoldState) => {
  fold.kept = { start: -1, len: 0, blank: true, depth: 0, skip: false, equals: -1 };
};

/** the current row's last n characters at most (a test of how the row ends, in constant time per character) */
export const rowEnd = (fold: FoldState, n: number) => fold.chars.slice(Math.max(rowStart(fold), fold.chars.length - n)).join('');

/** where the equation that the current row belongs to begins: the last row that starts a claim of its own */
export const claimStart = (fold: FoldState): number => {
  for (let n = fold.breaks.length; n > 0; n--) {
    const row = fold.chars.slice(fold.breaks[n - 1]!, n < fold.breaks.length ? fold.breaks[n]! : fold.chars.length).join('');
    if (startsNewClaim(row)) return fold.breaks[n - 1]!;
  }
  return 0;
};

/** where a bar without `\left.` begins its expression: after the row's last top-level `=` */
export const sideStart = (fold: FoldState): number => {
  const from = rowStart(fold);
  const eqs = topLevelEqualsSigns(fold.chars.slice(from).join(''));
  return eqs.length ? from + eqs[eqs.length - 1]! + 1 : from;
};
