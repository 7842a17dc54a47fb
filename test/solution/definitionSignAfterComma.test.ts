// Probe 47 (Overleaf): `∂L/∂W = Σ_t δ_t h_{t-1}^\top, \quad δ_t \equiv (1 − h_t ⊙ h_t) ⊙ ∂L/∂h_t` — a where-clause
// stated with a definition's sign — was read as the check's range ("write the range of t: for t = a..b"): the comma
// split looked for an `=` only. \equiv, \coloneqq, :=, ≡ and \stackrel{\text{def}}{=} split it as `=` does.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = `\`\`\`rnn
T = 3
input x : 2 = [[1.0, -0.5], [0.3, 0.8], [-0.6, 0.2]]
param W : 2x2 = [[0.5, 0.2], [-0.3, 0.4]]
param U : 2x2 = [[0.4, -0.3], [0.2, 0.5]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + U x_t)
loss L = sum(h_T ⊙ h_T)
\`\`\`
`;
const read = (sign: string) =>
  analyzeSolution(
    `${NET}\n$$\\frac{\\partial L}{\\partial W} = \\sum_{t=1}^{T} \\delta_t h_{t-1}^\\top, \\quad \\delta_t ${sign} (1 - h_t \\odot h_t) \\odot \\frac{\\partial L}{\\partial h_t}$$\n`,
    'markdown',
    { sidecar: null },
  ).equations[0]!;

describe('a where-clause after a comma, stated with a definition’s sign', () => {
  it.each(['=', '\\equiv', '\\coloneqq', ':=', '≡', '\\stackrel{\\text{def}}{=}'])('%s', (sign) => {
    const q = read(sign);
    expect(q.checks.map((c) => c.status)).toEqual(['holds']);
    expect(q.message ?? '').not.toMatch(/write the range/);
  });
});
