// The forms the seeds write, reproduced (and corrected): sheet 7's eq. 32, the GRU gate term that
// seed 000 drops, the LSTM δ-recursion of seed 004, and the matrix forms of the vector RNN of seed 002.

import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { deriveForms, partialForm } from '../../src/engine/symbolic/index';
import { SHEET7 } from '../language/helpers';
import { checkDerivative, compileOk, forward } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string, k: number | null = null, v: string | null = null): Expr => ({
  k: 'ref',
  name,
  idx: k === null && v === null ? null : { v, k: k ?? 0 },
  shape: [],
  range: R,
});

/** The text of a form with its line breaks undone. */
const oneLine = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.trim())
    .join(' ')
    .replace(/ {2,}/g, ' ')
    .normalize('NFC');

describe('sheet 7 (seed 001)', () => {
  const model = compileOk(SHEET7);
  const run = forward(model);
  const L = model.loss!;

  it('writes ∂L/∂W_xh with exactly the terms of eq. 32, corrected', () => {
    const { forms } = checkDerivative(model, run, ref(L), { name: 'W_xh', idx: null }, true, null);
    const chain = oneLine(forms.chain!.text);
    const want =
      '∂L/∂W_xh = ∂L₁/∂o₁·∂o₁/∂h₁·∂⁺h₁/∂W_xh' +
      ' + ∂L₂/∂o₂·∂o₂/∂h₂·(∂⁺h₂/∂W_xh + ∂h₂/∂h₁·∂⁺h₁/∂W_xh)' +
      ' + ∂L₃/∂o₃·∂o₃/∂h₃·(∂⁺h₃/∂W_xh + ∂h₃/∂h₂·∂⁺h₂/∂W_xh + ∂h₃/∂h₂·∂h₂/∂h₁·∂⁺h₁/∂W_xh)';
    expect(chain.startsWith(want + ' = ')).toBe(true);
    // the seed's slip (∂⁺h₂ as the last factor of the longest path) is not there
    expect(chain).not.toContain('∂h₂/∂h₁·∂⁺h₂/∂W_xh');
    expect(forms.best).toEqual(forms.chain);
  });

  it('keeps h₀ a symbol in ∂L/∂W_hh (the terms eq. 33–35 drop are there), and gives the general δ form', () => {
    const { forms } = checkDerivative(model, run, ref(L), { name: 'W_hh', idx: null }, true, null);
    expect(oneLine(forms.chain!.text)).toMatch(
      /^∂L\/∂W_hh = ∂L₁\/∂o₁·∂o₁\/∂h₁·∂⁺h₁\/∂W_hh \+ ∂L₂\/∂o₂·∂o₂\/∂h₂·\(∂⁺h₂\/∂W_hh \+ ∂h₂\/∂h₁·∂⁺h₁\/∂W_hh\) \+ /,
    );
    const rec = forms.recursive!.text.normalize('NFC');
    expect(rec).toContain('δ_t = ∂L/∂h_t');
    expect(rec).toContain('δ₃ = ∂L₃/∂o₃·∂o₃/∂h₃ = −2(y₃ − o₃) σ′(õ₃) W_hy');
    expect(rec).toContain('Σ_{t=1}^{3} δ_t σ′(h̃_t) h_{t-1}');
  });

  it('writes every immediate partial explicitly, σ′ kept, with named preactivations', () => {
    const { forms } = checkDerivative(model, run, ref(L), { name: 'W_xh', idx: null }, true, null);
    const ex = oneLine(forms.explicit!.text.normalize('NFC'));
    expect(ex).toContain('−2(y₁ − o₁) σ′(õ₁) W_hy σ′(h̃₁) x₁');
    expect(forms.explicit!.text.normalize('NFC')).toMatch(/^h̃_t = W_xh x_t \+ W_hh h_\{t-1\} \+ b_h {3}for t = 1\.\.3$/m);
    expect(forms.recursive!.text.normalize('NFC')).toMatch(/^δ_t = ∂L_t\/∂o_t·∂o_t\/∂h_t \+ δ_\{t\+1\}·∂h_\{t\+1\}\/∂h_t$/m);
    expect(forms.recursive!.text.normalize('NFC')).toContain('= −2(y_t − o_t) σ′(õ_t) W_hy + δ_{t+1} σ′(h̃_{t+1}) W_hh   for t = 1..2');
  });

  it('gives the hover partial in the file’s own names', () => {
    const f = partialForm(model, 'h', { name: 'h', idx: { v: 't', k: -1 } });
    expect(f.text).toBe('σ′(W_xh x_t + W_hh h_{t-1} + b_h) W_hh');
    expect(f.latex).toBe("\\sigma'\\left(W_{xh} x_{t} + W_{hh} h_{t-1} + b_{h}\\right) W_{hh}");
    expect(partialForm(model, 'h', { name: 'W_xh', idx: null }).text).toBe('σ′(W_xh x_t + W_hh h_{t-1} + b_h) x_t');
    expect(partialForm(model, 'o', { name: 'h', idx: { v: 't', k: 0 } }).text).toBe('σ′(W_hy h_t + b_y) W_hy');
    expect(partialForm(model, 'L', { name: 'o', idx: { v: 't', k: 0 } }).text).toBe('−2(y_t − o_t)');
  });

  it('answers ∂⁺ with the immediate partial only', () => {
    const { forms } = checkDerivative(model, run, ref('h', 0, 't'), { name: 'W_xh', idx: null }, false, 2);
    expect(forms.best.text).toMatch(/^∂⁺h₂\/∂W_xh = σ′\(W_xh x₂ \+ W_hh h₁ \+ b_h\) x₂ = /);
    expect(forms.chain).toBeUndefined();
    expect(forms.recursive).toBeUndefined();
  });
});

describe('GRU with one weight (seed 000)', () => {
  const model = compileOk(`T = 4
input  x = [0.5, -0.3, 0.8, 0.1]
target y = [0.2, 0.1, 0.6, 0.3]
param  w = 0.7
h_0 = 0
u_t = σ(w h_{t-1} + w x_t)
s_t = w(h_{t-1} + x_t)
h_t = u_t h_{t-1} + (1 - u_t) s_t
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
`);
  const run = forward(model);
  it('keeps the gate-derivative term of ∂h_t/∂h_{t-1}', () => {
    const { forms } = checkDerivative(model, run, ref('h', 0, 't'), { name: 'h', idx: { v: 't', k: -1 } }, true, 2);
    expect(oneLine(forms.chain!.text)).toContain('∂⁺h₂/∂h₁ + ∂h₂/∂u₂·∂u₂/∂h₁ + ∂h₂/∂s₂·∂s₂/∂h₁');
    expect(oneLine(forms.explicit!.text.normalize('NFC'))).toContain('u₂ + (h₁ − s₂) σ′(ũ₂) w + (1 − u₂) w');
  });
  it('sums the weight gradient over steps', () => {
    const { forms } = checkDerivative(model, run, ref(model.loss!), { name: 'w', idx: null }, true, null);
    expect(forms.recursive!.text.normalize('NFC')).toContain('Σ_{t=1}^{4} δ_t (h_{t-1} − s_t) σ′(ũ_t) (h_{t-1} + x_t)');
  });
});

describe('scalar LSTM (seed 004)', () => {
  const model = compileOk(`T = 4
input  x = [1.0, -0.5, 0.3, 0.8]
target y = [0.2, -0.1, 0.3, 0.4]
param  w_ix = 0.5
param  w_ih = -0.4
param  w_fx = 0.3
param  w_fh = 0.6
param  w_ox = -0.2
param  w_oh = 0.7
param  w_gx = 0.9
param  w_gh = -0.5
h_0 = 0
c_0 = 0
i_t = σ(w_ix x_t + w_ih h_{t-1})
f_t = σ(w_fx x_t + w_fh h_{t-1})
o_t = σ(w_ox x_t + w_oh h_{t-1})
g_t = tanh(w_gx x_t + w_gh h_{t-1})
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
`);
  const run = forward(model);
  it('shows c̄_t = h̄_t o_t tanh′(c_t) + c̄_{t+1} f_{t+1}', () => {
    for (const w of ['w_fh', 'w_ih', 'w_gx']) {
      const { forms } = checkDerivative(model, run, ref(model.loss!), { name: w, idx: null }, true, null);
      const rec = forms.recursive!.text.normalize('NFC');
      expect(rec).toContain('c̄_t = h̄_t·∂h_t/∂c_t + c̄_{t+1}·∂⁺c_{t+1}/∂c_t');
      expect(rec).toContain('= h̄_t o_t tanh′(c_t) + c̄_{t+1} f_{t+1}');
      expect(rec).toContain('c̄₄ = h̄₄·∂h₄/∂c₄ = h̄₄ o₄ tanh′(c₄)');
      expect(forms.best).toBe(forms.recursive);
    }
  });
});

describe('vector RNN (seed 002): matrix notation', () => {
  const model = compileOk(`T = 4
input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8], [0.2, 0.4]]
target y : 3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]
param  W_hx : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]
param  W_hh : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]
param  b_h  : 3 = [0.1, 0, -0.1]
param  W_ph : 3x3 = [[0.7, -0.5, 0.2], [-0.3, 0.4, 0.6], [0.5, 0.1, -0.8]]
param  b_p  : 3 = 0
h_0 = 0
h_t = tanh(W_hx x_t + W_hh h_{t-1} + b_h)
p_t = W_ph h_t + b_p
q_t = softmax(p_t)
L_t = -sum(y_t ⊙ log(q_t))
loss L = Σ_t L_t
`);
  const run = forward(model);
  it('writes δ_t and Σ_t (δ_t ⊙ tanh′(h̃_t)) h_{t-1}ᵀ, with shapes', () => {
    const { forms } = checkDerivative(model, run, ref(model.loss!), { name: 'W_hh', idx: null }, true, null);
    const rec = forms.recursive!.text.normalize('NFC');
    expect(rec).toContain('δ_t = ∂L/∂h_t ∈ ℝ³');
    expect(rec).toContain('W_hhᵀ (δ_{t+1} ⊙ tanh′(h̃_{t+1}))');
    expect(rec).toContain('Σ_{t=1}^{4} (δ_t ⊙ tanh′(h̃_t)) h_{t-1}ᵀ');
    expect(forms.recursive!.latex).toContain('\\odot');
    expect(forms.recursive!.latex).toContain('^{\\top}');
  });
  it('writes the one-step Jacobian as diag(tanh′(…)) W_hh', () => {
    expect(partialForm(model, 'h', { name: 'h', idx: { v: 't', k: -1 } }).text).toBe('diag(tanh′(W_hx x_t + W_hh h_{t-1} + b_h)) W_hh');
    expect(partialForm(model, 'h', { name: 'h', idx: { v: 't', k: -1 } }).latex).toContain('\\operatorname{diag}');
    const { forms } = checkDerivative(model, run, ref('h', 0, 't'), { name: 'h', idx: { v: 't', k: -1 } }, true, 3);
    expect(forms.explicit!.text.normalize('NFC')).toContain('diag(tanh′(h̃₃)) W_hh');
  });
  it('evaluates Jacobians of vectors (∂h_4/∂h_1) back', () => {
    checkDerivative(model, run, ref('h', 4), { name: 'h', idx: { v: null, k: 1 } }, true, null);
    checkDerivative(model, run, ref('q', 0, 't'), { name: 'W_ph', idx: null }, true, 2);
  });
});

describe('binary-addition RNN (seed 003): exact fractions', () => {
  const model = compileOk(`T = 4
input  x : 2 = [[0, 1], [1, 1], [1, 0], [0, 0]]
target s = [1, 0, 0, 1]
param  U : 3x2 = [[1, 1], [1, 1], [1, 1]]
param  W : 3x3 = [[0.1, 0.2, 0], [0, 0.1, 0.3], [0.2, 0, 0.1]]
param  b_h : 3 = [-0.5, -1.5, -2.5]
param  v : 1x3 = [[1, -1, 1]]
param  b_y = -0.5
h_0 = 0
h_t = U x_t + W h_{t-1} + b_h
y_t = v h_t + b_y
L_t = (s_t - y_t)^2
loss L = Σ_t L_t
`);
  const run = forward(model);
  it('gives the exact rational value of a polynomial network', () => {
    const { forms } = checkDerivative(model, run, ref(model.loss!), { name: 'W', idx: null }, true, null);
    expect(forms.exact).toBeDefined();
    const entries = forms.exact!.replace(/[[\]]/g, '').split(', ');
    const want = Array.from(run.derivative(ref(model.loss!), { name: 'W', idx: null }, null, true).data);
    expect(entries.length).toBe(9);
    entries.forEach((e, i) => {
      const [n, d] = e.split('/').map(Number);
      expect(n / (d ?? 1)).toBeCloseTo(want[i], 9);
    });
    expect(entries.some((e) => e.includes('/'))).toBe(true);
  });
  it('gives no exact value where a σ is on the way', () => {
    const m = compileOk(SHEET7);
    const f = deriveForms(m, ref(m.loss!), { name: 'W_hh', idx: null }, true, null, forward(m));
    expect(f.exact).toBeUndefined();
  });
});

describe('vector LSTM: gates with ⊙, gradients as outer products', () => {
  const model = compileOk(`T = 3
input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
target y = [0.2, -0.1, 0.3]
param W_i : 2x2 = [[0.1, 0.2], [0.3, -0.1]]
param U_i : 2x2 = [[0.2, -0.3], [0.1, 0.4]]
param W_f : 2x2 = [[0.5, 0.1], [-0.2, 0.3]]
param U_f : 2x2 = [[0.3, 0.2], [0.1, -0.5]]
param W_g : 2x2 = [[-0.4, 0.2], [0.6, 0.1]]
param U_g : 2x2 = [[0.2, 0.1], [-0.3, 0.2]]
param W_o : 2x2 = [[0.3, -0.2], [0.1, 0.2]]
param U_o : 2x2 = [[0.1, 0.3], [0.2, -0.1]]
param v : 1x2 = [[1, -0.5]]
h_0 = 0
c_0 = 0
i_t = σ(W_i x_t + U_i h_{t-1})
f_t = σ(W_f x_t + U_f h_{t-1})
o_t = σ(W_o x_t + U_o h_{t-1})
g_t = tanh(W_g x_t + U_g h_{t-1})
c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
h_t = o_t ⊙ tanh(c_t)
L_t = (y_t - v h_t)^2
loss L = Σ_t L_t
`);
  const run = forward(model);
  it('writes c̄_t = h̄_t ⊙ o_t ⊙ tanh′(c_t) + c̄_{t+1} ⊙ f_{t+1} and Σ_t (c̄_t ⊙ c_{t-1} ⊙ σ′(f̃_t)) h_{t-1}ᵀ', () => {
    const { forms } = checkDerivative(model, run, ref(model.loss!), { name: 'U_f', idx: null }, true, null);
    const rec = forms.recursive!.text.normalize('NFC');
    expect(rec).toContain('c̄_t = ∂L/∂c_t ∈ ℝ²');
    expect(rec).toContain('c̄_t = h̄_t ⊙ o_t ⊙ tanh′(c_t) + c̄_{t+1} ⊙ f_{t+1}   for t = 1..2');
    expect(rec).toContain('U_fᵀ (c̄_{t+1} ⊙ c_t ⊙ σ′(f̃_{t+1}))');
    expect(rec).toContain('∂L/∂U_f = Σ_{t=1}^{3} (c̄_t ⊙ c_{t-1} ⊙ σ′(f̃_t)) h_{t-1}ᵀ');
    for (const w of ['W_i', 'U_g', 'W_o', 'v']) checkDerivative(model, run, ref(model.loss!), { name: w, idx: null }, true, null);
  });
});
