// ∂h_t/∂h_{t-1} of a GRU written with the update gate's direct term and h̃_t's own path only: two path
// families are left out (through z_t and through r_t), and the message names both — before, a failure
// with two left-out paths had no explanation (one was named, never two).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const GRU = `T = 4
input  x = [1.0, -0.5, 0.3, 0.8]
param  W_xz = 0.5
param  W_hz = -0.4
param  W_xr = 0.3
param  W_hr = 0.6
param  W_xh = 0.9
param  W_hh = -0.5
h_0 = 0.3
z_t = σ(W_xz x_t + W_hz h_{t-1})
r_t = σ(W_xr x_t + W_hr h_{t-1})
\\tilde{h}_t = tanh(W_xh x_t + W_hh (r_t ⊙ h_{t-1}))
h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ \\tilde{h}_t
loss L = Σ_t h_t
`;
const check = (rhs: string) => {
  const r = analyze(`${GRU}check ∂h_t/∂h_{t-1} = ${rhs}\n`);
  expect(r.checks.length).toBe(1);
  return r.checks[0]!;
};

describe('left-out path families of ∂h_t/∂h_{t-1}', () => {
  const full =
    "z_t + (1 - z_t) tanh'(W_xh x_t + W_hh r_t h_{t-1}) W_hh (r_t + h_{t-1} σ'(W_xr x_t + W_hr h_{t-1}) W_hr) + (h_{t-1} - \\tilde{h}_t) σ'(W_xz x_t + W_hz h_{t-1}) W_hz";
  it('the whole derivative holds (the control)', () => {
    expect(check(full).status).toBe('holds');
  });

  it('one family left out is named (as before)', () => {
    const c = check(
      "z_t + (1 - z_t) tanh'(W_xh x_t + W_hh r_t h_{t-1}) W_hh r_t + (h_{t-1} - \\tilde{h}_t) σ'(W_xz x_t + W_hz h_{t-1}) W_hz",
    );
    expect(c.message).toMatch(/leaves out the path through r_t: the term ∂h_t\/∂r_t·∂⁺r_t\/∂h_{t-1}/);
  });

  it('two families left out are both named', () => {
    const c = check("z_t + (1 - z_t) tanh'(W_xh x_t + W_hh r_t h_{t-1}) W_hh r_t");
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /leaves out the paths through z_t and r_t: the terms ∂h_t\/∂z_t·∂⁺z_t\/∂h_{t-1} \+ ∂h_t\/∂r_t·∂⁺r_t\/∂h_{t-1}/,
    );
  });
});
