// The folded characters cut into rows and the rows joined into claims: trailing labels, punctuation, ellipsis sides,
// and whether a display continues the one before.

import { tagLabel } from '../../language/tagLabel';
import type { Folded, FoldedDisplay } from '../display';
import { topLevelEquals, topLevelEqualsSigns } from '../display';
import { dropSoftHyphens } from '../pdfPaste';
import { LABEL, writtenLabel } from './labels';
import { BOUND_SIGN } from './separators';
import type { FoldState } from './state';
import { TAIL } from './writtenValues';

/**
 * a display that begins with =, + or − continues the one before (LANGUAGE.md §8), after any layout that sets the
 * sign in: `\qquad + w^2` (indented as the line above), `{} + w^2` and `{}={}` (TeX's idiom for a binary sign's
 * spacing), `\hphantom{A} = B`. Both were claims of their own: "no equality to check", or `\quad = 2` an error.
 */
const CONTINUES =
  /^(?:\s|&|\{\s*\}|\\(?:q?quad|displaystyle|[,;:! ])(?![A-Za-z])|\\(?:hspace\*?|h?phantom)\s*\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})*(?:=|\+|-|−)/;

/**
 * whether a display continues the one before: it begins with =, + or − (after layout); but one that begins with a
 * negated derivative and states its own equality (`-\frac{\partial L}{\partial h_2} = -1 - w`, the descent direction)
 * is an equation of its own: it was glued to the last side before it, `… = 1 - ∂L/∂h_2 = -1 - w`, and a right
 * equation failed
 */
function continuesBefore(chars: string): boolean {
  if (!CONTINUES.test(chars)) return false;
  return !(NEGATED_DERIVATIVE.test(chars) && topLevelEquals(chars) >= 0);
}

const NEGATED_DERIVATIVE = /^\s*[-−]\s*(?:\\left\s*)?(?:\\[dt]?frac\s*\{\s*(?:\\partial|∂|d|\\mathrm\s*\{\s*d\s*\})|\\partial|∂|\\nabla|∇)/;

/** an ellipsis alone: a row or a side that stands for what is not written */
const ELLIPSIS = /^(?:\\[vdcl]?dots[bcimo]?|\\ddots|…|⋮|⋯|\.\.\.)$/;

/** the chain with every side that is only an ellipsis blanked, with the `=` before it (same length) */
function withoutEllipsisSides(chars: string): string {
  const eqs = topLevelEqualsSigns(chars);
  if (eqs.length < 2) return chars;
  let out = chars;
  eqs.forEach((e, k) => {
    const next = k + 1 < eqs.length ? eqs[k + 1]! : chars.length;
    // the last side is never left out: a chain needs a side after its last `=`
    if (k + 1 < eqs.length && ELLIPSIS.test(chars.slice(e + 1, next).trim()))
      out = out.slice(0, e) + ' '.repeat(next - e) + out.slice(next);
  });
  return out;
}

const TRAILING_LABEL = /(^|\\q?quad|\\hfill|\s|\\[,;!])\s*(\(\s*(?:[0-9a-zA-Z.']{1,12}|\\[a-z]{3,7}|[*⋆∗†‡])\s*\))$/;

const TRAILING_LABEL_INSIDE = /(\\q?quad|\\hfill|\s|\\[,;!])\s*(\(\s*(?:[0-9a-zA-Z.']{1,12}|\\[a-z]{3,7}|[*⋆∗†‡])\s*\))$/;

/** a label `(n)` that ends the math, after `\quad`/`\qquad` or a space (seed 000 writes `… \quad (1)`) */
function trailingLabel(s: string): { text: string; start: number } | null {
  const written = writtenLabel(s);
  if (written) return written;
  // read in the row's end, trimmed (the pattern's runs of spaces made it quadratic on a long row of blanks); a label
  // is a few characters, and where the end read does not start the row `^` is no alternative
  const trimmed = s.trimEnd();
  const from = Math.max(0, trimmed.length - TAIL);
  const m = (from === 0 ? TRAILING_LABEL : TRAILING_LABEL_INSIDE).exec(trimmed.slice(from));
  if (!m) return null;
  m.index += from;
  const label = LABEL.exec(m[2]!.replace(/\s+/g, ''));
  if (!label) return null;
  // `σ' (z)` is an argument: a letter label needs `\quad` before it
  if (!/^\d/.test(label[1]!) && !m[1]!.startsWith('\\q')) return null;
  // `w (1)` could be a product: only a label when something separates it
  const start = m.index + (m[1]!.startsWith('\\') ? 0 : m[1]!.length);
  return { text: tagLabel(label[1]!), start };
}

/** a row of an align/gather that states a new equation (`y_t &= …` after `h_t &= …`) */
export function startsNewClaim(row: string): boolean {
  const t = row.trim();
  if (!t || /^(?:=|\+|-|−|\\cdot|\\times|\\pm|\\mp)/.test(t)) return false;
  return topLevelEquals(t) > 0;
}

/** the folded characters cut into rows, their labels and ranges, and the rows joined into claims */
export const foldedClaims = (fold: FoldState): FoldedDisplay => {
  if (fold.cut) fold.approximate.push(fold.cut);
  // rows, then the label and punctuation at the very end
  const rows: Folded[] = [];
  let from = 0;
  for (const b of [...fold.breaks, fold.chars.length]) {
    rows.push({ chars: fold.chars.slice(from, b).join(''), at: fold.at.slice(from, b) });
    from = b;
  }
  // a trailing `(n)` labels its own row, not only the last one: an align writes `… \quad (1) \\ … \quad (2)`,
  // and a middle row's label read as a factor `(1)` would change the claim (session 14)
  rows.forEach((r, n) => {
    const trailing = trailingLabel(r.chars);
    if (!trailing) return;
    if (!fold.tagAt.has(n)) fold.tagAt.set(n, trailing.text);
    r.chars = r.chars.slice(0, trailing.start) + ' '.repeat(r.chars.length - trailing.start);
  });
  // punctuation ends a sentence at the end of every row, not only the last (`… h^{(t)\top}, \tag{10.24} \\`)
  // (the comma of a thin space `\,` that ends a row is no punctuation: taking it left a lone `\`); a Chinese or
  // Japanese text ends its sentence with the full-width ， 。 ； ． 、 typed beside the math
  for (const r of rows) r.chars = r.chars.replace(/(?<!\\)[,.;，。；．、]\s*$/, (s) => ' '.repeat(s.length));
  // (a soft hyphen a PDF set inside a word, copied with it: `tan­h`)
  for (const r of rows) dropSoftHyphens(r);
  for (const [n, range] of fold.leadRanges) {
    const r = rows[n];
    if (!r) continue;
    r.chars += range.text;
    for (let k = 0; k < range.text.length; k++) r.at.push(range.at);
  }
  // the display's label: its first row's that has one (\tag or a trailing `(n)`), else one written after it, else
  // its first row's \label
  const firstRow = Math.min(...fold.tagAt.keys());
  const printed = fold.tagAt.get(firstRow) ?? fold.d.outerTag?.text ?? null;
  const tag = printed ?? fold.labelAt.get(Math.min(...fold.labelAt.keys())) ?? null;
  // rows that begin a new equation (gather, align with several equations) become claims of their own
  const claims: Folded[] = [];
  const rowTags: (string | null)[] = [];
  const rowLabels: (string | null)[] = [];
  rows.forEach((r, n) => {
    const prev = claims[claims.length - 1];
    const own = fold.tagAt.get(n) ?? null;
    const label = fold.labelAt.get(n) ?? null;
    if (fold.boundAt.has(n)) {
      claims.push({ chars: r.chars, at: [...r.at] });
      rowTags.push(own);
      rowLabels.push(label);
      return;
    }
    // `A = B \;\Rightarrow\; ‖A‖ ≤ ‖W‖` (an assistant's answer, probe 49): the bound the implication states is a claim of
    // its own, as a row of one is (it was dropped with the prose, unjudged and unsaid)
    if (fold.proseAt.has(n) && prev && topLevelEquals(r.chars.trim()) < 0 && BOUND_SIGN.test(r.chars)) {
      claims.push({ chars: r.chars, at: [...r.at] });
      rowTags.push(own);
      rowLabels.push(label);
      return;
    }
    if (fold.proseAt.has(n) && !startsNewClaim(r.chars)) return;
    // a row that is only `\vdots` (or `\dots`) between two equations says "and so on": layout, no part of either
    if (ELLIPSIS.test(r.chars.trim())) return;
    if (!prev || !startsNewClaim(r.chars)) {
      if (prev) {
        if (rowTags[rowTags.length - 1] === null) rowTags[rowTags.length - 1] = own;
        if (rowLabels[rowLabels.length - 1] === null) rowLabels[rowLabels.length - 1] = label;
        prev.chars += ' ' + r.chars;
        prev.at.push(r.at[0] ?? prev.at[prev.at.length - 1] ?? fold.d.contentStart);
        for (const o of r.at) prev.at.push(o);
      } else {
        claims.push({ chars: r.chars, at: [...r.at] });
        rowTags.push(own);
        rowLabels.push(label);
      }
    } else {
      claims.push({ chars: r.chars, at: [...r.at] });
      rowTags.push(own);
      rowLabels.push(label);
    }
  });
  // `A = B = \dots = C`: a side that is only an ellipsis stands for steps not written; it is left out with its `=`,
  // and the written sides are judged (it was the whole equation skipped)
  for (const cl of claims) cl.chars = withoutEllipsisSides(cl.chars);
  // a label written after the whole display (`$$ … $$ (5)`) is its last equation's
  if (claims.length > 1 && fold.d.outerTag && rowTags[rowTags.length - 1] === null) rowTags[rowTags.length - 1] = fold.d.outerTag.text;
  const rowStarts = rows
    .filter((r) => r.at.length)
    .map((r) => ({ start: r.at[0]!, tag: fold.tagAt.get(rows.indexOf(r)) ?? null, label: fold.labelAt.get(rows.indexOf(r)) ?? null }));
  return {
    tag,
    tagIsLabel: printed === null && tag !== null,
    rows: claims,
    continues: continuesBefore(claims[0]?.chars ?? ''),
    rowTags,
    rowLabels,
    rowStarts,
    approximate: fold.approximate,
    unread: fold.unread,
    defines: fold.defines,
  };
};
