// A failing check names its culprit where a teacher would (session 14, culprit14): a value written where another
// of the network's belongs (x_t for h_{t-1}, W_i for U_i, U for W, f_t for g_t, a_t for h_t), a difference the
// wrong way round, a term's lost factor 2, seed 004's h̄ line with two slips (h^{(t+1)} in every gate and 1 for
// ∂L^{(t)}/∂h^{(t)}), and a ∏ of hand-written step Jacobians whose factor leaves out a path (seed 000's (14)).
// The networks are a test author's own: an LSTM, a GRU, Goodfellow §10.2.2, d2l.ai's BPTT, CS231n's RNN.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

/** the message of the one check of a network with that check line appended */
function verdict(net: string, check: string): { status: string; message: string } {
  const r = analyze(`${net}\ncheck ${check}\n`);
  expect(r.checks).toHaveLength(1);
  return r.checks[0]!;
}

const LSTM = `T = 3
input x = [0.4, -0.7, 1.1]
target y = [0.1, 0.5, -0.2]
param W_i = 0.6
param U_i = -0.3
param b_i = 0.1
param W_f = 0.2
param U_f = 0.5
param b_f = 0.4
param W_o = -0.4
param U_o = 0.8
param b_o = 0.0
param W_g = 0.9
param U_g = -0.6
param b_g = -0.1
h_0 = 0
c_0 = 0
i_t = σ(W_i x_t + U_i h_{t-1} + b_i)
f_t = σ(W_f x_t + U_f h_{t-1} + b_f)
o_t = σ(W_o x_t + U_o h_{t-1} + b_o)
g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
L_t = (h_t - y_t)^2 / 2
loss L = Σ_t L_t
`;
const GRU = `T = 3
input x = [0.3, -0.8, 0.5]
target y = [0.2, -0.1, 0.4]
param W_z = 0.4
param U_z = -0.5
param W_r = 0.7
param U_r = 0.3
param W_h = -0.6
param U_h = 0.9
h_0 = 0.1
z_t = σ(W_z x_t + U_z h_{t-1})
r_t = σ(W_r x_t + U_r h_{t-1})
\\tilde{h}_t = tanh(W_h x_t + U_h (r_t h_{t-1}))
h_t = z_t h_{t-1} + (1 - z_t) \\tilde{h}_t
L_t = (h_t - y_t)^2 / 2
loss L = Σ_t L_t
`;
const GOODFELLOW = `T = 3
input x : 2
target y : 2 = [[1, 0], [0, 1], [1, 0]]
param U : 2x2
param W : 2x2
param V : 2x2
param b : 2
param c : 2
h_0 = [0, 0]
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
o_t = c + V h_t
ŷ_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t
`;
const CS231N = `T = 4
input x : 3
param W_x : 2x3
param W_h : 2x2
param b : 2
param W_y : 1x2
target y
h_0 = [0.1, -0.2]
h_t = tanh(W_x x_t + W_h h_{t-1} + b)
s_t = W_y h_t
L_t = (s_t - y_t)^2
loss L = Σ_t L_t
`;
const VANILLA = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_xh = 0.3
param W_hh = 0.8
param b_h = 0.1
param W_hy = 1.5
param b_y = -0.2
h_0 = 0.2
h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)
o_t = σ(W_hy h_t + b_y)
L_t = (y_t - o_t)^2
loss L = Σ_t L_t`;
const VECTOR_LSTM = `T = 3
input x : 2
target y : 2
param W_i : 2x2
param U_i : 2x2
param W_f : 2x2
param U_f : 2x2
param W_o : 2x2
param U_o : 2x2
param W_g : 2x2
param U_g : 2x2
h_0 = [0, 0]
c_0 = [0, 0]
i_t = σ(W_i x_t + U_i h_{t-1})
f_t = σ(W_f x_t + U_f h_{t-1})
o_t = σ(W_o x_t + U_o h_{t-1})
g_t = tanh(W_g x_t + U_g h_{t-1})
c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
h_t = o_t ⊙ tanh(c_t)
L_t = sum((h_t - y_t)^2) / 2
loss L = Σ_t L_t
`;
const D2L = `T = 3
input x : 2
target y : 2
param W_hx : 2x2
param W_hh : 2x2
param W_qh : 2x2
h_0 = [0, 0]
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
l_t = sum((o_t - y_t)^2)
loss L = (1/T) Σ_t l_t
`;

describe('a value written where another of the network belongs is named (culprit14)', () => {
  const cases: [string, string, string, RegExp][] = [
    ['LSTM ī with f_t for g_t', LSTM, String.raw`\bar{i}_t = \bar{c}_t f_t`, /f_t should be g_t/],
    ['LSTM ḡ with o_t for i_t', LSTM, String.raw`\bar{g}_t = \bar{c}_t o_t`, /o_t should be i_t/],
    [
      'LSTM c̄ with i_{t+1} for f_{t+1}',
      LSTM,
      String.raw`\bar{c}_t = \bar{h}_t o_t \tanh'(c_t) + \bar{c}_{t+1} i_{t+1} for t = 1..T-1`,
      /i_\{t\+1\} should be f_\{t\+1\}/,
    ],
    [
      'LSTM ∂L/∂U_f with x_t for h_{t-1}',
      LSTM,
      String.raw`∂L/∂U_f = Σ_t \bar{f}_t σ'(W_f x_t + U_f h_{t-1} + b_f) x_t`,
      /x_t should be h_\{t-1\}/,
    ],
    [
      'LSTM h̄ with W_i for U_i',
      LSTM,
      String.raw`\bar{h}_t = (h_t - y_t) + \bar{i}_{t+1} σ'(W_i x_{t+1} + U_i h_t + b_i) W_i + \bar{f}_{t+1} σ'(W_f x_{t+1} + U_f h_t + b_f) U_f + \bar{o}_{t+1} σ'(W_o x_{t+1} + U_o h_t + b_o) U_o + \bar{g}_{t+1} tanh'(W_g x_{t+1} + U_g h_t + b_g) U_g for t = 1..T-1`,
      /second W_i should be U_i/,
    ],
    [
      'LSTM h̄ with (y_t − h_t)',
      LSTM,
      String.raw`\bar{h}_t = (y_t - h_t) + \bar{i}_{t+1} σ'(W_i x_{t+1} + U_i h_t + b_i) U_i + \bar{f}_{t+1} σ'(W_f x_{t+1} + U_f h_t + b_f) U_f + \bar{o}_{t+1} σ'(W_o x_{t+1} + U_o h_t + b_o) U_o + \bar{g}_{t+1} tanh'(W_g x_{t+1} + U_g h_t + b_g) U_g for t = 1..T-1`,
      /\(y_t − h_t\) should be \(h_t − y_t\)/,
    ],
    [
      'GRU h̄ with r_{t+1} for z_{t+1}',
      GRU,
      String.raw`\bar{h}_t = (h_t - y_t) + \bar{h}_{t+1} r_{t+1} + \bar{z}_{t+1} σ'(W_z x_{t+1} + U_z h_t) U_z + \bar{r}_{t+1} σ'(W_r x_{t+1} + U_r h_t) U_r + \bar{\tilde{h}}_{t+1} tanh'(W_h x_{t+1} + U_h (r_{t+1} h_t)) U_h r_{t+1} for t = 1..T-1`,
      /r_\{t\+1\} should be z_\{t\+1\}/,
    ],
    [
      'GRU h̄ with U_r for U_z',
      GRU,
      String.raw`\bar{h}_t = (h_t - y_t) + \bar{h}_{t+1} z_{t+1} + \bar{z}_{t+1} σ'(W_z x_{t+1} + U_z h_t) U_r + \bar{r}_{t+1} σ'(W_r x_{t+1} + U_r h_t) U_r + \bar{\tilde{h}}_{t+1} tanh'(W_h x_{t+1} + U_h (r_{t+1} h_t)) U_h r_{t+1} for t = 1..T-1`,
      /U_r should be U_z/,
    ],
    [
      'GRU r̄ with W_h for U_h',
      GRU,
      String.raw`\bar{r}_t = \bar{\tilde{h}}_t tanh'(W_h x_t + U_h (r_t h_{t-1})) W_h h_{t-1}`,
      /second W_h should be U_h/,
    ],
    ['GRU ∂L/∂U_z with x_t for h_{t-1}', GRU, String.raw`∂L/∂U_z = Σ_t \bar{z}_t σ'(W_z x_t + U_z h_{t-1}) x_t`, /x_t should be h_\{t-1\}/],
    [
      'Goodfellow 10.21 with U for W',
      GOODFELLOW,
      String.raw`\nabla_{h_t} L = U^\top \mathrm{diag}(1 - h_{t+1}^2) \nabla_{h_{t+1}} L + V^\top \nabla_{o_t} L for t = 1..T-1`,
      /U should be W/,
    ],
    [
      'Goodfellow 10.21 with W for V',
      GOODFELLOW,
      String.raw`\nabla_{h_t} L = W^\top \mathrm{diag}(1 - h_{t+1}^2) \nabla_{h_{t+1}} L + W^\top \nabla_{o_t} L for t = 1..T-1`,
      /second W should be V/,
    ],
    [
      'Goodfellow 10.26 with x_t for h_{t-1}',
      GOODFELLOW,
      String.raw`\nabla_W L = Σ_t diag(1 - h_t^2) (\nabla_{h_t} L) x_t^\top`,
      /x_t should be h_\{t-1\}/,
    ],
    [
      'Goodfellow 10.28 with h_{t-1} for x_t',
      GOODFELLOW,
      String.raw`\nabla_U L = Σ_t diag(1 - h_t^2) (\nabla_{h_t} L) h_{t-1}^\top`,
      /h_\{t-1\} should be x_t/,
    ],
    ['Goodfellow 10.23 with a_t for h_t', GOODFELLOW, String.raw`\nabla_b L = Σ_t diag(1 - a_t^2) \nabla_{h_t} L`, /a_t should be h_t/],
    [
      'd2l.ai with W_hx for W_hh',
      D2L,
      String.raw`\frac{\partial L}{\partial \mathbf{h}_t} = \mathbf{W}_{hx}^\top \frac{\partial L}{\partial \mathbf{h}_{t+1}} + \mathbf{W}_{qh}^\top \frac{\partial L}{\partial \mathbf{o}_t} for t = 1..T-1`,
      /W_hx should be W_hh/,
    ],
    [
      'd2l.ai ∂L/∂W_hh with x_t',
      D2L,
      String.raw`\frac{\partial L}{\partial \mathbf{W}_{hh}} = \sum_{t=1}^T \frac{\partial L}{\partial \mathbf{h}_t} \mathbf{x}_t^\top`,
      /x_t should be h_\{t-1\}/,
    ],
    ['CS231n (1 + h²)', CS231N, String.raw`∂L/∂b = Σ_t (1 + h_t^2) ⊙ ∂L/∂h_t`, /\(1 \+ h_t\^2\) should be \(1 − h_t\^2\)/],
    [
      'CS231n (y − s)',
      CS231N,
      String.raw`∂L/∂h_t = W_h^T ((1 - h_{t+1}^2) ⊙ ∂L/∂h_{t+1}) + W_y^T 2 (y_t - s_t) for t = 1..T-1`,
      /\(y_t − s_t\) should be \(s_t − y_t\)/,
    ],
    [
      'CS231n a lost 2',
      CS231N,
      String.raw`∂L/∂h_t = W_h^T ((1 - h_{t+1}^2) ⊙ ∂L/∂h_{t+1}) + W_y^T (s_t - y_t) for t = 1..T-1`,
      /leaves out a factor 2/,
    ],
  ];
  // seed 001's one-step derivatives (∂ for the step's own paths) with the wrong factor: named in the one-step reading
  cases.push(
    [
      'one-step ∂h_t/∂W_xh with h_{t-1} for x_t',
      VANILLA,
      `∂h_t/∂W_xh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) h_{t-1}`,
      /Read with ∂h_t\/∂W_xh as one-step derivative, the second h_\{t-1\} should be x_t/,
    ],
    [
      'one-step ∂h_t/∂W_hh with x_t for h_{t-1}',
      VANILLA,
      `∂h_t/∂W_hh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t`,
      /Read with ∂h_t\/∂W_hh as one-step derivative, the second x_t should be h_\{t-1\}/,
    ],
    [
      "one-step ∂h_t/∂W_hh with tanh' for σ'",
      VANILLA,
      `∂h_t/∂W_hh = tanh'(W_xh x_t + W_hh h_{t-1} + b_h) h_{t-1}`,
      /one-step derivative, tanh′\(W_xh x_t \+ W_hh h_\{t-1\} \+ b_h\) should be σ′/,
    ],
    ['∂L/∂h_3 with W_hh for W_hy', VANILLA, `∂L/∂h_3 = -2(y_3 - o_3) σ'(W_hy h_3 + b_y) W_hh`, /W_hh should be W_hy/],
    ['∂L/∂o_3 with h_3 for o_3', VANILLA, `∂L/∂o_3 = -2(y_3 - h_3)`, /h_3 should be o_3/],
  );
  // a vector LSTM's weight gradients (outer products): the row's vector, a gate's activation left off
  cases.push(
    [
      'vector LSTM ∂L/∂W_o with h_{t-1}ᵀ for x_tᵀ',
      VECTOR_LSTM,
      `∂L/∂W_o = Σ_t (\\bar{h}_t ⊙ tanh(c_t) ⊙ σ'(W_o x_t + U_o h_{t-1})) h_{t-1}^T`,
      /second h_\{t-1\} should be x_t/,
    ],
    [
      'vector LSTM ∂L/∂W_o with c_t for tanh(c_t)',
      VECTOR_LSTM,
      `∂L/∂W_o = Σ_t (\\bar{h}_t ⊙ c_t ⊙ σ'(W_o x_t + U_o h_{t-1})) x_t^T`,
      /c_t should be tanh\(c_t\)/,
    ],
    [
      'vector LSTM ∂L/∂U_f with g_t for c_{t-1}',
      VECTOR_LSTM,
      `∂L/∂U_f = Σ_t (\\bar{c}_t ⊙ g_t ⊙ f_t ⊙ (1 - f_t)) h_{t-1}^T`,
      /g_t should be c_\{t-1\}/,
    ],
  );
  for (const [name, net, check, want] of cases)
    it(name, () => {
      const v = verdict(net, check);
      expect(v.status).toBe('fails');
      expect(v.message).toMatch(want);
    });

  it('the corrected formulas hold (the hints do not stand in for judging)', () => {
    for (const [net, check] of [
      [LSTM, String.raw`\bar{i}_t = \bar{c}_t g_t`],
      [LSTM, String.raw`∂L/∂U_f = Σ_t \bar{f}_t σ'(W_f x_t + U_f h_{t-1} + b_f) h_{t-1}`],
      [GOODFELLOW, String.raw`\nabla_W L = Σ_t diag(1 - h_t^2) (\nabla_{h_t} L) h_{t-1}^\top`],
      [CS231N, String.raw`∂L/∂h_t = W_h^T ((1 - h_{t+1}^2) ⊙ ∂L/∂h_{t+1}) + W_y^T 2 (s_t - y_t) for t = 1..T-1`],
    ] as const)
      expect(verdict(net, check).status).toBe('holds');
  });

  it('a wrong value the network has no name for gets no invented culprit', () => {
    // 0.37 is none of the network's values: nothing replaces it, and nothing is named
    const v = verdict(LSTM, String.raw`\bar{i}_t = 0.37 \bar{c}_t`);
    expect(v.status).toBe('fails');
    expect(v.message).not.toMatch(/0\.37 should be|with that the check holds/);
  });
});

describe("the examples' known gaps (culprit14)", () => {
  const example = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8');
  const at = (name: string, line: number) => analyze(example(name)).checks.find((c) => c.line === line)!;

  it("seed 004's h̄ line (scalar-lstm-bptt.rnn line 44): both slips named", () => {
    const c = at('scalar-lstm-bptt.rnn', 44);
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/each h_\{t\+1\} should be h_t, and the term 1 should be ∂L_t\/∂h_t/);
  });

  it("seed 000's (14), a ∏ of written factors (gru-one-weight.rnn line 41): the factor and its left-out path", () => {
    const c = at('gru-one-weight.rnn', 41);
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/∏'s factor \(1 − u_j\) w \+ u_j should be ∂h_j\/∂h_\{j-1\}; at j = 1/);
    expect(c.message).toMatch(/leaves out the path through u_t/);
  });

  it('a ∏ of the right factors still holds', () => {
    expect(at('gru-one-weight.rnn', 39).status).toBe('holds');
  });
});
