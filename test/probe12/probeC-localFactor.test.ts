// probeC (session 12): a GRU / LSTM backward formula written as textbooks print it — the loss's own term
// (h_t − y_t) or Vᵀ(ŷ_t − y_t) beside one term per user, in a vector network the adjoint inside Uᵀ(…) — with
// one local factor wrong: the message names the term and what is wrong with it, as it does when every term
// is an adjoint times a local factor.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const GRU_SCALAR = String.raw`T = 3
input  x = [0.5, -1.0, 0.3]
target y = [0.1, 0.2, -0.3]
param w_xz = 0.3
param w_hz = -0.6
param w_xr = 0.8
param w_hr = 0.4
param w_xh = -0.7
param w_hh = 0.9
h_0 = 0.2
z_t = σ(w_xz x_t + w_hz h_{t-1})
r_t = σ(w_xr x_t + w_hr h_{t-1})
\tilde{h}_t = tanh(w_xh x_t + w_hh (r_t h_{t-1}))
h_t = z_t h_{t-1} + (1 - z_t) \tilde{h}_t
loss L = Σ_t (h_t - y_t)^2 / 2
`;

const GRU_VECTOR = String.raw`T = 3
input  x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.2, 0.4]]
target y : 2 = [[0.1, 0.0], [0.2, -0.3], [0.0, 0.5]]
param W_xz : 2x2
param W_hz : 2x2
param W_xr : 2x2
param W_hr : 2x2
param W_xh : 2x2
param W_hh : 2x2
h_0 = 0
\mathbf{z}_t = \sigma(\mathbf{W}_{xz} \mathbf{x}_t + \mathbf{W}_{hz} \mathbf{h}_{t-1})
\mathbf{r}_t = \sigma(\mathbf{W}_{xr} \mathbf{x}_t + \mathbf{W}_{hr} \mathbf{h}_{t-1})
\tilde{\mathbf{h}}_t = \tanh(\mathbf{W}_{xh} \mathbf{x}_t + \mathbf{W}_{hh} (\mathbf{r}_t \odot \mathbf{h}_{t-1}))
\mathbf{h}_t = \mathbf{z}_t \odot \mathbf{h}_{t-1} + (1 - \mathbf{z}_t) \odot \tilde{\mathbf{h}}_t
loss L = Σ_t sum((h_t - y_t)^2) / 2
`;

const LSTM_VECTOR = String.raw`T = 3
input  x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.2, 0.4]]
target y : 2 = [[0.1, 0.0], [0.2, -0.3], [0.0, 0.5]]
param W_i : 3x2
param U_i : 3x3
param W_f : 3x2
param U_f : 3x3
param W_o : 3x2
param U_o : 3x3
param W_g : 3x2
param U_g : 3x3
param V : 2x3
h_0 = 0
c_0 = 0
i_t = σ(W_i x_t + U_i h_{t-1})
f_t = σ(W_f x_t + U_f h_{t-1})
o_t = σ(W_o x_t + U_o h_{t-1})
g_t = tanh(W_g x_t + U_g h_{t-1})
c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
h_t = o_t ⊙ tanh(c_t)
\hat{y}_t = V h_t
loss L = Σ_t sum((\hat{y}_t - y_t)^2) / 2
`;

const GRU_H = (last: string) =>
  String.raw`check \bar{h}_t = (h_t - y_t) + \bar{h}_{t+1} z_{t+1} + w_hz \bar{z}_{t+1} z_{t+1} (1 - z_{t+1}) + w_hr \bar{r}_{t+1} r_{t+1} (1 - r_{t+1}) + ${last}`;
const GRU_HV = (last: string) =>
  String.raw`check \bar{h}_t = (h_t - y_t) + \bar{h}_{t+1} ⊙ z_{t+1} + W_hz^T(\bar{z}_{t+1} ⊙ z_{t+1} ⊙ (1 - z_{t+1})) + W_hr^T(\bar{r}_{t+1} ⊙ r_{t+1} ⊙ (1 - r_{t+1})) + ${last}`;
const LSTM_H = (g: string) =>
  String.raw`check \bar{h}_t = V^T(\hat{y}_t - y_t) + U_i^T(\bar{i}_{t+1} ⊙ σ'(W_i x_{t+1} + U_i h_t)) + U_f^T(\bar{f}_{t+1} ⊙ σ'(W_f x_{t+1} + U_f h_t)) + U_o^T(\bar{o}_{t+1} ⊙ σ'(W_o x_{t+1} + U_o h_t)) + ${g}`;

function statuses(net: string, ...checks: string[]) {
  const r = analyze(`${net}${checks.join('\n')}\n`);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.checks;
}

describe('probeC: one wrong local factor beside the loss’s own term', () => {
  it('scalar GRU h̄_t: the right formula holds; r_{t+1} left out of the h̃ term is named', () => {
    const [ok, bad] = statuses(
      GRU_SCALAR,
      GRU_H(String.raw`r_{t+1} w_hh \bar{\tilde{h}}_{t+1} (1 - \tilde{h}_{t+1}^2)`),
      GRU_H(String.raw`w_hh \bar{\tilde{h}}_{t+1} (1 - \tilde{h}_{t+1}^2)`),
    );
    expect(ok!.status).toBe('holds');
    expect(bad!.status).toBe('fails');
    expect(bad!.message).toMatch(/should be ∂L\/∂h̃_\{t\+1\}·∂⁺h̃_\{t\+1\}\/∂h_t: it leaves out the factor r_\{t\+1\}/);
  });

  it('vector GRU h̄_t: the adjoint inside W_hhᵀ(…) is found, and the left-out r_{t+1} named', () => {
    const [ok, bad] = statuses(
      GRU_VECTOR,
      GRU_HV(String.raw`r_{t+1} ⊙ (W_hh^T(\bar{\tilde{h}}_{t+1} ⊙ (1 - \tilde{h}_{t+1}^2)))`),
      GRU_HV(String.raw`W_hh^T(\bar{\tilde{h}}_{t+1} ⊙ (1 - \tilde{h}_{t+1}^2))`),
    );
    expect(ok!.status).toBe('holds');
    expect(bad!.status).toBe('fails');
    expect(bad!.message).toMatch(/The term W_hhᵀ .* should be ∂L\/∂h̃_\{t\+1\}·∂⁺h̃_\{t\+1\}\/∂h_t: it leaves out the factor r_\{t\+1\}/);
  });

  it("vector LSTM h̄_t: σ' in the candidate's term is named; the other mistakes keep their own messages", () => {
    const [ok, prime, noSlope, noT] = statuses(
      LSTM_VECTOR,
      LSTM_H(String.raw`U_g^T(\bar{g}_{t+1} ⊙ tanh'(W_g x_{t+1} + U_g h_t))`),
      LSTM_H(String.raw`U_g^T(\bar{g}_{t+1} ⊙ σ'(W_g x_{t+1} + U_g h_t))`),
      LSTM_H(String.raw`U_g^T \bar{g}_{t+1}`),
      LSTM_H(String.raw`U_g(\bar{g}_{t+1} ⊙ tanh'(W_g x_{t+1} + U_g h_t))`),
    );
    expect(ok!.status).toBe('holds');
    expect(prime!.message).toMatch(/should be ∂L\/∂g_\{t\+1\}·∂⁺g_\{t\+1\}\/∂h_t: it has σ' where g_\{t\+1\}'s equation needs tanh'/);
    expect(noSlope!.message).toMatch(/∂L\/∂g_\{t\+1\} needs the factor tanh'/);
    expect(noT!.message).toMatch(/U_g should be U_gᵀ/);
  });
});

describe('probeC: several path families left out together', () => {
  it('GRU h̄_t with only the direct path to h_{t+1}: names z_{t+1}, r_{t+1} and h̃_{t+1}', () => {
    for (const [net, check] of [
      [GRU_SCALAR, String.raw`check \bar{h}_t = (h_t - y_t) + \bar{h}_{t+1} z_{t+1}`],
      [GRU_VECTOR, String.raw`check \bar{h}_t = (h_t - y_t) + \bar{h}_{t+1} ⊙ z_{t+1}`],
    ] as const) {
      const [c] = statuses(net, check);
      expect(c!.status).toBe('fails');
      expect(c!.message).toMatch(
        /leaves out the paths through z_\{t\+1\}, r_\{t\+1\} and h̃_\{t\+1\}: the terms ∂L\/∂z_\{t\+1\}·∂⁺z_\{t\+1\}\/∂h_t \+ ∂L\/∂r_\{t\+1\}·∂⁺r_\{t\+1\}\/∂h_t \+ ∂L\/∂h̃_\{t\+1\}·∂⁺h̃_\{t\+1\}\/∂h_t/,
      );
    }
  });

  it('LSTM h̄_t = Vᵀ(ŷ_t − y_t): names the four gates of step t+1', () => {
    const [c] = statuses(LSTM_VECTOR, String.raw`check \bar{h}_t = V^T(\hat{y}_t - y_t)`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(/leaves out the paths through i_\{t\+1\}, f_\{t\+1\}, o_\{t\+1\} and g_\{t\+1\}/);
  });

  it('a pair keeps its message (GRU h̄_t without the paths through z_{t+1} and r_{t+1})', () => {
    const [c] = statuses(
      GRU_SCALAR,
      String.raw`check \bar{h}_t = (h_t - y_t) + \bar{h}_{t+1} z_{t+1} + r_{t+1} w_hh \bar{\tilde{h}}_{t+1} (1 - \tilde{h}_{t+1}^2)`,
    );
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(
      /leaves out the paths through z_\{t\+1\} and r_\{t\+1\}: the terms ∂L\/∂z_\{t\+1\}·∂⁺z_\{t\+1\}\/∂h_t \+ ∂L\/∂r_\{t\+1\}·∂⁺r_\{t\+1\}\/∂h_t$/,
    );
  });
});

describe("probeC: an activation of the user's equation the wrong way in the term (the LSTM's tanh(c_t))", () => {
  const C = (term: string) => String.raw`check \bar{c}_t = ${term} + \bar{c}_{t+1} ⊙ f_{t+1}`;
  it("c̄_t: tanh'(c_t) left out, or tanh(c_t) for tanh'(c_t)", () => {
    const [ok, missing, fn] = statuses(
      LSTM_VECTOR,
      C(String.raw`\bar{h}_t ⊙ o_t ⊙ (1 - \tanh^2(c_t))`),
      C(String.raw`\bar{h}_t ⊙ o_t`),
      C(String.raw`\bar{h}_t ⊙ o_t ⊙ tanh(c_t)`),
    );
    expect(ok!.status).toBe('holds');
    expect(missing!.message).toMatch(/The term ∂L\/∂h_t ⊙ o_t should be ∂L\/∂h_t·∂⁺h_t\/∂c_t: it leaves out the factor tanh'\(c_t\)$/);
    expect(fn!.message).toMatch(/tanh\(c_t\) should be its derivative tanh'\(c_t\)$/);
  });

  it("ō_t: tanh'(c_t) for tanh(c_t), or tanh(c_t) left out", () => {
    const [ok, deriv, missing] = statuses(
      LSTM_VECTOR,
      String.raw`check \bar{o}_t = \bar{h}_t ⊙ tanh(c_t)`,
      String.raw`check \bar{o}_t = \bar{h}_t ⊙ tanh'(c_t)`,
      String.raw`check \bar{o}_t = \bar{h}_t`,
    );
    expect(ok!.status).toBe('holds');
    expect(deriv!.message).toMatch(/tanh'\(c_t\) should be tanh\(c_t\) itself, not its derivative$/);
    expect(missing!.message).toMatch(/it leaves out the factor tanh\(c_t\)$/);
  });
});

describe('probeC: ∂c_3/∂c_1 = f_3 f_2, the path along the cell alone', () => {
  it('names the product of immediate partials and what the other paths add; ∂⁺ written out holds', () => {
    const [along, vec, plus] = statuses(
      LSTM_VECTOR,
      'check ∂c_3/∂c_1 = diag(f_3) diag(f_2)',
      'check ∂c_t/∂c_{t-2} = diag(f_t ⊙ f_{t-1})',
      'check ∂⁺c_3/∂c_2 ∂⁺c_2/∂c_1 = diag(f_3) diag(f_2)',
    );
    expect(along!.status).toBe('fails');
    expect(along!.message).toMatch(
      /The other side is ∂⁺c_3\/∂c_2·∂⁺c_2\/∂c_1, the path along c alone .* not the total derivative ∂c_3\/∂c_1, which also counts the paths that leave c between c_1 and c_3 \(they add \[\[/,
    );
    expect(vec!.message).toMatch(/The other side is ∂⁺c_t\/∂c_\{t-1\}·∂⁺c_\{t-1\}\/∂c_\{t-2\}, the path along c alone/);
    expect(plus!.status).toBe('holds');
  });

  it('a product that is not the path along c says nothing of it', () => {
    const [c] = statuses(LSTM_VECTOR, 'check ∂c_3/∂c_1 = diag(f_3)');
    expect(c!.status).toBe('fails');
    expect(c!.message).not.toMatch(/path along/);
  });
});
