// LaTeX commands in a display: row breaks, the solution's macros and the physics package, layout (\newline,
// spacing, \tag, \label), wrappers read as their content, \over, text boxes, \in, environments.

import { END_MARKS } from '../../language/lexer';
import { tagLabel } from '../../language/tagLabel';
import { definitionAt, expandMacro, matchBrace } from '../macros';
import { physicsUse } from '../physics';
import { blank, current, edited, rowEnd, rowEquation, rowStart } from './rows';
import { commaStartsClaim } from './separators';
import type { FoldState } from './state';
import { TAIL } from './writtenValues';

/** environments whose `&` and `\\` are content, not layout (a matrix literal) */
export const MATRIX_ENVS = /^(?:[bpvBV]?matrix|smallmatrix|array|cases)\*?$/;

/** wrappers that are only layout */
export const LAYOUT_ENVS =
  /^(?:aligned|alignedat|split|gathered|align|align\*|equation|equation\*|displaymath|gather|gather\*|eqnarray|eqnarray\*|multline|multline\*|alignat|alignat\*|flalign|flalign\*)$/;

/** a Σ, ∏ or operator a stacked label is a bound of (`\underset{t=1}{\sum}`, `\underset{W}{\arg\min}`) */
const BIG_OPERATOR = /\\(?:sum|prod|max|min|lim|arg|sup|inf|bigoplus|bigodot)(?![A-Za-z])|[Σ∑∏]|^\s*$/;

/** commands that frame or colour their content: `\boxed{X}`, `\textcolor{c}{X}`, `\colorbox{c}{X}` */
const WRAPPERS = new Set(['boxed', 'textcolor', 'colorbox']);

/**
 * commands that set their one argument as it is, only its spacing, overlap or strike changed: `\smash[b]{X}`,
 * `\mathrel{X}`, mathtools' `\mathrlap{X}`, the cancel package's `\cancel{X}` (a term struck through to show it cancels
 * is still written). Each was "unknown LaTeX command" and its equation skipped (session 30).
 */
const LAYOUT_WRAPPERS = new Set([
  'smash',
  'mathrel',
  'mathbin',
  'mathord',
  'mathpunct',
  'mathinner',
  'mathrlap',
  'mathllap',
  'mathclap',
  'rlap',
  'llap',
  'clap',
  'cancel',
  'bcancel',
  'xcancel',
  // eqnarray's long left side, `\lefteqn{∂L/∂h_3} \\ &= …`: it only lets the side run into the next columns
  'lefteqn',
]);

/** invisible: `\phantom{=}` sets only the space its content takes (`&\phantom{=} + …` aligns a continued row) */
const PHANTOMS = new Set(['phantom', 'hphantom', 'vphantom']);

/**
 * after `\begin{ENV}` at j: past the environment's own arguments, which are layout — alignat's column count
 * `{2}`, aligned's and gathered's position `[t]`
 */
export function layoutArguments(text: string, env: string, j: number, end: number): number {
  if (/^(?:alignat\*?|alignedat|xalignat\*?)$/.test(env)) j = braced(text, j, end)?.end ?? j;
  if (/^(?:aligned|alignedat|gathered|split)$/.test(env)) {
    const pos = /^\s*\[[tbc]\]/.exec(text.slice(j, Math.min(end, j + 8)));
    if (pos) j += pos[0].length;
  }
  return j;
}

/** relations that state an equality (a definition, an identity) */
export const EQUALS_CMDS = new Set(['coloneqq', 'equiv', 'triangleq', 'eqqcolon', 'doteq']);

/** a range after a space: `t = 2, \dots, T` */
const SPACED_RANGE = /^(?:\s|\\[,;:! ]|\\q?quad|~)*[A-Za-z]\s*=\s*[^=,{}]+,\s*(?:\\[lc]?dots|…)\s*,\s*[^=,]+$/;

/** a row so far that ends with a clause word (`… \text{where}`): what follows is its clause, not a claim */
const CLAUSE_END = /(?:^|[^A-Za-z])(?:where|with|for|if|and|let|letting|using|given)\s*[,:]?\s*\}?\s*$/i;

/** space between two equations on one row */
const SPACERS = new Set(['quad', 'qquad', 'hspace', 'enspace', 'hfill']);

/** text boxes that may hold math: `\fbox{$…$}` */
const MATH_BOXES = new Set(['fbox', 'mbox', 'text', 'hbox', 'framebox', 'textrm', 'textnormal']);

/** a name after a comma or a wide space at the end of a row, which a following `\in \mathbb{R}…` is said of */
const REMARK_SUBJECT =
  /(?:,\s*|\\q?quad(?![A-Za-z])\s*|\\[,;:]\s*)+(?:\\(?:mathbf|boldsymbol|bm)\s*\{[^{}]*\}|\\?[A-Za-z]+)(?:\s*(?:_|\^)\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*\s*$/;

/** membership in a real space, `\in \mathbb{R}^{n \times m}` (also `ℝ^q`, `\R^n`): a note on a side's shape */
const REAL_SPACE =
  /^\\in\s*(?:\\mathbb\s*\{\s*R\s*\}|\\mathbb\s*R(?![A-Za-z])|ℝ|\\R(?![A-Za-z]))(?:\s*\^\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?/;

/** `{…}` starting at i (after optional spaces and a star: `\\tag*{…}`): its offsets, braces included */
export function braced(text: string, i: number, end: number): { start: number; end: number } | null {
  let j = i;
  while (j < end && (text[j] === ' ' || text[j] === '*')) j++;
  return matchBrace(text, j, end);
}

export const rowBreak = (fold: FoldState): boolean => {
  if (fold.text[fold.i + 1] === '\\' && fold.matrixDepth === 0) {
    // a row break, with its optional spacing `\\[2pt]`; `\\*` forbids a page break there (its `*` was read as a product)
    let j = fold.text[fold.i + 2] === '*' ? fold.i + 3 : fold.i + 2;
    const sp = /^\s*\[[^\]\n]{0,20}\]/.exec(fold.text.slice(j, Math.min(fold.end, j + 30)));
    if (sp) j += sp[0].length;
    if (fold.braceDepth === 0) fold.breaks.push(fold.chars.length);
    blank(fold, fold.i, j);
    fold.i = j;
    return true;
  }
  return false;
};

/** the solution's own commands: its macros' uses, the physics package's, and macro definitions */
export const solutionCommand = (fold: FoldState, m: RegExpExecArray, word: string | undefined): boolean => {
  // the solution's own macro (`\pd{L}{h_t}` after `\newcommand{\pd}[2]{…}`): what it stands for
  if (word && fold.macros.has(word) && !m[0].endsWith('*')) {
    const use = expandMacro(fold.text, fold.macros, word, fold.i, fold.i + m[0].length, fold.end);
    if (use) {
      // offsets in file order, the last one the use's end: a side's range covers the whole use
      let run = fold.i;
      use.at.forEach((o, k) => {
        run = Math.max(run, k === use.at.length - 1 ? use.end - 1 : o);
        fold.chars.push(use.chars[k]!);
        fold.at.push(run);
      });
      fold.i = use.end;
      return true;
    }
  }
  // `\pdv{L}{h_t}`, `\qty(…)`, `\vb{h}`, `\mqty(…)` (the physics package): what each prints, its arguments folded on
  const physics =
    word && !fold.macros.has(word) ? physicsUse(fold.text, word, fold.i, fold.i + m[0].length, fold.end, m[0].endsWith('*')) : null;
  if (physics) {
    for (const [k, r] of physics.rewrites) {
      // an insertion already waiting at k (an outer \pdv's ∂ before this command) goes first
      const had = fold.rewrites.get(k);
      fold.rewrites.set(k, had && had.skip === 0 && k !== fold.i ? { ...r, text: had.text + r.text } : r);
    }
    return true;
  }
  // `\newcommand{\pd}[2]{…}` in a display (a Markdown solution's preamble): a definition, no part of the equation
  // (readMacros found it; it was "unknown LaTeX command \newcommand" and the equation after it skipped)
  const definition =
    word && /^(?:(?:re)?newcommand|providecommand|DeclareMathOperator|def|let|(?:New|Renew|Provide|Declare)DocumentCommand)$/.test(word)
      ? definitionAt(fold.text, fold.i, fold.end)
      : null;
  if (definition) {
    fold.defines.push(definition.name);
    blank(fold, fold.i, definition.end);
    fold.i = definition.end;
    return true;
  }
  return false;
};

/** layout commands: \newline, \vspace, \color, wide spaces between claims, \tag and \label */
export const layoutCommand = (fold: FoldState, m: RegExpExecArray, word: string | undefined): boolean => {
  // `\newline` is a row break, as `\\` is; `\vspace{…}` is layout, and so is `{\color{red} …}`'s colour
  if (word === 'newline' && fold.matrixDepth === 0) {
    if (fold.braceDepth === 0) fold.breaks.push(fold.chars.length);
    blank(fold, fold.i, fold.i + m[0].length);
    fold.i += m[0].length;
    return true;
  }
  if (word === 'vspace' || word === 'color') {
    const arg = braced(fold.text, fold.i + m[0].length, fold.end);
    // `\color{red}{A = B}` (as \textcolor is written): the group after the colour is its content, as written
    // (kept a group, its `=` was inside braces and the display "no equality to check")
    const content = arg && word === 'color' ? braced(fold.text, arg.end, fold.end) : null;
    if (content) {
      blank(fold, fold.i, content.start + 1);
      fold.unwrap.add(content.end - 1);
      fold.i = content.start + 1;
      return true;
    }
    if (arg) {
      blank(fold, fold.i, arg.end);
      fold.i = arg.end;
      return true;
    }
  }
  // `A = B \qquad C = D`: two equations side by side, set apart by space only, are two claims (session 15: read as
  // one chain A = B·C = D, a false fails); a range or a clause after the space (`\quad t = 1, …, T`) is no claim
  if (word && SPACERS.has(word) && fold.braceDepth === 0 && fold.parenDepth === 0 && fold.matrixDepth === 0) {
    const arg = word === 'hspace' ? braced(fold.text, fold.i + m[0].length, fold.end) : null;
    const after = arg ? arg.end : fold.i + m[0].length;
    // `… \quad t = 2, \dots, T`: the check's range, as `, t = 2, \dots, T` reads (the space stands for the comma)
    // (after a comma already written, `, \quad t = 1, \dots, T`, the range reads as it is)
    const equation = rowEquation(fold);
    const written = equation ? rowEnd(fold, TAIL) : '';
    if (equation && !/,\s*$/.test(written) && SPACED_RANGE.test(fold.text.slice(after, Math.min(fold.end, after + 80)))) {
      fold.chars.push(',');
      fold.at.push(fold.i);
      blank(fold, fold.i + 1, after);
      fold.i = after;
      return true;
    }
    // (not after a clause word: `\quad \text{where} \quad L_t = …` is the check's own `where` clause)
    if (equation && !CLAUSE_END.test(written) && commaStartsClaim(fold.text, after, fold.end, fold.scans)) {
      fold.breaks.push(fold.chars.length);
      fold.proseAt.add(fold.breaks.length);
      blank(fold, fold.i, after);
      fold.i = after;
      return true;
    }
  }
  if (word === 'tag' || word === 'label') {
    const arg = braced(fold.text, fold.i + m[0].length, fold.end);
    if (arg) {
      // `\tag*{(3)}` prints its text as it is: the label is 3, as `\tag{3}` prints (3)
      const label = tagLabel(fold.text.slice(arg.start + 1, arg.end - 1));
      const own = m[0].endsWith('*') ? label.replace(/^\((.*)\)$/, '$1').trim() : label;
      if (word === 'tag' && !fold.tagAt.has(fold.breaks.length)) fold.tagAt.set(fold.breaks.length, own);
      if (word === 'label' && own && !fold.labelAt.has(fold.breaks.length)) fold.labelAt.set(fold.breaks.length, own);
      blank(fold, fold.i, arg.end);
      fold.i = arg.end;
      return true;
    }
  }
  return false;
};

/** wrappers read as their content or as `=`: \overset{…}{=}, \smash, \phantom, \boxed, \coloneqq, \intertext */
export const wrapperCommand = (fold: FoldState, m: RegExpExecArray, word: string | undefined): boolean => {
  // `A \overset{(3)}{=} B`, `\stackrel{\text{def}}{=}`: an equality with a reason written over it (session 14:
  // "no equality to check"); `:=`, `\coloneqq`, `\equiv`, `\triangleq` state one too
  if (word && (word === 'overset' || word === 'stackrel' || word === 'underset') && fold.braceDepth === 0 && fold.matrixDepth === 0) {
    const over = braced(fold.text, fold.i + m[0].length, fold.end);
    const base = over && braced(fold.text, over.end, fold.end);
    if (base && fold.text.slice(base.start + 1, base.end - 1).trim() === '=') {
      blank(fold, fold.i, base.start + 1);
      fold.chars.push('=');
      fold.at.push(fold.text.indexOf('=', base.start));
      blank(fold, fold.text.indexOf('=', base.start) + 1, base.end);
      fold.i = base.end;
      return true;
    }
    // `\underset{\text{local error}}{\underbrace{…}}`, `\overset{(a)}{x_t}`: a label set under or over an expression
    // is a remark, the expression is read (it was "bounds stacked by hand"); over or under a Σ, ∏, max or lim the
    // label is a bound, the lexer's to refuse
    if (base && !BIG_OPERATOR.test(fold.text.slice(base.start + 1, base.end - 1))) {
      blank(fold, fold.i, base.start + 1);
      fold.unwrap.add(base.end - 1);
      fold.i = base.start + 1;
      return true;
    }
  }
  if (word && LAYOUT_WRAPPERS.has(word)) {
    // `\smash[b]{…}`: its optional argument is layout too
    const opt = /^\s*\[[a-z]*\]/.exec(fold.text.slice(fold.i + m[0].length, Math.min(fold.end, fold.i + m[0].length + 8)));
    const arg = braced(fold.text, fold.i + m[0].length + (opt ? opt[0].length : 0), fold.end);
    if (arg) {
      blank(fold, fold.i, arg.start + 1);
      fold.unwrap.add(arg.end - 1);
      fold.i = arg.start + 1;
      return true;
    }
  }
  if (word && PHANTOMS.has(word)) {
    const arg = braced(fold.text, fold.i + m[0].length, fold.end);
    if (arg) {
      blank(fold, fold.i, arg.end);
      fold.i = arg.end;
      return true;
    }
  }
  // `\boxed{…}` (a final answer), `\textcolor{red}{…}`, `\colorbox{…}{…}`: their content, as it is written
  if (word && WRAPPERS.has(word)) {
    const color = word === 'boxed' ? null : braced(fold.text, fold.i + m[0].length, fold.end);
    const arg = braced(fold.text, color ? color.end : fold.i + m[0].length, fold.end);
    if (arg && (color || word === 'boxed')) {
      blank(fold, fold.i, arg.start + 1);
      fold.unwrap.add(arg.end - 1);
      fold.i = arg.start + 1;
      return true;
    }
  }
  if (word && EQUALS_CMDS.has(word) && fold.braceDepth === 0 && fold.matrixDepth === 0) {
    fold.chars.push('=');
    fold.at.push(fold.i);
    blank(fold, fold.i + 1, fold.i + m[0].length);
    fold.i += m[0].length;
    return true;
  }
  // amsmath's \intertext{…} (\shortintertext): prose between two rows of an align, a row break itself
  if ((word === 'intertext' || word === 'shortintertext') && fold.matrixDepth === 0) {
    const arg = braced(fold.text, fold.i + m[0].length, fold.end);
    if (arg) {
      if (fold.braceDepth === 0) fold.breaks.push(fold.chars.length);
      blank(fold, fold.i, arg.end);
      fold.i = arg.end;
      return true;
    }
  }
  return false;
};

export const overCommand = (fold: FoldState, m: RegExpExecArray, word: string | undefined): boolean => {
  // `{∂L \over ∂o_3}`: plain TeX's fraction, read as `\frac{∂L}{∂o_3}` — the group's `{` becomes `\frac{` and
  // the `\over` `}{`; outside a group (the whole formula over the rest) it stays an unknown command
  if (word === 'over' && fold.groups.length) {
    const open = fold.groups[fold.groups.length - 1]!;
    const frac = '\\frac{'.split('');
    fold.at.splice(open, 1, ...frac.map(() => fold.at[open]!));
    fold.chars.splice(open, 1, ...frac);
    edited(fold);
    fold.groups[fold.groups.length - 1] = open + frac.length - 1;
    // row breaks after the group's `{` move with the inserted characters
    for (let k = 0; k < fold.breaks.length; k++) if (fold.breaks[k]! > open) fold.breaks[k]! += frac.length - 1;
    for (const ch of '}{') {
      fold.chars.push(ch);
      fold.at.push(fold.i);
    }
    blank(fold, fold.i + 1, fold.i + m[0].length);
    fold.i += m[0].length;
    return true;
  }
  return false;
};

export const mathBoxCommand = (fold: FoldState, m: RegExpExecArray, word: string | undefined): boolean => {
  // `\fbox{$A = B$}`, `\mbox{$…$}`, `\text{$…$}`: math set inside a text box is the math itself
  if (word && MATH_BOXES.has(word)) {
    const arg = braced(fold.text, fold.i + m[0].length, fold.end);
    const inner = arg ? /^(\s*\$)([\s\S]*?)\$\s*$/.exec(fold.text.slice(arg.start + 1, arg.end - 1)) : null;
    if (arg && inner) {
      const closeDollar = arg.start + 1 + inner[1]!.length + inner[2]!.length;
      for (let k = closeDollar; k < arg.end; k++) fold.unwrap.add(k);
      blank(fold, fold.i, arg.start + 1 + inner[1]!.length);
      fold.i = arg.start + 1 + inner[1]!.length;
      return true;
    }
  }
  return false;
};

/** after \in: a space a side lives in (\mathbb{R}^n, a remark), or a set of steps (the check's range) */
export const setCommand = (fold: FoldState, word: string | undefined): boolean => {
  // `\quad (t \in \{1, \dots, T\})`, `\forall t \in \{2, …, T\}` after the equation: the check's range, written
  // as the language writes it (`t = 1, \dots, T`); the set's braces are blanked
  // `… \in \mathbb{R}^q` after a side (d2l.ai states each gradient's space): a remark on its shape, no part of
  // the claim (session 16: "unknown LaTeX command \in" skipped the equation)
  const space =
    word === 'in' && fold.braceDepth === 0 && fold.matrixDepth === 0
      ? REAL_SPACE.exec(fold.text.slice(fold.i, Math.min(fold.end, fold.i + 80)))
      : null;
  if (space) {
    // `…, \quad o_3 \in \mathbb{R}` (`\qquad h_t \in \mathbb{R}^n`): the remark names what it is about after a
    // comma or a wide space — that name is the remark's, not a factor of the side (it was, and the check failed)
    // read in the row's last characters (a remark's subject is short), its `=` before the subject
    const tail = rowEnd(fold, TAIL);
    const subject = REMARK_SUBJECT.exec(tail);
    const from = subject ? fold.chars.length - tail.length + subject.index : -1;
    const equals = current(fold).equals;
    if (subject && equals >= 0 && rowStart(fold) + equals < from) for (let k = from; k < fold.chars.length; k++) fold.chars[k] = ' ';
    edited(fold);
    blank(fold, fold.i, fold.i + space[0].length);
    fold.i += space[0].length;
    return true;
  }
  if (word === 'in' && fold.braceDepth === 0 && fold.matrixDepth === 0) {
    const set = /^\\in\s*\\\{([^{}]*?)\\\}/.exec(fold.text.slice(fold.i, Math.min(fold.end, fold.i + 80)));
    if (set && /^\s*[^,]+,\s*(?:\\[lc]?dots|…)\s*,\s*[^,]+$/.test(set[1]!)) {
      const contentStart = fold.i + set[0].indexOf('{') + 1;
      fold.chars.push('=');
      fold.at.push(fold.i);
      blank(fold, fold.i + 1, contentStart);
      for (let k = contentStart + set[1]!.length; k < fold.i + set[0].length; k++) fold.unwrap.add(k);
      fold.i = contentStart;
      return true;
    }
  }
  return false;
};

/** end marks, page breaks and environments: \notag, \blacksquare, \displaybreak, \begin/\end */
export const environmentCommand = (fold: FoldState, m: RegExpExecArray, word: string | undefined): boolean => {
  // an end-of-proof or done mark after the answer (`\qquad \blacksquare`, `\checkmark`): no part of the math
  if (word === 'nonumber' || word === 'notag' || (word && END_MARKS.has(word))) {
    blank(fold, fold.i, fold.i + m[0].length);
    fold.i += m[0].length;
    return true;
  }
  // amsmath's page breaking in a long derivation, `\displaybreak[0]`, `\allowbreak`: layout
  if (word === 'displaybreak' || word === 'allowbreak' || word === 'nobreak') {
    const opt = /^\s*\[\d\]/.exec(fold.text.slice(fold.i + m[0].length, Math.min(fold.end, fold.i + m[0].length + 6)));
    const j = fold.i + m[0].length + (opt ? opt[0].length : 0);
    blank(fold, fold.i, j);
    fold.i = j;
    return true;
  }
  if (word === 'begin' || word === 'end') {
    const arg = braced(fold.text, fold.i + m[0].length, fold.end);
    const env = arg ? fold.text.slice(arg.start + 1, arg.end - 1).trim() : '';
    if (arg && MATRIX_ENVS.test(env)) fold.matrixDepth = Math.max(0, fold.matrixDepth + (word === 'begin' ? 1 : -1));
    else if (arg && LAYOUT_ENVS.test(env)) {
      let j = arg.end;
      // alignedat{2}: its column count is layout too; so is aligned's position `[t]` (session 14: `[t]` was read
      // as a vector and a right equation failed)
      if (word === 'begin') j = layoutArguments(fold.text, env, j, fold.end);
      blank(fold, fold.i, j);
      fold.i = j;
      return true;
    }
  }
  return false;
};
