// A textbook's σ' written by the gate's name, σ(z) = o, is o(1 − o); the typical mistake keeps the o and drops the
// (1 − o) — `∂o_t/∂h_t = o_t W_hy`, an LSTM's `δb_o = Σ_t δh_t ⊙ tanh(c_t) ⊙ o_t`. The opposite slip (the o dropped,
// (1 − o) kept) was named ("leaves out the factor o_t"), this one failed with only the values: the grader's
// culprit, the factor (1 − o_t), is now named too (factorEdit.ts complements).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SHEET7 } from '../language/helpers';

/** the sheet-7 network (σ state and output, squared error) */
const SIGMA = SHEET7;

const LSTM = String.raw`T = 3
input  x : 2 = [[1.0, -0.5], [0.3, 0.8], [-0.7, 0.2]]
target y : 3 = [[0.2, -0.1, 0.3], [0.4, 0.0, -0.2], [0.1, 0.3, -0.3]]
param  W_{xi} : 3x2 = [[0.5, -0.3], [0.2, 0.4], [-0.1, 0.6]]
param  W_{hi} : 3x3 = [[0.1, -0.2, 0.3], [0.0, 0.4, -0.1], [0.2, 0.1, -0.3]]
param  b_i : 3 = [0.1, 0.0, -0.1]
param  W_{xf} : 3x2 = [[0.3, 0.1], [-0.4, 0.2], [0.5, -0.2]]
param  W_{hf} : 3x3 = [[0.2, 0.1, -0.1], [-0.3, 0.2, 0.4], [0.1, -0.2, 0.3]]
param  b_f : 3 = [0.5, 0.5, 0.5]
param  W_{xo} : 3x2 = [[-0.2, 0.4], [0.3, -0.1], [0.1, 0.2]]
param  W_{ho} : 3x3 = [[0.3, -0.1, 0.2], [0.1, 0.1, -0.2], [-0.4, 0.2, 0.1]]
param  b_o : 3 = [0.0, 0.1, -0.1]
param  W_{xc} : 3x2 = [[0.9, -0.2], [0.1, 0.5], [-0.3, 0.7]]
param  W_{hc} : 3x3 = [[-0.5, 0.2, 0.1], [0.3, -0.2, 0.2], [0.1, 0.4, -0.1]]
param  b_c : 3 = [-0.1, 0.2, 0.0]
h_0 = [0.1, -0.2, 0.3]
c_0 = [0.2, 0.1, -0.1]
i_t = \sigma(W_{xi} x_t + W_{hi} h_{t-1} + b_i)
f_t = \sigma(W_{xf} x_t + W_{hf} h_{t-1} + b_f)
o_t = \sigma(W_{xo} x_t + W_{ho} h_{t-1} + b_o)
\tilde{c}_t = \tanh(W_{xc} x_t + W_{hc} h_{t-1} + b_c)
c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t
h_t = o_t \odot \tanh(c_t)
L_t = \frac{1}{2} sum((h_t - y_t)^2)
loss L = \sum_t L_t
`;

function verdicts(net: string, ...checks: string[]) {
  const r = analyze(net + checks.map((c) => `check ${c}\n`).join(''));
  return r.checks.map((c) => ({ status: c.status, message: c.message }));
}

describe("σ' written as the gate alone: the (1 − gate) left out is named", () => {
  it('a scalar output σ: the right forms hold, each with (1 − o_t) dropped names it', () => {
    const v = verdicts(
      SIGMA,
      String.raw`\frac{\partial o_t}{\partial h_t} = o_t (1 - o_t) W_{hy}`,
      String.raw`\frac{\partial o_t}{\partial h_t} = o_t W_{hy}`,
      String.raw`\frac{\partial L}{\partial b_y} = \sum_t \frac{\partial L}{\partial o_t} o_t (1 - o_t)`,
      String.raw`\frac{\partial L}{\partial b_y} = \sum_t \frac{\partial L}{\partial o_t} o_t`,
      String.raw`\frac{\partial L}{\partial b_y} = \sum_t -2(y_t - o_t) o_t`,
    );
    expect(v.map((c) => c.status)).toEqual(['holds', 'fails', 'holds', 'fails', 'fails']);
    expect(v[1]!.message).toMatch(/^fails at t = 1: .*The right side leaves out the factor \(1 − o_t\): with that the check holds$/);
    expect(v[3]!.message).toMatch(/The term ∂L\/∂o_t o_t leaves out the factor \(1 − o_t\): with that the check holds$/);
    expect(v[4]!.message).toMatch(/The term \(−2\) \(y_t − o_t\) o_t leaves out the factor \(1 − o_t\)/);
  });

  it("an LSTM's gate gradients as printed (δ ⊙ gate ⊙ (1 − gate)): right ones hold, the (1 − gate) dropped is named", () => {
    const v = verdicts(
      LSTM,
      String.raw`\frac{\partial L}{\partial b_o} = \sum_{t=1}^{T} \bar{h}_t \odot \tanh(c_t) \odot o_t \odot (1 - o_t)`,
      String.raw`\frac{\partial L}{\partial b_o} = \sum_{t=1}^{T} \bar{h}_t \odot \tanh(c_t) \odot o_t`,
      String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} (\bar{f}_t \odot f_t \odot (1 - f_t)) h_{t-1}^\top`,
      String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} (\bar{f}_t \odot f_t) h_{t-1}^\top`,
      String.raw`\frac{\partial L}{\partial b_i} = \sum_{t=1}^{T} \bar{c}_t \odot \tilde{c}_t \odot i_t`,
    );
    expect(v.map((c) => c.status)).toEqual(['holds', 'fails', 'holds', 'fails', 'fails']);
    expect(v[1]!.message).toMatch(/The term ∂L\/∂h_t ⊙ tanh\(c_t\) ⊙ o_t leaves out the factor \(1 − o_t\)/);
    expect(v[3]!.message).toMatch(/The term ∂L\/∂f_t ⊙ f_t leaves out the factor \(1 − f_t\)/);
    expect(v[4]!.message).toMatch(/leaves out the factor \(1 − i_t\)/);
  });

  it('the other half dropped is still named as before', () => {
    const v = verdicts(SIGMA, String.raw`\frac{\partial L}{\partial b_y} = \sum_t \frac{\partial L}{\partial o_t} (1 - o_t)`);
    expect(v[0]!.message).toMatch(/leaves out the factor o_t: with that the check holds/);
  });

  it('an exact edit wins over a coincidence of constant ratio: with y_3 = 1, not "leaves out ∂L/∂o_3; −2 times"', () => {
    // −2(y_3 − o_3) o_3 W_hy times the adjoint ∂L_3/∂o_3 = −2(y_3 − o_3) is −2 times ∂L_3/∂h_3 whenever y_3 = 1 (a 0/1
    // target stays 0/1 at the draws): that scaled edit came first and was named; (1 − o_3), which makes it hold, is
    const v = verdicts(SIGMA, String.raw`\frac{\partial L_3}{\partial h_3} = -2(y_3 - o_3)\, o_3\, W_{hy}`);
    expect(v[0]!.message).toMatch(/The right side leaves out the factor \(1 − o_3\): with that the check holds$/);
  });
});
