// Probe 43 (session 55): Le, Jaitly & Hinton's IRNN — h_t = relu(W h_{t−1} + U x_t + b) with W initialised to I — and
// its BPTT with relu's slope as 1[z > 0], relu' and Heaviside's H(z). diag(H(z_t)) was "unknown name H: if H(…) is
// Heaviside's step function … write relu'(…)"; it is now read as the step, with an information. The file's W is the
// identity, so what leans on W = I holds only for these values, and says so.
import { describe, expect, it } from 'vitest';
import { read43 } from './read43';

describe('the IRNN’s backward pass', () => {
  const { r, v } = read43('irnn-relu.md');
  it('the recurrence and BPTT hold, with every spelling of relu’s slope', () => {
    expect(r.checked).toBe(16);
    for (const tag of ['1', '2', '3', '5', '6', '7', '8', '10']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /H\(…\) is read as Heaviside's step function/.test(d.message))).toBe(true);
  });
  it('what holds only at the identity says it leans on W', () => {
    expect(v['9']!.status).toBe('holds-at-given-values');
    expect(v['9']!.message).toMatch(/it leans on the given value of W/);
    // the transpose dropped is invisible at W = I: the draw names it
    expect(v['r2']!.status).toBe('holds-at-given-values');
    expect(v['r2']!.message).toMatch(/W should be Wᵀ: with that transpose the check holds/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['r1', 'r3', 'r4', 'r5', 'r6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['r1']!.message).toMatch(/∂L\/∂h_t should be ∂L\/∂z_t/);
    expect(v['r3']!.message).toMatch(/z_\{t-1\} should be z_t: with that step the check holds/);
    expect(v['r4']!.message).toMatch(/h_\{t-1\} should be x_t: with that the check holds/);
    expect(v['r5']!.message).toMatch(/diag\(relu′\(−z_t\)\) should be diag\(relu′\(z_t\)\): with that sign the check holds/);
    expect(v['r6']!.message).toMatch(/leaves out the path through z_\{t\+1\}/);
  });
});
