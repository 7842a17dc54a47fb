// A hint's edit found at the file's values is named only if it holds at a draw too (check/confirm.ts). With one
// point to judge (no free t), a value of the file matched by coincidence: 3(h_3 − y_3) for 2(h_3 − y_3) was "the
// right side leaves out the factor x_3 (x_3 = 2); with that it is T = 3 times the other side" (found by contract15).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param w = 0.8
param u = 0.3
h_0 = 0
h_t = σ(u x_t + w h_{t-1})
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
`;

describe('a culprit is confirmed at a draw', () => {
  it('a coincidence of the file’s numbers is not named', () => {
    const r = analyze(`${NET}check ∂L/∂h_3 = 3(h_3 - y_3)\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toContain('x_3');
  });

  it('a real culprit still is: a factor of the network left out, or a value written for another', () => {
    const left = analyze(`${NET}check ∂h_3/∂w = σ'(u x_3 + w h_2)\n`);
    expect(left.checks[0]!.status).toBe('fails');
    expect(left.checks[0]!.message).toMatch(/leaves out|should be|h_2/);
    const swapped = analyze(`${NET}check ∂⁺h_3/∂u = σ'(u x_3 + w h_2) h_2\n`);
    expect(swapped.checks[0]!.message).toContain('should be x_3');
  });
});
