// Prose inside math: a lead quantifier (∀ t ∈ {…}:, \text{for all } t), a connective in \text{…} that ends the
// claim, an implication between two claims, a remark in parentheses.

import { ROUNDING_ONLY } from './approximations';
import { braced } from './commands';
import { LABEL_BODY } from './labels';
import { blank, rowBlank, rowEnd } from './rows';
import type { FoldState } from './state';
import { IMPLIES, TAIL } from './writtenValues';

/**
 * `\forall t:`, `\text{for all } t \in \{1, \dots, T\}:`, `\forall t = 1, …, T,`, `∀t ∈ {1, …, T}:` — every step, before the
 * equation; a narrower range (`\{2, \dots, T\}`, `{1, …, T-1}`) has its bounds in groups 1 and 2
 */
const QUANTIFIER = new RegExp(
  String.raw`^(?:\\forall|∀|\\text\s*\{\s*[Ff]or\s+(?:all|every|each)\s*\})\s*t\s*` +
    String.raw`(?:(?:(?:\\in|∈)\s*\\?\{|=)\s*(\d+)\s*,\s*(?:\\[lc]?dots|…)\s*,\s*(T(?:\s*[-−]\s*\d+)?|\d+)\s*(?:\\?\})?\s*)?(?::|,|\\colon|\\quad|\\qquad)`,
);

/**
 * a leading quantifier's range as the check's own range written after the equation reads it (`\quad \forall t \in
 * \{2,\dots,T\}`), or '' for every step (1..T, or none written: the check's default)
 */
export function leadRange(lead: RegExpExecArray): string {
  const [lo, hi] = [lead[1], lead[2]?.replace(/\s+/g, '').replace('−', '-')];
  if (lo === undefined || hi === undefined || (lo === '1' && hi === 'T')) return '';
  return ` \\quad \\forall t \\in \\{${lo},\\dots,${hi}\\} `;
}

/** commands whose argument is prose */
const TEXT_CMDS = new Set(['text', 'textrm', 'textnormal', 'mbox', 'textit', 'textup']);

/**
 * prose that joins two statements or adds a reason (`\text{since }`, `\text{, and }`, `\text{i.e. }`), or leads in the
 * answer restated (`\textbf{Answer: }`, also in bold: a bold word elsewhere may be a name, \textbf{W}); not `for`,
 * `where`, `with` or `if`, which the language reads as a check's range and clauses
 */
const CONNECTIVE =
  /^\s*[,;.]?\s*(?:since|because|as|so|and|hence|thus|therefore|then|i\.\s?e\.?|e\.\s?g\.?|using|by|giving|which gives|so that|and so|and thus|or|we get|we have|gives|answer|result)(?:\s|[,.:;]|$)/i;

/**
 * After a row that ends with a range at one step (`\text{for } t = 2`), a `\text{ and }` (or `or`) and the same letter
 * set to another step (`t = 3`): the length of `t =` after the word, to be read as the list's comma; else 0
 */
function nextStep(row: string, word: string, after: string): number {
  if (!/^\s*(?:and|or|,)\s*$/.test(word)) return 0;
  const range = /(?:\\text\s*\{\s*for\s*\}|\\forall|\bfor)\s*([A-Za-z])\s*=\s*(?:\d+|T(?:\s*-\s*\d+)?)\s*$/.exec(row);
  if (!range) return 0;
  const next = new RegExp(`^\\s*${range[1]}\\s*=(?=\\s*(?:\\d|T))`).exec(after);
  return next ? next[0].length : 0;
}

/**
 * the offsets of the `)` that closes a reason opened in a text command (`\text{(since } … \text{)}` or `… )`), from i
 * to the row's end: the whole `\text{)}` or the lone `)`; none when the row has no such `)`
 */
function closingParen(text: string, i: number, end: number): number[] {
  let depth = 0;
  for (let k = i; k < end; k++) {
    const c = text[k]!;
    if (c === '\\' && text[k + 1] === '\\') return [];
    const closer = /^\\(?:text|textrm|textit|textup|textnormal|mbox)\s*\{\s*\)\s*\}/.exec(text.slice(k, k + 20));
    if (closer && depth === 0) return Array.from({ length: closer[0].length }, (_, n) => k + n);
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return [k];
      depth--;
    }
  }
  return [];
}

/**
 * the end of a parenthesised remark at i, `(\text{since } h_3 \text{ depends on } h_2)`: a group that opens with prose
 * which is no range or clause of the check (`(\text{for } t < T)`, `(\text{where } …)`) and no label (`(\text{a})`);
 * -1 when there is none
 */
function proseRemark(text: string, i: number, end: number): number {
  const m = /^[([]\s*\\(text|textrm|textit|textup|textnormal|textbf|mbox|emph)\s*\{([^{}]*)\}/.exec(text.slice(i, Math.min(end, i + 200)));
  if (!m) return -1;
  // `(\text{goal}_T − \text{pred}_T)`: a word with a script on it is a name written upright (the lexer's), no remark
  if (/^[_^]/.test(text.slice(i + m[0].length, i + m[0].length + 1))) return -1;
  const words = m[2]!.trim();
  // `(\text{4 d.p.})`: how a value was rounded, a remark with no word of two letters
  const rounding = ROUNDING_ONLY.test(words);
  // a bold word of two letters may be a name (\textbf{W}, \textbf{Wx}): a bold remark has three or more
  if (
    !rounding &&
    (!(m[1] === 'textbf' ? /[A-Za-z]{3}/ : /[A-Za-z]{2}/).test(words) || /^[,;]?\s*(?:for|if|where|with|when)\b/i.test(words))
  )
    return -1;
  if (!rounding && new RegExp(String.raw`^${LABEL_BODY}$`, 'i').test(words)) return -1;
  // `[\text{chain rule}]` as `(\text{chain rule})`
  const open = text[i]!,
    close = open === '(' ? ')' : ']';
  let depth = 0;
  for (let k = i; k < end; k++) {
    const c = text[k]!;
    if (c === '\\') {
      // a row break ends the row before the remark closes: no remark
      if (text[k + 1] === '\\') return -1;
      k++;
    } else if (c === open || c === '{') depth++;
    else if (c === close || c === '}') {
      depth--;
      if (depth === 0) return c === close ? k + 1 : -1;
    } else if (c === '\n' && text[k + 1] === '\n') return -1;
  }
  return -1;
}

/** an implication of `len` characters at i: a break between two claims (nothing before it in its row: a lead-in) */
export const implication = (fold: FoldState, len: number) => {
  if (!rowBlank(fold)) {
    fold.breaks.push(fold.chars.length);
    fold.proseAt.add(fold.breaks.length);
  }
  blank(fold, fold.i, fold.i + len);
  fold.i += len;
};

export const leadQuantifier = (fold: FoldState, c: string): boolean => {
  // `∀ t ∈ {1, …, T}:` before a row's equation, as `\forall t \in \{1, \dots, T\}:` below (after it, the lexer reads ∀ as \forall)
  return c === '∀' && fold.braceDepth === 0 && fold.matrixDepth === 0 && quantifierAt(fold);
};

/** a lead quantifier at the cursor, at the start of its row: its narrower range kept for the row's end, the lead blanked */
function quantifierAt(fold: FoldState): boolean {
  const lead = rowBlank(fold) ? QUANTIFIER.exec(fold.text.slice(fold.i, Math.min(fold.end, fold.i + 120))) : null;
  if (!lead) return false;
  const range = leadRange(lead);
  if (range) fold.leadRanges.set(fold.breaks.length, { text: range, at: fold.i });
  blank(fold, fold.i, fold.i + lead[0].length);
  fold.i += lead[0].length;
  return true;
}

export const parenRemark = (fold: FoldState, c: string): boolean => {
  // `\quad (\text{by the chain rule})`, `(\text{since } h_3 \text{ depends on } h_2)`: a remark in parentheses is
  // prose, as `\text{(by the chain rule)}` is (it was "expected a value" and the equation skipped)
  if ((c === '(' || c === '[') && fold.braceDepth === 0 && fold.matrixDepth === 0 && /(?:^|\s|\\q?quad)$/.test(rowEnd(fold, 6))) {
    const close = proseRemark(fold.text, fold.i, fold.end);
    if (close > 0) {
      blank(fold, fold.i, close);
      fold.i = close;
      return true;
    }
  }
  return false;
};

/** prose: a lead quantifier (\forall t, \text{for all}), a connective in \text{…}, an implication */
export const proseCommand = (fold: FoldState, m: RegExpExecArray, word: string | undefined): boolean => {
  // `\forall t:` or `\text{for all } t,` before a row's equation: every step, as a check is by default; a narrower
  // range, `t \in \{2, …, T\}`, is the check's range, put after the row's equation where the reader takes one
  if ((word === 'forall' || (word && TEXT_CMDS.has(word))) && fold.braceDepth === 0 && fold.matrixDepth === 0 && quantifierAt(fold))
    return true;
  // `A = B \quad\text{since } C = D`: a connective in prose ends the claim; what follows is a claim of its own
  // when it states an equality, else a remark that is not checked
  if (word && (TEXT_CMDS.has(word) || word === 'textbf') && fold.braceDepth === 0 && fold.matrixDepth === 0) {
    const arg = braced(fold.text, fold.i + m[0].length, fold.end);
    const stated = !rowBlank(fold);
    // `\text{for } t = 2 \text{ and } t = 3`: a second step of the range, not a claim `t = 3` of its own (it
    // failed as one); read as the list `t = 2, 3`
    const more =
      arg && stated ? nextStep(rowEnd(fold, TAIL), fold.text.slice(arg.start + 1, arg.end - 1), fold.text.slice(arg.end, fold.end)) : 0;
    if (more) {
      fold.chars.push(',');
      fold.at.push(arg!.start);
      blank(fold, arg!.start + 1, arg!.end + more);
      fold.i = arg!.end + more;
      return true;
    }
    const prose = arg ? fold.text.slice(arg.start + 1, arg.end - 1) : '';
    // `\text{(since } h_0 = 0\text{)}`: a reason in parentheses opened inside the text; its closing `)` is dropped
    const opened = /^\s*\(/.test(prose) && CONNECTIVE.test(prose.replace(/^\s*\(/, ''));
    if (arg && stated && (opened || CONNECTIVE.test(prose))) {
      if (opened) for (const k of closingParen(fold.text, arg.end, fold.end)) fold.unwrap.add(k);
      fold.breaks.push(fold.chars.length);
      fold.proseAt.add(fold.breaks.length);
      blank(fold, fold.i, arg.end);
      fold.i = arg.end;
      return true;
    }
  }
  // `A = B \Rightarrow C = D`: an implication joins two statements as `\text{hence}` does (session 14: it was
  // an unknown command, and neither side was checked)
  // (at the start of a row, `\Rightarrow L_3 = …`, it only leads in)
  if (word && IMPLIES.has(word) && fold.braceDepth === 0 && fold.matrixDepth === 0) {
    implication(fold, m[0].length);
    return true;
  }
  return false;
};
