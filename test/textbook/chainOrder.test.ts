// The order of a ∏ of Jacobians (session 30): a ∏ whose body has its two square factors swapped, or that stands
// left of the gradient it multiplies, is named as that order — not as a wrong factor of a path, or a path no term
// covers.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { D2L_MATRIX, GOODFELLOW_ONEHOT, PASCANU } from './vanilla';
import { expectVerdicts } from './verdicts';

describe('a ∏ body with its two square factors swapped', () => {
  // inside Pascanu's Σ_k, the ∏ one factor long at t = 2, k = 1 was read by the term matcher: "factor 2 should be ∂x_2/∂x_1"
  it('is named as the order of the body’s factors', () => {
    expectVerdicts(PASCANU, [
      {
        check: String.raw`∂E_t/∂W_rec = \sum_{k=1}^{t} ∂E_t/∂x_t (\prod_{t \ge i > k} W_rec diag(σ'(x_{i-1}))) ∂⁺x_k/∂W_rec`,
        status: 'holds',
      },
      {
        check: String.raw`∂E_t/∂W_rec = \sum_{k=1}^{t} ∂E_t/∂x_t (\prod_{t \ge i > k} diag(σ'(x_{i-1})) W_rec) ∂⁺x_k/∂W_rec`,
        status: 'fails',
        says: [
          /Inside the ∏ over i, diag\(σ′\(x_\{i-1\}\)\) W_rec should be W_rec diag\(σ′\(x_\{i-1\}\)\): with its two factors in that order the check holds/,
        ],
      },
      {
        check: String.raw`∂E/∂x_1 = \sum_t ∂E_t/∂x_t \prod_{t \ge i > 1} diag(σ'(x_{i-1})) W_rec`,
        status: 'fails',
        says: [/should be W_rec diag\(σ′\(x_\{i-1\}\)\): with its two factors in that order/],
      },
    ]);
  });
});

describe('a ∏ of Jacobians written left of the gradient it multiplies', () => {
  // it failed with the values only, or (in Pascanu's Σ_k) "no path … no term covers"
  it('is named as the order: the gradient row multiplies from the left', () => {
    expectVerdicts(PASCANU, [
      { check: String.raw`∂E_t/∂x_k = ∂E_t/∂x_t \prod_{t \ge i > k} W_rec diag(σ'(x_{i-1}))`, status: 'holds' },
      {
        check: String.raw`∂E_t/∂x_k = (\prod_{t \ge i > k} W_rec diag(σ'(x_{i-1}))) ∂E_t/∂x_t`,
        status: 'fails',
        says: [
          /should be ∂E_t\/∂x_t ∏_\{t≥i≥k\+1\} W_rec diag\(σ′\(x_\{i-1\}\)\): a gradient is a row that multiplies the Jacobians from the left/,
        ],
      },
      {
        check: String.raw`∂E_4/∂x_1 = (\prod_{i=2}^{4} ∂x_i/∂x_{i-1}) ∂E_4/∂x_4`,
        status: 'fails',
        says: [/\(∏_\{i=2\}\^\{4\} ∂x_i\/∂x_\{i-1\}\) ∂E_4\/∂x_4 should be ∂E_4\/∂x_4 ∏_\{i=2\}\^\{4\} ∂x_i\/∂x_\{i-1\}/],
      },
      {
        check: String.raw`∂E_t/∂W_rec = \sum_{k=1}^{t} (\prod_{t \ge i > k} W_rec diag(σ'(x_{i-1}))) ∂E_t/∂x_t ∂⁺x_k/∂W_rec`,
        status: 'fails',
        says: [/a gradient is a row that multiplies the Jacobians from the left/],
      },
    ]);
  });
});

describe('a ∏ of transposed Jacobians, multiplied as the denominator layout chains them', () => {
  // Goodfellow's ∇_{h^{(t)}} L unrolled, Σ_k (∏_j Wᵀ diag(1 − (h^{(j)})²)) Vᵀ ∇_{o^{(k)}} L: its chain runs with the earlier
  // step on the left, and the ∏ (later step on the left) failed with the values only
  it('names the order its factors multiply in', () => {
    expectVerdicts(GOODFELLOW_ONEHOT, [
      {
        check: String.raw`\nabla_{\boldsymbol{h}^{(t)}} L = \sum_{k=t}^{T} \nabla_{\boldsymbol{o}^{(k)}} L \boldsymbol{V} \prod_{j=t+1}^{k} \text{diag}(1 - (\boldsymbol{h}^{(j)})^2) \boldsymbol{W}`,
        status: 'holds',
      },
      {
        check: String.raw`\nabla_{\boldsymbol{h}^{(t)}} L = \sum_{k=t}^{T} \left(\prod_{j=t+1}^{k} \boldsymbol{W}^\top \text{diag}(1 - (\boldsymbol{h}^{(j)})^2)\right) \boldsymbol{V}^\top \nabla_{\boldsymbol{o}^{(k)}} L`,
        status: 'fails',
        says: [
          /The ∏ over j \(j = t\+1\.\.k\) multiplies with the later step on the left, a chain's order in numerator layout, the layout Unroll reads \(a Jacobian's rows are its numerator's entries\); its factors multiply in the other order: with the earlier step on the left the check holds/,
          /transposed Jacobians such as Wᵀ diag\(1 − h_j\^2\)/,
        ],
      },
    ]);
  });
});

describe('a ∏ whose body runs on to the gradient it multiplies', () => {
  // ∏_{4≥j>1} diag(1 − h_j²) W ∂L_4/∂h_4 made the body a vector: "∏ of vectors is not defined; use ⊙ or diag", which
  // named neither the gradient nor the order that reads
  it('says so, and writes the gradient first', () => {
    const r = analyze(`${GOODFELLOW_ONEHOT}check ∂L_4/∂h_1 = \\prod_{4 \\ge j > 1} diag(1 - h_j^2) W ∂L_4/∂h_4\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      '∏ of vectors is not defined: its body runs on to ∂L_4/∂h_4, which does not change with j (a ∏ reaches to the end of the product it opens); write the gradient first, ∂L_4/∂h_4 ∏ diag(1 − h_j^2) W, as numerator layout orders it (a gradient row multiplies the Jacobians from the left)',
    ]);
    expectVerdicts(GOODFELLOW_ONEHOT, [
      { check: String.raw`∂L_4/∂h_1 = ∂L_4/∂h_4 \prod_{4 \ge j > 1} diag(1 - h_j^2) W`, status: 'holds' },
    ]);
  });
});

describe('a ∏ one term too long whose either end mends it', () => {
  // d2l.ai's linear recurrence: every ∂h_j/∂h_{j−1} is W_hh, so ∏_{j=t}^{i} holds without j = t (the chain h_t → h_i)
  // and without j = i alike; the bound hint named j = i alone, which is no chain of the sum's terms
  it('names both ends', () => {
    expectVerdicts(D2L_MATRIX, [
      {
        check: String.raw`\frac{\partial L}{\partial \mathbf{h}_t} = \sum_{i=t}^T \frac{\partial L}{\partial \mathbf{o}_{i}} \mathbf{W}_\textrm{qh} \prod_{j=t+1}^{i} \frac{\partial \mathbf{h}_j}{\partial \mathbf{h}_{j-1}}`,
        status: 'holds',
      },
      {
        check: String.raw`\frac{\partial L}{\partial \mathbf{h}_t} = \sum_{i=t}^T \frac{\partial L}{\partial \mathbf{o}_{i}} \mathbf{W}_\textrm{qh} \prod_{j=t}^{i} \frac{\partial \mathbf{h}_j}{\partial \mathbf{h}_{j-1}}`,
        status: 'fails',
        says: [/The ∏ over j on the right side \(j = t\.\.i\) has one term too many, j = t or j = i: without either the check holds/],
      },
    ]);
  });
});
