// A difference written the wrong way round inside diag(…), beside a term that is right: the MGU's ∂h_t/∂f_t with
// diag(h_{t−1} − h̃_t) for diag(h̃_t − h_{t−1}) was told "the term diag(h_0 − h̃_1) is no path … the last factor should be
// ∂h_1/∂f_1" (session 56). innerSign.ts reads diag's argument as a factor and tries a difference's sides exchanged;
// a whole side negated stays "a sign is wrong", and A − Aᵀ reversed (its transpose) is left to the transpose hints.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const GATED = `T = 3
input x : 2
param W : 2x2
param U : 2x2
h_0 = [0.1, -0.2]
f_t = σ(W x_t)
g_t = tanh(U (f_t ⊙ h_{t-1}))
h_t = (1 - f_t) ⊙ h_{t-1} + f_t ⊙ g_t
loss L = sum(h_T)
`;

describe('a difference reversed', () => {
  it('inside diag(…), beside a right term, is named', () => {
    const J = 'diag(f_t) diag(1 - g_t^2) U diag(h_{t-1})';
    const r = analyze(`${GATED}check ∂h_t/∂f_t = diag(g_t - h_{t-1}) + ${J}\ncheck ∂h_t/∂f_t = diag(h_{t-1} - g_t) + ${J}\n`, FAST);
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.checks[1]!.status).toBe('fails');
    expect(r.checks[1]!.message).toMatch(/\(h_\{t-1\} − g_t\) should be \(g_t − h_\{t-1\}\): with that the check holds/);
  });
  it('a whole side negated is still said as such', () => {
    const r = analyze(`${GATED}check ∂h_t/∂f_t = diag(h_{t-1} - g_t) - diag(f_t) diag(1 - g_t^2) U diag(h_{t-1})\n`, FAST);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/The right side is the left side with the opposite sign: a sign is wrong/);
  });
});
