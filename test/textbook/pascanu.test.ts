// Pascanu, Mikolov and Bengio (2013), "On the difficulty of training recurrent neural networks", eqs. 3–5 as
// printed, with n = 3 hidden units and 2 inputs: x_t = W_rec σ(x_{t−1}) + W_in u_t + b, E = Σ_t E_t,
// ∂E/∂θ = Σ_{1≤t≤T} ∂E_t/∂θ, ∂E_t/∂θ = Σ_{1≤k≤t} ∂E_t/∂x_t ∂x_t/∂x_k ∂⁺x_k/∂θ, and
// ∂x_t/∂x_k = ∏_{t≥i>k} W_rec diag(σ'(x_{i−1})) at every pair k ≤ t; each printed mistake fails naming its culprit.
import { describe, it } from 'vitest';
import { expectVerdicts } from './verdicts';
import { PASCANU as NET } from './vanilla';

describe('Pascanu et al. (2013) as printed, vector network', () => {
  it('eqs. 3–5 hold, the layout and step mistakes are named', () => {
    expectVerdicts(NET, [
      { check: String.raw`∂E/∂W_rec = \sum_{1 \le t \le T} ∂E_t/∂W_rec`, status: 'holds' },
      { check: String.raw`∂E_t/∂W_rec = \sum_{1 \le k \le t} ∂E_t/∂x_t ∂x_t/∂x_k ∂⁺x_k/∂W_rec`, status: 'holds' },
      { check: String.raw`∂x_t/∂x_k = \prod_{t \ge i > k} W_rec diag(σ'(x_{i-1}))`, status: 'holds' },
      { check: String.raw`∂x_t/∂x_k = \prod_{t \ge i > k} W_rec^T diag(σ'(x_{i-1}))`, status: 'fails', says: [/W_recᵀ should be W_rec/] },
      { check: String.raw`∂x_t/∂x_k = \prod_{t \ge i > k} W_rec diag(σ'(x_i))`, status: 'fails', says: [/x_i should be x_\{i-1\}/] },
      {
        check: String.raw`∂E_t/∂W_rec = \sum_{1 \le k < t} ∂E_t/∂x_t ∂x_t/∂x_k ∂⁺x_k/∂W_rec`,
        status: 'fails',
        // Pascanu's k ≤ t written k < t: the bound named, and the path it leaves out (the path alone until session 31)
        says: [
          /The Σ over k on the right side \(k = 1\.\.t−1\) leaves out its last term k = t: with it the check holds \(it leaves out the path through x_t/,
        ],
      },
    ]);
  });

  // The ∏ over i from k (one Jacobian too many) was judged at k = t + 1 too, where its range is empty: the moved
  // bound (from k + 1) runs backward there, so the bound hint never held and the failure named nothing.
  it('a ∏ one factor too long between two free indices names the bound', () => {
    expectVerdicts(NET, [
      {
        check: String.raw`∂x_t/∂x_k = \prod_{t \ge i \ge k} W_rec diag(σ'(x_{i-1}))`,
        status: 'fails',
        says: [/the ∏ over i on the right side \(i = k\.\.t\) has one term too many, i = k: without it the check holds/i],
      },
      {
        check: String.raw`∂x_t/∂x_k = \prod_{i=k}^{t} W_rec diag(σ'(x_{i-1}))`,
        status: 'fails',
        says: [/has one term too many, i = k/],
      },
    ]);
  });
});
