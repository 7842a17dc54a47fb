// Digits in a math font, as an equation pasted from Word or a Unicode-math PDF has them (session 38): 𝟏 (U+1D7CF,
// \mathbf{1} typed as one character) is the all-ones vector, as 𝟙 and \mathbf{1} are; another such digit (𝟐, 𝟘) is
// the digit. Both were "unexpected character".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
param W : 2x2 = [[0.5, 0.1], [0.2, -0.3]]
input x : 2 = [[1, 2], [0.5, -1]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + x_t)
loss L = Σ_t sum(h_t)
`;

describe('math-font digits', () => {
  it('𝟏 is the all-ones vector, 𝟐 and 𝟘 are digits', () => {
    const r = analyze(`${NET}check 𝟏 ⊙ h_t = \\mathbf{1} ⊙ h_t\ncheck 𝟐 h_t = 2 h_t\ncheck h_t + 𝟘 = h_t\ncheck ∂L/∂h_2 = 𝟏\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
  });
});
