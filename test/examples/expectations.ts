// What the seed analysis predicts for every check line of every example (see the comments in each
// examples/*.rnn): the seeds' wrong answers fail at a known first step, equations that lean on the given
// values (h_0 = 0, all-ones weights, a one-hot target) hold only for these values, the rest hold.

import type { ExpectedCheck } from './helpers';

export const EXPECTED: Record<string, ExpectedCheck[]> = {
  'sheet7-vanilla-rnn.rnn': [
    // (1), (2), (4)–(6): chains of equalities, one verdict per link
    { line: 'check h_t = \\sigma(\\tilde{h}_t) =', status: 'holds' },
    { line: 'check h_t = \\sigma(\\tilde{h}_t) =', status: 'holds' },
    { line: 'check y_t = \\sigma(\\tilde{y}_t) =', status: 'holds' },
    { line: 'check y_t = \\sigma(\\tilde{y}_t) =', status: 'holds' },
    { line: 'check \\mathcal{L} = (\\mathcal{L}_1', status: 'holds' },
    { line: 'check \\mathcal{L} = (\\mathcal{L}_1', status: 'holds' },
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial y_3} =', status: 'holds' }, // eq. 7–8 (two links)
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial y_3} =', status: 'holds' },
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial y_2} =', status: 'holds' }, // eq. 11
    { line: 'check \\frac{\\partial \\mathcal{L}_3}{\\partial h_3} =', status: 'holds' }, // eq. 15
    { line: 'check \\frac{\\partial h_t}{\\partial h_{t-1}} =', status: 'holds' }, // eq. 17
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial h_2} =', status: 'holds' }, // eq. 20
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial h_1} =', status: 'holds' }, // eq. 22–24
    // eq. 26 and 28 as the seed writes them (∂): wrong from t = 2 as total derivatives, right as the one-step
    // derivatives the sheet means (LANGUAGE.md v2 §5) — the message names what the total adds
    { line: 'check \\frac{\\partial h_t}{\\partial W_{xh}} =', status: 'holds-as-one-step', mentions: ['one-step', '∂h_2/∂W_xh adds'] },
    { line: 'check \\frac{\\partial h_t}{\\partial W_{hh}} =', status: 'holds-as-one-step', mentions: ['one-step'] },
    // eq. 30–32 as written: the last factor of (32) should be ∂h_1/∂W_xh
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial W_{xh}} =', nth: 0, status: 'fails', failingStep: null, mentions: ['the last factor should be ∂h_1/∂W_xh'] },
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial W_{xh}} =', nth: 1, status: 'holds-as-one-step' }, // eq. 32 corrected
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial W_{hh}} = \\frac{\\partial (\\mathcal{L}_2', status: 'holds-at-given-values', mentions: ['h_0', 'leaves out ∂L_1/∂W_hh'] }, // eq. 33
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial W_{hh}} = \\frac{\\partial \\mathcal{L}_2}', status: 'holds-at-given-values', mentions: ['h_0'] }, // eq. 34–35
    { line: 'check \\frac{\\partial \\mathcal{L}}{\\partial W_{hh}} = \\sum', status: 'holds' },
    { line: 'check \\frac{\\partial h_3}{\\partial h_1} =', status: 'holds' }, // exercise 2
  ],
  'gru-one-weight.rnn': [
    { line: 'check ∂h_t/∂h_{t-1} = u_t \\cdot \\frac', status: 'fails', failingStep: 1, mentions: ['the path through u_t'] }, // eq. 5
    { line: 'check ∂h_t/∂h_{t-1} = u_t + (1 - u_t).w', status: 'fails', failingStep: 1, mentions: ['the path through u_t'] }, // eq. 10
    { line: 'check ∂h_t/∂h_{t-1} = u_t + (1 - u_t) w', status: 'holds' }, // corrected
    { line: 'check ∂h_t/∂h_{t-1} = ∂⁺h_t', status: 'holds' },
    { line: 'check ∂h_t/∂h_{t-1} = (1 - u_t', status: 'holds' }, // A_t w + B_t, corrected
    { line: 'check ∂h_T/∂h_0 = ∏_{j=1}^{T} ∂h_j', status: 'holds' }, // eq. 13
    { line: 'check ∂h_T/∂h_0 = ∏_{j=1}^{T} ((1 - u_j).w', status: 'fails', failingStep: null }, // eq. 14
  ],
  'binary-addition-rnn.rnn': [
    // W = ones: h^(1) = U x^(1) + b_h since h_0 = 0, so the row expansions hold at t = 1 and fail later
    { line: 'check h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} - 0.5', status: 'fails', failingStep: 2 },
    { line: 'check h_2^{(t)} =', status: 'fails', failingStep: 2 },
    // h_1[1] + h_1[2] = 0.5 − 0.5 = 0 at these inputs: row 3 survives t = 2 and fails at t = 3
    { line: 'check h_3^{(t)} =', status: 'fails', failingStep: 3 },
    { line: 'check h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} + h_2^{(t-1)}', status: 'holds-at-given-values', mentions: ['W'] },
    { line: 'check y^{(t)} =', status: 'holds-at-given-values', mentions: ['v', 'b_y'] },
    { line: 'check \\frac{\\partial h^{(t)}}{\\partial h^{(t-1)}} = W', status: 'holds' },
  ],
  'scalar-lstm-bptt.rnn': [
    { line: 'check \\overline{h^{(t)}} = 1 +', status: 'fails', failingStep: 1 },
    { line: 'check \\overline{h^{(t)}} = \\frac{\\partial L^{(t)}}', status: 'holds' },
    // the seed's c̄ chain rule with ∂ for the one-step partials
    { line: 'check \\overline{c^{(t)}} = \\overline{h^{(t)}} \\frac', status: 'holds-as-one-step', mentions: ['∂c_{t+1}/∂c_t'] },
    { line: 'check \\overline{c^{(t)}} = \\overline{h^{(t)}} o^{(t)} \\tanh^{-1}', status: 'fails', failingStep: 1, mentions: ["tanh' in its place and f_{t+1} for f_t"] },
    { line: "check \\overline{c^{(t)}} = \\overline{h^{(t)}} o^{(t)} \\tanh'(c^{(t)}) + \\overline{c^{(t+1)}} f^{(t)} ", status: 'fails', failingStep: 1, mentions: ['f_t should be f_{t+1}'] },
    { line: "check \\overline{c^{(t)}} = \\overline{h^{(t)}} o^{(t)} \\tanh'(c^{(t)}) + \\overline{c^{(t+1)}} f^{(t+1)}", status: 'holds' },
    { line: 'check \\overline{c^{(T)}} =', status: 'holds' },
    { line: 'check \\overline{g^{(t)}} =', status: 'holds' }, // two links
    { line: 'check \\overline{g^{(t)}} =', status: 'holds' },
    { line: 'check \\overline{o^{(t)}} =', status: 'holds' }, // two links
    { line: 'check \\overline{o^{(t)}} =', status: 'holds' },
    { line: 'check \\overline{f^{(t)}} = \\overline{c^{(t)}} c^{(t+1)}', status: 'fails', failingStep: 1, mentions: ['c_{t+1} should be c_{t-1}'] },
    { line: 'check \\overline{f^{(t)}} = \\overline{c^{(t)}} c^{(t-1)}', status: 'holds' },
    { line: 'check \\overline{i^{(t)}} =', status: 'holds' },
  ],
  'lstm-parameter-count.rnn': [
    { line: 'check ∂⁺c_t/∂c_{t-1} =', status: 'holds' },
    { line: 'check ∂L/∂W_ph =', status: 'holds' },
    // seed 002 Q1.2 (b): 4(N_h·N_i + N_h·N_h + N_h + N_o·N_h + N_o) = 88, not 76
    { line: 'check count(params) = 4(count(W_gx) + count(W_gh) + count(b_g) + count(W_ph)', status: 'fails', failingStep: null, mentions: ['76', '88'] },
    { line: 'check count(params) = 4(count(W_gx) + count(W_gh) + count(b_g)) +', status: 'holds' },
    { line: 'check count(params) = 4(3·2', status: 'holds' },
  ],
  'vector-rnn-bptt.rnn': [
    { line: 'check ∂L^{(T)}/∂W_ph =', status: 'holds' }, // seed 002 (a)
    // draws keep a one-hot target one-hot (LANGUAGE.md v2 §5), so ŷ − y holds for cross-entropy
    { line: 'check ∂L^{(T)}/∂p^{(T)} = ŷ^{(T)} - y^{(T)}', status: 'holds' },
    { line: 'check ∂h^{(t)}/∂h^{(t-1)} =', status: 'holds' },
    // a product of Jacobians written with ∏ chains in the order the chain rule does (later steps left)
    { line: 'check ∂h^{(T)}/∂h^{(t)} =', status: 'holds' },
    // seed 002 (b) as printed: gradient × Jacobian × vector-by-matrix tensor, no transposes
    { line: 'check ∂L^{(T)}/∂W_hh = ∂L^{(T)}/∂p^{(T)}', status: 'holds' },
    // seed 002 (b)'s expansion with ∂⁺ for the step's own term
    { line: 'check ∂L^{(T)}/∂W_hh = Σ_{i=1}', status: 'holds' },
    // the same with ∂ as the seed prints it: one-step, and what the total derivative would add is named
    {
      line: 'check ∂L^{(T)}/∂W_hh = Σ_{i=0}',
      status: 'holds-as-one-step',
      mentions: [/∂h_i\/∂W_hh read as one-step/, /∂h_\d\/∂W_hh adds/],
    },
    { line: 'check ∂L/∂W_hh = Σ_{i=1}', status: 'holds' },
  ],
  'mlp-layers-as-steps.rnn': [
    { line: 'check z_j^{(k)} =', status: 'holds' },
    { line: 'check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} · σ\'(z_j^{(k+1)}) · w_{i,j}', status: 'holds' }, // the lecture's formula
    // exercise 1: one chain of three sides, one verdict per link, all on the chain's line
    { line: 'check ∂E/∂p_r^{(k-1)} =', status: 'holds' },
    { line: 'check ∂E/∂p_r^{(k-1)} =', status: 'holds' },
    { line: 'check ∂E/∂p_r^{(k-1)} =', status: 'holds' },
    // w_{j,i} for w_{i,j}: fails at a layer and neuron the message names
    { line: 'check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} · σ\'(z_j^{(k+1)}) · w_{j,i}', status: 'fails', mentions: [/fails at k = \d+, i = \d+/] },
  ],
  'deep-sigmoid-mlp.rnn': [
    { line: 'check ∂E/∂p_{t-1} =', status: 'holds' },
    { line: 'check ∂E/∂p_{t-2} =', status: 'holds' },
    { line: 'check ∂E/∂p_{t-3} =', status: 'holds' },
    { line: 'check ∂E/∂w_1 =', status: 'holds' },
    { line: "check σ'(0) = 0.25", status: 'holds' },
    { line: "check σ'(z_t) =", status: 'holds' },
  ],
  'bidirectional-rnn.rnn': [
    { line: 'check ∂g_t/∂g_{t+1} =', status: 'holds' },
    { line: 'check ∂L/∂g_t = ∂L_t/∂o_t · ∂o_t/∂g_t + ∂L/∂g_{t-1}', status: 'holds' },
    { line: 'check ∂L/∂g_1 =', status: 'holds' },
    // at t = 1 nothing flows into g_1 from earlier steps either, so it holds there; wrong from t = 2
    { line: 'check ∂L/∂g_t = ∂L_t/∂o_t · ∂o_t/∂g_t + ∂L/∂g_{t+1}', status: 'fails', failingStep: 2 },
    { line: 'check ∂L/∂h_t =', status: 'holds' },
    { line: 'check ∂o_2/∂x_4 =', status: 'holds' },
  ],
};
