// Prince's chain rule one layer down, ∂ℓ_i/∂f_{k−1} = ∂h_k/∂f_{k−1} ∂f_k/∂h_k ∂ℓ_i/∂f_k, is written in the
// denominator layout's order (each Jacobian left of the gradient it passes on). Under LANGUAGE.md §4 it fails; the
// message named one factor's transpose ("∂f_k/∂h_k should be (∂f_k/∂h_k)ᵀ"), as if one transpose were the slip —
// the other factor, a diagonal, is its own transpose. A chain of three or more factors read backwards now names the
// order and the chain in the numerator layout's; one Jacobian beside its gradient keeps the transpose message.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]
target y : 2 = [[0, 0], [0, 0], [0.4, -0.3]]
param Ω : 2x2 = [[0.5, -0.3], [0.2, 0.6]]
param Ψ : 2x2 = [[0.6, -0.4], [0.3, 0.5]]
f_0 = [0.3, -0.2]
h_t = tanh(f_{t-1})
f_t = Ω h_t + Ψ x_t
loss E = sum((f_T - y_T)^2)
`;

describe('a chain written in the denominator layout’s order', () => {
  it('is named as the order, with the chain in the numerator layout’s', () => {
    const r = analyze(`${NET}check ∂E/∂f_{t-1} = ∂h_t/∂f_{t-1} ∂f_t/∂h_t ∂E/∂f_t for t = 2..3\n`);
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /The chain ∂h_t\/∂f_\{t-1\} ∂f_t\/∂h_t ∂E\/∂f_t is written in the denominator layout's order.*in the numerator layout's order, ∂E\/∂f_t ∂f_t\/∂h_t ∂h_t\/∂f_\{t-1\}, the check holds/,
    );
    // written in the numerator layout's order it holds
    const ok = analyze(`${NET}check ∂E/∂f_{t-1} = ∂E/∂f_t ∂f_t/∂h_t ∂h_t/∂f_{t-1} for t = 2..3\n`);
    expect(ok.checks[0]!.status).toBe('holds');
  });
  it('leaves one Jacobian beside its gradient to the transpose message', () => {
    const r = analyze(`${NET}check ∂E/∂h_t = ∂f_t/∂h_t ∂E/∂f_t\n`);
    expect(r.checks[0]!.message).toMatch(/∂f_t\/∂h_t should be \(∂f_t\/∂h_t\)ᵀ/);
  });
});
