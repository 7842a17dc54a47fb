// Tokens with source ranges. Unicode, LaTeX and ASCII spellings are folded here, once,
// so the parser sees one token per meaning (σ = \sigma = sigma = sigmoid, ∂ = \partial, …).

import type { Range } from '../report';
import { LIMITS } from './limits';

export type TokKind =
  | 'num' | 'name' | 'kw' | 'fn' | 'bigop' | 'partial' | 'frac' | 'grad' | 'op' | 'newline' | 'eof' | 'error';

export interface Token {
  kind: TokKind;
  /** normalised text: the name, the keyword, the function ('sigma', 'dsigma'), the operator */
  text: string;
  value: number;
  /** ∂⁺ / grad+ */
  plus: boolean;
  /** no whitespace between this token and the previous one (subscripts, primes, `^(`) */
  tight: boolean;
  range: Range;
  /** offset of the token's first character in the source */
  start: number;
  end: number;
}

export const KEYWORDS = new Set(['param', 'input', 'target', 'loss', 'derive', 'check', 'for']);

/** function spellings → canonical name */
const FUNCTIONS: Record<string, string> = {
  σ: 'sigma', sigma: 'sigma', sigmoid: 'sigma', tanh: 'tanh', relu: 'relu', ReLU: 'relu', exp: 'exp',
  log: 'log', ln: 'log', sqrt: 'sqrt', abs: 'abs', softmax: 'softmax', sum: 'sum', mean: 'mean', diag: 'diag',
  count: 'count',
};
const DERIVABLE = new Set(['sigma', 'tanh', 'relu']);

/** LaTeX commands → what they stand for */
const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', tau: 'τ', upsilon: 'υ',
  phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ',
  Xi: 'Ξ', Pi: 'Π', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};
const LATEX_OPS: Record<string, string> = {
  cdot: '*', times: '*', odot: '⊙', circ: '⊙', top: 'ᵀ', intercal: 'ᵀ',
};
/** spacing and sizing commands that carry no meaning here */
const LATEX_IGNORED = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'quad', 'qquad', ',', ';', '!', ':', ' ', 'displaystyle']);
/** font commands: \mathcal{L} is L */
const LATEX_FONTS = new Set(['mathcal', 'mathbf', 'mathrm', 'mathit', 'boldsymbol', 'bm', 'operatorname', 'text', 'mathsf']);

const LETTER = /\p{L}/u;
const isLetter = (c: string) => {
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
  return LETTER.test(c) && c !== 'ᵀ' && c !== 'Σ' && c !== '∏' && c !== '∑';
};
const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameChar = (c: string) => isLetter(c) || isDigit(c);

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

export interface LexResult {
  tokens: Token[];
  errors: { message: string; range: Range }[];
}

/** Starts of lines: where a statement may begin even inside an unclosed bracket (recovery). */
const STATEMENT_START =
  /^[ \t]*(?:(?:param|input|target|loss|derive|check)\b|[\p{L}\\][\p{L}\p{N}_]*(?:_\{[^}\n]*\}|\^\{?\([^)\n]*\)\}?)?[ \t]*=(?!=))/u;

export function lex(src: string): LexResult {
  const tokens: Token[] = [];
  const errors: LexResult['errors'] = [];
  // line starts for offset → (line, column)
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let depth = 0;
  let lastEnd = -1;
  let statements = 0;
  const n = src.length;

  const range = (s: number, e: number, l = line, ls = lineStart): Range => ({
    line: l, column: s - ls + 1, endLine: l, endColumn: e - ls + 1,
  });
  const push = (kind: TokKind, text: string, s: number, e: number, extra: Partial<Token> = {}) => {
    tokens.push({ kind, text, value: 0, plus: false, tight: s === lastEnd, range: range(s, e), start: s, end: e, ...extra });
    lastEnd = e;
  };

  while (i < n) {
    const c = src[i]!;
    // newlines: a statement continues while a bracket is open, unless the next line clearly starts a new one
    if (c === '\n' || c === '\r') {
      const nl = c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      const s = i;
      i += nl;
      let breakHere = depth === 0;
      if (!breakHere) {
        const nextLineEnd = src.indexOf('\n', i);
        const next = src.slice(i, nextLineEnd < 0 ? n : nextLineEnd);
        if (STATEMENT_START.test(next)) {
          breakHere = true;
          depth = 0;
        }
      }
      if (breakHere) {
        const prev = tokens[tokens.length - 1];
        if (prev && prev.kind !== 'newline' && ++statements > LIMITS.maxStatements) {
          errors.push({ message: `more than ${LIMITS.maxStatements.toLocaleString('en')} statements: the rest of the file is not analysed (limit)`, range: range(s, s) });
          break;
        }
        push('newline', '\n', s, s + 1);
      }
      line++;
      lineStart = i;
      lastEnd = -1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\u00a0') { i++; continue; }
    // comments
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    }
    const s = i;
    // numbers: 3, 0.5, .5, 1e-3 (never "1." so that 1..3 stays a range)
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      const m = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 64))!;
      i += m[0].length;
      push('num', m[0], s, i, { value: Number(m[0]) });
      continue;
    }
    // LaTeX commands
    if (c === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(src.slice(i, i + 40));
      if (!m) { i++; push('error', '\\', s, i); errors.push({ message: 'a lone backslash', range: range(s, i) }); continue; }
      const cmd = m[1]!;
      i += m[0].length;
      if (LATEX_IGNORED.has(cmd)) continue;
      if (LATEX_FONTS.has(cmd)) {
        // \mathcal{L} → the name L; \operatorname{diag} → diag
        const g = /^\s*\{([^{}]*)\}/.exec(src.slice(i, i + 200));
        if (g) {
          const inner = g[1]!.trim();
          i += g[0].length;
          lexWord(inner, s, i);
        }
        continue;
      }
      if (cmd === 'partial') { pushPartial(s); continue; }
      if (cmd === 'sum') { push('bigop', 'sum', s, i); continue; }
      if (cmd === 'prod') { push('bigop', 'prod', s, i); continue; }
      if (cmd === 'frac' || cmd === 'dfrac' || cmd === 'tfrac') { push('frac', 'frac', s, i); continue; }
      if (LATEX_OPS[cmd]) { push('op', LATEX_OPS[cmd]!, s, i); continue; }
      if (cmd === '{' || cmd === '}') { push('op', cmd === '{' ? '(' : ')', s, i); continue; }
      if (cmd === 'mid' || cmd === 'vert') { push('op', '|', s, i); continue; }
      if (GREEK[cmd]) { lexWord(GREEK[cmd]!, s, i); continue; }
      if (FUNCTIONS[cmd]) { lexWord(cmd, s, i); continue; }
      push('error', m[0], s, i);
      errors.push({ message: `unknown LaTeX command \\${cmd}`, range: range(s, i) });
      continue;
    }
    // ASCII derivative spellings dA/dB and d+A/dB: a d directly before a name, a slash and another d-name
    if (c === 'd' && (lastEnd !== s || tokens.length === 0 || !isNameChar(src[s - 1] ?? ''))) {
      const m = /^d(\+?)([\p{L}][\p{L}\p{N}_]*(?:_\{[^}\n]*\})?(?:\^\{?\([^)\n]*\)\}?)?)\s*\/\s*d[\p{L}]/u.exec(src.slice(i, i + 200));
      if (m) {
        i += 1 + m[1]!.length;
        push('partial', '∂', s, i, { plus: m[1] === '+' });
        continue;
      }
      // the d of the denominator: "/ dB" right after a partial numerator
      const prev = tokens[tokens.length - 1];
      if (prev && prev.kind === 'op' && prev.text === '/' && isPartialNumerator(tokens) && isLetter(src[i + 1] ?? '')) {
        i += 1;
        push('partial', '∂', s, i);
        continue;
      }
    }
    if (isLetter(c)) {
      let j = i + 1;
      // letters, digits and _segments (W_xh, h_t, L_3); "_{" and "_(" end the word: the subscript is a group
      for (;;) {
        while (j < n && isNameChar(src[j]!)) j++;
        if (src[j] === '_' && j + 1 < n && isNameChar(src[j + 1]!)) { j++; continue; }
        break;
      }
      let word = src.slice(i, j);
      // sum_/prod_ are Σ/∏ written in ASCII
      const big = /^(sum|prod)_/.exec(word);
      if (big && word.length > big[0].length) {
        i += big[1]!.length;
        push('bigop', big[1]!, s, i);
        push('op', '_', i, i + 1);
        i += 1;
        continue;
      }
      if ((word === 'sum' || word === 'prod') && src[j] === '_') {
        i = j;
        push('bigop', word, s, i);
        continue;
      }
      // Unicode subscript digits: h₂ is h_2
      let k = j;
      while (k < n && SUBSCRIPT_DIGITS.includes(src[k]!)) k++;
      if (k > j) {
        word += '_' + [...src.slice(j, k)].map((d) => SUBSCRIPT_DIGITS.indexOf(d)).join('');
        j = k;
      }
      i = j;
      lexWord(word, s, i);
      continue;
    }
    // single characters
    i++;
    switch (c) {
      case '∂': pushPartial(s); break;
      case 'Σ': case '∑': push('bigop', 'sum', s, i); break;
      case '∏': push('bigop', 'prod', s, i); break;
      case '(': case '[': case '{': depth++; push('op', c, s, i); break;
      case ')': case ']': case '}': depth = Math.max(0, depth - 1); push('op', c, s, i); break;
      case '·': case '⋅': case '*': case '×': case '∙': push('op', '*', s, i); break;
      case '⊙': case '∘': push('op', '⊙', s, i); break;
      case '−': case '–': push('op', '-', s, i); break;
      case 'ᵀ': case '⊤': push('op', 'ᵀ', s, i); break;
      case '′': case "'": push('op', "'", s, i); break;
      case '⁺': push('op', '⁺', s, i); break;
      case '.':
        if (src[i] === '.') { i++; push('op', '..', s, i); }
        else { push('error', '.', s, i); errors.push({ message: "unexpected '.'", range: range(s, i) }); }
        break;
      case '…':
        push('op', '..', s, i); break;
      case '+': case '-': case '/': case '^': case '=': case ',': case ':': case '@': case '_': case '|':
        push('op', c, s, i); break;
      default:
        push('error', c, s, i);
        errors.push({ message: `unexpected character '${c}'`, range: range(s, i) });
    }
    if (tokens.length > LIMITS.maxTokens) {
      errors.push({ message: `file too large: more than ${LIMITS.maxTokens.toLocaleString('en')} tokens (limit)`, range: range(s, i) });
      break;
    }
  }
  push('newline', '\n', n, n);
  tokens.push({ kind: 'eof', text: '', value: 0, plus: false, tight: false, range: range(n, n), start: n, end: n });
  return { tokens, errors };

  function pushPartial(s: number) {
    // ∂⁺, ∂^+, ∂^{+}
    const m = /^(?:⁺|\^\+|\^\{\+\})/.exec(src.slice(i, i + 6));
    if (m) i += m[0].length;
    push('partial', '∂', s, i, { plus: !!m });
  }

  function lexWord(word: string, s: number, e: number) {
    if (KEYWORDS.has(word)) { push('kw', word, s, e); return; }
    const fn = FUNCTIONS[word];
    if (fn) {
      // a prime right after σ/tanh/relu is its derivative: σ'(z)
      if (DERIVABLE.has(fn) && (src[e] === "'" || src[e] === '′')) {
        i = e + 1;
        push('fn', 'd' + fn, s, e + 1);
        return;
      }
      push('fn', fn, s, e);
      return;
    }
    if (word === 'grad') {
      if (src[e] === '+') { i = e + 1; push('grad', 'grad', s, e + 1, { plus: true }); return; }
      push('grad', 'grad', s, e);
      return;
    }
    push('name', word, s, e);
  }
}

/** Whether the tokens before a trailing '/' are a derivative's numerator (∂A or ∂(…)). */
function isPartialNumerator(tokens: Token[]): boolean {
  let depth = 0;
  for (let k = tokens.length - 2; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth++;
    else if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth--;
    else if (t.kind === 'partial' && depth === 0) return true;
    else if (depth === 0 && !(t.kind === 'name' || t.kind === 'num' || (t.kind === 'op' && (t.text === '_' || t.text === '^' || t.text === '-' || t.text === '+')))) return false;
    if (depth < 0) return false;
  }
  return false;
}
