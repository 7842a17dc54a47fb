// Tokens with source ranges: lex() and the loop over a file's characters; the lexing functions it calls are in lex/,
// one file per kind of token, each taking the lexer's state (lex/state.ts) as its first argument. Unicode, LaTeX and ASCII spellings are folded here, once,
// so the parser sees one token per meaning (σ = \sigma = sigma = sigmoid, ∂ = \partial, …).
// LaTeX layout (fonts, \left, spacing, aligned environments, \\ and & outside matrices) leaves no token;
// accents make names (\tilde{h} → h̃); see LANGUAGE.md §1 and docs/language-notes.md.
//
// The loop reads character codes, not regular expressions: numbers and long literals are most of a
// file's bytes (issue 11), so a number is scanned and converted in one pass (NumberReader.number), and a
// regular literal of numbers is read straight into one Float64Array with its shape (NumberReader.pack).

import { fracDerivative, pushPartial } from './lex/accents';
import {
  PLAIN_OPS,
  betweenOperands,
  isDigitCode,
  isInvisibleSpace,
  isLetterCode,
  isNameCode,
  mathAlphanumeric,
  startsNameAt,
} from './lex/characters';
import { ONES, afterEmptyScripts, thinSpaces } from './lex/commands';
import { error, lineEnd, push, range, tooManyTokens, updateText } from './lex/emit';
import { latex } from './lex/latex';
import { literal } from './lex/numbers';
import { SUPER_MINUS, scripts, superDigit, superscript } from './lex/scripts';
import { LexState } from './lex/state';
import { single } from './lex/symbols';
import type { LexResult, Token } from './lex/token';
import { Tok, UPRIGHT_D } from './lex/token';
import { lexWord, word } from './lex/words';
import { LIMITS } from './limits';

/** the end of `-=` at s (spaces allowed before the =, not ==), or 0 */
function compoundAssignment(src: string, s: number): number {
  let j = s + 1;
  while (src.charCodeAt(j) === 32) j++;
  return src.charCodeAt(j) === 61 && src.charCodeAt(j + 1) !== 61 ? j + 1 : 0;
}

/** Starts of lines: where a statement may begin even inside an unclosed bracket (recovery). */
const STATEMENT_START =
  /[ \t]*(?:(?:param|input|target|loss|derive|check)\b|[\p{L}\\][\p{L}\p{M}\p{N}_]*(?:_\{[^}\n]*\}|\^\{?\([^)\n]*\)\}?)?[ \t]*=(?!=))/uy;

/**
 * the ASCII derivative dA/dB and d+A/dB: a d directly before a name (or a font command: d\\mathcal{L}), a slash and
 * another d-name. The name may carry a step over it, as ∂A/∂B's does: ^(t), ^{(t)}, and Graves's bare ^t, ^{t-1}
 */
const ASCII_DERIV =
  /d(\+?)(?:[\p{L}][\p{L}\p{M}\p{N}_]*|\\[A-Za-z]+(?:\s*\{[^{}\n]*\})?(?:_[\p{L}\p{N}]+)?)(?:_\{[^}\n]*\})?(?:\^\{?\([^)\n]*\)\}?|\^\{[^}\n]*\}|\^[\p{L}\p{N}])?\s*\/\s*d(?:[\p{L}]|\\[A-Za-z])/uy;

/** Whether the tokens before a trailing '/' are a derivative's numerator (∂A or ∂(…)). */
function isPartialNumerator(tokens: Token[]): boolean {
  let depth = 0;
  // a numerator is short: looking back further would make a long line of '/ d' quadratic
  for (let k = tokens.length - 2; k >= 0 && k >= tokens.length - 200; k--) {
    const t = tokens[k]!;
    if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth++;
    else if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth--;
    else if (t.kind === 'partial' && depth === 0) return true;
    else if (
      depth === 0 &&
      !(
        t.kind === 'name' ||
        t.kind === 'num' ||
        (t.kind === 'op' && (t.text === '_' || t.text === '^' || t.text === '-' || t.text === '+'))
      )
    )
      return false;
    if (depth < 0) return false;
  }
  return false;
}

export { type LexResult, type TokKind, type Token, UPRIGHT_D } from './lex/token';
export { DERIVABLE, FUNCTIONS, isReservedWord, KEYWORDS } from './lex/keywords';
export { END_MARKS, FONT_SWITCH_NAMES, isEmptyGroupAt, ONES } from './lex/commands';
export { mathAlphanumeric } from './lex/characters';
export { updateText } from './lex/emit';

/** a minus sign's token, right before a number */
const isMinus = (t: Token | undefined): boolean => t !== undefined && t.kind === 'op' && t.text === '-';

/** a value begins after it: `=` or `≈` (a decimal comma may follow there) */
const decimalCommaAfter = (t: Token | undefined, before: Token | undefined): boolean =>
  t !== undefined &&
  t.kind === 'op' &&
  (t.text === '=' || t.text === '≈') &&
  !(before !== undefined && before.kind === 'name' && /^[tkijnsTτ]$/.test(before.text));

export function lex(src: string): LexResult {
  const ls = new LexState(src);
  const n = src.length;
  while (ls.i < n) {
    const k = src.charCodeAt(ls.i);
    // a run of spaces, a fifth of a file's characters, before any other test
    if (k === 32) {
      while (src.charCodeAt(++ls.i) === 32);
      continue;
    }
    const s = ls.i;
    // the operators that are one token whatever is around them, most of a LaTeX file's tokens: before the tests for
    // what else a character may start (none of these starts anything else) and with no call of single()
    const op = k < 128 ? PLAIN_OPS[k] : undefined;
    if (op !== undefined) {
      // ASCII ||x||, as plain text writes the norm ‖x‖ (a loss ½||y − o||²): one bar of a norm, unless it stands
      // between two operands, |a||b| (an absolute value's close, then another's open)
      if (k === 124 && src.charCodeAt(ls.i + 1) === 124 && !betweenOperands(src, s, s + 2)) {
        ls.i += 2;
        push(ls, 'op', '‖', s, ls.i);
        continue;
      }
      // `w -= η ∂L/∂w`, C's and Python's descent step (a solution's `\mathrel{-}=` unwrapped is `- =`): an update, as ← is
      // (no equation has a minus before its =). `+=` is code's accumulation over the steps, which the parser names
      if (k === 45) {
        const eq = compoundAssignment(src, s);
        if (eq > 0) {
          ls.i = eq;
          error(ls, src.slice(s, ls.i), s, ls.i, updateText('-='));
          continue;
        }
      }
      // Python's power x**2, as code writes x^2 (two '*' read no other way)
      if (k === 42 && src.charCodeAt(ls.i + 1) === 42) {
        ls.i += 2;
        push(ls, 'op', '^', s, ls.i);
        continue;
      }
      ls.i++;
      if (k === 40) ls.depth++;
      else if (k === 41 || k === 93) ls.depth = Math.max(0, ls.depth - 1);
      push(ls, 'op', op, s, ls.i);
      if (tooManyTokens(ls, s)) break;
      continue;
    }
    // numbers: 3, 0.5, .5, 1e-3 (never "1." so that 1..3 stays a range)
    if (isDigitCode(k) || (k === 46 && isDigitCode(src.charCodeAt(ls.i + 1)))) {
      ls.i = ls.numbers.number(ls.i);
      // a decimal comma (a German or French sheet's `param w = 0,8`, `h_1 ≈ 0,4621`): digits, a comma and digits with
      // no space, right after = or ≈ and outside any bracket, where no list or argument can have begun
      // (not a step or a count, `t = 1,2`, nor a thousands separator, 1,000: as a solution's display reads them)
      if (
        ls.depth === 0 &&
        src.charCodeAt(ls.i) === 44 &&
        isDigitCode(src.charCodeAt(ls.i + 1)) &&
        // (and after a minus there, `param c = -0,3`)
        (decimalCommaAfter(ls.tokens.at(-1), ls.tokens.at(-2)) ||
          (isMinus(ls.tokens.at(-1)) && decimalCommaAfter(ls.tokens.at(-2), ls.tokens.at(-3))))
      ) {
        const whole = src.slice(s, ls.i);
        let e = ls.i + 1;
        while (isDigitCode(src.charCodeAt(e))) e++;
        if (/^\d+$/.test(whole) && !(e - ls.i - 1 === 3 && whole !== '0') && !isDigitCode(src.charCodeAt(e)) && src.charCodeAt(e) !== 44) {
          ls.i = e;
          push(ls, 'num', src.slice(s, ls.i), s, ls.i, Number(`${whole}.${src.slice(s + whole.length + 1, e)}`));
          continue;
        }
      }
      push(ls, 'num', src.slice(s, ls.i), s, ls.i, ls.numbers.value);
      // 1e400 reads as ∞ in float64: said where it is written, not as an overflow of whatever uses it
      if (ls.numbers.value === Infinity)
        ls.errors.push({
          message: `the number ${src.slice(s, ls.i)} is beyond a float64's range (the largest is about 1.8e308): it would read as ∞`,
          range: range(ls, s, ls.i),
        });
      continue;
    }
    // newlines: a statement continues while a bracket is open, unless the next line clearly starts a new one
    if (k === 10 || k === 13) {
      ls.i += k === 13 && src.charCodeAt(ls.i + 1) === 10 ? 2 : 1;
      let breakHere = ls.depth === 0;
      if (!breakHere) {
        STATEMENT_START.lastIndex = ls.i;
        if (STATEMENT_START.test(src)) {
          breakHere = true;
          ls.depth = 0;
          ls.braces.length = 0;
          ls.envs.length = 0;
        }
      }
      if (breakHere) {
        const prev = ls.tokens[ls.tokens.length - 1];
        if (prev && prev.kind !== 'newline' && ++ls.statements > LIMITS.maxStatements) {
          ls.errors.push({
            message: `more than ${LIMITS.maxStatements.toLocaleString('en')} statements: the rest of the file is not analysed (limit)`,
            range: range(ls, s, s),
          });
          break;
        }
        push(ls, 'newline', '\n', s, s + 1);
      }
      ls.line++;
      ls.lineStart = ls.i;
      ls.lastEnd = -1;
      // a step's angle bracket left open (a^{<t}) closes nothing on a later line: a later ∏_{t≥i>k} keeps its >
      ls.angleSteps = 0;
      ls.innerAngles = 0;
      continue;
    }
    if (k === 32 || k === 9 || k === 0xa0 || isInvisibleSpace(k)) {
      ls.i++;
      continue;
    }
    // comments: #, // and LaTeX's % (a line pasted from a .tex file keeps its remark; \% is LaTeX's percent sign)
    if (k === 35 || k === 37 || (k === 47 && src.charCodeAt(ls.i + 1) === 47)) {
      ls.i = lineEnd(ls, ls.i);
      continue;
    }
    if (k === 92) {
      latex(ls);
      continue;
    }
    // ASCII derivative spellings dA/dB and d+A/dB
    if (k === 100 && (ls.lastEnd !== s || !isNameCode(src.charCodeAt(s - 1)))) {
      // \frac{dL}{dW}: a d run into the name above and below, as \frac{d L}{d W} (the parser's reading); a d alone
      // above is the operator form \frac{d}{dW} L, as \frac{∂}{∂W} L
      // (spaces after the d above are layout: \frac{d e^{z}}{dz}, \frac{d\,L}{dw}, \frac{d L}{dw})
      const a = thinSpaces(src, afterEmptyScripts(src, ls.i + 1));
      if (ls.i === ls.fracD || ((startsNameAt(src, a) || src.charCodeAt(a) === 125) && fracDerivative(ls, ls.i))) {
        ls.i += 1;
        push(ls, 'partial', '∂', s, ls.i, UPRIGHT_D);
        continue;
      }
      ASCII_DERIV.lastIndex = ls.i;
      const m = ASCII_DERIV.exec(src);
      if (m) {
        ls.i += 1 + m[1]!.length;
        push(ls, 'partial', '∂', s, ls.i, UPRIGHT_D, m[1] === '+');
        continue;
      }
      // the d of the denominator: "/ dB" right after a partial numerator
      const prev = ls.tokens[ls.tokens.length - 1];
      if (prev && prev.kind === 'op' && prev.text === '/' && isPartialNumerator(ls.tokens) && startsNameAt(src, ls.i + 1)) {
        ls.i += 1;
        push(ls, 'partial', '∂', s, ls.i, UPRIGHT_D);
        continue;
      }
    }
    if (isLetterCode(k)) {
      word(ls);
      continue;
    }
    // 𝟙 (U+1D7D9, two UTF-16 units): the indicator's 1
    // 𝟏 (U+1D7CF) is \mathbf{1} typed as one character, the all-ones vector as 𝟙 is
    if (k === 0xd835 && (src.charCodeAt(ls.i + 1) === 0xdfd9 || src.charCodeAt(ls.i + 1) === 0xdfcf)) {
      ls.i += 2;
      push(ls, 'num', ONES, s, ls.i, 1);
      continue;
    }
    // 𝐿, 𝜎, 𝜕 (a math font's letters, as Word's equations paste): the plain letter, ∂ or ∇
    const plain = k === 0xd835 ? mathAlphanumeric(src, ls.i) : '';
    if (plain === '∂') {
      ls.i += 2;
      pushPartial(ls, s);
      continue;
    }
    if (plain === '∇') {
      ls.i += 2;
      push(ls, 'nabla', '∇', s, ls.i);
      continue;
    }
    if (plain && isLetterCode(plain.charCodeAt(0))) {
      word(ls);
      continue;
    }
    // 𝟐, 𝟘 (a math font's digit, as a pasted equation has it): the digit
    if (plain && plain >= '0' && plain <= '9') {
      ls.i += 2;
      push(ls, 'num', plain, s, ls.i, plain.charCodeAt(0) - 48);
      continue;
    }
    // 𝕀 (U+1D540): \mathbb{I} typed as one character, the identity or the indicator's I
    if (k === 0xd835 && src.charCodeAt(ls.i + 1) === 0xdd40) {
      ls.i += 2;
      lexWord(ls, 'I', s, ls.i);
      continue;
    }
    // h⁽ᵗ⁻¹⁾, h₍ₜ₎, Σₜ: a run of Unicode scripts, read as the LaTeX it prints (unicodeScripts.ts)
    if (k >= 0x2b0 && scripts(ls)) continue;
    // superscripts: x² is x^2, W⁻¹ is W^{-1}
    if (superDigit(k) >= 0 || (k === SUPER_MINUS && superDigit(src.charCodeAt(ls.i + 1)) >= 0)) {
      superscript(ls);
      continue;
    }
    if (k === 91 && literal(ls)) continue;
    single(ls, k);
    if (tooManyTokens(ls, s)) break;
  }
  push(ls, 'newline', '\n', n, n);
  ls.tokens.push(new Tok('eof', '', 0, false, false, n, n, null, ls.line, ls.lineStart));
  return { tokens: ls.tokens, errors: ls.errors };
}
