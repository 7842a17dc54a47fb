// End to end through compile(): the seeds' own equations, pasted into check lines under a network written
// for them, read without a diagnostic and into the model a teacher would mean.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';
import type { CheckQuestion, Expr } from '../../src/language/model';
import { exprText } from '../../src/language/print';
import { analyze } from '../../src/analysis';

const problems = (text: string) =>
  compile(text)
    .diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `${d.line}:${d.column} ${d.message}`);
const checksOf = (text: string) => compile(text).model.questions.filter((q): q is CheckQuestion => q.kind === 'check');

// seed 002: a vector RNN written as Goodfellow's chapter does, with p^{(t)} = V h^{(t)}
const SEED2 = `T = 3
input x : 2 = [[1, 0], [0, 1], [1, 1]]
param W_hx : 3x2 = 0.1
param W_hh : 3x3 = 0.2
param W_ph : 2x3 = 0.3
h_0 = [0, 0, 0]
h_t = tanh(W_hx x_t + W_hh h_{t-1})
p_t = W_ph h_t
L_t = sum(p_t ⊙ p_t)
`;

describe('seed 002', () => {
  it('(a) and (b) read in numerator layout, ∂h^{(i)}/∂W_hh as a tensor, the chain a chain', () => {
    const text =
      SEED2 +
      String.raw`check \frac{\partial \mathcal{L}^{(T)}}{\partial \mathbf{W}_{ph}} = \frac{\partial \mathcal{L}^{(T)}}{\partial \mathbf{p}^{(T)}} \frac{\partial \mathbf{p}^{(T)}}{\partial \mathbf{W}_{ph}}
check \frac{\partial \mathcal{L}^{(T)}}{\partial \mathbf{W}_{hh}} = \frac{\partial \mathcal{L}^{(T)}}{\partial \mathbf{p}^{(T)}} \frac{\partial \mathbf{p}^{(T)}}{\partial \mathbf{h}^{(T)}} \frac{\partial \mathbf{h}^{(T)}}{\partial \mathbf{W}_{hh}} = \sum_{i=0}^T \frac{\partial \mathcal{L}^{(T)}}{\partial \mathbf{p}^{(T)}} \frac{\partial \mathbf{p}^{(T)}}{\partial \mathbf{h}^{(T)}} \frac{\partial \mathbf{h}^{(T)}}{\partial \mathbf{h}^{(i)}} \frac{\partial \mathbf{h}^{(i)}}{\partial \mathbf{W}_{hh}} = \sum_{i=0}^T \frac{\partial \mathcal{L}^{(T)}}{\partial \mathbf{p}^{(T)}} \frac{\partial \mathbf{p}^{(T)}}{\partial \mathbf{h}^{(T)}} \left( \prod_{j=i+1}^T \frac{\partial \mathbf{h}^{(j)}}{\partial \mathbf{h}^{(j-1)}} \right) \frac{\partial \mathbf{h}^{(i)}}{\partial \mathbf{W}_{hh}}
`;
    expect(problems(text)).toEqual([]);
    const cs = checksOf(text);
    expect(cs.map((c) => [c.line, c.link, c.links])).toEqual([
      [10, 1, 1],
      [11, 1, 3],
      [11, 2, 3],
      [11, 3, 3],
    ]);
    expect(cs[0]!.rhs).toMatchObject({ k: 'contract', shape: [2, 3] });
    expect(cs[1]!.lhs.shape).toEqual([3, 3]);
    expect(cs[1]!.rhs).toMatchObject({ k: 'contract', shape: [3, 3], b: { k: 'deriv', shape: [3, 3, 3] } });
    const sum = cs[3]!.rhs as Expr & { k: 'sum' };
    expect(sum).toMatchObject({ k: 'sum', v: 'i', from: { v: null, k: 0 }, to: { v: null, k: 3 }, shape: [3, 3] });
  });
});

// seed 003: an MLP with its layers as steps; z^{(k+1)}_j = Σ_i w_{i,j}^{(k+1)} p_i^{(k)}
const SEED3 = `T = 3
param w_t : 3x3
p_0 = [0.5, -0.2, 0.1]
z_t = w_tᵀ p_{t-1}
p_t = σ(z_t)
loss E = sum(p_3 ⊙ p_3)
`;

describe('seed 003', () => {
  it("∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)}: i over entries, k over layers", () => {
    const text =
      SEED3 +
      String.raw`check \frac{\partial E}{\partial p_i^{(k)}} = \sum_j \frac{\partial E}{\partial p_j^{(k+1)}} \cdot \sigma' \left( z_j^{(k+1)} \right) \cdot w_{i,j}^{(k+1)}
check \frac{\partial E}{\partial p_r^{(k-1)}} = \sum_{i,j} \frac{\partial E}{\partial p_j^{(k+1)}} \cdot \sigma' \left( z_j^{(k+1)} \right) \cdot \sigma' \left( z_i^{(k)} \right) \cdot w_{i,j}^{(k+1)} \cdot w_{r,i}^{(k)}
`;
    expect(problems(text)).toEqual([]);
    const [a, b] = checksOf(text);
    expect(a!.free).toEqual([
      { v: 'k', values: [1, 2] },
      { v: 'i', values: [1, 2, 3] },
    ]);
    expect(a!.rhs).toMatchObject({ k: 'sum', v: 'j', to: { v: null, k: 3 } });
    expect(exprText(a!.rhs)).toBe('Σ_{j=1}^{3} (∂E/∂p_{k+1})[j] σ′(z_{k+1}[j]) w_{k+1}[i, j]');
    expect(b!.free.map((f) => f.v).sort()).toEqual(['k', 'r']);
    // p^{(0)} is the input layer (an initial state), so k - 1 = 0 is a step
    expect(b!.free.find((f) => f.v === 'k')!.values).toEqual([1, 2]);
  });
});

// seed 004: the binary-addition RNN, with its juxtaposed names, and the scalar LSTM's adjoints
const SEED4 = `T = 3
input x : 2 = [[1, 1], [0, 1], [1, 0]]
param U : 3x2 = 1
param W : 3x3 = 1
param b_h : 3 = [-0.5, -1.5, -2.5]
param v : 1x3 = [[1, -1, 1]]
param b_y = -0.5
h_0 = [0, 0, 0]
h_t = U x_t + W h_{t-1} + b_h
y_t = v h_t + b_y
`;

describe('seed 004', () => {
  it('Ux^{(t)} + Wh^{(t-1)} and vh^{(t)} read as products (information), h_1^{(t)} as an entry', () => {
    const text =
      SEED4 +
      String.raw`check h^{(t)} = Ux^{(t)} + Wh^{(t-1)} + b_h
check y^{(t)} = vh^{(t)} + b_y
check h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} - 0.5
`;
    const c = compile(text);
    expect(problems(text)).toEqual([]);
    expect(c.diagnostics.filter((d) => d.severity === 'information').map((d) => d.message)).toEqual([
      'Ux^{(…)} is read as U x^{(…)}: a product of names this file defines',
      'Wh^{(…)} is read as W h^{(…)}: a product of names this file defines',
      'vh^{(…)} is read as v h^{(…)}: a product of names this file defines',
    ]);
    const cs = checksOf(text);
    expect(cs[1]!.rhs.shape).toEqual([]);
    expect(cs[2]!.lhs).toMatchObject({ k: 'index', a: { name: 'h', idx: { v: 't', k: 0 } }, i: { value: 1 } });
    expect(cs[2]!.steps).toEqual([1, 2, 3]);
  });

  const LSTM = `T = 3
input x = [0.5, -1, 2]
param w_ix = 0.3
param w_ih = 0.2
param w_fx = 0.1
param w_fh = 0.4
param w_ox = -0.3
param w_oh = 0.5
param w_gx = 0.7
param w_gh = -0.6
h_0 = 0
c_0 = 0
i_t = σ(w_ix x_t + w_ih h_{t-1})
f_t = σ(w_fx x_t + w_fh h_{t-1})
o_t = σ(w_ox x_t + w_oh h_{t-1})
g_t = tanh(w_gx x_t + w_gh h_{t-1})
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
loss L = Σ_t h_t
`;

  it('the adjoints \\overline{c^{(t)}} read as ∂L/∂c_t; σ^{-1} gets its hint; the f̄ mistake fails, ō holds', () => {
    const text =
      LSTM +
      String.raw`check \overline{o^{(t)}} = \overline{h^{(t)}} \tanh(c^{(t)})
check \overline{f^{(t)}} = \overline{c^{(t)}} c^{(t+1)} for t = 1..2
check \overline{g^{(t)}} = \overline{c^{(t)}} i^{(t)}
check \overline{i^{(1)}} = \overline{c^{(1)}} \sigma^{-1}(g^{(1)})
`;
    const c = compile(text);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.diagnostics.filter((d) => d.severity === 'hint').map((d) => [d.line, d.message])).toEqual([
      [23, "σ^{-1} is the inverse function (logit); the derivative σ'(z) is written σ'"],
    ]);
    const cs = checksOf(text);
    expect(cs[0]!.lhs).toMatchObject({ k: 'deriv', total: true, of: { name: 'L' }, wrt: { name: 'o', idx: { v: 't', k: 0 } } });
    // the verdicts of the first three (logit is the engine's to evaluate)
    const r = analyze(text.split('\n').slice(0, -2).join('\n') + '\n');
    expect(r.checks.map((k) => k.status)).toEqual(['holds', 'fails', 'holds']);
  });
});

// seed 001: targets named t
describe('seed 001', () => {
  it('a target sequence named t: t_t indexes it, and the loss differentiates', () => {
    const text = `T = 3
input x = [0.5, -1, 2]
target t = [1, 0, 1]
param w = 0.5
h_0 = 0
h_t = σ(w x_t + w h_{t-1})
L_t = (t_t - h_t)^2
loss L = Σ_t L_t
check ∂L_t/∂h_t = -2(t_t - h_t)
`;
    expect(problems(text)).toEqual([]);
    expect(analyze(text).checks[0]!.status).toBe('holds');
  });
});

describe('textbook notation through the parser', () => {
  it('φ = tanh, Σ_{1≤t≤T}, diag, h̄^{(t)}, h^{(t-1)\\top}, E², ∇_W E and ∏_{t≥i>1} all read', () => {
    const text = String.raw`T = 3
input x : 3 = 1
param W : 3x3 = 0.2
φ = tanh
h_0 = [0, 0, 0]
h_t = φ(W h_{t-1} + x_t)
E = sum(h_3)
check ∂E/∂W = \sum_{1 \le t \le T} \mathrm{diag}(φ'(W h^{(t-1)} + x^{(t)})) \bar{h}^{(t)} h^{(t-1)\top}
check E² = E E
check \nabla_{W} E = ∂E/∂W
check \prod_{t \ge i > 1} W = W W
`;
    const c = compile(text);
    expect(c.diagnostics).toEqual([]);
    const cs = checksOf(text);
    expect(exprText(cs[0]!.rhs)).toBe('Σ_{t=1}^{3} diag(tanh′(W h_{t-1} + x_t)) ∂E/∂h_t h_{t-1}ᵀ');
    expect(cs[0]!.rhs.shape).toEqual([3, 3]);
    expect(cs[1]!.lhs).toMatchObject({ k: 'pow', b: { value: 2 } });
    expect(cs[2]!.lhs).toMatchObject({ k: 'deriv', total: true, shape: [3, 3] });
    expect(cs[3]!.lhs).toMatchObject({ k: 'prod', desc: true, from: { v: null, k: 2 }, to: { v: 't', k: 0 } });
    expect(c.symbols.filter((s) => s.name === 'φ').map((s) => s.role)).toEqual(['definition']);
  });
});
