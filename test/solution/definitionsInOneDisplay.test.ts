// Greff et al.'s deltas defined in one display (δy^t = ∂L/∂y^t, \qquad δc^t = ∂L/∂c^t, …): the equation said "it
// defines δc by a derivative", the last name alone (session 56). Every name it defines is said.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const MD = `\`\`\`rnn
T = 3
input x = [0.5, -1.0, 0.8]
param w = 0.4
param u = 0.7
h_0 = 0.1
c_t = w x_t + u h_{t-1}
h_t = tanh(c_t)
loss L = Σ_t h_t^2
\`\`\`

$$\\delta h_t = \\frac{\\partial L}{\\partial h_t}, \\qquad \\delta c_t = \\frac{\\partial L}{\\partial c_t} \\tag{1}$$

$$\\delta c_t = \\delta h_t (1 - h_t^2) \\tag{2}$$
`;

describe('several definitions in one display', () => {
  it('are all named', () => {
    const r = analyzeSolution(MD, 'markdown', { sidecar: null });
    const one = r.equations.find((e) => e.tag === '1')!;
    expect(one.status).toBe('skipped');
    expect(one.message).toMatch(/it defines δh and δc by derivatives, names of the solution's own/);
    expect(r.equations.find((e) => e.tag === '2')!.status).toBe('holds');
  });
});
