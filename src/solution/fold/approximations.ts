// Approximations and relations that are no equality: `≈ 0.445` as a written value judged to its digits, an
// expression after ≈ cut from the claim, a rounding remark (`(4 d.p.)`).

import { MATRIX_ENVS } from './commands';
import { blank, rowEquation } from './rows';
import type { FoldState } from './state';
import { IMPLIES, WRITTEN_VALUE, rowRest, writtenLiteral } from './writtenValues';

/** ≈ and ≠ as LaTeX writes them: a relation no check states (a rounded value, a remark) */
export const APPROX = /^(?:\\approx|\\simeq|\\neq|\\ne)(?![A-Za-z])|^[≈≠]/;

/** the relations of a rounded value (not ≠) */
const ROUNDING = /^(?:\\approx|\\simeq|≈)$/;

/** how a value was rounded: 4 d.p., to 3 s.f., 3 sig. fig., rounded to 4 decimal places (the words of a remark) */
const ROUNDED_HOW = String.raw`(?:to\s+|rounded\s+to\s+)?\d+\s*(?:d\.\s?p\.?|dp|s\.\s?f\.?|sf|decimal\s+places?|decimals|sig(?:nificant|\.)?\s*fig(?:ures|s|\.)?)`;

/** a remark that a value is rounded: (4 d.p.), (to 3 s.f.), (3 sig. fig.), to 4 decimal places */
const ROUNDING_REMARK = new RegExp(
  String.raw`^\s*(?:\\q?quad|\\[,;: ]|\s)*\(?\s*\\(?:text|textrm|textit|mbox)\s*\{\s*\(?\s*${ROUNDED_HOW}\s*\)?\s*\}\s*\)?`,
  'i',
);

/** a parenthesised remark that is only how a value was rounded, `(\text{4 d.p.})` */
export const ROUNDING_ONLY = new RegExp(String.raw`^${ROUNDED_HOW}$`, 'i');

/** from i: a written value (-0.0838) and then a remark that it is rounded */
export function roundedByRemark(text: string, i: number, end: number): boolean {
  const rest = text.slice(i, Math.min(end, i + 120));
  const value = /^\s*[-−]?\s*(?:\d+\.?\d*|\.\d+)/.exec(rest);
  return !!value && ROUNDING_REMARK.test(rest.slice(value[0].length)) && writtenValueFollows(text, i, end);
}

/**
 * whether the rest of the row from i is only a written value (before a row break, a \tag, a trailing (n) and
 * punctuation): a rounded result the check judges to its digits
 */
export function writtenValueFollows(text: string, i: number, end: number): boolean {
  if (WRITTEN_VALUE.test(rowRest(text, i, end))) return true;
  // `≈ \begin{bmatrix} 0.4621 \\ 0 \end{bmatrix}`, `≈ (0.4621, 0)^T`: a vector or matrix of written values, judged entry by
  // entry to their digits as a number is (the literal read before the row's rest: its `\\` are its own rows)
  const literal = writtenLiteral(text, i, end);
  return literal >= 0 && rowRest(text, literal, end) === '';
}

/**
 * where a cut after ≈ at i ends in its row: at a later ≈ followed only by a written value (rounded: the value is
 * judged), or at an implication (the statement after it is a claim of its own); null when neither comes
 */
function cutStop(text: string, i: number, end: number): { at: number; rounded: boolean; equals?: boolean } | null {
  let depth = 0;
  for (let j = i; j < end; j++) {
    const c = text[j]!;
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (c === '⇒' || c === '⟹' || c === '∴') return { at: j, rounded: false };
    // `A = B ≈ 0.0205 − 0.0417 = −0.0212`: the value the arithmetic after ≈ ends in is the answer, rounded as that
    // arithmetic is (it was cut with it, and a wrong answer never judged)
    if (c === '=' && writtenValueFollows(text, j + 1, end)) return { at: j, rounded: true, equals: true };
    if (c !== '\\' && c !== '≈') continue;
    if (text[j + 1] === '\\' || /^\\(?:tag|label|end)(?![A-Za-z])/.test(text.slice(j, j + 8))) return null;
    const word = /^\\([A-Za-z]+)/.exec(text.slice(j, j + 20))?.[1];
    if (word && IMPLIES.has(word)) return { at: j, rounded: false };
    const relation = approximation(text, j, end);
    if (relation && ROUNDING.test(relation) && writtenValueFollows(text, j + relation.length, end)) return { at: j, rounded: true };
    if (word) j += word.length;
  }
  return null;
}

/** the approximation or inequality written at i, or null */
export function approximation(text: string, i: number, end: number): string | null {
  const c = text[i]!;
  if (c !== '\\' && c !== '≈' && c !== '≠') return null;
  return APPROX.exec(text.slice(i, Math.min(end, i + 8)))?.[0] ?? null;
}

/** the part after an approximation (≈ cut or a written value) or a relation that is no equality */
export const approximateRelation = (fold: FoldState, c: string): boolean => {
  // a matrix in the cut part (`≈ \begin{bmatrix} \tanh(0.5) \\ 0 \end{bmatrix}`): its `\\` are its rows, not the display's
  // (the cut ended at the first one and left `0 \end{bmatrix}` to read)
  if (fold.cut && c === '\\') {
    const env = /^\\(begin|end)\s*\{\s*([A-Za-z]+\*?)\s*\}/.exec(fold.text.slice(fold.i, Math.min(fold.end, fold.i + 30)));
    if (env && MATRIX_ENVS.test(env[2]!)) fold.cutMatrices = Math.max(0, fold.cutMatrices + (env[1] === 'begin' ? 1 : -1));
  }
  // the cut part's own \tag still labels the row (and a row break ends the cut)
  if (
    fold.cut &&
    !(
      c === '\\' &&
      ((fold.text[fold.i + 1] === '\\' && fold.cutMatrices === 0) ||
        /^\\(?:tag|label|nonumber|notag)(?![A-Za-z])/.test(fold.text.slice(fold.i, fold.i + 10)))
    )
  ) {
    if (c === '{') fold.braceDepth++;
    else if (c === '}') fold.braceDepth = Math.max(0, fold.braceDepth - 1);
    if (c.trim()) fold.cut.end = fold.i + 1;
    blank(fold, fold.i, fold.i + 1);
    fold.i++;
    return true;
  }
  if (fold.cut && fold.text[fold.i + 1] === '\\') {
    fold.approximate.push(fold.cut);
    fold.cut = null;
  }
  const relation =
    fold.braceDepth === 0 && fold.matrixDepth === 0 && fold.parenDepth === 0 ? approximation(fold.text, fold.i, fold.end) : null;
  // `A = B ≈ (0.5)(0.79) ≈ 0.40`: the expression after the first ≈ is cut, the written value after the last one is
  // still a link (the answer a teacher checks); the cut ends there, or at an implication (`… ≈ C \implies D = E`)
  if (relation && ROUNDING.test(relation) && !writtenValueFollows(fold.text, fold.i + relation.length, fold.end)) {
    const stop = cutStop(fold.text, fold.i + relation.length, fold.end);
    if (stop !== null && (stop.rounded || rowEquation(fold))) {
      fold.approximate.push({ start: fold.i, end: stop.at, relation });
      blank(fold, fold.i, stop.at);
      fold.i = stop.at;
      // its `=` is the ≈ cut: the value after it is judged to its digits
      if (stop.equals) {
        fold.chars.push('≈');
        fold.at.push(fold.i);
        fold.i++;
      }
      return true;
    }
  }
  // `A = B \approx 0.445` with a written value after it: a link of the chain, judged to its digits (the
  // check's ≈); the relation's text becomes ≈ at the relation's offset
  if (relation && ROUNDING.test(relation) && writtenValueFollows(fold.text, fold.i + relation.length, fold.end)) {
    fold.chars.push('≈');
    fold.at.push(fold.i);
    blank(fold, fold.i + 1, fold.i + relation.length);
    fold.i += relation.length;
    return true;
  }
  if (relation && rowEquation(fold)) {
    fold.cut = { start: fold.i, end: fold.i + relation.length, relation };
    fold.cutMatrices = 0;
    blank(fold, fold.i, fold.i + relation.length);
    fold.i += relation.length;
    return true;
  }
  return false;
};
