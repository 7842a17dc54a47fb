// Every character that is no letter, digit or backslash: operators, brackets, primes, ∂, ∇, Σ, ⊙, arrows, …

import { pushPartial } from './accents';
import { OPERAND_END, isMarkCode } from './characters';
import { fontSwitchEnd, isEmptyGroupAt } from './commands';
import { error, push, unexpectedText, updateText } from './emit';
import { Brace, closeBrace, innerAngle, stepAngle } from './groups';
import { inSquareBracket } from './latex';
import { FUNCTIONS } from './keywords';
import type { LexState } from './state';
import type { Token } from './token';

/**
 * `.T` at s is numpy's transpose: right after an operand (no space: h_t.T, W_hy.T, (a − b).T) and ending there (not
 * T_1, T^2, .Tr, T(…)); `w.T` for w times the horizon is written w T or w·T
 */
export function numpyTranspose(src: string, s: number): boolean {
  return s > 0 && OPERAND_END.test(src[s - 1]!) && src.charCodeAt(s + 1) === 84 && !/[\p{L}\p{N}_^{('′]/u.test(src[s + 2] ?? ' ');
}

/**
 * a dot at s that is Julia's broadcast: right after an operand (or a function's name) and right before an operator
 * (`h .* g`, `1 .- h.^2`) or, after a function's name, the call's parenthesis (`tanh.(z)`)
 */
function juliaDot(src: string, s: number, prev: Token | undefined): boolean {
  const next = src[s + 1] ?? '';
  // (w.(h + x) is a product: only a function's name broadcasts)
  if (next === '(') return prev?.kind === 'fn' && prev.end === s;
  return /^[*+\-/^]$/.test(next) && (s === 0 || /[\s\p{L}\p{N})\]}_']/u.test(src[s - 1]!));
}

/** a module's name before the dot at i - 1, and a function called after it: `np.diag(`, `torch.tanh(`, `np.outer(` */
function libraryPrefix(t: Token | undefined, src: string, i: number): boolean {
  if (!t || t.kind !== 'name' || !/^(?:np|numpy|torch|jnp|F)$/.test(t.text) || t.end !== i - 1) return false;
  const w = /^[A-Za-z]+/.exec(src.slice(i, i + 12))?.[0];
  return w !== undefined && src[i + w.length] === '(' && (FUNCTIONS[w] !== undefined || t.text !== 'F');
}

/** one character of its own (an operator, ∂, Σ, a bracket), switched on by code: no string is made for it */
export function single(ls: LexState, k: number) {
  const s = ls.i;
  ls.i++;
  /** the operator the character is, pushed after the switch: one push here, not one per case (each was inlined) */
  let op: string;
  switch (k) {
    case 0x2202: // ∂
      pushPartial(ls, s);
      return;
    case 0x2207: // ∇
      push(ls, 'nabla', '∇', s, ls.i);
      return;
    case 0x3a3: // Σ
    case 0x2211: // ∑
      push(ls, 'bigop', 'sum', s, ls.i);
      return;
    case 0x220f: // ∏
      push(ls, 'bigop', 'prod', s, ls.i);
      return;
    case 123: // {
      // an empty group {} prints nothing: x^{(t)}{}^\top is x^{(t)}^\top (what follows stays tight)
      if (isEmptyGroupAt(ls.src, ls.i)) {
        const close = ls.src.indexOf('}', ls.i);
        // an empty script, ^{} or _{}, is nothing too (TeX sets no box): written by hand (`\partial^{} L`, `w_{}`,
        // `h_{t}^{}`) it was a script with no value; its mark goes, and what follows stays as tight as the mark was
        const mark = ls.tokens[ls.tokens.length - 1];
        if (mark && mark.kind === 'op' && (mark.text === '^' || mark.text === '_') && ls.src.slice(mark.end, s).trim() === '') {
          ls.tokens.pop();
          ls.lastEnd = mark.tight ? close + 1 : -1;
          ls.i = close + 1;
          return;
        }
        if (ls.lastEnd === s) ls.lastEnd = close + 1;
        ls.i = close + 1;
        return;
      }
      ls.depth++;
      {
        // {\rm d}, {\bf W}: a group a font switch opens is transparent, as \mathrm{d} is (so \frac{{\rm d}L}{{\rm d}w} is dL/dw)
        const f = fontSwitchEnd(ls.src, ls.i);
        if (f > 0) {
          if (ls.lastEnd === s) ls.lastEnd = f;
          ls.i = f;
          ls.braces.push(Brace.Transparent);
          return;
        }
      }
      ls.braces.push(Brace.Real);
      op = '{';
      break;
    case 125: // }
      closeBrace(ls, s);
      return;
    case 91: // [
      ls.depth++;
      op = '[';
      break;
    case 0xb7: // ·
    case 0x22c5: // ⋅
    case 0xd7: // ×
    case 0x2219: // ∙
      op = '*';
      break;
    case 0x3016: // 〖 … 〗, UnicodeMath's invisible grouping (∑_(t=1)^T▒〖…〗): a group, as ( … ) is
      ls.depth++;
      op = '(';
      break;
    case 0x3017:
      ls.depth = Math.max(0, ls.depth - 1);
      op = ')';
      break;
    case 0x2298: // ⊘ (Hadamard division)
      op = '/';
      break;
    case 0x2217: // ∗ (deeplearning.ai's elementwise product; * is elementwise on equal shapes)
      op = '*';
      break;
    case 0x27e8: // ⟨ and 〈: a step's bracket right after ^ (stepAngle)
    case 0x2329:
    case 0x27e9: // ⟩ and 〉
    case 0x232a:
      if (!stepAngle(ls, k === 0x27e8 || k === 0x2329, s)) innerAngle(ls, k === 0x27e8 || k === 0x2329, s);
      return;
    case 0x2297: // ⊗ (the outer product)
      op = '⊗';
      break;
    case 0x2299: // ⊙
    case 0x2218: // ∘
    case 0x22c6: // ⋆ (CS230's)
      op = '⊙';
      break;
    case 0x2212: // − (minus sign)
    case 0x2013: // – (en dash)
      op = '-';
      break;
    case 0x1d40: // ᵀ
    case 0x22a4: // ⊤
      op = 'ᵀ';
      break;
    case 0x2032: // ′
    case 0x2019: // ’, the prime a word processor's smart quotes make of ' (σ’(z), W’)
    case 39: // '
      op = "'";
      break;
    case 0x207a: // ⁺
      op = '⁺';
      break;
    case 0x2248: // ≈
    case 0x2243: // ≃
      op = '≈';
      break;
    case 0x2261: // ≡, "equal by definition" or "identically equal": the equals sign
    case 0x2254: // ≔
    case 0x225c: // ≜
      op = '=';
      break;
    case 0xbd: // ½, as in L = ½‖h_T‖²: the number 1/2 (also ¼, ¾)
    case 0xbc:
    case 0xbe:
      push(ls, 'num', ls.src[s]!, s, ls.i, k === 0xbd ? 0.5 : k === 0xbc ? 0.25 : 0.75);
      return;
    case 0x2190: // ←, ⟵: an update, as \leftarrow is
    case 0x27f5:
      error(ls, ls.src[s]!, s, ls.i, updateText(ls.src[s]!));
      return;
    case 0x2260: // ≠
      op = '≠';
      break;
    case 33: // !=, as ≠; a lone ! stays unexpected
      if (ls.src.charCodeAt(ls.i) !== 61) {
        error(ls, '!', s, ls.i, unexpectedText(33, '!'));
        return;
      }
      ls.i++;
      op = '≠';
      break;
    case 0x2208: // ∈
      op = '∈';
      break;
    case 0x222a: // ∪
      op = '∪';
      break;
    case 0x2200: // ∀: as \forall, the range of a check (∀ t ∈ {1, …, T})
      push(ls, 'kw', 'for', s, ls.i);
      return;
    case 0x2264: // ≤
    case 0x2a7d: // ⩽
      op = '≤';
      break;
    case 0x2265: // ≥
    case 0x2a7e: // ⩾
      op = '≥';
      break;
    case 46: // .
      if (ls.src.charCodeAt(ls.i) === 46) {
        ls.i++;
        op = '..';
      } else if (numpyTranspose(ls.src, s)) {
        // numpy's h_t.T (and W_hy.T @ δ): the transpose, not a product with the horizon T
        ls.i++;
        op = 'ᵀ';
      } else if (libraryPrefix(ls.tokens.at(-1), ls.src, ls.i)) {
        // np.diag(…), torch.tanh(…): NumPy's (or PyTorch's) function is the language's own; the module's name goes
        const w = /^[A-Za-z]+/.exec(ls.src.slice(ls.i, ls.i + 12))![0];
        const mod = ls.tokens.pop()!;
        // np.dot(A, B), np.matmul: the product, read as dot(A, B) is (resolve/numpyDot.ts)
        if (FUNCTIONS[w] !== undefined || w === 'dot' || w === 'matmul') return;
        // np.outer(…), np.dot(…): a function the language does not have, said by its name (not "unknown name np")
        ls.i += w.length;
        error(
          ls,
          `${mod.text}.${w}`,
          mod.start,
          ls.i,
          `${mod.text}.${w} is a function of ${mod.text === 'torch' ? 'PyTorch' : 'NumPy'}, which is not read: write it as math${w === 'outer' ? ` (${mod.text}.outer(a, b) is a bᵀ)` : w === 'dot' || w === 'matmul' ? ' (A @ B)' : ''}`,
        );
        return;
      } else if (juliaDot(ls.src, s, ls.tokens.at(-1))) {
        // Julia's broadcast, written in a notebook's math: tanh.(…) is tanh(…), .* the elementwise product, .+ .- ./
        // .^ the operators (all elementwise here already)
        const next = ls.src[ls.i]!;
        if (next === '(') return;
        ls.i++;
        op = next === '*' ? '⊙' : next;
      } else op = '.';
      break;
    case 0x2026: // …
    case 0x22ef: // ⋯
      op = '…';
      break;
    case 0x2016: // ‖ (the norm)
      op = '‖';
      break;
    case 36: // $
      // `$$ … $$`, `$ … $` pasted with a display onto a check line: math shifts are layout (nothing else uses $)
      return;
    case 38: // &
      if (ls.envs.length && ls.envs[ls.envs.length - 1]) push(ls, 'op', '&', s, ls.i);
      return;
    case 59: // ;
      // [h_{t-1}; x_t], [1, 2; 3, 4]: a row break of a literal, as papers stack vectors; elsewhere no character of the language
      if (inSquareBracket(ls)) {
        op = ';';
        break;
      }
      // `… = -2(y_3 - o_3);` pasted from a sentence: a semicolon ending the line is its punctuation, as a full stop is
      if (/^[ \t]*(?:\r?\n|$)/.test(ls.src.slice(ls.i, ls.i + 80))) return;
      error(ls, ';', s, ls.i, unexpectedText(59, ';'));
      return;
    case 47: // /
    case 61: // =
    case 58: // :
    case 60: // <
    case 62: // >
      // a^{<t>}: the step's brackets (stepAngle); elsewhere a Σ/∏ bound's relation
      if ((k === 60 || k === 62) && stepAngle(ls, k === 60, s)) return;
      // `w <- w − η ∂L/∂w`, the arrow typed in ASCII (R's assignment): an update, as ← is. `t <-1` (a number right
      // after the minus) stays a bound's relation and a negative number
      if (k === 60 && ls.src.charCodeAt(ls.i) === 45 && !/[\d.]/.test(ls.src[ls.i + 1] ?? '')) {
        ls.i++;
        error(ls, '<-', s, ls.i, updateText('<-'));
        return;
      }
      // := (a definition's sign) and a programmer's == are the equals sign
      if ((k === 58 || k === 61) && ls.src.charCodeAt(ls.i) === 61) {
        ls.i++;
        op = '=';
        break;
      }
      // one ASCII character: the engine's one-character strings, not a new one
      op = String.fromCharCode(k);
      break;
    default: {
      // a character outside the BMP is one code point of two units
      const cp = ls.src.codePointAt(s)!;
      const text = String.fromCodePoint(cp);
      ls.i = s + text.length;
      const what = isMarkCode(k)
        ? `a combining mark (U+${k.toString(16).toUpperCase().padStart(4, '0')}) with no letter before it`
        : unexpectedText(cp, text);
      error(ls, text, s, ls.i, what);
      return;
    }
  }
  push(ls, 'op', op, s, ls.i);
}
