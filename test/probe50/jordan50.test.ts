// Probe 50 (session 59): a Jordan network (Jordan 1986, "Serial Order") as course notes write it — the output fed back
// through a state unit with a self-connection, s(t) = μ s(t−1) + y(t−1), h(t) = f(W x(t) + U s(t)), y(t) = σ(V h(t)) —
// and the gradient by U through the state, forward (sensitivities) and backward (the error at the state). It read and
// was judged right as it was; pinned here.
import { describe, expect, it } from 'vitest';
import { read50 } from './read50';

describe('a Jordan network’s gradient through the state', () => {
  const { r, v } = read50('jordan-state.md');
  it('the network, the state’s Jacobian and both passes hold', () => {
    expect(r.checked).toBe(15);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the self-connection alone is the one-step derivative, said with what the output’s path adds', () => {
    expect(v['m1']!.status).toBe('holds-as-one-step');
    expect(v['m1']!.message).toMatch(/∂s_t\/∂s_\{t-1\} read as one-step derivative.*∂s_2\/∂s_1 adds/);
  });
  it('the other mistakes fail naming the slip', () => {
    for (const tag of ['m2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m2']!.message).toMatch(/leaves out the direct term ∂⁺s_t\/∂s_\{t-1\}/);
    expect(v['m3']!.message).toMatch(/h_t \(1 − h_t\) should be 1 − h_t\^2 \(that is σ's slope/);
    expect(v['m4']!.message).toMatch(/s_\{t-1\} should be s_t/);
    expect(v['m5']!.message).toMatch(/immediate partial ∂⁺E\/∂y_t .* not the total derivative ∂E\/∂y_t/);
    expect(v['m6']!.message).toMatch(/leaves out its first term t = 1/);
  });
});
