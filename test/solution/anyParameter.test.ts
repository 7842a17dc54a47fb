// Pascanu et al. (2013) write ∂E/∂θ = Σ_t ∂E_t/∂θ and ∂E_t/∂θ = Σ_k ∂E_t/∂x_t ∂x_t/∂x_k ∂⁺x_k/∂θ with θ any parameter.
// Read for every parameter, eq. (4) would fail at an output weight x_k does not depend on, though the paper means the
// recurrence's parameters: θ is said to stand for one parameter, to be written in its place (it was "unknown name θ").
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input u : 2
target y : 2
param W_rec : 3 x 3
param W_in : 3 x 2
param b : 3
param W_out : 2 x 3
x_0 = 0
x_t = W_rec σ(x_{t-1}) + W_in u_t + b
E_t = 1/2 ‖W_out x_t − y_t‖^2
loss E = Σ_t E_t
`;
const EQ3 = String.raw`$$\frac{\partial E}{\partial \theta} = \sum_{1 \le t \le T} \frac{\partial E_t}{\partial \theta} \tag{3}$$`;
const EQ4 = String.raw`$$\frac{\partial E_t}{\partial \theta} = \sum_{1 \le k \le t} \left( \frac{\partial E_t}{\partial x_t} \frac{\partial x_t}{\partial x_k} \frac{\partial^+ x_k}{\partial \theta} \right) \tag{4}$$`;
const solve = (...eqs: string[]) => analyzeSolution(`\`\`\`rnn\n${NET}\`\`\`\n\n${eqs.join('\n\n')}\n`, 'markdown', { sidecar: null });

describe('θ, any parameter', () => {
  it('is said to stand for one parameter, naming the network’s', () => {
    const sol = solve(EQ3, EQ4);
    for (const e of sol.equations)
      expect(e.message).toMatch(
        /unknown name θ: if θ stands for any parameter, write one of the network's in its place \(W_rec, W_in, b or W_out\): the equation is checked for that one/,
      );
    const rnn = analyze(`${NET}check ∂E/∂Θ = Σ_t ∂E_t/∂Θ\n`);
    expect(rnn.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^unknown name Θ: if Θ stands for any parameter/));
  });
  it('with a parameter in its place, Pascanu’s eqs. (3) and (4) hold, and a wrong one fails', () => {
    for (const p of ['W_{rec}', 'W_{in}', 'b']) {
      const sol = solve(EQ3.replaceAll('\\theta', p), EQ4.replaceAll('\\theta', p));
      expect(
        sol.equations.map((e) => e.status),
        p,
      ).toEqual(['holds', 'holds']);
    }
    // ∂⁺x_t for ∂⁺x_k (the same for b, whose immediate partial is I at every step; not for W_in)
    const wrong = solve(EQ4.replaceAll('\\theta', 'W_{in}').replace('\\partial^+ x_k', '\\partial^+ x_t'));
    expect(wrong.equations[0]!.status).toBe('fails');
  });
  it('a network that names θ keeps it', () => {
    const own = analyze(
      'T = 2\ninput x = [1, 2]\nparam θ = 0.5\nh_0 = 0\nh_t = tanh(θ h_{t-1} + x_t)\nloss L = h_2\ncheck ∂L/∂θ = Σ_t ∂⁺h_t/∂θ ∂L/∂h_t\n',
    );
    expect(own.checks[0]!.status).toBe('holds');
  });
});
