// A wrong index inside a Σ/∏ is named (session 15, check15 gap 1): d2l.ai's ∂L/∂o_{T+t−i} written ∂L/∂o_i, a
// reversed sum's x_{T+1−i} written x_i, a bound written with the wrong variable. The networks are a test author's own.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

/** the message of the one check of a network with that check line appended */
function verdict(net: string, check: string): { status: string; message: string } {
  const r = analyze(`${net}\ncheck ${check}\n`);
  expect(r.checks).toHaveLength(1);
  return r.checks[0]!;
}

describe('a wrong index inside a Σ/∏ is named (check15 gap 1)', () => {
  // d2l.ai §9.7's linear RNN (no activation), its ∂L/∂h_t written as printed, and a scalar tanh RNN
  const D2L = `T = 4
input x : 2
target y : 2
param W_hx : 3x2
param W_hh : 3x3
param W_qh : 2x3
h_0 = 0
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
L_t = sum((o_t - y_t)^2)
loss L = (1/T) Σ_t L_t`;
  const SCALAR = `T = 4
input x = [0.5, -1.0, 2.0, 0.3]
target y = [1, 0, 1, 0]
param w = 0.7
param u = 0.4
param v = 1.3
h_0 = 0.2
h_t = tanh(w h_{t-1} + u x_t)
o_t = v h_t
L_t = (o_t - y_t)^2 / 2
loss L = Σ_t L_t`;
  it("d2l.ai's ∂L/∂h_t holds as printed; with o_i for o_{T+t−i} the culprit is named", () => {
    expect(verdict(D2L, 'Σ_{i=t}^{T} (W_hh^T)^{T-i} W_qh^T ∂L/∂o_{T+t-i} = ∂L/∂h_t').status).toBe('holds');
    const v = verdict(D2L, '∂L/∂h_t = Σ_{i=t}^{T} (W_hh^T)^{T-i} W_qh^T ∂L/∂o_i');
    expect(v.status).toBe('fails');
    expect(v.message).toContain('Inside the Σ over i on the right side, ∂L/∂o_i should be ∂L/∂o_{T+t-i}: with that index the check holds');
  });
  it('a value read at the wrong step of a reversed sum: h_{T−i} for h_{i−1}, x_i for x_{T+1−i}', () => {
    expect(verdict(SCALAR, '∂L/∂w = Σ_{i=1}^{T} ∂L/∂h_i (1 - h_i^2) h_{T-i}').message).toContain(
      'Inside the Σ over i on the right side, h_{T-i} should be h_{i-1}',
    );
    expect(verdict(SCALAR, '∂L/∂u = Σ_{i=1}^{T} ∂L/∂h_{T+1-i} (1 - h_{T+1-i}^2) x_{T+1-i}').status).toBe('holds');
    expect(verdict(SCALAR, '∂L/∂u = Σ_{i=1}^{T} ∂L/∂h_{T+1-i} (1 - h_{T+1-i}^2) x_i').message).toContain(
      'Inside the Σ over i on the right side, x_i should be x_{T+1-i}',
    );
  });
  it('a bound written with the wrong variable (T for t); a ∏ factor read at t for j', () => {
    const net = SCALAR.replace(/\nloss L = Σ_t L_t/, '\nloss L = h_T');
    const b = verdict(net, '∂h_t/∂h_1 = ∏_{j=2}^{T} (1 - h_j^2) w');
    expect(b.message).toContain(
      'The ∏ over j on the right side (j = 2..4) has the wrong upper bound: it should be t, with which the check holds',
    );
    expect(verdict(net, '∂h_t/∂h_1 = ∏_{j=2}^{t} (1 - h_{t}^2) w').message).toContain(
      'Inside the ∏ over j on the right side, h_t should be h_j',
    );
  });
  it('a link of a chain gets its own culprit; the others hold', () => {
    const r = analyze(
      `${SCALAR}\ncheck ∂L/∂u = Σ_{t=1}^{T} ∂L/∂h_t ∂⁺h_t/∂u = Σ_{i=1}^{T} ∂L/∂h_i (1 - h_i^2) x_{T+1-i} = Σ_{t=1}^{T} ∂L/∂h_t (1 - h_t^2) x_t\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds']);
    expect(r.checks[1]!.message).toContain('Inside the Σ over i on the right side, x_{T+1-i} should be x_i');
  });
  it('no bound that collapses the Σ to one term is offered (it would make a wrong formula a tautology)', () => {
    const v = verdict(SCALAR, '∂L/∂h_t = Σ_{i=t}^{T} w^{i-t} ∂L/∂h_i');
    expect(v.status).toBe('fails');
    expect(v.message).not.toMatch(/bound|should be/);
  });
});

describe('a step shift names which of a reference written twice (check15)', () => {
  it("Goodfellow's ∇_W L with diag(1 − h_{t-1}²): the first h_{t-1} should be h_t", () => {
    const net = `T = 3
input x : 2
target y : 2
param U : 3x2
param W : 3x3
param V : 2x3
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
o_t = V h_t
L_t = -sum(y_t ⊙ log(softmax(o_t)))
loss L = Σ_t L_t`;
    expect(verdict(net, 'Σ_t diag(1 - h_t^2) (∇_{h_t} L) h_{t-1}^T = ∇_W L').status).toBe('holds');
    const v = verdict(net, '∇_W L = Σ_t diag(1 - h_{t-1}^2) (∇_{h_t} L) h_{t-1}^T');
    expect(v.message).toContain('The first h_{t-1} should be h_t: with that step the check holds');
  });
});
