// Probe 53's where clauses that give a letter (resolve/identity.ts withLetters; solution/whereDerivative.ts,
// earlierLabel.ts):
// - Saitoh's tanh node, `∂y/∂x = 1 − y^2 \text{ ただし } y = \tanh(x)`: skipped, "a derivative by x … is read of σ, tanh,
//   relu or exp at that variable itself", and the clause judged alone ("y is a sequence"); the clause's letter is now
//   read into the identity, which holds, and the clause is no check of its own. Without the clause, ∂y/∂x says y is
//   no function of x;
// - `∂ℓ/∂W = Σ_t δ_t h_{t−1}ᵀ, \text{onde } δ_t = ∂ℓ/∂a_t` and a later `δ_T = …`: the later line defined δ by its
//   formula, and the clause's derivative was refused ("derivative terms belong in derive and check lines");
// - `δ_t = ∂L/∂z_t = (1 − h_t²) ⊙ ∂L/∂h_t` (a chain) and a later one-link `δ_t = h_t ⊙ (1 − h_t) ⊙ ∂L/∂h_t`: the later
//   line, a mistake, defined δ, and every equation using δ failed against it.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput x = [1.0, 0.5, -0.5]\ntarget y = [0.2, 0.1, 0.3]\nparam u = 0.5\nparam w = 0.8\nh_0 = 0\na_t = u x_t + w h_{t-1}\nh_t = tanh(a_t)\nloss L = Σ_t (h_t - y_t)^2\n```\n\n';
const solve = (...displays: string[]) => analyzeSolution(NET + displays.map((d) => '$$' + d + '$$\n\n').join(''), 'markdown');

describe('a letter a where clause gives', () => {
  it('is read into an identity in free letters', () => {
    for (const word of ['where', 'ただし']) {
      const r = solve(String.raw`\frac{\partial y}{\partial x} = 1 - y^2 \quad \text{${word} } y = \tanh(x)`);
      expect(r.equations[0]!.status, word).toBe('holds');
      expect(
        r.diagnostics.some((d) => /y is a sequence/.test(d.message)),
        word,
      ).toBe(false);
    }
    const wrong = solve(String.raw`\frac{\partial q}{\partial p} = q (1 - q) \quad \text{where } q = \tanh(p)`);
    expect(wrong.equations[0]!.status).toBe('fails');
  });
  it('with no clause, ∂y/∂x says y is no function of x', () => {
    const r = solve(String.raw`\frac{\partial q}{\partial p} = 1 - q^2`);
    expect(r.equations[0]!.message).toMatch(/∂q\/∂p differentiates the letter q, which nothing here gives as a function of p/);
  });
  it('a δ the clause defines by a derivative keeps a later δ_T = … a claim', () => {
    const r = solve(
      String.raw`\frac{\partial L}{\partial w} = \sum_{t=1}^{T} \delta_t h_{t-1}, \quad \text{onde } \delta_t = \frac{\partial L}{\partial a_t}`,
      String.raw`\delta_t = (1 - h_t^2)\left(2 (h_t - y_t) + w \delta_{t+1}\right) \quad \text{para todo } t < T`,
      String.raw`\delta_T = (1 - h_T^2)\, 2 (h_T - y_T)`,
      String.raw`\delta_t = (1 - h_t^2)\left(2 (h_t - y_t) + w \delta_{t}\right) \quad \text{para todo } t < T`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(r.equations[3]!.message).toMatch(/δ_t should be δ_\{t\+1\}/);
  });
  it('a chain that labels δ first defines it; a later one-link δ_t = … is a claim', () => {
    const r = solve(
      String.raw`\delta_t = \frac{\partial L}{\partial a_t} = (1 - h_t^2) \frac{\partial L}{\partial h_t}`,
      String.raw`\frac{\partial L}{\partial u} = \sum_{t=1}^{T} \delta_t x_t`,
      String.raw`\delta_t = h_t (1 - h_t) \frac{\partial L}{\partial h_t}`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.equations[2]!.message).toMatch(/h_t \(1 − h_t\) should be 1 − h_t\^2/);
  });
});
