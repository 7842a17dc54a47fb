// Two weights of one shape exchanged in a formula (probe 32: Grosse's h̄^{(t)} = z̄^{(t+1)} w + r̄^{(t)} v written with v
// and w in each other's place) failed with its values only; the pair is named (check/weightSwap.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { failingMessage } from './toyNets';

const NET = `T = 3
input x = [0.5, -1.0, 0.8]
param u = 0.7
param w = 0.9
param v = 1.2
h_0 = 0
z_t = u x_t + w h_{t-1}
h_t = tanh(z_t)
r_t = v h_t
y_t = tanh(r_t)
loss L = Σ_t 1/2 (y_t - 0.2)^2
`;

describe('two weights exchanged', () => {
  it('names the pair (it failed with its values only)', () => {
    expect(failingMessage(NET, '∂L/∂h_t = ∂L/∂z_{t+1} v + ∂L/∂r_t w')).toMatch(
      /\. v and w are exchanged: with each in the other's place the check holds$/,
    );
    expect(failingMessage(NET, '∂L/∂u = Σ_t ∂L/∂z_t x_t w')).not.toMatch(/exchanged/);
  });
  it('leaves the right formula and a single wrong weight to the hints that name them', () => {
    expect(analyze(`${NET}check ∂L/∂h_t = ∂L/∂z_{t+1} w + ∂L/∂r_t v\n`).checks[0]!.status).toBe('holds');
    expect(failingMessage(NET, '∂L/∂h_t = ∂L/∂z_{t+1} w + ∂L/∂r_t w')).toMatch(/w should be v/);
  });
});
