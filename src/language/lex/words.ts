// Words: a name, a keyword or a function (the reserved words), code names (W_hh, dWxh), prose in a solution.

import { isNameCode, mathAlphanumeric } from './characters';
import { push } from './emit';
import { RESERVED, RESERVED_LENGTHS, UPRIGHT_FUNCTIONS, lengthBit } from './keywords';
import { inSubscript } from './latex';
import { isSubscriptDigit } from './scripts';
import type { LexState } from './state';

/** a name, a keyword or a function spelled with letters: W_xh, h_t, L_3, h̃, sum_ */
export function word(ls: LexState) {
  const s = ls.i;
  // (a math font's letter, two UTF-16 units, may start it: mathAlphanumeric)
  let j = ls.i + (ls.src.charCodeAt(ls.i) === 0xd835 ? 2 : 1);
  /** a character above ASCII in the word: only then can NFD change it */
  let wide = ls.src.charCodeAt(ls.i) >= 128;
  // letters, digits, combining marks and _segments (W_xh, h_t, L_3); "_{" and "_(" end the word: the subscript is a group
  /** a math font's letters or digits in the word (𝑊ℎℎ): folded to plain ones below */
  let fonts = false;
  /** an escaped underscore in the word (dnext\_c): made the name's _ below */
  let escaped = false;
  for (;;) {
    let c = ls.src.charCodeAt(j);
    for (;;) {
      if (c === 0xd835) {
        if (!isNameCode(mathAlphanumeric(ls.src, j).charCodeAt(0))) break;
        fonts = true;
        j += 2;
        c = ls.src.charCodeAt(j);
      } else if (j < ls.n && isNameCode(c)) {
        if (c >= 128) wide = true;
        c = ls.src.charCodeAt(++j);
      } else break;
    }
    if (
      c === 95 &&
      j + 1 < ls.n &&
      (mathAlphanumeric(ls.src, j + 1) || (ls.src.charCodeAt(j + 1) !== 0xd835 && isNameCode(ls.src.charCodeAt(j + 1))))
    ) {
      j++;
      continue;
    }
    // dnext\_c: LaTeX's escaped underscore inside a name of code (CS231n's dprev\_h) is the name's _
    // (h\_3, h\_t: a step after it too, as h_3 is one word)
    if (c === 92 && ls.src.charCodeAt(j + 1) === 95 && j + 2 < ls.n && isNameCode(ls.src.charCodeAt(j + 2))) {
      escaped = true;
      j += 2;
      continue;
    }
    break;
  }
  let w = ls.src.slice(ls.i, j);
  if (escaped) w = w.replace(/\\_/g, '_');
  if (fonts || ls.src.charCodeAt(ls.i) === 0xd835) w = w.replace(/\uD835[\uDC00-\uDFFF]/g, (pair) => pair.normalize('NFKC'));
  // ℎ (U+210E), the italic h of Word's equations (the math font has no h of its own)
  // ℒ ℋ ℬ ℰ ℱ ℐ ℳ ℛ, the script capitals typed as characters (probe 47's plain-text student), are \mathcal{L} …: the
  // letter, as 𝓛 is (ℓ stays a letter of its own: Prince's loss ℓ_i)
  if (wide) w = w.replace(/\u210E/g, 'h').replace(/[ℒℋℬℰℱℐℳℛ]/g, (c) => c.normalize('NFKC'));
  // sum_/prod_ are Σ/∏ written in ASCII (their s or p asked first: every word passes here)
  const w0 = w.charCodeAt(0);
  if ((w0 === 115 || w0 === 112) && (w.startsWith('sum_') || w.startsWith('prod_'))) {
    const b = w.startsWith('sum') ? 'sum' : 'prod';
    ls.i += b.length;
    push(ls, 'bigop', b, s, ls.i);
    push(ls, 'op', '_', ls.i, ls.i + 1);
    ls.i += 1;
    return;
  }
  if ((w === 'sum' || w === 'prod') && ls.src.charCodeAt(j) === 95) {
    ls.i = j;
    push(ls, 'bigop', w, s, ls.i);
    return;
  }
  // nabla_W L and grad_{W} L are ∇_W L typed in ASCII, as sum_ is Σ (grad(A, B) stays the derivative's call)
  const nabla = w0 === 110 || w0 === 103 ? /^(?:nabla|grad)(?=_|$)/.exec(w) : null;
  if (nabla && (w.length > nabla[0].length || ls.src.charCodeAt(j) === 95)) {
    ls.i = s + nabla[0].length;
    push(ls, 'nabla', '∇', s, ls.i);
    return;
  }
  // Unicode subscript digits: h₂ is h_2
  let q = j;
  while (q < ls.n && isSubscriptDigit(ls.src.charCodeAt(q))) q++;
  if (q > j) {
    w += '_';
    for (let d = j; d < q; d++) w += String(ls.src.charCodeAt(d) - 0x2080);
    j = q;
  }
  ls.i = j;
  // ŷ typed as one character (U+0177) is the same name as \hat{y} (y and a combining circumflex);
  // ASCII is its own NFD
  lexWord(ls, wide ? w.normalize('NFD') : w, s, ls.i);
}

export function lexWord(ls: LexState, w: string, s: number, e: number) {
  const info = (RESERVED_LENGTHS[w.charCodeAt(0)]! & lengthBit(w.length)) !== 0 ? RESERVED.get(w) : undefined;
  if (info === undefined) {
    // \operatorname{th}(a_t), \mathrm{th}\,z: Russian's tanh, written upright (an italic th stays a name)
    const upright = UPRIGHT_FUNCTIONS[w];
    if (upright !== undefined && uprightGroup(ls.src, s, e)) lexWord(ls, upright, s, e);
    else push(ls, 'name', w, s, e);
    return;
  }
  if (info.kind === 'fn') {
    // a prime right after σ/tanh/relu is its derivative: σ'(z)
    if (info.derivative !== null && (ls.src.charCodeAt(e) === 39 || ls.src.charCodeAt(e) === 0x2032 || ls.src.charCodeAt(e) === 0x2019)) {
      ls.i = e + 1;
      push(ls, 'fn', info.derivative, s, e + 1);
      return;
    }
    push(ls, 'fn', info.text, s, e);
    return;
  }
  // N_{input}, N_{\mathrm{input}}: a keyword in a subscript is part of the name, as N_{\text{input}} is
  if (info.kind === 'kw' && inSubscript(ls)) {
    push(ls, 'name', w, s, e);
    return;
  }
  // Chollet's input_t declared as `input input : 2`: a keyword right after a declaration's keyword is its name
  if (info.kind === 'kw' && declaresName(ls)) {
    push(ls, 'name', w, s, e);
    return;
  }
  if (info.kind === 'grad' && ls.src.charCodeAt(e) === 43) {
    ls.i = e + 1;
    push(ls, 'grad', 'grad', s, e + 1, 0, true);
    return;
  }
  push(ls, info.kind, info.text, s, e);
}

/** the word at s..e is the whole content of \operatorname{…}, \mathrm{…} or \rm's group */
function uprightGroup(src: string, s: number, e: number): boolean {
  // (not English's ordinal after a superscript's mark, t^{\mathrm{th}})
  return (
    /(?<![_^]\s*\{?\s*)\\(?:operatorname\*?|mathrm)\s*\{\s*$/.test(src.slice(Math.max(0, s - 24), s)) && /^\s*\}/.test(src.slice(e, e + 4))
  );
}

/** the token before is a declaration's keyword (param, input, target) on this line: the word now is the name declared */
function declaresName(ls: LexState): boolean {
  const before = ls.tokens[ls.tokens.length - 1];
  return before !== undefined && before.kind === 'kw' && (before.text === 'input' || before.text === 'target' || before.text === 'param');
}
