// probeC (session 12): g^{(t)2}, the step and a power in one superscript as notes write (g^{(t)})², reads as
// the square of g^{(t)}, as h^{(t)T} reads as its transpose.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 3
input x = [0.5, -1.0, 0.3]
param w = 0.9
param u = -0.4
h_0 = 0.1
g_t = tanh(w x_t + u h_{t-1})
h_t = g_t + h_{t-1}
loss L = Σ_t h_t^2
`;

describe('probeC: a power after the step in one superscript', () => {
  it('g^{(t)2} is (g^{(t)})^2', () => {
    const r = analyze(
      `${NET}check g^{(t)2} = g_t^2\ncheck ∂L/∂w = \\sum_{t=1}^T \\bar{g}^{(t)} (1 - g^{(t)2}) x^{(t)}\ncheck h^{(t-1)2} = h_{t-1} h_{t-1}\n`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
  });

  it('a wrong power still fails', () => {
    const r = analyze(`${NET}check g^{(t)3} = g_t^2\n`);
    expect(r.checks[0]!.status).toBe('fails');
  });
});
