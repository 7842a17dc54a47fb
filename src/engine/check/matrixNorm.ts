// ‖M‖ of a matrix is read as the Frobenius norm: the parser writes ‖x‖ as sqrt(sum(x ⊙ x)), the Euclidean norm of
// the entries. The notes on vanishing gradients mean an operator norm, under which ‖I‖ = 1: Khapra's ‖∂s_t/∂s_k‖ ≤
// ∏_{j=k+1}^{t} ‖∂s_j/∂s_{j−1}‖ failed at t = k, "1.73205 ≤ 1 is false" (‖I_3‖ = √3 against the empty product 1),
// with nothing saying which norm the left side was (probe 30, K14). A failing bound that takes such a norm says so.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren } from '../../language/resolve';

/** the first x of sqrt(sum(x ⊙ x)) in e whose x is a matrix of two or more rows and columns; null when none */
function matrixNorm(e: Expr): Expr | null {
  if (e.k === 'call' && e.fn === 'sqrt' && e.arg.k === 'call' && e.arg.fn === 'sum') {
    const sq = e.arg.arg;
    const x = sq.k === 'hadamard' || sq.k === 'mul' ? sq.a : null;
    if (x && x.shape?.length === 2 && x.shape[0]! > 1 && x.shape[1]! > 1) return x;
  }
  let found: Expr | null = null;
  forChildren(e, (c) => {
    found ??= matrixNorm(c);
  });
  return found;
}

/** "; ‖∂s_t/∂s_k‖, the norm of a matrix, is its Frobenius norm …", or '' when neither side takes the norm of a matrix */
export function matrixNormNote(lhs: Expr, rhs: Expr): string {
  const x = matrixNorm(lhs) ?? matrixNorm(rhs);
  if (!x) return '';
  const n = Math.min(x.shape![0]!, x.shape![1]!);
  return (
    `. ‖${exprText(x)}‖, the norm of a matrix, is read as its Frobenius norm (the square root of the sum of its ` +
    `entries' squares, ‖I_${n}‖ = √${n}), not an operator norm such as the spectral norm (its largest singular value, ‖I‖ = 1), which is not read`
  );
}
