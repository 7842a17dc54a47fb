// The GRU as d2l.ai §10.2 and Cho et al. write it — z_t, r_t = σ(W_{x·} x_t + W_{h·} h_{t−1} + b_·),
// h̃_t = tanh(W_xh x_t + W_hh (r_t ⊙ h_{t−1}) + b_h), h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t — scalar and with
// n = 3 hidden units, with given values: ∂h_t/∂h_{t−1} one-step (∂⁺ = z_t) and total (every gate's path),
// long-range products, ∂L/∂z_t = ∂L/∂h_t ⊙ (h_{t−1} − h̃_t), weight gradients; each typical mistake fails with
// a message naming what is wrong (the sign, the paths through the gates, the step).
import { describe, expect, it } from 'vitest';
import { centralDifferenceChecks } from '../examples/helpers';
import { expectVerdicts } from './verdicts';

const SCALAR = String.raw`T = 4
input  x = [1.0, -0.5, 0.3, 0.8]
target y = [0.2, -0.1, 0.3, 0.4]
param  W_{xz} = 0.5
param  W_{hz} = -0.4
param  b_z = 0.1
param  W_{xr} = 0.3
param  W_{hr} = 0.6
param  b_r = 0.2
param  W_{xh} = 0.9
param  W_{hh} = -0.5
param  b_h = -0.1
h_0 = 0.3

z_t = \sigma(W_{xz} x_t + W_{hz} h_{t-1} + b_z)
r_t = \sigma(W_{xr} x_t + W_{hr} h_{t-1} + b_r)
\tilde{h}_t = \tanh(W_{xh} x_t + W_{hh} (r_t \odot h_{t-1}) + b_h)
h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t
L_t = \frac{1}{2}(h_t - y_t)^2
loss L = \sum_t L_t
`;

const VECTOR = String.raw`T = 3
input  x : 2 = [[1.0, -0.5], [0.3, 0.8], [-0.7, 0.2]]
target y : 3 = [[0.2, -0.1, 0.3], [0.4, 0.0, -0.2], [0.1, 0.3, -0.3]]
param  W_{xz} : 3x2 = [[0.5, -0.3], [0.2, 0.4], [-0.1, 0.6]]
param  W_{hz} : 3x3 = [[0.1, -0.2, 0.3], [0.0, 0.4, -0.1], [0.2, 0.1, -0.3]]
param  b_z : 3 = [0.1, 0.0, -0.1]
param  W_{xr} : 3x2 = [[0.3, 0.1], [-0.4, 0.2], [0.5, -0.2]]
param  W_{hr} : 3x3 = [[0.2, 0.1, -0.1], [-0.3, 0.2, 0.4], [0.1, -0.2, 0.3]]
param  b_r : 3 = [0.5, 0.5, 0.5]
param  W_{xh} : 3x2 = [[0.9, -0.2], [0.1, 0.5], [-0.3, 0.7]]
param  W_{hh} : 3x3 = [[-0.5, 0.2, 0.1], [0.3, -0.2, 0.2], [0.1, 0.4, -0.1]]
param  b_h : 3 = [-0.1, 0.2, 0.0]
h_0 = [0.1, -0.2, 0.3]

z_t = \sigma(W_{xz} x_t + W_{hz} h_{t-1} + b_z)
r_t = \sigma(W_{xr} x_t + W_{hr} h_{t-1} + b_r)
\tilde{h}_t = \tanh(W_{xh} x_t + W_{hh} (r_t \odot h_{t-1}) + b_h)
h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t
L_t = \frac{1}{2} sum((h_t - y_t)^2)
loss L = \sum_t L_t
`;

/** ∂h_t/∂h_{t−1} of the scalar GRU, every path: direct, through z_t, through h̃_t (directly and through r_t) */
const FULL = String.raw`z_t + (h_{t-1} - \tilde{h}_t) z_t (1 - z_t) W_{hz} + (1 - z_t) (1 - \tilde{h}_t^2) W_{hh} (r_t + h_{t-1} r_t (1 - r_t) W_{hr})`;

describe('scalar GRU (d2l §10.2 notation)', () => {
  it("∂h_t/∂h_{t−1}: the immediate partial is z_t; the total has every gate's path, as the chain rule or written out", () => {
    expectVerdicts(SCALAR, [
      { check: String.raw`\frac{\partial^+ h_t}{\partial h_{t-1}} = z_t`, status: 'holds' },
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = z_t + (h_{t-1} - \tilde{h}_t) \frac{\partial z_t}{\partial h_{t-1}} + (1 - z_t) \frac{\partial \tilde{h}_t}{\partial h_{t-1}}`,
        status: 'holds',
      },
      { check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = ${FULL}`, status: 'holds' },
      {
        check: String.raw`\frac{\partial \tilde{h}_t}{\partial h_{t-1}} = (1 - \tilde{h}_t^2) W_{hh} (r_t + h_{t-1} \sigma'(W_{xr} x_t + W_{hr} h_{t-1} + b_r) W_{hr})`,
        status: 'holds',
      },
      // the long-range derivative is the product of the one-step ones (h is the whole state of a GRU)
      { check: String.raw`\frac{\partial h_4}{\partial h_1} = \prod_{j=2}^{4} \frac{\partial h_j}{\partial h_{j-1}}`, status: 'holds' },
      {
        check: String.raw`\frac{\partial h_T}{\partial h_0} = \frac{\partial h_T}{\partial h_{T-1}} \frac{\partial h_{T-1}}{\partial h_{T-2}} \frac{\partial h_{T-2}}{\partial h_{T-3}} \frac{\partial h_1}{\partial h_0}`,
        status: 'holds',
      },
    ]);
  });

  it('∂L/∂z_t = ∂L/∂h_t ⊙ (h_{t−1} − h̃_t), the candidate, the gates and the weights hold (central differences too)', () => {
    const derives = 'derive ∂L/∂W_{hz}\nderive ∂L/∂W_{hh}\n';
    const report = expectVerdicts(SCALAR + derives, [
      {
        check: String.raw`\frac{\partial L}{\partial z_t} = \frac{\partial L}{\partial h_t} \odot (h_{t-1} - \tilde{h}_t)`,
        status: 'holds',
      },
      { check: String.raw`\bar{\tilde{h}}_t = \bar{h}_t \odot (1 - z_t)`, status: 'holds' },
      { check: String.raw`\bar{r}_t = \bar{\tilde{h}}_t (1 - \tilde{h}_t^2) W_{hh} h_{t-1}`, status: 'holds' },
      {
        check: String.raw`\bar{h}_t = \frac{\partial L_t}{\partial h_t} + \bar{h}_{t+1} \frac{\partial h_{t+1}}{\partial h_t} for t = 1..T-1`,
        status: 'holds',
      },
      { check: String.raw`\frac{\partial L}{\partial W_{hz}} = \sum_{t=1}^{T} \bar{z}_t z_t (1 - z_t) h_{t-1}`, status: 'holds' },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \bar{\tilde{h}}_t (1 - \tilde{h}_t^2) (r_t h_{t-1})`,
        status: 'holds',
      },
    ]);
    expect(centralDifferenceChecks(SCALAR + derives, report).length).toBe(2);
  });

  it('each typical mistake fails with a message naming what is wrong', () => {
    expectVerdicts(SCALAR, [
      // the update gate's term with the wrong sign (h̃_t − h_{t−1})
      {
        check: String.raw`\frac{\partial L}{\partial z_t} = \frac{\partial L}{\partial h_t} \odot (\tilde{h}_t - h_{t-1})`,
        status: 'fails',
        says: [/should be ∂L\/∂h_t·∂⁺h_t\/∂z_t: it has the wrong sign/],
      },
      // the gate treated as a constant (seed 000's mistake): the paths through z_t and h̃_t are missing
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = z_t`,
        status: 'fails',
        says: [/immediate partial ∂⁺h_t\/∂h_{t-1}/, /paths through h̃_t and z_t/],
      },
      // the update gate's path missing
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = z_t + (1 - z_t) (1 - \tilde{h}_t^2) W_{hh} (r_t + h_{t-1} r_t (1 - r_t) W_{hr})`,
        status: 'fails',
        says: [/leaves out the path through z_t: the term ∂h_t\/∂z_t·∂⁺z_t\/∂h_{t-1}/],
      },
      // the reset gate's path missing
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = z_t + (h_{t-1} - \tilde{h}_t) z_t (1 - z_t) W_{hz} + (1 - z_t) (1 - \tilde{h}_t^2) W_{hh} r_t`,
        status: 'fails',
        says: [/leaves out the path through r_t/],
      },
      // both gates' paths missing
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = z_t + (1 - z_t) (1 - \tilde{h}_t^2) W_{hh} r_t`,
        status: 'fails',
        says: [/leaves out the paths through z_t and r_t/],
      },
      // z_t for 1 − z_t on the candidate
      {
        check: String.raw`\bar{\tilde{h}}_t = \bar{h}_t \odot z_t`,
        status: 'fails',
        says: [/The term ∂L\/∂h_t (⊙ )?z_t should be ∂L\/∂h_t·∂⁺h_t\/∂h̃_t: z_t should be 1 − z_t/],
      },
      // the next step's update gate where this step's belongs
      {
        check: String.raw`\bar{\tilde{h}}_t = \bar{h}_t \odot (1 - z_{t+1}) for t = 1..T-1`,
        status: 'fails',
        says: [/z_{t\+1} should be z_t/],
      },
      // σ' of the gate written as tanh'
      {
        check: String.raw`\frac{\partial L}{\partial W_{hz}} = \sum_{t=1}^{T} \bar{z}_t \tanh'(W_{xz} x_t + W_{hz} h_{t-1} + b_z) h_{t-1}`,
        status: 'fails',
        says: [/tanh' should be σ'/],
      },
    ]);
  });
});

describe('vector GRU, n = 3 hidden units, 2 inputs', () => {
  const full = String.raw`\mathrm{diag}(z_t) + \mathrm{diag}((h_{t-1} - \tilde{h}_t) \odot z_t \odot (1 - z_t)) W_{hz} + \mathrm{diag}((1 - z_t) \odot (1 - \tilde{h}_t^2)) W_{hh} (\mathrm{diag}(r_t) + \mathrm{diag}(h_{t-1} \odot r_t \odot (1 - r_t)) W_{hr})`;

  it('the Jacobian ∂h_t/∂h_{t−1}: diag(z_t) one-step; the total with diag and the chain rule; long range as a product', () => {
    expectVerdicts(VECTOR, [
      { check: String.raw`\frac{\partial^+ h_t}{\partial h_{t-1}} = \mathrm{diag}(z_t)`, status: 'holds' },
      { check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = ${full}`, status: 'holds' },
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \mathrm{diag}(z_t) + \mathrm{diag}(h_{t-1} - \tilde{h}_t) \frac{\partial z_t}{\partial h_{t-1}} + \mathrm{diag}(1 - z_t) \frac{\partial \tilde{h}_t}{\partial h_{t-1}}`,
        status: 'holds',
      },
      {
        check: String.raw`\frac{\partial h_3}{\partial h_1} = \frac{\partial h_3}{\partial h_2} \frac{\partial h_2}{\partial h_1}`,
        status: 'holds',
      },
      {
        check: String.raw`\frac{\partial L}{\partial h_1} = \frac{\partial L}{\partial h_3} \frac{\partial h_3}{\partial h_1} + \frac{\partial L_2}{\partial h_2} \frac{\partial h_2}{\partial h_1} + \frac{\partial L_1}{\partial h_1}`,
        status: 'holds',
      },
    ]);
  });

  it('the adjoints and the weight gradients (outer products) hold, checked against central differences', () => {
    const derives = 'derive ∂L/∂W_{hz}\nderive ∂L/∂b_h\n';
    const report = expectVerdicts(VECTOR + derives, [
      {
        check: String.raw`\frac{\partial L}{\partial z_t} = \frac{\partial L}{\partial h_t} \odot (h_{t-1} - \tilde{h}_t)`,
        status: 'holds',
      },
      { check: String.raw`\bar{\tilde{h}}_t = \bar{h}_t \odot (1 - z_t)`, status: 'holds' },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hz}} = \sum_{t=1}^{T} (\bar{z}_t \odot z_t \odot (1 - z_t)) h_{t-1}^\top`,
        status: 'holds',
      },
      { check: String.raw`\frac{\partial L}{\partial b_h} = \sum_{t=1}^{T} \bar{\tilde{h}}_t \odot (1 - \tilde{h}_t^2)`, status: 'holds' },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hr}} = \sum_{t=1}^{T} (\bar{r}_t \odot r_t \odot (1 - r_t)) h_{t-1}^\top`,
        status: 'holds',
      },
    ]);
    expect(centralDifferenceChecks(VECTOR + derives, report).map((c) => c.entries)).toEqual([9, 3]);
  });

  it('each typical mistake fails with a message naming what is wrong', () => {
    expectVerdicts(VECTOR, [
      {
        check: String.raw`\frac{\partial L}{\partial z_t} = \frac{\partial L}{\partial h_t} \odot (\tilde{h}_t - h_{t-1})`,
        status: 'fails',
        says: [/it has the wrong sign/],
      },
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \mathrm{diag}(z_t)`,
        status: 'fails',
        says: [/paths through h̃_t and z_t/],
      },
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \mathrm{diag}(z_t) + \mathrm{diag}((1 - z_t) \odot (1 - \tilde{h}_t^2)) W_{hh} \mathrm{diag}(r_t)`,
        status: 'fails',
        says: [/leaves out the paths through z_t and r_t/],
      },
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \mathrm{diag}(z_t) + \mathrm{diag}((h_{t-1} - \tilde{h}_t) \odot z_t \odot (1 - z_t)) W_{hz} + \mathrm{diag}((1 - z_t) \odot (1 - \tilde{h}_t^2)) W_{hh} \mathrm{diag}(r_t)`,
        status: 'fails',
        says: [/leaves out the path through r_t/],
      },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hz}} = \sum_{t=1}^{T} (\bar{z}_t \odot z_t \odot (1 - z_t)) h_t^\top`,
        status: 'fails',
        says: [/h_t should be h_{t-1}/],
      },
      { check: String.raw`\bar{h}_{t-1} = \bar{h}_t \odot (1 - z_t) for t = 2..T`, status: 'fails' },
      { check: String.raw`\bar{\tilde{h}}_t = \bar{h}_t \odot z_t`, status: 'fails', says: [/z_t should be 1 − z_t/] },
    ]);
  });
});

// The weight and h̃_t's slope swapped inside the candidate's path: orderHint swapped the bracketed product with the
// slope, "diag(1 − z_t) W_hh diag(1 − h̃_t^2) should be diag(1 − h̃_t^2) (diag(1 − z_t) W_hh)"; session 30's
// slopeOrder.ts swaps the two neighbours, as a sheet writes the fix
describe('vector GRU: a slope and a weight swapped in ∂h_t/∂h_{t−1}', () => {
  it('names the two neighbours', () => {
    expectVerdicts(VECTOR, [
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = diag(z_t) + diag(h_{t-1} - \tilde{h}_t) diag(z_t \odot (1 - z_t)) W_{hz} + diag(1 - z_t) diag(1 - \tilde{h}_t^2) W_{hh} (diag(r_t) + diag(h_{t-1}) diag(r_t \odot (1 - r_t)) W_{hr})`,
        status: 'holds',
      },
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = diag(z_t) + diag(h_{t-1} - \tilde{h}_t) diag(z_t \odot (1 - z_t)) W_{hz} + diag(1 - z_t) W_{hh} diag(1 - \tilde{h}_t^2) (diag(r_t) + diag(h_{t-1}) diag(r_t \odot (1 - r_t)) W_{hr})`,
        status: 'fails',
        says: [/W_hh diag\(1 − h̃_t\^2\) should be diag\(1 − h̃_t\^2\) W_hh: with its two factors in that order the check holds/],
      },
    ]);
  });
});
