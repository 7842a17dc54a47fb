// The one edge B → A left out of ∂A/∂B was said "leaves out the path through A" (the AntisymmetricRNN's skip
// connection, ∂h_t/∂h_{t−1} without its I; Khapra's ∂s_4/∂W without ∂⁺s_4/∂W). It is no path "through" A: hints.ts
// pathHint now says "the direct term ∂⁺A/∂B, B's own appearance in A's equation" (session 56).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const NET = `T = 3
input x : 2
param W : 2x2
h_0 = [0.1, 0.2]
z_t = W h_{t-1} + x_t
h_t = h_{t-1} + 0.5 tanh(z_t)
loss L = sum(h_T)
`;

describe('the direct term left out', () => {
  it('is said as the direct term, not a path through A', () => {
    const r = analyze(`${NET}check ∂h_t/∂h_{t-1} = 0.5 diag(1 - tanh(z_t)^2) W\n`, FAST);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/leaves out the direct term ∂⁺h_t\/∂h_\{t-1\}, h_\{t-1\}'s own appearance in h_t's equation/);
    expect(r.checks[0]!.message).not.toMatch(/path through h_t/);
  });
});
