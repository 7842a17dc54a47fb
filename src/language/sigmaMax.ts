// σ_max(W), \sigma_{\max}(W): the largest singular value of W, as exam questions on exploding gradients bound
// ‖∂h_T/∂h_1‖ ≤ σ_max(W)^{T-1}. The lexer reads \sigma as the logistic function and \max as the ReLU's max, so the
// parser said "expected the argument of \sigma, found '_'". It is the spectral norm ‖W‖ (language.md §4).

import type { Token } from './lexer';

/** the function token σ_max stands for, read by the parser as the norm of its argument */
export const SIGMA_MAX = 'sigmamax';

const isOp = (t: Token | undefined, text: string) => t !== undefined && t.kind === 'op' && t.text === text;
const isMax = (t: Token | undefined) => t !== undefined && (t.kind === 'fn' || t.kind === 'name') && t.text === 'max';

/** the index of the last token of σ_max or σ_{max} (also \max) at q, when a parenthesis follows; else null */
export function sigmaMaxEnd(tokens: Token[], q: number): number | null {
  const t = tokens[q];
  // σ_max and sigma_max typed as one word, unless the file defines that name (σ_max = tanh, an activation of its own)
  if (t && t.kind === 'name' && (t.text === 'σ_max' || t.text === 'sigma_max'))
    return isOp(tokens[q + 1], '(') && tokens[q + 1]!.tight && !definesName(tokens, t.text) ? q : null;
  if (!t || t.kind !== 'fn' || t.text !== 'sigma') return null;
  const u = tokens[q + 1];
  if (!isOp(u, '_') || !u!.tight) return null;
  let end: number | null = null;
  if (isMax(tokens[q + 2])) end = q + 2;
  else if (isOp(tokens[q + 2], '{') && isMax(tokens[q + 3]) && isOp(tokens[q + 4], '}')) end = q + 4;
  return end !== null && isOp(tokens[end + 1], '(') ? end : null;
}

/** whether a statement of the file starts with the name (NAME = …, param NAME …) */
function definesName(tokens: Token[], name: string): boolean {
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    if (t.kind !== 'name' || t.text !== name) continue;
    const before = tokens[q - 1];
    // at a line's start, or declared (param σ_max …); a check or derive line defines nothing
    if (before === undefined || before.kind === 'newline' || (before.kind === 'kw' && before.text !== 'check' && before.text !== 'derive'))
      return true;
  }
  return false;
}
