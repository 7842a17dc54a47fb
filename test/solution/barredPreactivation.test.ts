// Greff et al.'s LSTM writes a gate's pre-activation with a bar (z̄ᵗ = W_z xᵗ + R_z yᵗ⁻¹, zᵗ = tanh(z̄ᵗ)) and its
// gradient δz̄ᵗ (session 42, a probe of pasted formulas). Two refusals: `z_t = \tanh(\bar{z}_t)` in the network was
// read as z defined by a derivative (the bar an adjoint, though the file defines z̄ itself), so every quantity after
// it was "not available"; and `\delta \bar{z}_t` was "unknown name δ" even where the solution defines δz̄.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.4
\\bar{z}_t = w x_t
z_t = \\tanh(\\bar{z}_t)
loss L = \\sum_t z_t
`;

describe('a barred name the network defines', () => {
  it('is that name in the network’s equations, not an adjoint', () => {
    const r = analyze(`${NET}check ∂L/∂w = Σ_t (1 - z_t^2) x_t\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('still defines a name by a derivative where its bar is no name of the file', () => {
    const r = analyze(
      `T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.4\nz_t = tanh(w x_t)\nloss L = Σ_t z_t\ng_t = \\bar{z}_t\ncheck g_t = 1\n`,
      FAST,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});

describe('δ of a barred name (Greff’s δz̄ᵗ)', () => {
  const md = (displays: string) =>
    `\`\`\`rnn\n${NET}\`\`\`\n\nLet $\\delta \\bar{z}_t = \\frac{\\partial L}{\\partial \\bar{z}_t}$.\n\n${displays}`;

  it('is the name the solution defines, judged', () => {
    const sol = analyzeSolution(md('$$\\delta \\bar{z}_t = 1 - z_t^2$$\n\n$$\\delta \\bar{z}_t = z_t$$\n'), 'markdown');
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
  });
});
