// Unicode input as in Lean's extension: `\sigma` followed by a space or Tab becomes σ.
// Pure (no 'vscode'; the Greek letters from src/display/latex.ts): the table and the matcher are unit-tested directly.

import { GREEK_LETTERS } from '../../display/latex';

/** Abbreviation (without the backslash) → the symbol it stands for. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // calculus and big operators
  partial: '∂',
  pd: '∂',
  d: '∂',
  'partial+': '∂⁺',
  dp: '∂⁺',
  sum: 'Σ',
  Sum: 'Σ',
  prod: '∏',
  nabla: '∇',
  // products and transpose
  cdot: '·',
  odot: '⊙',
  circ: '∘',
  hadamard: '⊙',
  times: '×',
  x: '×',
  top: 'ᵀ',
  T: 'ᵀ',
  transpose: 'ᵀ',
  // relations and arrows (for comments and checks written by hand)
  ne: '≠',
  neq: '≠',
  approx: '≈',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  to: '→',
  rightarrow: '→',
  mapsto: '↦',
  in: '∈',
  infty: '∞',
  inf: '∞',
  pm: '±',
  norm: '‖',
  '|': '‖',
  prime: '′',
  sqrt: '√',
  // superscripts and subscripts that show up in notation
  '^+': '⁺',
  '^-': '⁻',
  '^2': '²',
  '^T': 'ᵀ',
  _0: '₀',
  _1: '₁',
  _2: '₂',
  _t: 'ₜ',
  // Greek: every LaTeX letter command (\alpha, \varphi, \Gamma), and short forms
  ...GREEK_LETTERS,
  a: 'α',
  b: 'β',
  g: 'γ',
  eps: 'ε',
  th: 'θ',
  l: 'λ',
  s: 'σ',
  sig: 'σ',
};

/**
 * Binary operators keep the space that triggered them: `\odot h` reads `⊙ h`, as the operator is
 * written between spaced operands; names and functions (`\sigma (` → `σ(`) consume it.
 */
const KEEPS_TRIGGER = new Set(['·', '⊙', '∘', '×', '≠', '≈', '≤', '≥', '→', '↦', '∈', '±']);

export interface Replacement {
  /** 0-based offsets in the line: the backslash … the end of what is replaced (exclusive): the trigger
   * whitespace too, except after a binary operator, whose trigger stays */
  start: number;
  end: number;
  /** the symbol that replaces `\abbrev` (and its trigger, unless the symbol keeps it) */
  symbol: string;
  abbreviation: string;
}

/**
 * If `lineText` has `\abbrev` followed by trigger whitespace ending exactly at `end` (0-based, exclusive),
 * return the replacement. The trigger (one space, a Tab, or the spaces a Tab inserted) is consumed,
 * so `\sigma ` + `(` reads `σ(`, except after a binary operator (`\odot ` + `h` reads `⊙ h`). Longest known abbreviation wins; `\\sigma` (an escaped backslash) is left alone.
 */
export function findReplacement(lineText: string, end: number, triggerLength: number): Replacement | null {
  if (triggerLength < 1 || end > lineText.length) return null;
  const trigger = lineText.slice(end - triggerLength, end);
  if (!/^(?: |\t| +)$/.test(trigger)) return null;
  const before = lineText.slice(0, end - triggerLength);
  const m = /\\([^\\\s]+)$/.exec(before);
  if (!m) return null;
  const start = before.length - m[0].length;
  if (start > 0 && lineText[start - 1] === '\\') return null;
  const abbreviation = m[1]!;
  const symbol = ABBREVIATIONS[abbreviation];
  if (symbol === undefined) return null;
  return { start, end: KEEPS_TRIGGER.has(symbol) ? end - triggerLength : end, symbol, abbreviation };
}

/**
 * Where a text change may have completed an abbreviation: the change inserted text ending in trigger
 * whitespace and no line break. Returns the 0-based end column of the inserted text and the length of
 * its trailing whitespace, or null.
 */
export function triggerOfChange(insertedText: string, startColumn: number): { end: number; triggerLength: number } | null {
  if (insertedText.length === 0 || /[\r\n]/.test(insertedText)) return null;
  const m = /(?: |\t| +)$/.exec(insertedText);
  if (!m) return null;
  // a whole-tab insertion (several spaces) is one trigger; a typed run "a  " only its last space
  const triggerLength = insertedText === m[0] ? m[0].length : 1;
  return { end: startColumn + insertedText.length, triggerLength };
}

/** Abbreviations whose name starts with `prefix`, for completion after a backslash. */
export function abbreviationsStartingWith(prefix: string): { abbreviation: string; symbol: string }[] {
  return Object.entries(ABBREVIATIONS)
    .filter(([a]) => a.startsWith(prefix))
    .map(([abbreviation, symbol]) => ({ abbreviation, symbol }))
    .sort((x, y) => x.abbreviation.length - y.abbreviation.length || x.abbreviation.localeCompare(y.abbreviation));
}
