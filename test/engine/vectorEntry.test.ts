// One entry of a small vector written for another: RTRL's ∂h_1^{(t)}/∂W_{12} ends with + h_2^{(t−1)} (the weight's
// column), written h_1^{(t−1)}; it failed with its values only (session 42, a probe of pasted formulas).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 3
input x : 2
param W : 2x2
param U : 2x2
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + U x_t)
loss L = Σ_t sum(h_t)
`;

const rtrl = (last: string) =>
  `check ∂h_1^{(t)}/∂W_{12} = (1 - (h_1^{(t)})^2) (W_{11} ∂h_1^{(t-1)}/∂W_{12} + W_{12} ∂h_2^{(t-1)}/∂W_{12} + ${last})\n`;

describe('a vector’s entry written for another', () => {
  it('is named, where the right entry holds', () => {
    const r = analyze(NET + rtrl('h_2^{(t-1)}') + rtrl('h_1^{(t-1)}'), FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(/h_\{t-1\}\[1\] should be h_\{t-1\}\[2\]: with that entry the check holds/);
  });

  it('says nothing of entries where no other entry mends it', () => {
    const r = analyze(NET + rtrl('2 h_2^{(t-1)}'), FAST);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toMatch(/with that entry/);
  });
});
