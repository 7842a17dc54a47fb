// A LaTeX command: its table entry read (an operator, a Greek letter, a font, spacing, a fraction), and the
// commands read as nothing, a font or a group made transparent.

import { accent, codeD, pushPartial } from './accents';
import { startsNameAt } from './characters';
import { BOLD_ONE_FONTS, Cmd, LATEX_SEPARATORS, ONES, SPACING_WITH_ARGUMENT, TEXT_FONTS, commandAt } from './commands';
import { error, push, updateText } from './emit';
import { environment } from './environments';
import { Brace, closesLine, commandEnd, groupAt, innerAngle, relationEquals, skipGroup, stepAngle } from './groups';
import { isReservedWord } from './keywords';
import { tag, text } from './latexText';
import type { LexState } from './state';
import { Tok } from './token';
import { lexWord } from './words';

/**
 * prose, not a name in a font: two or more words, or one word in parentheses or with a sentence's mark after it
 * (`\textbf{(wrong)}`, `\textit{Correct!}`: a name is not written so)
 */
export const PROSE = /^\s*(?:\(?[A-Za-z][A-Za-z'.,;:!?-]*(?:\s+[A-Za-z'.,;:!?()-]+)+|\(\s*[A-Za-z]+[.!?]?\s*\)|[A-Za-z]+[.!?:])\s*$/;

/**
 * one word of three or more letters, \textbf{correct}: a remark where it closes the equation's line (closesLine); a name
 * in a font is one letter or two (\textbf{W}) or has a step, an argument or a power after it
 */
export const REMARK_WORD = /^\s*[A-Za-z][a-z]{2,}\s*$/;

/** `(12)` or `(3b)` closing a line or a $$ display, after \quad */
export const EQUATION_NUMBER = /[ \t]*\((\d+[a-z]?)\)[ \t]*(?=$|[\r\n$])/y;

/**
 * Nielsen's Σ'(z): where `\Sigma` (ending at i) is followed by a prime and a parenthesised argument, the offsets of the
 * argument's '(' (after a \left or \big, which the lexer passes over) and of the ')' that closes it (matched by
 * counting, \right) included); null when it is no such form
 */
export function sigmaPrimeDiag(src: string, i: number): { open: number; close: number } | null {
  const m = /^[ \t]*(?:'|\^\{?\\prime\}?)[ \t]*(?:\\(?:left|[bB]igg?l?)[ \t]*)?\(/.exec(src.slice(i, i + 24));
  if (!m) return null;
  const open = i + m[0].length - 1;
  let depth = 0;
  for (let k = open; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 10) return null;
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return { open, close: k };
  }
  return null;
}

/** a LaTeX command at i */
export function latex(ls: LexState) {
  const s = ls.i;
  const e = commandEnd(ls, ls.i);
  const info = commandAt(ls.src, ls.i + 1, e);
  // the entry's name is the command as written: no slice for a known command
  const cmd = info !== undefined ? info.name : ls.src.slice(ls.i + 1, e);
  ls.i = e;
  if (cmd === '') {
    error(ls, '\\', s, ls.i, 'a lone backslash');
    return;
  }
  if (info === undefined) {
    // W\_{hh}, \sum\_{t=1}: a Markdown exporter's escaped underscore (Google Docs' download as Markdown escapes every
    // _ of the text, an equation's too) is the subscript it was typed as
    if (cmd === '_') {
      push(ls, 'op', '_', s, ls.i);
      return;
    }
    // "\forall t < T": the range of a check
    if (cmd === 'forall') {
      push(ls, 'kw', 'for', s, ls.i);
      return;
    }
    if ((cmd === 'langle' || cmd === 'rangle') && stepAngle(ls, cmd === 'langle', s)) return;
    if (cmd === 'langle' || cmd === 'rangle') {
      innerAngle(ls, cmd === 'langle', s);
      return;
    }
    // \overset{T}{\underset{t=1}{\sum}}: a Σ's bounds stacked by hand (said once, at the first of the two)
    if (cmd === 'overset' || cmd === 'underset' || cmd === 'stackrel') {
      const other = ls.stackedAt >= 0 && !ls.src.slice(ls.stackedAt, s).includes('\n');
      ls.stackedAt = s;
      if (!other)
        error(
          ls,
          ls.src.slice(s, ls.i),
          s,
          ls.i,
          `\\${cmd} (bounds stacked by hand) is not read: write a Σ's or ∏'s bounds as its sub- and superscript, \\sum_{t=1}^{T}`,
        );
      return;
    }
    // \Sigma_{t=1}^{T}, \Sigma_j: the capital letter with a sum's bounds is the sum, as Σ typed is (students write it
    // so); alone it stays refused (a name Σ would read as the sum)
    // Nielsen's Σ'(z^L) (eq. 33): the square matrix with σ'(z_j) on its diagonal, diag(σ'(z^L)); no sum has a prime
    const arg = cmd === 'Sigma' ? sigmaPrimeDiag(ls.src, ls.i) : null;
    if (arg) {
      push(ls, 'fn', 'diag', s, ls.i);
      push(ls, 'op', '(', ls.i, ls.i);
      push(ls, 'fn', 'dsigma', ls.i, arg.open);
      ls.diagCloses.push(arg.close);
      ls.i = arg.open;
      return;
    }
    if (cmd === 'Sigma' && /^[ \t]*[_^]/.test(ls.src.slice(ls.i, ls.i + 8))) {
      push(ls, 'bigop', 'sum', s, ls.i);
      return;
    }
    // `w \leftarrow w - η ∂L/∂w`: gradient descent's update assigns a new value; it states no equality of the network
    if (cmd === 'leftarrow' || cmd === 'gets' || cmd === 'longleftarrow') {
      error(ls, ls.src.slice(s, ls.i), s, ls.i, updateText(`\\${cmd}`));
      return;
    }
    // `w \mathrel{-}= η ∂L/∂w` (LaTeX's spacing for C's -=): an update, as -= is; `\mathrel{:}=` is :=, the equals sign
    if (cmd === 'mathrel' && relationEquals(ls, s, ls.i)) return;
    error(ls, ls.src.slice(s, ls.i), s, ls.i, `unknown LaTeX command \\${cmd}`);
    return;
  }
  switch (info.kind) {
    case Cmd.LineBreak:
      // a line break: a row of a matrix; layout elsewhere. \\[2pt] has a spacing argument.
      if (ls.src.charCodeAt(ls.i) === 91) {
        const close = ls.src.indexOf(']', ls.i);
        if (close > 0 && close - ls.i < 12 && /^\[[\d.]+(pt|em|ex|mm|cm)\]$/.test(ls.src.slice(ls.i, close + 1))) ls.i = close + 1;
      }
      if (ls.envs.length && ls.envs[ls.envs.length - 1]) push(ls, 'op', 'row', s, ls.i);
      return;
    case Cmd.Ignored:
      ignored(ls, cmd, s);
      return;
    case Cmd.Font: {
      // \textit{chain rule}, \textbf{by parts}: words in a text font are prose, as in \text (it was "unknown name
      // chain"); one word, \textbf{W}, stays a name in that font
      const words = TEXT_FONTS.has(cmd) ? groupAt(ls, ls.i) : null;
      if (words && (PROSE.test(words[0]) || (REMARK_WORD.test(words[0]) && closesLine(ls, s, words[1])))) {
        text(ls, s);
        return;
      }
      // \mathbf{1}, \boldsymbol{1}, \mathbb{1}: the all-ones vector (or the indicator's 1_{…}), one token
      const g = BOLD_ONE_FONTS.has(cmd) ? groupAt(ls, ls.i) : null;
      if (g && g[0].trim() === '1') {
        ls.i = g[1];
        push(ls, 'num', ONES, s, ls.i, 1);
        return;
      }
      transparent(ls, Brace.Transparent, s);
      return;
    }
    case Cmd.Underbrace:
      transparent(ls, Brace.Underbrace, s);
      return;
    case Cmd.Overbrace:
      transparent(ls, Brace.Overbrace, s);
      return;
    case Cmd.Text:
      text(ls, s, cmd === 'texttt');
      return;
    case Cmd.Label: {
      const g = groupAt(ls, ls.i);
      if (g) ls.i = g[1];
      return;
    }
    case Cmd.Tag:
      tag(ls, s);
      return;
    case Cmd.Begin:
    case Cmd.End:
      environment(ls, info.kind === Cmd.Begin, s);
      return;
    case Cmd.Partial:
      pushPartial(ls, s);
      return;
    case Cmd.Nabla:
      push(ls, 'nabla', '∇', s, ls.i);
      return;
    case Cmd.Sum:
      push(ls, 'bigop', 'sum', s, ls.i);
      return;
    case Cmd.Prod:
      push(ls, 'bigop', 'prod', s, ls.i);
      return;
    case Cmd.Frac:
      push(ls, 'frac', 'frac', s, ls.i);
      return;
    case Cmd.Over:
      overFraction(ls, s);
      return;
    case Cmd.Bar:
      if (codeD(ls, s)) return;
      push(ls, 'bar', cmd, s, ls.i);
      return;
    case Cmd.Accent:
      accent(ls, cmd, info.value, s);
      return;
    case Cmd.Op:
      push(ls, 'op', info.value, s, ls.i);
      return;
    case Cmd.OpenBrace:
      ls.depth++;
      push(ls, 'op', '(', s, ls.i);
      return;
    case Cmd.CloseBrace:
      ls.depth = Math.max(0, ls.depth - 1);
      push(ls, 'op', ')', s, ls.i);
      return;
    case Cmd.Greek:
    case Cmd.Function:
      lexWord(ls, info.value, s, ls.i);
      return;
  }
}

/**
 * {A \over B}, plain TeX's fraction (older notes: {\partial L \over \partial h_t}): read as \frac{A}{B} — a frac token
 * before the group's '{', and '}{' in the place of \over. Outside braces it is refused, naming \frac.
 */
export function overFraction(ls: LexState, s: number) {
  let d = 0;
  for (let q = ls.tokens.length - 1; q >= 0 && ls.tokens.length - q <= 4096; q--) {
    const t = ls.tokens[q]!;
    if (t.kind === 'newline') break;
    if (t.kind !== 'op' || (t.text !== '{' && t.text !== '}')) continue;
    if (t.text === '}') d++;
    else if (d-- === 0) {
      ls.tokens.splice(q, 0, (t as Tok).retyped('frac', 'frac'));
      push(ls, 'op', '}', s, ls.i);
      push(ls, 'op', '{', s, ls.i);
      return;
    }
  }
  error(ls, ls.src.slice(s, ls.i), s, ls.i, String.raw`\over is read inside braces only, {A \over B}: write \frac{A}{B}`);
}

/** spacing, sizing and numbering commands (LATEX_IGNORED): no token, but an equation number or a separator */
export function ignored(ls: LexState, cmd: string, s: number) {
  // an equation number set off by a space at the end of the line, u_t = … \quad (1), is its label
  if (cmd === 'quad' || cmd === 'qquad') {
    EQUATION_NUMBER.lastIndex = ls.i;
    const m = EQUATION_NUMBER.exec(ls.src);
    if (m) {
      ls.pendingTag = m[1]!;
      ls.i += m[0].length;
      return;
    }
  }
  if (SPACING_WITH_ARGUMENT.has(cmd)) {
    // \mkern-1.5mu (a dimension), \hspace{2pt}, \hspace*{…}, \phantom{x} (a group): nothing is printed
    const dim = /\s*\*?\s*(?:-?\s*(?:\d+\.?\d*|\.\d+)\s*(?:mu|pt|em|ex|mm|cm|in|bp|sp)|(?=\{))/y;
    dim.lastIndex = ls.i;
    const m = dim.exec(ls.src);
    if (m) {
      ls.i += m[0].length;
      if (ls.src.charCodeAt(ls.i) === 123) ls.i = skipGroup(ls, ls.i);
    }
    return;
  }
  if (LATEX_SEPARATORS.has(cmd) && separatesEntries(ls)) push(ls, 'op', 'sep', s, ls.i);
  // \left. and \right. are invisible delimiters
  if ((cmd === 'left' || cmd === 'right' || cmd.startsWith('big') || cmd.startsWith('Big')) && ls.src.charCodeAt(ls.i) === 46) ls.i++;
}

/** \quad between two entries of a [ … ] literal separates them: [1 \quad -1 \quad 1] */
export function separatesEntries(ls: LexState): boolean {
  const prev = ls.tokens[ls.tokens.length - 1];
  if (!prev || !(prev.kind === 'num' || prev.kind === 'name' || (prev.kind === 'op' && (prev.text === ')' || prev.text === ']'))))
    return false;
  return inSquareBracket(ls);
}

/** whether the innermost open bracket is a '[' (a literal's) */
export function inSquareBracket(ls: LexState): boolean {
  let d = 0;
  for (let q = ls.tokens.length - 1; q >= 0; q--) {
    const t = ls.tokens[q]!;
    if (t.kind === 'newline') return false;
    if (t.kind !== 'op') continue;
    if (t.text === ')' || t.text === ']' || t.text === '}' || t.text === 'mat]') d++;
    else if (t.text === '(' || t.text === '{' || t.text === 'mat[') {
      if (d-- === 0) return false;
    } else if (t.text === '[') {
      if (d-- === 0) return true;
    }
    if (ls.tokens.length - q > 64) return false;
  }
  return false;
}

/** a command whose { … } leaves no token: \mathbf{W} is W */
export function transparent(ls: LexState, kind: Brace, s: number) {
  // W_\mathrm{qh}: the content stays tight to what the command was tight to
  if (ls.lastEnd === s) ls.lastEnd = ls.i;
  let j = ls.i;
  while (ls.src.charCodeAt(j) === 32) j++;
  if (ls.src.charCodeAt(j) === 42 && kind === Brace.Transparent) j++; // \operatorname*{…}
  while (ls.src.charCodeAt(j) === 32) j++;
  if (ls.src.charCodeAt(j) !== 123) {
    // \mathbf W: the next token is the content. But TeX's argument is one letter: `\mathrm dL/\mathrm dh_3` is an
    // upright d before L (it read as the names dL and dh_3, the loss's gradients); a function's name (`\mathrm diag`)
    // is left whole, as a reader sees it
    if (kind === Brace.Transparent && ls.src.charCodeAt(j) === 100 && startsNameAt(ls.src, j + 1)) {
      const word = /^[A-Za-z]+/.exec(ls.src.slice(j, j + 16))![0];
      if (!isReservedWord(word)) {
        if (ls.lastEnd === ls.i) ls.lastEnd = j;
        ls.i = j + 1;
        push(ls, 'name', 'd', j, ls.i);
      }
    }
    return;
  }
  if (ls.lastEnd === ls.i) ls.lastEnd = j + 1;
  ls.i = j + 1;
  ls.depth++;
  ls.braces.push(kind);
}

/** the next token opens a subscript: right after `_` or `_{` */
export function inSubscript(ls: LexState): boolean {
  const prev = ls.tokens[ls.tokens.length - 1];
  const before = ls.tokens[ls.tokens.length - 2];
  return (
    !!prev && prev.kind === 'op' && (prev.text === '_' || (prev.text === '{' && !!before && before.kind === 'op' && before.text === '_'))
  );
}
