// A failing check written with the solution's own name for a derivative (δ_t = ∂E/∂h_t) names its terms as written:
// "the term δ_t x_t leaves out the factor tanh′(…)", not "the term ∂E/∂h_t x_t" (check/writtenT.ts printerFor's aliases).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [1, -1, 2]
target y = [0.5, 0, 1]
param w = 0.5
param u = 1
param v = 2
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
\\hat y_t = v h_t
loss E = \\frac{1}{2}\\sum_{t=1}^{3} (\\hat y_t - y_t)^2
\\delta_t = \\frac{\\partial E}{\\partial h_t}
`;

describe('a derivative named by the solution, in a factor edit', () => {
  it('is printed by its name', () => {
    const r = analyze(NET + 'check \\frac{\\partial E}{\\partial u} = \\sum_{t=1}^{T} \\delta_t x_t');
    const c = r.checks[r.checks.length - 1]!;
    expect(c.status).toBe('fails');
    expect(c.message).toContain('The term δ_t x_t leaves out the factor tanh′(w h_{t-1} + u x_t): with that the check holds');
  });
  it('and the corrected check holds', () => {
    const r = analyze(NET + 'check \\frac{\\partial E}{\\partial u} = \\sum_{t=1}^{T} \\delta_t (1 - h_t^2) x_t');
    expect(r.checks[r.checks.length - 1]!.status).toBe('holds');
  });
});
