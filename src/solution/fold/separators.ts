// Separators between claims and signs read as others: a comma or semicolon between two equations, a decimal comma,
// a TeX comment, `:=`, ≔, ⇒.

import { topLevelEquals } from '../display';
import { roundedByRemark, writtenValueFollows } from './approximations';
import { startsNewClaim } from './claims';
import { implication } from './prose';
import { blank, rowEnd, rowEquation, rowStart } from './rows';
import type { FoldState } from './state';
import { FRACTION, GREEK_CONSTANT, LETTER, LONE_LETTER, NON_INTEGER, TAIL, WHOLE } from './writtenValues';

/**
 * A decimal comma at i, as a solution in German, French, … writes a number: where the fold puts its decimal point
 * (the comma's offset), or null. `0{,}5` (LaTeX's spelling: braces keep the comma from spacing) wherever a digit
 * stands on both sides; a bare `0,2913` only as the value a side ends with (after =, ≈, before the row's end), where
 * no list or argument can stand, and not as a thousands separator (1,000: three digits after a comma, not after 0)
 */
function decimalComma(text: string, i: number, end: number, rowTail: () => string): number | null {
  // the row's end read only at a comma before a digit: a '{' of a deep nesting read the whole row at every brace
  if (text.startsWith('{,}', i)) return /\d/.test(text[i + 3] ?? '') && /\d$/.test(rowTail()) ? i + 1 : null;
  if (text[i] !== ',' || !/\d/.test(text[i + 1] ?? '')) return null;
  const row = rowTail();
  const whole = /(?:=|≈)\s*[-−]?\s*(\d+)$/.exec(row);
  // `t = 1,2` (a range of steps, T = 2,3): a step or a count is a whole number, never a decimal
  if (!whole || /(?:^|[^\p{L}\p{N}_])[tkijnsTτ]\s*=\s*\d+$/u.test(row) || !writtenValueFollows(text, i + 1, end)) return null;
  const fraction = /^\d+/.exec(text.slice(i + 1, end))![0];
  return fraction.length === 3 && whole[1] !== '0' ? null : i;
}

/** a foreign clause word too short for its English to be written in its place (clauseWords.ts), `\text{où}` */
const UNFITTED_CLAUSE = /\\(?:text|textrm|textnormal|mbox)\s*\{\s*,?\s*(?:où|при|где|ここで|ただし|여기서|其中)\s*[:：]?\s*\}/;

/** spacing between two equations on one row (`,\quad`, `,\;`, `,~`) */
const SPACING = /\\(?:q?quad|[,;:! ])|~/g;

/**
 * whether the text after a top-level comma at i (up to the next top-level comma or row break) states an
 * equation of its own: it has its own `=`, and its left side is not a single letter (`, t = 1, \dots, T` is the
 * range of the check, `, c = 2` a value the language reads) nor a `for`/`where` clause
 */
export function commaStartsClaim(text: string, i: number, end: number, scans?: { left: number }): boolean {
  // `…, \quad δ_t \equiv …`: a definition's sign is the fold's `=` (EQUALS_CMDS), so here too (probe 47: it was read as
  // the check's range, "write the range of t")
  const rest = clauseAfter(text, i, end, scans)?.replace(DEFINITION_SIGN, '=');
  if (rest === undefined) return false;
  const eq = topLevelEquals(rest);
  if (eq <= 0 || !startsNewClaim(rest)) return false;
  // (`&` is an align's column, layout: `…, && t = 1, \dots, T` is the check's range, written in a column of its own)
  const lhs = rest.slice(0, eq).replace(SPACING, ' ').replace(/&/g, ' ').trim();
  if (/(?:^|[^A-Za-z])(?:for|where|forall|with|if)(?![A-Za-z])/.test(lhs) || UNFITTED_CLAUSE.test(lhs)) return false;
  // a letter alone is a range or a step's binding (`, t = 1, \dots, T`, `, k = 3`) — unless a fraction or a decimal
  // is its value, which no step is: a constant the equation before it reads (`≤ γ, \quad γ = \frac{1}{4}`); a Greek
  // letter but τ is no step's letter, so a whole number is its value too (`≤ (‖W‖ γ)^T, \quad γ = 1`)
  if (LONE_LETTER.test(lhs)) {
    // (a label after the value is the display's: `γ = \frac{1}{4} \tag{3}`)
    const value = rest
      .slice(eq + 1)
      .replace(TAG_OR_LABEL, ' ')
      .replace(SPACING, ' ')
      .trim();
    return NON_INTEGER.test(value) || (GREEK_CONSTANT.test(lhs) && WHOLE.test(value));
  }
  return true;
}

/** the signs that state an equality by definition: `\equiv`, `\coloneqq`, `:=`, `≡`, `\stackrel{\text{def}}{=}` */
const DEFINITION_SIGN =
  /\\(?:coloneqq|equiv|triangleq|eqqcolon|doteq)(?![A-Za-z])|:=|[≔≡≜]|\\(?:stackrel|overset)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*=\s*\}/g;

/** a display's \tag{…} or \label{…} */
const TAG_OR_LABEL = /\\(?:tag\*?|label)\s*\{[^{}]*\}/g;

/** an approximation's sign, as a row's text has it */
const APPROX_SIGN = /\\approx(?![A-Za-z])|≈/;

/** a bound's relation, as a row's text has it */
export const BOUND_SIGN = /\\(?:le|leq|ge|geq|lt|gt)(?![A-Za-z])|[<>≤≥]/;

/** a row that defines a constant: a letter alone equal to such a number (`\gamma = \frac{1}{4}`) */
const CONSTANT_ROW = new RegExp(String.raw`^\s*${LETTER}\s*=\s*${FRACTION}\s*$`);

/** the text from i to the next comma or row break outside braces, or null when the display's budget is spent */
function clauseAfter(text: string, i: number, end: number, scans?: { left: number }): string | null {
  let depth = 0;
  let j = i;
  for (; j < end; j++) {
    // a display's budget spent (thousands of spaces or commas, each scanning to the end): no more claims split off
    if (scans && --scans.left < 0) return null;
    const c = text[j]!;
    if (c === '\\') {
      if (text[j + 1] === '\\' && depth === 0) break;
      j++;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) break;
  }
  return text.slice(i, j);
}

export const texComment = (fold: FoldState, c: string): boolean => {
  if (c === '%') {
    // a TeX comment, to the end of its line
    let j = fold.i;
    while (j < fold.end && fold.text[j] !== '\n') j++;
    blank(fold, fold.i, j);
    fold.i = j;
    return true;
  }
  return false;
};

export const decimalPoint = (fold: FoldState, c: string): boolean => {
  // a decimal comma (a German or French solution's 0{,}5, or 0,2913 as the value a side ends with): a decimal point
  const comma = c === '{' || c === ',' ? decimalComma(fold.text, fold.i, fold.end, () => rowEnd(fold, TAIL)) : null;
  if (comma !== null) {
    // the braces of `{,}` leave no space: the number reads on
    fold.chars.push('.');
    fold.at.push(comma);
    fold.i = c === '{' ? fold.i + 3 : fold.i + 1;
    return true;
  }
  return false;
};

/** brackets counted; a comma or semicolon between two claims, or after a constant's definition */
export const bracketOrSeparator = (fold: FoldState, c: string): boolean => {
  if (c === '{') {
    fold.braceDepth++;
    fold.groups.push(fold.chars.length);
  } else if (c === '}') {
    fold.braceDepth = Math.max(0, fold.braceDepth - 1);
    fold.groups.pop();
  } else if (c === '(' || c === '[') fold.parenDepth++;
  else if (c === ')' || c === ']') fold.parenDepth = Math.max(0, fold.parenDepth - 1);
  // `L_1 = …, \quad L_2 = …`: two equations on one row, separated by a comma; each is a claim of its own
  // (a range `, t = 1, \dots, T` or a `where` clause stays the check's: see commaStartsClaim)
  // (`;` too: `A = B;\quad C = D`)
  else if (
    (c === ',' || c === ';') &&
    fold.braceDepth === 0 &&
    fold.parenDepth === 0 &&
    fold.matrixDepth === 0 &&
    commaStartsClaim(fold.text, fold.i + 1, fold.end, fold.scans)
  ) {
    // (after a bound too: `‖diag(σ'(x_k))‖ ≤ γ, \quad γ = \frac{1}{4}`, the bound's constant defined beside it; and
    // after a value written with ≈: `\frac{θ}{‖g‖} g ≈ [0.07, …], \quad θ = 0.1`)
    if (
      rowEquation(fold) ||
      BOUND_SIGN.test(fold.chars.slice(rowStart(fold)).join('')) ||
      APPROX_SIGN.test(fold.chars.slice(rowStart(fold)).join(''))
    ) {
      fold.breaks.push(fold.chars.length);
      fold.proseAt.add(fold.breaks.length);
      blank(fold, fold.i, fold.i + 1);
      fold.i++;
      return true;
    }
  }
  // `γ = \frac{1}{4}, \quad ‖diag(σ'(x_k))‖ ≤ γ`: a constant's definition, then the bound that reads it — two claims
  // (after anything else a bound after a comma may be a range's condition, `, \quad 1 ≤ t < T`: it stays the check's)
  else if (
    c === ',' &&
    fold.braceDepth === 0 &&
    fold.parenDepth === 0 &&
    fold.matrixDepth === 0 &&
    fold.chars.length - rowStart(fold) <= 40 &&
    CONSTANT_ROW.test(fold.chars.slice(rowStart(fold)).join('').replace(SPACING, ' ')) &&
    BOUND_SIGN.test(clauseAfter(fold.text, fold.i + 1, fold.end, fold.scans) ?? '')
  ) {
    fold.breaks.push(fold.chars.length);
    fold.boundAt.add(fold.breaks.length);
    blank(fold, fold.i, fold.i + 1);
    fold.i++;
    return true;
  }
  return false;
};

/** signs that state an equality or an implication: `:=`, ≔ ≡ ≜, ⇒, an `=` before a rounding remark */
export const definitionSign = (fold: FoldState, c: string): boolean => {
  // `L := Σ_t L_t`: a definition states the equality
  if (c === ':' && fold.text[fold.i + 1] === '=' && fold.braceDepth === 0) {
    blank(fold, fold.i, fold.i + 1);
    fold.i++;
    return true;
  }
  if ((c === '≔' || c === '≡' || c === '≜') && fold.braceDepth === 0 && fold.matrixDepth === 0) {
    fold.chars.push('=');
    fold.at.push(fold.i);
    fold.i++;
    return true;
  }
  if ((c === '⇒' || c === '⟹' || c === '∴') && fold.braceDepth === 0 && fold.matrixDepth === 0) {
    implication(fold, 1);
    return true;
  }
  // `= -0.0838 \text{ (4 d.p.)}`: a value the remark says is rounded is written as ≈ is (judged to its digits)
  if (
    c === '=' &&
    fold.braceDepth === 0 &&
    fold.matrixDepth === 0 &&
    fold.parenDepth === 0 &&
    roundedByRemark(fold.text, fold.i + 1, fold.end)
  ) {
    fold.chars.push('≈');
    fold.at.push(fold.i);
    fold.i++;
    return true;
  }
  return false;
};
