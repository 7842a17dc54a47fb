// The LSTM's backward pass as textbooks print it (d2l.ai §10.1, Colah, Graves; Greff et al.'s δ of a gate
// at its pre-activation; seed 004's overline adjoints): the forward written i_t, f_t, o_t = σ(W_{x·} x_t +
// W_{h·} h_{t−1} + b_·), c̃_t = tanh(…), c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t, h_t = o_t ⊙ tanh(c_t), scalar and
// with n = 3 hidden units, with given values. The right formulas hold (∂c_t/∂c_{t−1} = f_t as a one-step
// derivative, LANGUAGE.md §5); each typical mistake fails with a message that names what is wrong. Also the
// Markdown solution fixtures/lstm-backward.md, read as the CLI reads it (src/cliFile.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../../src/cliFile';
import type { CheckStatus } from '../../src/report';
import { centralDifferenceChecks } from '../examples/helpers';
import { expectVerdicts } from './verdicts';

const SCALAR = String.raw`T = 4
input  x = [1.0, -0.5, 0.3, 0.8]
target y = [0.2, -0.1, 0.3, 0.4]
param  W_{xi} = 0.5
param  W_{hi} = -0.4
param  b_i = 0.1
param  W_{xf} = 0.3
param  W_{hf} = 0.6
param  b_f = 0.2
param  W_{xo} = -0.2
param  W_{ho} = 0.7
param  b_o = 0
param  W_{xc} = 0.9
param  W_{hc} = -0.5
param  b_c = -0.1
h_0 = 0
c_0 = 0.5

i_t = \sigma(W_{xi} x_t + W_{hi} h_{t-1} + b_i)
f_t = \sigma(W_{xf} x_t + W_{hf} h_{t-1} + b_f)
o_t = \sigma(W_{xo} x_t + W_{ho} h_{t-1} + b_o)
\tilde{c}_t = \tanh(W_{xc} x_t + W_{hc} h_{t-1} + b_c)
c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t
h_t = o_t \odot \tanh(c_t)
L_t = \frac{1}{2}(h_t - y_t)^2
loss L = \sum_t L_t
`;

const VECTOR = String.raw`T = 3
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

/** Greff et al.'s form: the gates' pre-activations named (\hat{f}_t), whose gradient a textbook calls δf_t */
const PRE = String.raw`T = 4
input  x = [1.0, -0.5, 0.3, 0.8]
target y = [0.2, -0.1, 0.3, 0.4]
param  W_{xf} = 0.3
param  W_{hf} = 0.6
param  W_{xc} = 0.9
param  W_{hc} = -0.5
param  i = 0.5
param  o = 0.7
h_0 = 0.2
c_0 = 0.5
\hat{f}_t = W_{xf} x_t + W_{hf} h_{t-1}
f_t = \sigma(\hat{f}_t)
\tilde{c}_t = \tanh(W_{xc} x_t + W_{hc} h_{t-1})
c_t = f_t c_{t-1} + i \tilde{c}_t
h_t = o \tanh(c_t)
L_t = (h_t - y_t)^2
loss L = \sum_t L_t
`;

const ONE_STEP = /holds as a one-step derivative/;

describe('scalar LSTM (d2l §10.1 notation)', () => {
  it('the cell adjoint with the future path holds, as ∂ and as adjoints; the terminal step has no c_{T+1}', () => {
    expectVerdicts(SCALAR, [
      {
        check: String.raw`\frac{\partial L}{\partial c_t} = \frac{\partial L}{\partial h_t} \odot o_t \odot (1 - \tanh^2(c_t)) + \frac{\partial L}{\partial c_{t+1}} \odot f_{t+1} for t = 1..T-1`,
        status: 'holds',
      },
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot (1 - \tanh(c_t)^2) + \bar{c}_{t+1} \odot f_{t+1} for t = 1..T-1`,
        status: 'holds',
      },
      {
        check: String.raw`\overline{c^{(t)}} = \overline{h^{(t)}} o^{(t)} \tanh'(c^{(t)}) + \overline{c^{(t+1)}} f^{(t+1)} for t = 1..T-1`,
        status: 'holds',
      },
      { check: String.raw`\bar{c}_T = \bar{h}_T \odot o_T \odot (1 - \tanh^2(c_T))`, status: 'holds' },
      // seed 004's first line, with ∂ for the one-step partials: holds as a one-step derivative
      {
        check: String.raw`\overline{c^{(t)}} = \overline{h^{(t)}} \frac{\partial h^{(t)}}{\partial c^{(t)}} + \overline{c^{(t+1)}} \frac{\partial c^{(t+1)}}{\partial c^{(t)}} for t = 1..T-1`,
        status: 'holds-as-one-step',
        says: [ONE_STEP, /∂c_{t\+1}\/∂c_t/],
      },
    ]);
  });

  it('the gates, the candidate and the hidden state through every gate of the next step hold', () => {
    expectVerdicts(SCALAR, [
      { check: String.raw`\bar{o}_t = \bar{h}_t \odot \tanh(c_t)`, status: 'holds' },
      { check: String.raw`\bar{f}_t = \bar{c}_t \odot c_{t-1}`, status: 'holds' },
      { check: String.raw`\bar{i}_t = \bar{c}_t \odot \tilde{c}_t`, status: 'holds' },
      { check: String.raw`\bar{\tilde{c}}_t = \bar{c}_t \odot i_t`, status: 'holds' },
      { check: String.raw`\overline{\tilde{c}_t} = \bar{c}_t \odot i_t`, status: 'holds' },
      {
        check: String.raw`\bar{h}_t = \frac{\partial L_t}{\partial h_t} + \bar{o}_{t+1} \frac{\partial o_{t+1}}{\partial h_t} + \bar{f}_{t+1} \frac{\partial f_{t+1}}{\partial h_t} + \bar{i}_{t+1} \frac{\partial i_{t+1}}{\partial h_t} + \bar{\tilde{c}}_{t+1} \frac{\partial \tilde{c}_{t+1}}{\partial h_t} for t = 1..T-1`,
        status: 'holds',
      },
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \frac{\partial h_t}{\partial c_t} \frac{\partial c_t}{\partial h_{t-1}} + \frac{\partial h_t}{\partial o_t} \frac{\partial o_t}{\partial h_{t-1}}`,
        status: 'holds',
      },
      {
        check: String.raw`\bar{h}_t = (h_t - y_t) + \bar{o}_{t+1} o_{t+1} (1 - o_{t+1}) W_{ho} + \bar{f}_{t+1} f_{t+1} (1 - f_{t+1}) W_{hf} + \bar{i}_{t+1} i_{t+1} (1 - i_{t+1}) W_{hi} + \bar{\tilde{c}}_{t+1} (1 - \tilde{c}_{t+1}^2) W_{hc} for t = 1..T-1`,
        status: 'holds',
      },
    ]);
  });

  it('∂c_t/∂c_{t−1} = f_t holds as a one-step derivative (h_{t−1} held fixed), and as ∂⁺', () => {
    expectVerdicts(SCALAR, [
      {
        check: String.raw`\frac{\partial c_t}{\partial c_{t-1}} = f_t`,
        status: 'holds-as-one-step',
        says: [ONE_STEP, /∂c_t\/∂c_{t-1} read as one-step/, /∂c_2\/∂c_1 adds/],
      },
      { check: String.raw`\frac{\partial^+ c_t}{\partial c_{t-1}} = f_t`, status: 'holds' },
      // the cell's chain alone is not ∂c_3/∂c_1: c_1 also reaches c_3 through h_1 → o_2 → h_2, bypassing c_2
      {
        check: String.raw`\frac{\partial c_3}{\partial c_1} = \frac{\partial c_3}{\partial c_2} \frac{\partial c_2}{\partial c_1}`,
        status: 'fails',
        says: [/counts only the paths through c_2; ∂c_3\/∂c_1 also has paths that bypass c_2: they leave c_1 through h_1/],
      },
    ]);
  });

  it('parameter gradients: Σ_t (δf_t ⊙ f_t ⊙ (1 − f_t)) h_{t−1}ᵀ and its kin hold, checked against central differences', () => {
    const report = expectVerdicts(SCALAR + 'derive ∂L/∂W_{hf}\nderive ∂L/∂b_c\n', [
      {
        check: String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} (\bar{f}_t \odot f_t \odot (1 - f_t)) h_{t-1}^\top`,
        status: 'holds',
      },
      {
        check: String.raw`\frac{\partial L}{\partial W_{xf}} = \sum_{t=1}^{T} \bar{c}_t \odot c_{t-1} \odot f_t \odot (1 - f_t) x_t`,
        status: 'holds',
      },
      { check: String.raw`\nabla_{b_c} L = \sum_{t=1}^{T} \bar{\tilde{c}}_t (1 - \tilde{c}_t^2)`, status: 'holds' },
      {
        check: String.raw`\frac{\partial L}{\partial W_{ho}} = \sum_{t} \bar{o}_t \sigma'(W_{xo} x_t + W_{ho} h_{t-1} + b_o) h_{t-1}`,
        status: 'holds',
      },
    ]);
    const cd = centralDifferenceChecks(SCALAR + 'derive ∂L/∂W_{hf}\nderive ∂L/∂b_c\n', report);
    expect(cd.length).toBe(2);
  });

  it('each typical mistake fails with a message naming what is wrong', () => {
    expectVerdicts(SCALAR, [
      // the future path left out of δc_t
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot (1 - \tanh^2(c_t)) for t = 1..T-1`,
        status: 'fails',
        says: [/leaves out the path through c_{t\+1}/],
      },
      // o_t forgotten
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot (1 - \tanh^2(c_t)) + \bar{c}_{t+1} \odot f_{t+1} for t = 1..T-1`,
        status: 'fails',
        says: [/it leaves out the factor o_t/],
      },
      // σ' where tanh' belongs
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot \sigma'(c_t) + \bar{c}_{t+1} \odot f_{t+1} for t = 1..T-1`,
        status: 'fails',
        says: [/it has σ' where h_t's equation needs tanh'/],
      },
      // tanh' where the gate's σ' belongs, inside a parameter gradient
      {
        check: String.raw`\frac{\partial L}{\partial W_{ho}} = \sum_{t} \bar{o}_t \tanh'(W_{xo} x_t + W_{ho} h_{t-1} + b_o) h_{t-1}`,
        status: 'fails',
        says: [/tanh' should be σ'/],
      },
      // f_t for f_{t+1} (seed 004's c̄)
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot (1 - \tanh^2(c_t)) + \bar{c}_{t+1} \odot f_t for t = 1..T-1`,
        status: 'fails',
        says: [/f_t should be f_{t\+1}/],
      },
      // c_{t+1} for c_{t−1} (seed 004's f̄)
      { check: String.raw`\bar{f}_t = \bar{c}_t \odot c_{t+1} for t = 1..T-1`, status: 'fails', says: [/c_{t\+1} should be c_{t-1}/] },
      // h_t for h_{t−1} in a parameter gradient
      {
        check: String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} (\bar{f}_t \odot f_t \odot (1 - f_t)) h_t`,
        status: 'fails',
        says: [/h_t should be h_{t-1}/],
      },
      // a textbook δf_t (the gradient at the pre-activation) written as f̄_t
      {
        check: String.raw`\bar{f}_t = \bar{c}_t \odot c_{t-1} \odot f_t \odot (1 - f_t)`,
        status: 'fails',
        says: [/extra factor σ'\(…\) = f_t ⊙ \(1 − f_t\)/, /pre-activation/],
      },
      // a gate's path left out of h̄_t
      {
        check: String.raw`\bar{h}_t = \frac{\partial L_t}{\partial h_t} + \bar{o}_{t+1} \frac{\partial o_{t+1}}{\partial h_t} + \bar{f}_{t+1} \frac{\partial f_{t+1}}{\partial h_t} + \bar{i}_{t+1} \frac{\partial i_{t+1}}{\partial h_t} for t = 1..T-1`,
        status: 'fails',
        says: [/leaves out the path through c̃_{t\+1}/],
      },
      // ∂h_t/∂h_{t−1} through the cell only: the output gate's path is missing
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \frac{\partial h_t}{\partial c_t} \frac{\partial c_t}{\partial h_{t-1}}`,
        status: 'fails',
        says: [/leaves out the path through o_t: the term ∂h_t\/∂o_t·∂⁺o_t\/∂h_{t-1}/],
      },
      // ∂⁺ where the total is meant: h_{t−1} is not in h_t's own equation, so ∂⁺ is 0
      {
        check: String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \frac{\partial^+ h_t}{\partial h_{t-1}}`,
        status: 'fails',
        says: [/∂⁺h_1\/∂h_0 is 0: h_0 does not appear directly in h_1's own equation/, /through o_t and c_t/],
      },
      // ∂c_t/∂c_{t−1} with the previous step's gate: fails even as a one-step derivative, and says which step
      { check: String.raw`\frac{\partial c_t}{\partial c_{t-1}} = f_{t-1}`, status: 'fails', says: [/f_{t-1} should be f_t/] },
    ]);
  });
});

describe('Greff et al.: δ of a gate at its pre-activation (named \\hat{f}_t)', () => {
  it("δf_t = δc_t ⊙ c_{t−1} ⊙ f_t(1 − f_t) holds as ∂L/∂f̂_t; without σ' it fails naming the factor", () => {
    expectVerdicts(PRE, [
      { check: String.raw`\frac{\partial L}{\partial \hat{f}_t} = \bar{c}_t \odot c_{t-1} \odot f_t (1 - f_t)`, status: 'holds' },
      { check: String.raw`\frac{\partial L}{\partial \hat{f}_t} = \bar{f}_t \odot \sigma'(\hat{f}_t)`, status: 'holds' },
      {
        check: String.raw`\frac{\partial L}{\partial \hat{f}_t} = \bar{f}_t`,
        status: 'fails',
        says: [/it leaves out the factor σ'\(…\) = f_t ⊙ \(1 − f_t\)/],
      },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} \frac{\partial L}{\partial \hat{f}_t} h_{t-1}`,
        status: 'holds',
      },
    ]);
  });
});

describe('vector LSTM, n = 3 hidden units, 2 inputs', () => {
  it('the backward formulas hold elementwise, the Jacobian ∂c_t/∂c_{t−1} = diag(f_t) as a one-step derivative', () => {
    expectVerdicts(VECTOR, [
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot (1 - \tanh^2(c_t)) + \bar{c}_{t+1} \odot f_{t+1} for t = 1..T-1`,
        status: 'holds',
      },
      { check: String.raw`\bar{c}_T = \bar{h}_T \odot o_T \odot (1 - \tanh^2(c_T))`, status: 'holds' },
      {
        check: String.raw`\overline{c^{(t)}} = \overline{h^{(t)}} \frac{\partial h^{(t)}}{\partial c^{(t)}} + \overline{c^{(t+1)}} \frac{\partial c^{(t+1)}}{\partial c^{(t)}} for t = 1..T-1`,
        status: 'holds-as-one-step',
      },
      { check: String.raw`\bar{o}_t = \bar{h}_t \odot \tanh(c_t)`, status: 'holds' },
      { check: String.raw`\bar{f}_t = \bar{c}_t \odot c_{t-1}`, status: 'holds' },
      { check: String.raw`\bar{i}_t = \bar{c}_t \odot \tilde{c}_t`, status: 'holds' },
      { check: String.raw`\bar{\tilde{c}}_t = \bar{c}_t \odot i_t`, status: 'holds' },
      { check: String.raw`\frac{\partial c_t}{\partial c_{t-1}} = \mathrm{diag}(f_t)`, status: 'holds-as-one-step', says: [ONE_STEP] },
      { check: String.raw`\frac{\partial^+ c_t}{\partial c_{t-1}} = \operatorname{diag}(f_t)`, status: 'holds' },
      { check: String.raw`\frac{\partial L_t}{\partial h_t} = h_t - y_t`, status: 'holds' },
      {
        check: String.raw`\bar{h}_t = \frac{\partial L_t}{\partial h_t} + W_{hi}^\top (\bar{i}_{t+1} \odot i_{t+1} \odot (1 - i_{t+1})) + W_{hf}^\top (\bar{f}_{t+1} \odot f_{t+1} \odot (1 - f_{t+1})) + W_{ho}^\top (\bar{o}_{t+1} \odot o_{t+1} \odot (1 - o_{t+1})) + W_{hc}^\top (\bar{\tilde{c}}_{t+1} \odot (1 - \tilde{c}_{t+1}^2)) for t = 1..T-1`,
        status: 'holds',
      },
    ]);
  });

  it('the parameter gradients as sums of outer products hold, checked against central differences', () => {
    const derives = 'derive ∂L/∂W_{hf}\nderive ∂L/∂b_i\n';
    const report = expectVerdicts(VECTOR + derives, [
      {
        check: String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} (\bar{f}_t \odot f_t \odot (1 - f_t)) h_{t-1}^\top`,
        status: 'holds',
      },
      {
        check: String.raw`\frac{\partial L}{\partial W_{xf}} = \sum_{t=1}^{T} (\bar{f}_t \odot f_t \odot (1 - f_t)) x_t^\top`,
        status: 'holds',
      },
      { check: String.raw`\frac{\partial L}{\partial b_f} = \sum_{t=1}^{T} \bar{f}_t \odot f_t \odot (1 - f_t)`, status: 'holds' },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hc}} = \sum_{t=1}^{T} (\bar{\tilde{c}}_t \odot (1 - \tilde{c}_t^2)) h_{t-1}^\top`,
        status: 'holds',
      },
    ]);
    const cd = centralDifferenceChecks(VECTOR + derives, report);
    expect(cd.map((c) => c.entries)).toEqual([9, 3]);
  });

  it('each typical mistake fails with a message naming what is wrong', () => {
    expectVerdicts(VECTOR, [
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot (1 - \tanh^2(c_t)) for t = 1..T-1`,
        status: 'fails',
        says: [/leaves out the path through c_{t\+1}/],
      },
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot (1 - \tanh^2(c_t)) + \bar{c}_{t+1} \odot f_{t+1} for t = 1..T-1`,
        status: 'fails',
        says: [/it leaves out the factor o_t/],
      },
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot \sigma'(c_t) + \bar{c}_{t+1} \odot f_{t+1} for t = 1..T-1`,
        status: 'fails',
        says: [/it has σ' where h_t's equation needs tanh'/],
      },
      {
        check: String.raw`\bar{c}_t = \bar{h}_t \odot o_t \odot (1 - \tanh^2(c_t)) + \bar{c}_{t+1} \odot f_t for t = 1..T-1`,
        status: 'fails',
        says: [/f_t should be f_{t\+1}/],
      },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} (\bar{f}_t \odot f_t \odot (1 - f_t)) h_t^\top`,
        status: 'fails',
        says: [/h_t should be h_{t-1}/],
      },
      {
        check: String.raw`\frac{\partial L}{\partial W_{hf}} = \sum_{t=1}^{T} (\bar{f}_t \odot \tanh'(W_{xf} x_t + W_{hf} h_{t-1} + b_f)) h_{t-1}^\top`,
        status: 'fails',
        says: [/tanh' should be σ'/],
      },
      { check: String.raw`\bar{f}_t = \bar{c}_t \odot c_{t-1} \odot f_t \odot (1 - f_t)`, status: 'fails', says: [/pre-activation/] },
      {
        check: String.raw`\bar{h}_t = \frac{\partial L_t}{\partial h_t} + W_{hi}^\top (\bar{i}_{t+1} \odot i_{t+1} \odot (1 - i_{t+1})) + W_{hf}^\top (\bar{f}_{t+1} \odot f_{t+1} \odot (1 - f_{t+1})) + W_{ho}^\top (\bar{o}_{t+1} \odot o_{t+1} \odot (1 - o_{t+1})) for t = 1..T-1`,
        status: 'fails',
        says: [/leaves out the path through c̃_{t\+1}/],
      },
    ]);
  });
});

describe('a worked LSTM backward pass in Markdown (fixtures/lstm-backward.md), as the CLI reads it', () => {
  const out = runFile(join(__dirname, 'fixtures', 'lstm-backward.md'), 'check', true, false);
  const json = out.json as { equations: { tag: string | null; status: CheckStatus; message: string }[]; checked: number; skipped: number };
  const eq = (tag: string) => {
    const e = json.equations.filter((x) => x.tag === tag);
    expect(e.length, `(${tag})`).toBe(1);
    return e[0]!;
  };

  it('reads every display equation, and fails the file (it has deliberate mistakes)', () => {
    expect(out.error).toBeUndefined();
    expect(json.checked).toBe(14);
    expect(json.skipped).toBe(0);
    expect(out.bad).toBe(true);
  });

  it("the forward and the right backward formulas hold; (3)'s chain and (9) as one-step derivatives", () => {
    for (const tag of ['1', '2', '4', '5', '6', '7', '8', '10']) expect(eq(tag).status, `(${tag}) ${eq(tag).message}`).toBe('holds');
    expect(eq('3').status).toBe('holds-as-one-step');
    expect(eq('9').status).toBe('holds-as-one-step');
  });

  it('each mistake fails naming what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['11', /f_t should be f_{t\+1}/],
      ['12', /it leaves out the factor o_t/],
      ['13', /leaves out the path through c_{t\+1}/],
      ['14', /c_{t\+1} should be c_{t-1}/],
    ];
    for (const [tag, re] of cases) {
      expect(eq(tag).status, `(${tag})`).toBe('fails');
      expect(eq(tag).message, `(${tag})`).toMatch(re);
    }
  });
});
