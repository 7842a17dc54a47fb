// h_{n,t}: IndRNN's neuron n at step t, the entry first and the step last in one subscript (Li et al. 2018, ∂J/∂h_{n,t}
// = ∂J/∂h_{n,T} ∏_{k=t}^{T−1} u_n σ'_{n,k+1}). It was "h is a sequence: give its step too" (session 42, a probe of
// pasted formulas); ŷ_{t,i}, the step first, was read since session 16 and still comes first.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 3
input x : 2
param W : 2x2
param u : 2
param b : 2
h_0 = [0, 0]
h_t = tanh(W x_t + u ⊙ h_{t-1} + b)
loss J = sum(h_T)
`;

describe('an entry, then the step', () => {
  it('is entry n of h at step t, with a Σ/∏ variable moved by a number as the step', () => {
    const r = analyze(
      `${NET}check ∂J/∂h_{n,t} = ∏_{k=t}^{T-1} u_n (1 - h_{n,k+1}^2)\ncheck ∂h_{n,t}/∂h_{n,t-1} = u_n (1 - h_{n,t}^2)\n`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.checks[0]!.message).toMatch(/t = 1\.\.3 and n = 1\.\.2/);
  });

  it('a wrong step in it fails, naming the step', () => {
    const r = analyze(`${NET}check ∂h_{n,t}/∂h_{n,t-1} = u_n (1 - h_{n,t-1}^2)\n`, FAST);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/should be h_t/);
  });

  it('the step first is read as before', () => {
    const r = analyze(`${NET}check h_{t,n} = tanh(W x_t + u ⊙ h_{t-1} + b)_n\ncheck h_{2,1} = h_2[1]\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
