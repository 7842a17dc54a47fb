// A transpose left out that the file's symmetric matrix hides: W diag(1 − h_{t+1}²) ∂L/∂h_{t+1} for Wᵀ(…) holds at
// W = Wᵀ and fails at a draw. "Holds only for these values: it leans on the given value of W" said what to vary,
// not what is wrong; the message now names the transpose at the draw (answer.ts leansText).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (W: string) => `T = 3
input x : 2 = [[0.5, -1], [1.2, 0.3], [-0.7, 0.9]]
target y : 2 = [[1, 0], [0, 1], [1, 0]]
param U : 2x2 = [[0.2, -0.4], [0.6, 0.1]]
param W : 2x2 = ${W}
param V : 2x2 = [[1, 0.5], [-0.5, 1]]
h_0 = 0
a_t = W h_{t-1} + U x_t
h_t = tanh(a_t)
o_t = V h_t
loss L = Σ_t sum((o_t - y_t)^2) / 2
`;
const check = (text: string, line: string) => analyze(`${text}check ${line}\n`).checks[0]!;

describe('a transpose a symmetric W hides is named at the draw', () => {
  for (const W of ['[[0.5, 0.3], [0.3, -0.2]]', '[[-0.9, 1.2], [1.2, 0.4]]'])
    it(`W = ${W}`, () => {
      const c = check(net(W), '∂L/∂h_t = W diag(1 - h_{t+1}^2) ∂L/∂h_{t+1} + V^T (o_t - y_t)');
      expect(c.status).toBe('holds-at-given-values');
      expect(c.message).toMatch(/it leans on the given value of W/);
      expect(c.message).toMatch(/At random draw \d+: W should be Wᵀ: with that transpose the check holds/);
      expect(check(net(W), '∂L/∂h_t = W^T diag(1 - h_{t+1}^2) ∂L/∂h_{t+1} + V^T (o_t - y_t)').status).toBe('holds');
    });
});
