// A δ-recursion with the activation's slope on one term of the sum only (session 34): CS224n's
// δ_1 = (Uᵀ(ŷ_1 − y_1) + W_hᵀ δ_2) ∘ h_1 ∘ (1 − h_1) written without the brackets. It was "the term W_hᵀ·∂J/∂z_2 is
// no path from z_1 to J" (a vector network) or the two values only (a scalar one).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const CS224N = String.raw`~~~rnn
T = 2
input x : 2
target y : 3 = [[0, 1, 0], [1, 0, 0]]
param W_h : 2x2
param W_e : 2x2
param U : 3x2
h_0 = 0
z_t = W_h h_{t-1} + W_e x_t
h_t = σ(z_t)
ŷ_t = softmax(U h_t)
J_t = -y_t^\top \log(ŷ_t)
loss J = Σ_t J_t
~~~

$$\delta_t = \frac{\partial J}{\partial z_t}$$
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) =>
  analyzeSolution(`# CS224n\n\n${CS224N}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown')
    .equations.slice(1)
    .map((e) => e.checks[0]!);

describe("an activation's slope on one term of a sum", () => {
  it('CS224n: δ_1 with the slope on Uᵀ(ŷ_1 − y_1) only', () => {
    const [right, wrong] = solve(
      String.raw`\delta_1 = \left(U^\top (\hat{y}_1 - y_1) + W_h^\top \delta_2 \right) \circ h_1 \circ (1 - h_1)`,
      String.raw`\delta_1 = U^\top (\hat{y}_1 - y_1) \circ h_1 \circ (1 - h_1) + W_h^\top \delta_2`,
    );
    expect(right!.status).toBe('holds');
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(
      /h_1 ⊙ \(1 − h_1\) multiplies the whole sum, W_hᵀ ∂J\/∂z_2 too — \(Uᵀ \(\S{1,2}_1 − y_1\) \+ W_hᵀ ∂J\/∂z_2\) ⊙ h_1 ⊙ \(1 − h_1\): with those brackets the check holds/,
    );
  });

  const scalar = (claim: string) => `T = 3
input x = [0.5, -0.3, 0.8]
target d = [0.2, 0.9, 0.4]
param w = 0.4
param u = 0.7
param v = -1.1
h_0 = 0
a_t = w x_t + u h_{t-1}
h_t = tanh(a_t)
y_t = σ(v h_t)
loss E = \\frac{1}{2} Σ_t (y_t - d_t)^2
check ${claim} \\quad t < T
`;

  it('an exam: the slope written last or first, the sum in either order', () => {
    expect(analyze(scalar('∂E/∂a_t = (1 - h_t^2) ((y_t - d_t) y_t (1 - y_t) v + u ∂E/∂a_{t+1})')).checks[0]!.status).toBe('holds');
    for (const wrong of [
      '∂E/∂a_t = (y_t - d_t) y_t (1 - y_t) v (1 - h_t^2) + u ∂E/∂a_{t+1}',
      '∂E/∂a_t = (1 - h_t^2) (y_t - d_t) y_t (1 - y_t) v + u ∂E/∂a_{t+1}',
      '∂E/∂a_t = u ∂E/∂a_{t+1} + (1 - h_t^2) (y_t - d_t) y_t (1 - y_t) v',
    ]) {
      const [c] = analyze(scalar(wrong)).checks;
      expect(c!.status).toBe('fails');
      expect(c!.message).toMatch(
        /\(1 − h_t\^2\) multiplies the whole sum, u ∂E\/∂a_\{t\+1\} too — .*: with those brackets the check holds/,
      );
    }
  });

  it('a slope that is wrong on its own term is not regrouped', () => {
    const [c] = analyze(scalar('∂E/∂a_t = (y_t - d_t) y_t (1 - y_t) v (1 - h_t) + u (1 - h_t^2) ∂E/∂a_{t+1}')).checks;
    expect(c!.status).toBe('fails');
    expect(c!.message).not.toMatch(/multiplies the whole sum/);
  });
});
