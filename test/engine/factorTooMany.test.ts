// A factor too many in a matrix product, the left one too (Goodfellow §10.2.2's gradients with a slope or a weight
// written where it does not belong): named, where it got the two sides' values only (session 41, a probe of textbook
// formulas; check/factorEdit.ts factorDrops).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { failingMessage } from './toyNets';

const NET = `T = 3
input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
target y : 3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
param U : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]
param W : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]
param b : 3 = [0.1, 0, -0.1]
param V : 3x3 = [[0.7, -0.5, 0.2], [-0.3, 0.4, 0.6], [0.5, 0.1, -0.8]]
param c : 3 = [0.05, -0.05, 0]
h^{(0)} = 0
a^{(t)} = b + W h^{(t-1)} + U x^{(t)}
h^{(t)} = tanh(a^{(t)})
o^{(t)} = c + V h^{(t)}
\\hat{y}^{(t)} = softmax(o^{(t)})
L^{(t)} = -sum(y^{(t)} ⊙ log(\\hat{y}^{(t)}))
loss L = \\sum_t L^{(t)}
`;

describe('a factor too many in a product of matrices and vectors', () => {
  it('is named, left or right, inside a Σ', () => {
    const cases: [string, RegExp][] = [
      ['∇_c L = Σ_t diag(1 - (h^{(t)})^2) ∇_{o^{(t)}} L', /The factor diag\(1 − h_t\^2\) should not be there: with that the check holds$/],
      ['∇_c L = Σ_t V^⊤ ∇_{o^{(t)}} L', /The factor Vᵀ should not be there: with that the check holds$/],
      ['∇_V L = Σ_t diag(1 - (h^{(t)})^2)(∇_{o^{(t)}} L) h^{(t)⊤}', /The factor diag\(1 − h_t\^2\) should not be there/],
      ['∇_W L = Σ_t W^⊤ diag(1 - (h^{(t)})^2) (∇_{h^{(t)}} L) h^{(t-1)⊤}', /The factor Wᵀ should not be there/],
    ];
    for (const [check, says] of cases) expect(failingMessage(NET, check), check).toMatch(says);
  });

  it('leaves the formulas as printed holding', () => {
    const r = analyze(`${NET}check ∇_c L = Σ_t ∇_{o^{(t)}} L\ncheck ∇_W L = Σ_t diag(1 - (h^{(t)})^2) (∇_{h^{(t)}} L) h^{(t-1)⊤}\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
