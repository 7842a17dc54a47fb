// An exam's loss E = ½ Σ_t (y_t − d_t)^2 (session 34): the truncated gradient, each step's loss through its own step
// only, was named for `loss E = Σ_t (…)^2` but not with ½ before the Σ (or /2 after its parentheses): it failed with the values.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (state: 'h' | 'y', loss: string) => `T = 3
input x = [0.5, -0.3, 0.8]
target d = [0.2, 0.9, 0.4]
param w = 0.4
param u = 0.7
param v = -1.1
${state}_0 = 0
h_t = tanh(w x_t + u ${state}_{t-1})
y_t = σ(v h_t)
loss E = ${loss}
check ∂E/∂u = Σ_t (y_t - d_t) y_t (1 - y_t) v (1 - h_t^2) ${state}_{t-1}
`;

const TRUNCATED =
  /The right side is Σ_t ∂\((.*)\)\/∂u with each term taken one-step \(within step t, every node of an earlier step held fixed\)/;

describe('the truncated gradient of a halved squared loss', () => {
  for (const [loss, each] of [
    ['\\frac{1}{2} Σ_t (y_t - d_t)^2', '1/2 (y_t − d_t)^2'],
    // the Σ reaches over the /2 (its body is (y_t − d_t)^2/2): named before too
    ['Σ_t (y_t - d_t)^2 / 2', '(y_t − d_t)^2/2'],
    ['(Σ_t (y_t - d_t)^2) / 2', '1/2 (y_t − d_t)^2'],
    ['0.5 Σ_t (y_t - d_t)^2', '0.5 (y_t − d_t)^2'],
  ])
    for (const state of ['h', 'y'] as const)
      it(`${state === 'y' ? 'Jordan' : 'Elman'}: loss E = ${loss}`, () => {
        const [c] = analyze(net(state, loss)).checks;
        expect(c!.status).toBe('fails');
        expect(c!.message).toMatch(TRUNCATED);
        expect(TRUNCATED.exec(c!.message)![1]).toBe(each);
      });

  it('the right gradient with ½ holds, and ⅓ Σ is not taken for ½ Σ', () => {
    const right = net('h', '\\frac{1}{2} Σ_t (y_t - d_t)^2').replace(/check .*/, 'check ∂E/∂y_3 = y_3 - d_3');
    expect(analyze(right).checks[0]!.status).toBe('holds');
    const [c] = analyze(net('h', '\\frac{1}{3} Σ_t (y_t - d_t)^2').replace('(y_t - d_t) y_t', '1.5 (y_t - d_t) y_t')).checks;
    expect(c!.message).not.toMatch(TRUNCATED);
  });
});
