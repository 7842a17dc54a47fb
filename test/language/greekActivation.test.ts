// Mandic & Chambers' y(k) = Φ(v(k)) and Φ'(v(k)) (probe 48): a Greek capital before parentheses, where the file
// defines no Φ, is an activation to name, as g(…) and Graves's θ'(…) are — it was a bare "unknown name Φ". Named once
// in the network (Φ = σ), it reads.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = (alias: string) => `T = 2
input x = [0.4, -0.3]
param w = 0.6
${alias}
h_0 = 0
v_t = w h_{t-1} + x_t
h_t = σ(v_t)
loss L = sum(h_T)
`;

describe('a Greek capital written as an activation', () => {
  it('unnamed, Φ(…) and Φ′(…) say to name it', () => {
    const r = analyze(`${NET('')}check h_t = Φ(v_t)\ncheck ∂h_t/∂v_t = Φ'(v_t)`);
    expect(r.checks).toEqual([]);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors[0]).toMatch(/^unknown name Φ: if Φ\(…\) is an activation .* name it once on a line of its own \(Φ = tanh\)/);
    expect(errors[1]).toMatch(/^unknown name Φ: if Φ'\(…\) is the derivative of an activation/);
  });
  it('named Φ = σ, both read', () => {
    const r = analyze(`${NET('Φ = σ')}check h_t = Φ(v_t)\ncheck ∂h_t/∂v_t = Φ'(v_t)`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
