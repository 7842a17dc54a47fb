// A derivative claimed 0 whose numerator's own equation reads the variable: a Clockwork RNN's idle module read as dead
// (∂y_{H,2}^{(3)}/∂y_{H,2}^{(2)} = 0, where the unit is copied and the derivative is 1). It said "In the expression
// differentiated, y_H^{(3)} should be y_H^{(1)}" — an edit that makes the derivative 0 by construction (an earlier
// step by a later one), which numeratorEdit.ts no longer offers; zeroClaim.ts names the direct term and its value.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 0.3]
param W_H : 2x2 = [[0.5, 0.3], [0, 0.7]]
param W_I : 2 = [0.6, -0.4]
m^{(t)} = [1, (1 + (-1)^t)/2]
y_H^{(0)} = [0.1, -0.2]
y_H^{(t)} = m^{(t)} ⊙ tanh(W_H y_H^{(t-1)} + W_I x^{(t)}) + (1 - m^{(t)}) ⊙ y_H^{(t-1)}
loss E = sum(y_H^{(T)})
`;

describe('a derivative claimed 0', () => {
  it('where the equation copies the variable, the direct term is named with its value', () => {
    const r = analyze(`${NET}check ∂y_{H,2}^{(3)}/∂y_{H,2}^{(2)} = 0\n`);
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/The right side is 0, but y_H\^\{\(3\)\}\[2\]'s own equation reads y_H\^\{\(2\)\}\[2\]: .* alone gives 1/);
    expect(c.message).not.toMatch(/should be y_H\^\{\(1\)\}/);
  });
  it('a true 0 holds', () => {
    const r = analyze(`${NET}check ∂y_{H,2}^{(1)}/∂y_{H,2}^{(2)} = 0\n`);
    expect(r.checks[0]!.status).toBe('holds');
  });
});
