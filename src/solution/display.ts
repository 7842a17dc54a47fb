// One display equation as found in the file, and its folding into claims: the text a `check`
// line gets, with every character's file offset. Rows (`\\`) and alignment (`&`) are layout;
// labels (`\tag{…}`, a trailing `(n)`) are taken out and kept as the equation's label.

import { tagLabel } from '../language/tagLabel';
import { approximateRelation } from './fold/approximations';
import { foldedClaims } from './fold/claims';
import {
  environmentCommand,
  layoutCommand,
  mathBoxCommand,
  overCommand,
  rowBreak,
  setCommand,
  solutionCommand,
  wrapperCommand,
} from './fold/commands';
import { barCommand, evaluate } from './fold/evaluationBars';
import { LABEL } from './fold/labels';
import { leadQuantifier, parenRemark, proseCommand } from './fold/prose';
import { blank, sideStart } from './fold/rows';
import { bracketOrSeparator, decimalPoint, definitionSign, texComment } from './fold/separators';
import { FoldState } from './fold/state';
import type { Macro } from './macros';

/** a display equation found by a reader (Markdown or LaTeX) */
export interface Display {
  /** file offsets of the whole display, delimiters included (end exclusive) */
  start: number;
  end: number;
  /** file offsets of the math between the delimiters */
  contentStart: number;
  contentEnd: number;
  /** a label written outside the math: `$$ … $$ (19)` or `(19)` on the next line */
  outerTag: { text: string; start: number; end: number } | null;
  /** container markers inside the math (a block quote's `> ` on each later line): file offsets, never read */
  holes?: { start: number; end: number }[];
}

/** one claim's folded text: chars[i] came from file offset at[i] */
export interface Folded {
  chars: string;
  at: number[];
}

export interface FoldedDisplay {
  tag: string | null;
  /** the tag is a \label's name (no \tag, trailing `(n)` or label after the display names it): a printed label of a
   *  display a chain continues into is the link's before it */
  tagIsLabel: boolean;
  /** claims in this display; the first may continue the display before (see `continues`) */
  rows: Folded[];
  /** the first row begins with `=`, `+` or `−`: it belongs to the chain of the display before */
  continues: boolean;
  /** per claim of `rows`, the \tag{…} written in its own rows (an align with one \tag per equation) */
  rowTags: (string | null)[];
  /** per claim of `rows`, the name of the first \label{…} in its rows, where it has no \tag */
  rowLabels: (string | null)[];
  /** every row (`\\`): the file offset where it starts, and its own \tag (or \label) if it has one (a chain's later link's label) */
  rowStarts: { start: number; tag: string | null; label: string | null }[];
  /** the parts after an approximation or inequality (`= … \approx 0.445`), left out of the claim: file offsets */
  approximate: { start: number; end: number; relation: string }[];
  /** notation of the display that does not read (an evaluation bar it cannot bind): why its claims are skipped */
  unread: string | null;
  /** the macros it defines (`$$\newcommand{\pd}[2]{…}$$`, a Markdown solution's preamble), without the backslash */
  defines: string[];
}

/** index of the first `=` outside braces and brackets (not `\leq`-like commands), or -1 */
export function topLevelEquals(s: string): number {
  return topLevelEqualsSigns(s, true)[0] ?? -1;
}

/** indices of the `=` (and a kept rounded value's `≈`) outside braces and brackets (a command's next character skipped): all, or only the first */
export function topLevelEqualsSigns(s: string, onlyFirst = false): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if ((c === '=' || c === '≈') && depth === 0) {
      out.push(i);
      if (onlyFirst) break;
    }
  }
  return out;
}

/** a standalone label line: `(19)`, `  (21)  ` */
export function labelLine(line: string): string | null {
  // `$$ … $$ (6).`: the sentence's full stop (or comma) after the label is no part of it
  const m = LABEL.exec(
    line
      .trim()
      .replace(/\s+/g, '')
      .replace(/[)）][.,;，。；．、]$/, ')'),
  );
  return m ? tagLabel(m[1]!) : null;
}

/** fold the math of a display (text = the whole file) into rows of claims */
export function foldDisplay(text: string, d: Display, macros: Map<string, Macro> = new Map()): FoldedDisplay {
  const fold = new FoldState(text, d, macros);
  blank(fold, fold.d.contentStart, fold.i);
  while (fold.i < fold.end) {
    const hole = fold.holes.get(fold.i);
    if (hole !== undefined) {
      blank(fold, fold.i, hole);
      fold.i = hole;
      continue;
    }
    // a physics command's reading (`\pdv{L}{h}` as `\frac{\partial L}{\partial h}`): its characters at this place
    const rewrite = fold.rewrites.get(fold.i);
    if (rewrite) {
      fold.rewrites.delete(fold.i);
      for (const ch of rewrite.text) {
        fold.chars.push(ch);
        fold.at.push(fold.i);
      }
      if (rewrite.matrix) fold.matrixDepth = Math.max(0, fold.matrixDepth + rewrite.matrix);
      fold.i += rewrite.skip;
      continue;
    }
    // a wrapper's closing part (`\boxed{…}`'s `}`, `\fbox{$…$}`'s `$}`, a range's `\}`): blanked
    if (fold.unwrap.has(fold.i)) {
      blank(fold, fold.i, fold.i + 1);
      fold.i++;
      continue;
    }
    const c = fold.text[fold.i]!;
    if (approximateRelation(fold, c)) continue;
    if (leadQuantifier(fold, c)) continue;
    if (c === '\\') {
      const m = /^\\(?:([A-Za-z]+)\*?|[\s\S])?/.exec(fold.text.slice(fold.i, Math.min(fold.end, fold.i + 40)))!;
      const word = m[1];
      if (rowBreak(fold)) continue;
      if (solutionCommand(fold, m, word)) continue;
      if (layoutCommand(fold, m, word)) continue;
      if (proseCommand(fold, m, word)) continue;
      if (wrapperCommand(fold, m, word)) continue;
      if (barCommand(fold, word)) continue;
      if (overCommand(fold, m, word)) continue;
      if (mathBoxCommand(fold, m, word)) continue;
      if (setCommand(fold, word)) continue;
      if (environmentCommand(fold, m, word)) continue;
      for (let k = 0; k < m[0].length; k++) {
        fold.chars.push(fold.text[fold.i + k]!);
        fold.at.push(fold.i + k);
      }
      fold.i += m[0].length;
      continue;
    }
    if (c === '|' && fold.braceDepth === 0 && evaluate(fold, sideStart(fold), fold.i + 1, false)) continue;
    if (texComment(fold, c)) continue;
    if (parenRemark(fold, c)) continue;
    if (decimalPoint(fold, c)) continue;
    if (bracketOrSeparator(fold, c)) continue;
    if (definitionSign(fold, c)) continue;
    // `~` is TeX's unbreakable space (`L~=~…`), never an operator in math
    const keep = c === '\n' || c === '\r' || c === '\t' || c === '~' || (c === '&' && fold.matrixDepth === 0) ? ' ' : c;
    fold.chars.push(keep);
    fold.at.push(fold.i);
    fold.i++;
  }
  return foldedClaims(fold);
}
