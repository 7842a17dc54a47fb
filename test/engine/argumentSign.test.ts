// A sign turned inside a function's argument copied from the network (σ'(w h_{t−1} − w x_t)): named with the call as
// written and put right, where no other hint names the slip (check/innerSign.ts argumentSignHint). Session 54: such
// mutants of the probes' fixtures gave two values and no reason.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.7
h_0 = 0.2
u_t = σ(w h_{t-1} + w x_t)
h_t = u_t h_{t-1} + (1 - u_t) x_t
loss L = h_T
`;
const last = (line: string) => {
  const r = analyze(NET + line);
  return r.checks[r.checks.length - 1]!;
};

describe('a sign turned in a function argument', () => {
  it('is named with the call as written and put right', () => {
    const c = last("check ∂u_t/∂h_{t-1} = σ'(w h_{t-1} - w x_t) w");
    expect(c.status).toBe('fails');
    expect(c.message).toContain('σ′(w h_{t-1} − w x_t) should be σ′(w h_{t-1} + w x_t): with that sign the check holds');
  });
  it('says nothing where turning a sign does not mend the check', () => {
    const c = last("check ∂u_t/∂h_{t-1} = σ'(w h_{t-1} - w x_t) 2 w");
    expect(c.status).toBe('fails');
    expect(c.message).not.toContain('with that sign');
  });
  it('the check as the network writes it holds', () => {
    expect(last("check ∂u_t/∂h_{t-1} = σ'(w h_{t-1} + w x_t) w").status).toBe('holds');
  });
});
