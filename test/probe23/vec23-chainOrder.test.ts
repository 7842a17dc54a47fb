// A Jacobian chain written out with its steps in the wrong order — diag(1 − h_2²) W_hh diag(1 − h_3²) W_hh for
// ∂h_3/∂h_1, or ∂h_1/∂h_0 ∂h_2/∂h_1 ∂h_3/∂h_2 — failed with only the two values: the hint that names two square
// factors in the wrong order swaps a pair only. A chain of square factors cut into one block per step, with the
// blocks' order reversed, is now tried too, and the message gives the order that holds.
import { describe, expect, it } from 'vitest';
import { solutionVerdicts } from './vec23-network';

const verdicts = solutionVerdicts('tanh');

describe('a Jacobian chain with its steps reversed', () => {
  it('the later step on the left holds', () => {
    const v = verdicts(
      '\\frac{\\partial h_3}{\\partial h_1} = \\operatorname{diag}(1-h_3^2) W_{hh} \\operatorname{diag}(1-h_2^2) W_{hh}',
      '\\frac{\\partial h_3}{\\partial h_0} = \\frac{\\partial h_3}{\\partial h_2} \\frac{\\partial h_2}{\\partial h_1} \\frac{\\partial h_1}{\\partial h_0}',
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'holds']);
  });

  it('the steps reversed fail, with the order that holds', () => {
    const [a, b] = verdicts(
      '\\frac{\\partial h_3}{\\partial h_1} = \\operatorname{diag}(1-h_2^2) W_{hh} \\operatorname{diag}(1-h_3^2) W_{hh}',
      '\\frac{\\partial h_3}{\\partial h_0} = \\frac{\\partial h_1}{\\partial h_0} \\frac{\\partial h_2}{\\partial h_1} \\frac{\\partial h_3}{\\partial h_2}',
    );
    expect(a!.status).toBe('fails');
    expect(a!.message).toContain(
      'diag(1 − h_2^2) W_hh diag(1 − h_3^2) W_hh should be diag(1 − h_3^2) W_hh diag(1 − h_2^2) W_hh: the chain rule',
    );
    expect(b!.status).toBe('fails');
    expect(b!.message).toContain('should be ∂h_3/∂h_2 ∂h_2/∂h_1 ∂h_1/∂h_0: the chain rule');
  });

  it('two factors swapped still get the pair hint', () => {
    const [v] = verdicts('\\frac{\\partial h_t}{\\partial h_{t-1}} = W_{hh} \\operatorname{diag}(1 - h_t^2)');
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain('W_hh diag(1 − h_t^2) should be diag(1 − h_t^2) W_hh: with its two factors in that order');
  });

  it('two square factors swapped after a row, which the product does not group as a pair, get the pair hint', () => {
    const [v] = verdicts(
      '\\frac{\\partial L}{\\partial h_{t-1}} = \\left(\\frac{\\partial L}{\\partial h_t}\\right)^\\top W_{hh} \\operatorname{diag}(1-h_t^2) + (\\hat{y}_{t-1} - y_{t-1})^\\top W_{hy}',
    );
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain('W_hh diag(1 − h_t^2) should be diag(1 − h_t^2) W_hh: with its two factors in that order');
  });
});
