// ∂h_t/∂a_t = 1 − h_t², as many texts print the derivative of tanh applied entry by entry: the Jacobian of two
// vectors is a square matrix (§4) and the vector at most its diagonal, so the check fails — but its message gave only
// the two shapes. It now says the Jacobian is written diag(…) where it is diagonal, and names the derivative.
import { describe, expect, it } from 'vitest';
import { solutionVerdicts } from './vec23-network';
const verdicts = solutionVerdicts('tanh of a_t');

describe('a Jacobian written as the vector on its diagonal', () => {
  it('diag(1 − h_t²) holds, 1 − h_t² fails and is told diag', () => {
    const v = verdicts(
      '\\frac{\\partial h_t}{\\partial a_t} = \\operatorname{diag}(1 - h_t^2)',
      '\\frac{\\partial h_t}{\\partial a_t} = 1 - h_t^2',
      "\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{a}_t} = \\tanh'(a_t)",
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'fails', 'fails']);
    expect(v[1]!.message).toContain(
      '∂h_t/∂a_t is a Jacobian, a 3×3 matrix; where it is diagonal (an elementwise function) it is written diag(1 − h_t^2)',
    );
    expect(v[2]!.message).toContain('written diag(tanh′(a_t))');
  });

  it('a softmax Jacobian written as ŷ(1 − ŷ) is not told to transpose a factor', () => {
    const [v] = verdicts('\\frac{\\partial \\hat{y}_t}{\\partial o_t} = \\hat{y}_t(1 - \\hat{y}_t)');
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain('is a Jacobian, a 3×3 matrix');
    expect(v!.message).not.toContain('should be');
  });
});
