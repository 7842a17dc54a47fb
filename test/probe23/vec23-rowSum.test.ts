// Numerator layout written as a sum: ∂L/∂h_{t-1} = ∂L/∂h_t ∂h_t/∂h_{t-1} + (ŷ_{t-1} − y_{t-1})ᵀ W_hy. Both terms are
// rows — the first a vector left of a matrix (§4's `v M`, vᵀM), the second an explicit 1×n row — but the first is a
// vector of n to the shapes, and the sum was skipped ("cannot add the product (vector of 3) and the product (1×3
// matrix)"), so a right formula went unchecked and a wrong one (W_hyᵀ for W_hy) escaped. A vector left of a matrix
// beside a 1×n row is read as that row, as a gradient already was (row-gradient).
import { describe, expect, it } from 'vitest';
import { solutionVerdicts } from './vec23-network';

const verdicts = solutionVerdicts('tanh of a_t');

const dL = (x: string) => `\\frac{\\partial L}{\\partial ${x}}`;
const jac = '\\frac{\\partial h_t}{\\partial h_{t-1}}';

describe('a numerator-layout row plus an explicit row', () => {
  it('the chain-rule row plus (ŷ − y)ᵀ W_hy holds, in either order and with diag(1 − h_t²) W_hh written out', () => {
    const v = verdicts(
      `${dL('h_{t-1}')} = ${dL('h_t')} ${jac} + (\\hat{y}_{t-1} - y_{t-1})^\\top W_{hy}`,
      `${dL('h_{t-1}')} = (\\hat{y}_{t-1} - y_{t-1})^\\top W_{hy} + ${dL('h_t')} ${jac}`,
      `${dL('h_{t-1}')} = ${dL('h_t')} \\operatorname{diag}(1 - h_t^2) W_{hh} + (\\hat{y}_{t-1} - y_{t-1})^T W_{hy}`,
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'holds', 'holds']);
  });

  it('a transpose too many on the row term fails and names it', () => {
    const [v] = verdicts(`${dL('h_{t-1}')} = ${dL('h_t')} ${jac} + (\\hat{y}_{t-1} - y_{t-1})^\\top W_{hy}^\\top`);
    expect(v!.status).toBe('fails');
    expect(v!.message).toMatch(/W_hyᵀ should be W_hy/);
  });
});
