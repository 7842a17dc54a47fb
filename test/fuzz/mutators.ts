// Mutations of example texts for fuzzing: character and line edits, and insertions of the language's
// own tokens (the edits a student makes mid-keystroke, and worse).

import fc from 'fast-check';

export const TOKENS = [
  'σ',
  "σ'",
  '∂',
  '∂⁺',
  'd+',
  'Σ_{t=1}^{T}',
  'Σ_t',
  '∏_{j=i+1}^{T}',
  '∏_j',
  '_{t-1}',
  '_{t+1}',
  '_{T+1}',
  '_0',
  '_t',
  '^(t-1)',
  '^{(t)}',
  '[',
  ']',
  '[[',
  ']]',
  '(',
  ')',
  '{',
  '}',
  '^',
  'ᵀ',
  "'",
  '⊙',
  '@',
  '·',
  '*',
  '/',
  '+',
  '-',
  '=',
  ',',
  '_',
  '.',
  '..',
  '|',
  '\n',
  ' ',
  '#',
  '//',
  '0',
  '1',
  '1.5',
  '-3',
  '1e308',
  '-1e308',
  '1e-320',
  '0.0',
  '10000',
  '100000',
  'NaN',
  'Infinity',
  'T',
  't',
  'h',
  'x',
  'W_hh',
  'h_{t-1}',
  'x_{t+100}',
  'h_{T+5}',
  'L',
  'σ(',
  'tanh(',
  'relu(',
  'exp(',
  'log(',
  'sqrt(',
  'softmax(',
  'diag(',
  'sum(',
  'mean(',
  'abs(',
  "tanh'(",
  'count(',
  '\\sigma',
  '\\partial',
  '\\frac{',
  '\\sum_{t=1}^{T}',
  '\\cdot',
  '\\odot',
  'grad(',
  'grad+(',
  'check ',
  'derive ',
  'loss ',
  'param ',
  'input ',
  'target ',
  'for t = 1..T',
  'for t = 2..T-1',
  ' : 3',
  ' : 2x3',
  ' : 3×3',
  ' = [1, 2, 3]',
  ' = 0',
  'T = ',
  'h_0 = 0',
  'g_{T+1} = 0',
  '∂L/∂W_hh',
  '∂h_t/∂h_{t-1}',
  '0/0',
  'log(0)',
  'exp(1000)',
  '𝛼',
  '\u0000',
  '\r',
  '\t',
  '\uFEFF',
];

/**
 * The notation of LANGUAGE.md v2, as solutions write it: inserted by the fuzz tests (fuzzMutationArb), not by the
 * pinned Reports' mutated cases (test/analysis/reportCases.ts draws from TOKENS alone, so its texts stay the same)
 */
export const V2_TOKENS = [
  'w.h_{t-1}',
  '\\tilde{h}_t',
  '\\overline{h}^{(t)}',
  '\\bar{c}_t',
  '\\sigma^{-1}(',
  '\\mathbf{W}_{hh}',
  'Σ_j',
  'Σ_{i,j}',
  'p_j^{(k+1)}',
  'w_{i,j}^{(k)}',
  '∇_{W_hh} L',
  '\\mathbf{1}',
  '\\operatorname{sech}^2(',
  ' \\approx 0.5',
  '≈',
  '\\otimes',
  'dW_hh',
  'f(x_t, h_{t-1})',
  ' = ',
  // session 25: what a student writes where LANGUAGE.md is silent
  '2|w|',
  ' % a remark',
  ':=',
  '\\equiv',
  '==',
  ' : [3, 2]',
  ' : (3,)',
  ' \\in \\mathbb{R}^{3 \\times 2}',
  ' ∈ ℝ',
  // session 46: bounds and their chains, norms of matrices
  ' ≤ ',
  ' < ',
  ' \\le ',
  ' ≥ 0',
  '‖',
  '‖W_hh‖',
  '‖_F',
  '\\|',
];

export type Mutation =
  | { k: 'delChar' | 'dupChar' | 'swapChars'; at: number }
  | { k: 'delLine' | 'dupLine' | 'swapLines'; at: number }
  | { k: 'insert'; at: number; token: string }
  | { k: 'delRange'; at: number; len: number };

function mutationArbWith(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ k: fc.constantFrom('delChar' as const, 'dupChar' as const, 'swapChars' as const), at: fc.nat() }),
    fc.record({ k: fc.constantFrom('delLine' as const, 'dupLine' as const, 'swapLines' as const), at: fc.nat() }),
    fc.record({ k: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...tokens) }),
    fc.record({ k: fc.constant('delRange' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  );
}

/** mutations inserting v1's tokens: the pinned Reports' mutated cases */
export const mutationArb: fc.Arbitrary<Mutation> = mutationArbWith(TOKENS);
/** every token, v2's notation too: the fuzz tests */
export const ALL_TOKENS = [...TOKENS, ...V2_TOKENS];
export const fuzzMutationArb: fc.Arbitrary<Mutation> = mutationArbWith(ALL_TOKENS);

/** Applies one mutation; positions wrap around the text, so any natural number is valid. */
export function mutate(text: string, m: Mutation): string {
  const chars = Array.from(text); // code points: never split a surrogate pair … except by design below
  const n = chars.length;
  switch (m.k) {
    case 'delChar':
      if (!n) return text;
      chars.splice(m.at % n, 1);
      return chars.join('');
    case 'dupChar': {
      if (!n) return text;
      const i = m.at % n;
      chars.splice(i, 0, chars[i]);
      return chars.join('');
    }
    case 'swapChars': {
      if (n < 2) return text;
      const i = m.at % (n - 1);
      [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      return chars.join('');
    }
    case 'insert': {
      const i = m.at % (n + 1);
      chars.splice(i, 0, m.token);
      return chars.join('');
    }
    case 'delRange': {
      // by UTF-16 units on purpose: this can split a surrogate pair, which a real editor buffer can hold
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + text.slice(i + m.len);
    }
    default: {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      if (m.k === 'delLine') lines.splice(i, 1);
      else if (m.k === 'dupLine') lines.splice(i, 0, lines[i]);
      else if (lines.length > 1) {
        const j = (i + 1) % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
  }
}
