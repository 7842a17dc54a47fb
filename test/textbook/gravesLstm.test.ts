// Graves, "Supervised Sequence Labelling with RNNs" (2012), §4.6: the LSTM backward pass in his own symbols (ι, φ, ω
// gates, s_c the state, b_c the cell output, peepholes w_cι, w_cφ, w_cω), ε_c^t = ∂L/∂b_c^t and ε_s^t = ∂L/∂s_c^t
// named by derivatives, one scalar cell; and Olah's LSTM (concatenated [h_{t−1}, x_t], n = 3, 2 inputs) with its
// gate gradients. Each printed equation holds; each mistake fails naming the wrong step or the wrong adjoint.
import { describe, it } from 'vitest';
import { expectVerdicts } from './verdicts';

const GRAVES = String.raw`T = 4
input  x = [0.5, -0.8, 0.3, 0.9]
target z = [0.2, -0.1, 0.4, 0.3]
param w_iι = 0.4
param w_hι = -0.3
param w_cι = 0.2
param w_iφ = 0.5
param w_hφ = 0.1
param w_cφ = -0.4
param w_ic = 0.7
param w_hc = -0.6
param w_iω = -0.2
param w_hω = 0.3
param w_cω = 0.25
param w_ck = 1.2
b_c^0 = 0.1
s_c^0 = -0.2
a_ι^t = w_iι x^t + w_hι b_c^{t-1} + w_cι s_c^{t-1}
b_ι^t = σ(a_ι^t)
a_φ^t = w_iφ x^t + w_hφ b_c^{t-1} + w_cφ s_c^{t-1}
b_φ^t = σ(a_φ^t)
a_c^t = w_ic x^t + w_hc b_c^{t-1}
s_c^t = b_φ^t s_c^{t-1} + b_ι^t tanh(a_c^t)
a_ω^t = w_iω x^t + w_hω b_c^{t-1} + w_cω s_c^t
b_ω^t = σ(a_ω^t)
b_c^t = b_ω^t tanh(s_c^t)
y^t = w_ck b_c^t
L^t = (y^t - z^t)^2 / 2
loss L = Σ_t L^t
ε_c^t = ∂L/∂b_c^t
ε_s^t = ∂L/∂s_c^t
δ_ω^t = ∂L/∂a_ω^t
δ_c^t = ∂L/∂a_c^t
δ_φ^t = ∂L/∂a_φ^t
δ_ι^t = ∂L/∂a_ι^t
δ_k^t = ∂L/∂y^t
`;

const OLAH = String.raw`T = 3
input  x : 2 = [[1.0, -0.5], [0.3, 0.8], [-0.7, 0.2]]
target y : 3 = [[0.2, -0.1, 0.3], [0.4, 0.0, -0.2], [0.1, 0.3, -0.3]]
param  W_f : 3x5 = [[0.1, -0.2, 0.3, 0.5, -0.3], [0.0, 0.4, -0.1, 0.2, 0.4], [0.2, 0.1, -0.3, -0.1, 0.6]]
param  W_i : 3x5 = [[0.2, 0.1, -0.1, 0.3, 0.1], [-0.3, 0.2, 0.4, -0.4, 0.2], [0.1, -0.2, 0.3, 0.5, -0.2]]
param  W_C : 3x5 = [[-0.1, 0.3, 0.2, 0.4, -0.5], [0.2, -0.1, 0.1, 0.3, 0.2], [0.3, 0.2, -0.2, -0.6, 0.1]]
param  W_o : 3x5 = [[0.3, -0.1, 0.2, 0.2, 0.3], [0.1, 0.2, -0.3, -0.1, 0.4], [-0.2, 0.3, 0.1, 0.5, -0.3]]
param  b_f : 3 = [0.5, 0.5, 0.5]
param  b_i : 3 = [0.1, 0.0, -0.1]
param  b_C : 3 = [0.0, 0.1, -0.1]
param  b_o : 3 = [0.2, -0.1, 0.0]
h_0 = [0.1, -0.2, 0.3]
C_0 = [0.2, 0.1, -0.1]
f_t = σ(W_f [h_{t-1}, x_t] + b_f)
i_t = σ(W_i [h_{t-1}, x_t] + b_i)
\tilde{C}_t = tanh(W_C [h_{t-1}, x_t] + b_C)
C_t = f_t * C_{t-1} + i_t * \tilde{C}_t
o_t = σ(W_o [h_{t-1}, x_t] + b_o)
h_t = o_t * tanh(C_t)
L_t = sum((h_t - y_t)^2) / 2
loss L = Σ_t L_t
`;

describe('Graves (2012) §4.6, the LSTM backward pass with peepholes', () => {
  it('eqs. 4.12–4.17 hold as printed', () => {
    expectVerdicts(GRAVES, [
      { check: 'δ_k^t = y^t - z^t', status: 'holds' },
      { check: 'ε_c^t = w_ck δ_k^t + w_hι δ_ι^{t+1} + w_hφ δ_φ^{t+1} + w_hc δ_c^{t+1} + w_hω δ_ω^{t+1}', status: 'holds' },
      { check: "δ_ω^t = σ'(a_ω^t) tanh(s_c^t) ε_c^t", status: 'holds' },
      { check: "ε_s^t = b_ω^t tanh'(s_c^t) ε_c^t + b_φ^{t+1} ε_s^{t+1} + w_cι δ_ι^{t+1} + w_cφ δ_φ^{t+1} + w_cω δ_ω^t", status: 'holds' },
      { check: "δ_c^t = b_ι^t tanh'(a_c^t) ε_s^t", status: 'holds' },
      { check: "δ_φ^t = σ'(a_φ^t) s_c^{t-1} ε_s^t", status: 'holds' },
      { check: "δ_ι^t = σ'(a_ι^t) tanh(a_c^t) ε_s^t", status: 'holds' },
      { check: '∂L/∂w_cω = Σ_t s_c^t δ_ω^t', status: 'holds' },
    ]);
  });

  it('the typical mistakes are named', () => {
    expectVerdicts(GRAVES, [
      {
        check: 'ε_c^t = w_ck δ_k^t + w_hι δ_ι^{t+1} + w_hφ δ_φ^{t+1} + w_hc δ_c^{t+1}',
        status: 'fails',
        says: [/leaves out the path through a_ω\^\{t\+1\}/],
      },
      {
        check: "ε_s^t = b_ω^t tanh'(s_c^t) ε_c^t + b_φ^{t+1} ε_s^{t+1} + w_cι δ_ι^{t+1} + w_cφ δ_φ^{t+1} + w_cω δ_ω^{t+1}",
        status: 'fails',
        // named as written, δ_ω^{t+1} (through its definition, ∂L/∂a_ω^{t+1}, until session 31)
        says: [/δ_ω\^\{t\+1\} should be δ_ω\^t: with that step the check holds/],
      },
      {
        check: 'ε_c^t = w_ck δ_k^t + w_hι δ_ι^{t+1} + w_hφ δ_φ^{t+1} + w_hc δ_c^t + w_hω δ_ω^{t+1}',
        status: 'fails',
        says: [/δ_c\^t should be δ_c\^\{t\+1\}: with that step the check holds/],
      },
      { check: "δ_ω^t = σ'(a_ω^t) tanh(s_c^t) ε_c^{t+1}", status: 'fails', says: [/ε_c\^\{t\+1\} should be ε_c\^t: with that step/] },
      { check: "δ_φ^t = σ'(a_φ^t) s_c^t ε_s^t", status: 'fails', says: [/s_c\^t should be s_c\^\{t-1\}/] },
      { check: "δ_ω^t = σ'(a_ω^t) tanh'(s_c^t) ε_c^t", status: 'fails', says: [/tanh′\(s_c\^t\) should be tanh\(s_c\^t\)/] },
    ]);
  });

  // The cell output's gradient ε_c^t written where the state's ε_s^t belongs: no hint tried another adjoint, so the
  // failure named nothing (substitute.ts now tries ∂L/∂Y_t for each quantity Y of the same shape).
  it('ε_c^t where ε_s^t belongs names the adjoint', () => {
    expectVerdicts(GRAVES, [
      {
        check: "δ_ι^t = σ'(a_ι^t) tanh(a_c^t) ε_c^t",
        status: 'fails',
        says: [/∂L\/∂b_c\^t should be ∂L\/∂s_c\^t: with that the check holds/],
      },
      { check: "δ_c^t = b_ι^t tanh'(a_c^t) ε_c^t", status: 'fails', says: [/∂L\/∂b_c\^t should be ∂L\/∂s_c\^t/] },
      { check: "∂L/∂a_ι^t = σ'(a_ι^t) tanh(a_c^t) ∂L/∂b_c^t", status: 'fails', says: [/∂L\/∂b_c\^t should be ∂L\/∂s_c\^t/] },
    ]);
  });
});

/** a vanilla RNN with h written as Graves writes steps, h^t */
const VANILLA = String.raw`T = 4
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3], [0.5, 0.6]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W_hh : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
h^0 = [0.1, -0.2, 0.3]
h^t = tanh(W_hh h^{t-1} + U x^t)
loss L = Σ_t sum(h^t ⊙ h^t)
`;

describe("Olah's LSTM, n = 3, the gates' gradients", () => {
  it('hold as written; ∂L/∂h_t for ∂L/∂C_t (and the reverse) is named', () => {
    expectVerdicts(OLAH, [
      { check: '∂L/∂o_t = ∂L/∂h_t ⊙ tanh(C_t)', status: 'holds' },
      { check: '∂L/∂\\tilde{C}_t = ∂L/∂C_t ⊙ i_t', status: 'holds' },
      { check: '∂L/∂f_t = ∂L/∂C_t ⊙ C_{t-1}', status: 'holds' },
      { check: '∂L/∂C_t = ∂L/∂h_t ⊙ o_t ⊙ (1 - tanh(C_t)^2) + ∂L/∂C_{t+1} ⊙ f_{t+1}', status: 'holds' },
      { check: '∂L/∂o_t = ∂L/∂C_t ⊙ tanh(C_t)', status: 'fails', says: [/∂L\/∂C_t should be ∂L\/∂h_t/] },
      { check: '∂L/∂i_t = ∂L/∂h_t ⊙ \\tilde{C}_t', status: 'fails', says: [/∂L\/∂h_t should be ∂L\/∂C_t/] },
      {
        check: '∂L/∂C_t = ∂L/∂h_t ⊙ o_t ⊙ (1 - tanh(C_t)^2) + ∂L/∂h_{t+1} ⊙ f_{t+1}',
        status: 'fails',
        says: [/∂L\/∂h_\{t\+1\} should be ∂L\/∂C_\{t\+1\}/],
      },
      { check: '∂L/∂f_t = ∂L/∂C_{t-1} ⊙ C_{t-1}', status: 'fails', says: [/∂L\/∂C_\{t-1\} should be ∂L\/∂C_t/] },
    ]);
  });
});

// Graves writes the step as a bare superscript in a derivative's numerator too; ∂L/∂s_c^t read, ∂s_c^t/… was
// "expected '/' in ∂A/∂B, found '^'" (only \frac{∂s_c^t}{…} read)
describe('a bare superscript step in a numerator', () => {
  it('∂s_c^t/∂s_c^{t-1} reads as \\frac does', () => {
    expectVerdicts(GRAVES, [
      { check: '∂⁺s_c^t/∂s_c^{t-1} = b_φ^t', status: 'holds' },
      { check: "∂s_c^t/∂a_c^t = b_ι^t tanh'(a_c^t)", status: 'holds' },
      // total, it would count the output gate's peephole path too: ∂⁺ is the term Graves writes
      { check: "∂⁺b_c^t/∂s_c^t = b_ω^t tanh'(s_c^t)", status: 'holds' },
      // the peepholes reach s_c^t from s_c^{t-1} through the gates too: b_φ^t is the immediate partial only
      { check: '∂s_c^t/∂s_c^{t-1} = b_φ^t', status: 'fails', says: [/immediate partial ∂⁺s_c\^t\/∂s_c\^\{t-1\}/] },
    ]);
  });
});

// ASCII d reads as ∂ (LANGUAGE.md §4: dA/dB), a bare superscript step over its numerator included: dh^t/dh^{t-1}
// said "h is a sequence" (the lexer's dA/dB took ^(t) and ^{(t)} only, so d stayed a name)
describe('a bare superscript step in an ASCII derivative', () => {
  it('ds_c^t/ds_c^{t-1} and dL/ds_c^t read as their ∂ forms do', () => {
    expectVerdicts(GRAVES, [
      { check: 'd+s_c^t/ds_c^{t-1} = b_φ^t', status: 'holds' },
      { check: 'dL/ds_c^t = ∂L/∂s_c^t', status: 'holds' },
      { check: "ds_c^t/da_c^t = b_ι^t tanh'(a_c^t)", status: 'holds' },
      { check: 'ds_c^t/ds_c^{t-1} = b_φ^t', status: 'fails', says: [/immediate partial ∂⁺s_c\^t\/∂s_c\^\{t-1\}/] },
    ]);
    expectVerdicts(VANILLA, [
      { check: 'dh^t/dh^{t-1} = diag(1 - h_t^2) W_hh', status: 'holds' },
      { check: 'dL/dh^t = ∂L/∂h_t', status: 'holds' },
    ]);
  });
});
