// A chain rule whose factors skip the network's own intermediates (seed 001's h_t = σ(h̃_t): the sheet
// writes ∂h_2/∂h_1 for the two edges h_1 → h̃_2 → h_2) still gets its one wrong factor named — "the last
// factor should be ∂h_1/∂W_xh" — as it does when every factor is one edge (issue 9, seed 001 eq. 32).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input  x = [0.5, -1.0, 2.0]
target t = [1, 0, 1]
param  W_xh = 0.3
param  W_hh = 0.8
param  b_h  = 0.1
param  W_hy = 1.5
param  b_y  = -0.2
h_0 = 0.4
\\tilde{h}_t = W_{xh}x_t + W_{hh}h_{t-1} + b_h
h_t = \\sigma(\\tilde{h}_t)
\\tilde{y}_t = W_{hy}h_t + b_y
y_t = \\sigma(\\tilde{y}_t)
L_t = (t_t - y_t)^2
loss L = Σ_t L_t
`;
const HEAD = 'check ∂L_3/∂W_xh = ∂L_3/∂y_3 · ∂y_3/∂h_3 · (∂h_3/∂W_xh + ∂h_3/∂h_2 · ∂h_2/∂W_xh + ';

function verdict(lastTerm: string) {
  const r = analyze(`${NET}${HEAD}${lastTerm})\n`);
  expect(r.checks.length).toBe(1);
  return r.checks[0]!;
}

describe('the wrong factor of a chain rule through unwritten intermediates', () => {
  it('the right chain holds as one-step derivatives (the control)', () => {
    expect(verdict('∂h_3/∂h_2 · ∂h_2/∂h_1 · ∂h_1/∂W_xh').status).toBe('holds-as-one-step');
  });

  it('seed 001 eq. (32): ∂h_2/∂W_xh last, where the path needs ∂h_1/∂W_xh', () => {
    const c = verdict('∂h_3/∂h_2 · ∂h_2/∂h_1 · ∂h_2/∂W_xh');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/the last factor should be ∂h_1\/∂W_xh/);
    expect(c.message).toMatch(/W_xh → h̃_1 → h_1 → h̃_2 → h_2 → h̃_3 → h_3/);
    // located: the editor underlines the wrong term's own factors
    const line = `${HEAD}∂h_3/∂h_2 · ∂h_2/∂h_1 · ∂h_2/∂W_xh)`;
    expect(c.culprit).toBeDefined();
    expect(line.slice(c.culprit!.column - 1, c.culprit!.endColumn - 1)).toBe('∂h_3/∂h_2 · ∂h_2/∂h_1 · ∂h_2/∂W_xh');
  });

  it('a middle factor that skips a step is named with its own position and ends', () => {
    expect(verdict('∂h_3/∂h_1 · ∂h_2/∂h_1 · ∂h_1/∂W_xh').message).toMatch(/factor 3 should be ∂h_3\/∂h_2/);
    expect(verdict('∂y_3/∂h_2 · ∂h_2/∂h_1 · ∂h_1/∂W_xh').message).toMatch(/factor 3 should be ∂h_3\/∂h_2/);
  });

  it('two wrong factors are not guessed at', () => {
    const c = verdict('∂h_3/∂h_1 · ∂h_2/∂h_1 · ∂h_2/∂W_xh');
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/should be/);
  });
});
