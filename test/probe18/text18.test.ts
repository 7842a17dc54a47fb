// Session 18 (text18): notation as printed in the sources students copy from (deeplearning.ai, CMU 11-785, SLP3,
// Gang Chen's tutorial, Elman/Mikolov). One regression test per fix; each writes the network and the equations as a
// test author would, the equations pasted as printed.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const FAST = { draws: 2, graph: false };
const solve = (text: string) => analyzeSolution(text, 'markdown', { analyze: FAST });
const errors = (text: string) =>
  analyze(text, FAST)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message.normalize('NFC'));
const checks = (text: string) => analyze(text, FAST).checks.map((c) => c.status);

/** deeplearning.ai's "Building your RNN step by step": a^{⟨t⟩} = tanh(W_ax x^{⟨t⟩} + W_aa a^{⟨t−1⟩} + b_a) */
const NG_RNN = [
  'T = 3',
  'input  x : 2',
  'param  W_ax : 3x2',
  'param  W_aa : 3x3',
  'param  b_a : 3',
  'param  W_ya : 2x3',
  'param  b_y : 2',
  'target y : 2 = [[1,0],[0,1],[1,0]]',
  'a_0 = [0, 0, 0]',
  'a_t = tanh(W_ax x_t + W_aa a_{t-1} + b_a)',
  'ŷ_t = softmax(W_ya a_t + b_y)',
  'L_t = -sum(y_t ⊙ log(ŷ_t))',
  'loss L = Σ_t L_t',
  '',
].join('\n');
const md = (net: string, body: string[]) => ['```rnn', net, '```', '', ...body.flatMap((b) => [b, ''])].join('\n');

describe('(1) deeplearning.ai’s steps in angle brackets: a^{⟨t⟩}, a^{\\langle t \\rangle}, a^{<t>}', () => {
  it('the three spellings are the step a^{(t)}, with a transposed step x^{\\langle t \\rangle T}', () => {
    const sol = solve(
      md(NG_RNN, [
        '$$ a^{\\langle t \\rangle} = \\tanh(W_{ax} x^{\\langle t \\rangle} + W_{aa} a^{\\langle t-1 \\rangle} + b_a) $$',
        '$$ a^{⟨t⟩} = \\tanh(W_{ax} x^{⟨t⟩} + W_{aa} a^{⟨t-1⟩} + b_a) $$',
        '$$ a^{<t>} = \\tanh(W_{ax} x^{<t>} + W_{aa} a^{<t-1>} + b_a) $$',
        '$$ \\frac{\\partial L}{\\partial W_{aa}} = \\sum_{t=1}^{T} \\left(\\frac{\\partial L}{\\partial a^{\\langle t \\rangle}} * (1-\\tanh^2(W_{ax}x^{\\langle t \\rangle}+W_{aa} a^{\\langle t-1 \\rangle} + b_{a}))\\right) a^{\\langle t-1 \\rangle T} \\tag{3} $$',
        // the mistake: a^{⟨t⟩} for a^{⟨t−1⟩}
        '$$ \\frac{\\partial L}{\\partial W_{aa}} = \\sum_{t=1}^{T} \\left(\\frac{\\partial L}{\\partial a^{\\langle t \\rangle}} * (1-\\tanh^2(W_{ax}x^{\\langle t \\rangle}+W_{aa} a^{\\langle t-1 \\rangle} + b_{a}))\\right) a^{\\langle t \\rangle T} $$',
      ]),
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
    expect(sol.equations[4]!.message).toContain('should be a_{t-1}');
  });

  it('an angle bracket anywhere else is the inner product ⟨u, v⟩ (session 53), else refused by name; Σ bounds keep < and >', () => {
    expect(errors(NG_RNN + 'check ⟨a_1, a_2⟩ = a_1^T a_2\n')).toEqual([]);
    expect(checks(NG_RNN + 'check ⟨a_1, a_2⟩ = a_1^T a_2\n')).toEqual(['holds']);
    expect(errors(NG_RNN + 'check \\langle a_1 \\rangle = 0\n')[0]).toContain(
      "angle brackets are read around a step in a superscript (a^{⟨t⟩}) or around an inner product of two values, ⟨u, v⟩: expected ','",
    );
    expect(checks(NG_RNN + 'check Σ_{1≤t<T} L_t = L_1 + L_2\n')).toEqual(['holds']);
  });
});

describe('(2) ∗ (U+2217), deeplearning.ai’s elementwise product, is *', () => {
  it('reads as * and holds', () => {
    expect(checks(NG_RNN + 'check ∂L/∂b_a = Σ_t ∂L/∂a_t ∗ (1 - a_t^2)\n')).toEqual(['holds']);
  });
});

/** deeplearning.ai's LSTM with its pre-activations named, as its backward pass names their gradients dγ_o */
const NG_LSTM = [
  'T = 3',
  'input x : 2',
  ...['f', 'u', 'c', 'o'].flatMap((g) => [`param W_${g} : 3x5`, `param b_${g} : 3`]),
  'param W_y : 1x3',
  'a_0 = [0, 0, 0]',
  'c_0 = [0.2, -0.1, 0.3]',
  'γ_f^{⟨t⟩} = W_f [a^{⟨t-1⟩}; x^{⟨t⟩}] + b_f',
  'γ_u^{⟨t⟩} = W_u [a^{⟨t-1⟩}; x^{⟨t⟩}] + b_u',
  'γ_o^{⟨t⟩} = W_o [a^{⟨t-1⟩}; x^{⟨t⟩}] + b_o',
  'Γ_f^{⟨t⟩} = σ(γ_f^{⟨t⟩})',
  'Γ_u^{⟨t⟩} = σ(γ_u^{⟨t⟩})',
  'c̃^{⟨t⟩} = tanh(W_c [a^{⟨t-1⟩}; x^{⟨t⟩}] + b_c)',
  'Γ_o^{⟨t⟩} = σ(γ_o^{⟨t⟩})',
  'c^{⟨t⟩} = Γ_f^{⟨t⟩} ∗ c^{⟨t-1⟩} + Γ_u^{⟨t⟩} ∗ c̃^{⟨t⟩}',
  'a^{⟨t⟩} = Γ_o^{⟨t⟩} ∗ tanh(c^{⟨t⟩})',
  'loss L = Σ_t W_y a^{⟨t⟩}',
  '',
].join('\n');

describe('(3) dγ_o^{⟨t⟩}, dc^{(t)}: a code gradient at a superscripted step', () => {
  it('the backward pass holds as printed (eq. 7, 10, 16), the wrong step fails', () => {
    const sol = solve(
      md(NG_LSTM, [
        '$$d\\gamma_o^{\\langle t \\rangle} = da^{\\langle t \\rangle}*\\tanh(c^{\\langle t \\rangle}) * \\Gamma_o^{\\langle t \\rangle}*\\left(1-\\Gamma_o^{\\langle t \\rangle}\\right)\\tag{7}$$',
        '$$dc^{\\langle t-1 \\rangle} = dc^{\\langle t \\rangle}*\\Gamma_f^{\\langle t \\rangle} + \\Gamma_o^{\\langle t-1 \\rangle} * (1- \\tanh^2(c^{\\langle t-1 \\rangle})) * da^{\\langle t-1 \\rangle} \\tag{16}$$',
        '$$d\\gamma_f^{\\langle t \\rangle} = dc^{\\langle t \\rangle} * c^{\\langle t-1 \\rangle} * \\Gamma_f^{\\langle t \\rangle}*\\left(1-\\Gamma_f^{\\langle t \\rangle}\\right)\\tag{10}$$',
        '$$d\\gamma_f^{\\langle t \\rangle} = dc^{\\langle t \\rangle} * c^{\\langle t \\rangle} * \\Gamma_f^{\\langle t \\rangle}*\\left(1-\\Gamma_f^{\\langle t \\rangle}\\right)$$',
      ]),
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(sol.equations[3]!.message).toContain('should be c_{t-1}');
  });
});

describe('(4) W_f[a^{⟨t-1⟩}, x^{⟨t⟩}]: brackets right on a matrix around vectors are the stacked vector it multiplies', () => {
  it('reads as W_f times the concatenation, with a note; a matrix entry M[i, j] stays one', () => {
    const a = analyze(NG_LSTM + 'check Γ_f^{⟨t⟩} = σ(W_f[a^{⟨t-1⟩}, x^{⟨t⟩}] + b_f)\ncheck W_f[1, 2] = W_f[1, 2]\n', FAST);
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(a.diagnostics.some((d) => d.message === '[a_{t-1}, x_t] is read as their concatenation, a vector of 5')).toBe(true);
  });

  it('a wrong size is a shape mismatch, not "an index must be a scalar"', () => {
    const e = errors(NG_LSTM + 'check Γ_f^{⟨t⟩} = σ(W_f[a^{⟨t-1⟩}, a^{⟨t⟩}] + b_f)\n');
    expect(e.some((m) => m.startsWith('shape mismatch'))).toBe(true);
    expect(e.some((m) => m.includes('an index must be a scalar'))).toBe(false);
  });
});

/** Elman's σ_h and σ_y named once, a named pre-activation z_t */
const ELMAN = [
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'param W_hh = 0.8',
  'param W_xh = 0.3',
  'param W_hy = 1.1',
  'σ_h = tanh',
  'σ_y = σ',
  'h_0 = 0',
  'z_t = W_hh h_{t-1} + W_xh x_t',
  'h_t = σ_h(z_t)',
  'y_t = σ_y(W_hy h_t)',
  'loss L = Σ_t y_t',
  '',
].join('\n');

describe("(5) σ'_h(z): the prime written before the subscript is σ_h'(z) (session 17 leftover)", () => {
  it("σ'_h, \\sigma'_h, σ'_{h} read as the named activation’s derivative", () => {
    const qs = ["σ'_h(z_t)", "\\sigma'_h(z_t)", "σ'_{h}(z_t)", "σ_h'(z_t)"].map((r) => `check ∂h_t/∂z_t = ${r}`);
    expect(checks(ELMAN + qs.join('\n') + '\n')).toEqual(['holds', 'holds', 'holds', 'holds']);
  });

  it('the wrong activation’s derivative fails, naming it', () => {
    const a = analyze(ELMAN + "check ∂y_t/∂h_t = σ'_h(W_hy h_t) W_hy\n", FAST);
    expect(a.checks.map((c) => c.status)).toEqual(['fails']);
    expect(a.checks[0]!.message).toContain("tanh' should be σ'");
  });
});

/** a vector network with a named pre-activation ĥ_t */
const VEC = [
  'T = 3',
  'input x : 2',
  'param W_hh : 3x3',
  'param W_xh : 3x2',
  'param W_hp : 2x3',
  'h_0 = [0, 0, 0]',
  'ĥ_t = W_hh h_{t-1} + W_xh x_t',
  'h_t = tanh(ĥ_t)',
  'p_t = W_hp h_t',
  'loss L = Σ_t sum(p_t ⊙ p_t)',
  '',
].join('\n');

describe('(6) ∂p_t[i]/∂h_t: an entry index in a derivative’s numerator or denominator (session 17 leftover)', () => {
  it('reads as ∂(p_t[i]) and holds', () => {
    expect(checks(VEC + 'check ∂p_t[i]/∂h_t[j] = W_hp[i, j]\ncheck ∂p_t[1]/∂h_t[2] = W_hp[1, 2]\n')).toEqual(['holds', 'holds']);
  });

  it('a wrong entry fails', () => {
    expect(checks(VEC + 'check ∂p_t[1]/∂h_t[2] = W_hp[2, 1]\n')).toEqual(['fails']);
  });
});

describe('(7) δ^{\\hat h}_t: a δ whose superscript names the node (session 17 leftover)', () => {
  it('is refused as δĥ_t is, naming what to write (it was a parse error at the _)', () => {
    for (const q of ['δ^{\\hat h}_t', 'δ^{ĥ}_t', 'δ_t^{\\hat h}']) {
      const e = errors(VEC + `check ${q} = ∂L/∂h_t ⊙ (1 - h_t^2)\n`);
      expect(e).toEqual([expect.stringContaining('unknown name δ^ĥ: δĥ is not read as a derivative — write the adjoint \\bar{ĥ}')]);
    }
  });

  it('a file that defines it by a derivative has its name', () => {
    const text = VEC + 'δ^{\\hat h}_t = ∂L/∂ĥ_t\ncheck δ^{\\hat h}_t = ∂L/∂h_t ⊙ (1 - h_t^2)\ncheck δ^{\\hat h}_t = ∂L/∂h_t\n';
    expect(checks(text)).toEqual(['holds', 'fails']);
  });

  it('δ^{(t)}, δ^t stay steps', () => {
    const text = VEC + 'δ_t = ∂L/∂ĥ_t\ncheck δ^{(t)} = ∂L/∂ĥ_t\n';
    expect(checks(text)).toEqual(['holds']);
  });
});

describe('(8) Graves’ unit letters: b_h^{(t)} with h the network’s vector, w_{hk}', () => {
  const net = VEC.replace('loss L', 'o_t = W_hp h_t\nloss L');
  it('b_h^{(t)} says h is no entry index (it was an entry picked by h’s value, then "an index must be a scalar")', () => {
    const e = errors(net + 'check ∂L/∂ĥ_h^{(t)} = Σ_k ∂L/∂o_k^{(t)} W_hp[k, 1]\n');
    expect(e).toEqual([expect.stringContaining("ĥ_h^{(…)}: h is the network's h_t (a vector of 3), not an entry index")]);
  });

  it('w_{jk} is refused saying to write an entry of a weight matrix', () => {
    const e = errors(net + 'check ∂L/∂h_j^{(t)} = Σ_k ∂L/∂o_k^{(t)} w_{jk}\n');
    expect(e).toEqual([expect.stringContaining('write the entry of a weight matrix of the network (W_hh, W_xh, W_hp): row k, column j')]);
  });
});

/** Mikolov's RNNLM as Elman writes steps: s(t) = f(U w(t) + W s(t−1)), y(t) = g(V s(t)) */
const MIKOLOV = [
  'T = 3',
  'input w : 2',
  'param U : 3x2',
  'param W : 3x3',
  'param V : 2x3',
  'target d : 2 = [[1,0],[0,1],[1,0]]',
  'f = σ',
  'g = softmax',
  's(0) = [0, 0, 0]',
  's(t) = f(U w(t) + W s(t-1))',
  'y(t) = g(V s(t))',
  'E(t) = -sum(d(t) ⊙ log(y(t)))',
  'loss L = Σ_t E(t)',
  '',
].join('\n');

describe('(9) Elman’s and Mikolov’s steps in parentheses: s(t), s(t-1), y(3)', () => {
  it('define and index a sequence, in a network and in a solution', () => {
    const sol = solve(
      md(MIKOLOV, [
        '$$\\mathbf{s}(t) = f(\\mathbf{U}\\mathbf{w}(t) + \\mathbf{W}\\mathbf{s}(t-1))$$',
        '$$\\frac{\\partial L}{\\partial \\mathbf{V}} = \\sum_t (\\mathbf{y}(t) - \\mathbf{d}(t))\\, \\mathbf{s}(t)^T$$',
        '$$\\frac{\\partial E(t)}{\\partial \\mathbf{s}(t)} = \\mathbf{V}^T (\\mathbf{y}(t) - \\mathbf{d}(t))$$',
        '$$\\frac{\\partial L}{\\partial \\mathbf{V}} = \\sum_t (\\mathbf{d}(t) - \\mathbf{y}(t))\\, \\mathbf{s}(t)^T$$',
      ]),
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
  });

  it('Gang Chen’s ∂L(t+1)/∂W reads L(t+1) as L_{t+1} where L = Σ_t L_t', () => {
    const net = MIKOLOV.replace('E(t) =', 'L(t) =').replace('Σ_t E(t)', 'Σ_t L(t)');
    expect(checks(net + 'check ∂L(t)/∂V = (y(t) - d(t)) s(t)^T\n')).toEqual(['holds']);
  });

  it('a name with no steps refuses a step in parentheses; w(2) of a parameter stays a product', () => {
    const net = MIKOLOV + 'param a = 0.5\n';
    expect(errors(net + 'check ∂L(t)/∂V = (y(t) - d(t)) s(t)^T\n')).toEqual([
      'L(…): L is not a sequence, so it has no step to take — write L alone (one value for every step), or L·(…) for a product',
    ]);
    expect(checks(net + 'check a(2) = 2a\n')).toEqual(['holds']);
    // a step variable or an unknown name before parentheses is the product it was: t(t+1)/2
    expect(checks(net + 'check Σ_{i=1}^{t} i = t(t+1)/2\ncheck Σ_{k=1}^{3} k(k-1) = 8\n')).toEqual(['holds', 'holds']);
  });
});

/** Jurafsky & Martin's simple RNN: h_t = g(U h_{t−1} + W x_t), y_t = f(V h_t) */
const SLP3 = [
  'T = 3',
  'input x : 2',
  'param U : 3x3',
  'param W : 3x2',
  'param V : 2x3',
  'target y : 2 = [[1,0],[0,1],[0,1]]',
  'h_0 = [0, 0, 0]',
  'g = tanh',
  'z_t = U h_{t-1} + W x_t',
  'h_t = g(z_t)',
  'ŷ_t = softmax(V h_t)',
  'L_t = -sum(y_t ⊙ log(ŷ_t))',
  'loss L = Σ_t L_t',
  '',
].join('\n');

describe("(10) SLP3’s δ = g'(z) ∘ Uᵀ δ_next: the product after ⊙ first, where (a ⊙ Uᵀ) has no reading", () => {
  it("reads g'(z_t) ∘ Uᵀ δ as g'(z_t) ∘ (Uᵀ δ), with a note; the wrong step fails", () => {
    const a = analyze(
      SLP3 +
        "check ∂L/∂z_t = g'(z_t) ∘ U^T ∂L/∂z_{t+1} + g'(z_t) ∘ V^T (ŷ_t - y_t)\n" +
        "check ∂L/∂z_t = g'(z_{t+1}) ∘ U^T ∂L/∂z_{t+1} + g'(z_t) ∘ V^T (ŷ_t - y_t)\n",
      FAST,
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(a.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
    expect(a.diagnostics.some((d) => d.message.startsWith('the product after ⊙ is taken first'))).toBe(true);
  });

  it('(a ⊙ b) xᵀ that reads as written stays so (an outer product)', () => {
    expect(checks(SLP3 + "check ∂L/∂W = Σ_t ∂L/∂h_t ⊙ g'(z_t) x_t^T\n")).toEqual(['holds']);
  });
});

/** CMU 11-785's GRU (HW3), whose backward pass writes gradients as rows */
const CMU_GRU = [
  'T = 3',
  'input x : 2',
  ...['r', 'z', 'n'].flatMap((g) => [`param W_${g}x : 3x2`, `param W_${g}h : 3x3`, `param b_${g} : 3`]),
  'param b_nh : 3',
  'param W_o : 1x3',
  'h_0 = [0.1, -0.2, 0.3]',
  'r_t = σ(W_rx x_t + b_r + W_rh h_{t-1})',
  'z_t = σ(W_zx x_t + b_z + W_zh h_{t-1})',
  'n_t = tanh(W_nx x_t + b_n + r_t ⊙ (W_nh h_{t-1} + b_nh))',
  'h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}',
  'loss L = Σ_t W_o h_t',
  '',
].join('\n');

describe('(11) CMU 11-785’s row gradients: ∂L/∂h_t ⊙ (h_{t-1} − n_t)ᵀ', () => {
  it('a gradient beside a 1×n row is that row; the backward pass holds as printed', () => {
    const a = analyze(
      CMU_GRU +
        'check ∂L/∂z_t = ∂L/∂h_t ⊙ (h_{t-1} - n_t)^T\n' +
        'check ∂L/∂r_t = ∂L/∂n_t ⊙ (1 - n_t^2)^T ⊙ (W_nh h_{t-1} + b_nh)^T\n' +
        'check ∂L/∂x_t = (∂L/∂n_t ⊙ (1 - n_t^2)^T) W_nx + (∂L/∂z_t ⊙ (z_t ⊙ (1 - z_t))^T) W_zx + (∂L/∂r_t ⊙ (r_t ⊙ (1 - r_t))^T) W_rx\n' +
        'check ∂L/∂z_t = ∂L/∂h_t ⊙ (n_t - h_{t-1})^T\n',
      FAST,
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(
      a.diagnostics.some((d) => d.message === '∂L/∂h_t is read as a row (a gradient in numerator layout), as the 1×3 row beside it'),
    ).toBe(true);
  });

  it('a row beside a vector that is no gradient stays a shape mismatch', () => {
    expect(errors(CMU_GRU + 'check z_t = h_t ⊙ n_t^T\n')[0]).toContain('shape mismatch');
  });
});

describe('(12) deeplearning.ai’s ℒ(ŷ, y) and da_next', () => {
  it('ℒ(ŷ, y) with arguments at no step is the whole loss where L = Σ_t L_t (it was "L is a sequence")', () => {
    const sol = solve(
      md(NG_RNN, ['$$ \\mathcal{L}(\\hat{y}, y) = \\sum_t L^{\\langle t \\rangle} $$', '$$ \\mathcal{L}(\\hat{y}, y) = L_1 + L_2 $$']),
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
  });

  it('da_next is refused naming the cell’s reading too (∂L/∂a_t)', () => {
    const e = errors(NG_RNN + 'check ∂L/∂b_a = Σ_t da_next ⊙ (1 - a_t^2)\n');
    expect(e).toEqual([
      expect.stringContaining("write ∂L/∂a_t (deeplearning.ai's da_next, the gradient at the cell's output), or the part"),
    ]);
  });
});

describe('(13) deeplearning.ai’s T_x, the input’s length, is the last step T', () => {
  it('Σ_{t=1}^{T_x} and a^{⟨T_x⟩} read; T_y (not always the last step) stays refused', () => {
    const text =
      NG_RNN +
      'check L = Σ_{t=1}^{T_x} L^{⟨t⟩}\ncheck ∂L/∂a^{⟨T_x⟩} = W_ya^T (ŷ^{⟨T_x⟩} - y^{⟨T_x⟩})\ncheck ∂L/∂a^{⟨T_x⟩} = W_ya^T (y^{⟨T_x⟩} - ŷ^{⟨T_x⟩})\n';
    expect(checks(text)).toEqual(['holds', 'holds', 'fails']);
    // session 19 (text19): the refusal names T_y and what to write (it said "a time index is t, t±k, …")
    expect(errors(NG_RNN + 'check L = Σ_{t=1}^{T_y} L^{⟨t⟩}\n')).toEqual([
      "T_y, the output's length, is not read as a step (a many-to-one network has T_y = 1): write T when every step has an output, or the step's number",
    ]);
  });
});

describe('(13b) h_{T_x}, the last step written as a subscript (session 23: "unknown name a_T_x")', () => {
  it('reads as a^{⟨T_x⟩} does; a wrong sign still fails', () => {
    const text = NG_RNN + 'check ∂L/∂a_{T_x} = W_ya^T (ŷ_{T_x} - y_{T_x})\ncheck ∂L/∂a_{T_x} = W_ya^T (y_{T_x} - ŷ_{T_x})\n';
    expect(errors(text)).toEqual([]);
    expect(checks(text)).toEqual(['holds', 'fails']);
  });
});

describe('(14) an angle left open closes nothing on a later line', () => {
  it('a^{<t} is a syntax error on its line; ∏_{3≥i>1} on the next keeps its >', () => {
    const text = NG_RNN + 'check a^{<t} = a_t\ncheck ∂a_3/∂a_1 = ∏_{3≥i>1} ∂a_i/∂a_{i-1}\n';
    expect(checks(text)).toEqual(['holds']);
    expect(errors(text)).toHaveLength(1);
  });
});

describe('(15) deeplearning.ai’s Σ_{batch}: a word for an index that nothing in the sum uses', () => {
  it('is refused saying so (it was T copies of the body, a silent factor T, and "fails")', () => {
    const e = errors(NG_RNN + 'check ∂L/∂b_a = Σ_{batch} ∂L/∂a_t ⊙ (1 - a_t^2)\n');
    expect(e).toEqual([expect.stringContaining('Σ_{batch}: batch is no index of anything in the sum')]);
  });

  it('Σ_t of a constant still counts the steps', () => {
    expect(checks(NG_RNN + 'check Σ_t 1 = T\ncheck Σ_{i} 2 = 2T\n')).toEqual(['holds', 'holds']);
  });
});

describe('(16) dp\\widetilde{c}^{⟨t⟩}: a name and an accented letter set side by side are the name the file defines', () => {
  const net = NG_LSTM.replace(
    'c̃^{⟨t⟩} = tanh(W_c [a^{⟨t-1⟩}; x^{⟨t⟩}] + b_c)',
    'pc̃^{⟨t⟩} = W_c [a^{⟨t-1⟩}; x^{⟨t⟩}] + b_c\nc̃^{⟨t⟩} = tanh(pc̃^{⟨t⟩})',
  );
  it('deeplearning.ai’s eq. (8) holds as printed; the same with Γ_f for Γ_u fails', () => {
    const sol = solve(
      md(net, [
        '$$dp\\widetilde{c}^{\\langle t \\rangle} = dc^{\\langle t \\rangle} * \\Gamma_u^{\\langle t \\rangle} * \\left(1-\\left(\\widetilde c^{\\langle t \\rangle}\\right)^2\\right) \\tag{8}$$',
        '$$\\frac{\\partial L}{\\partial p\\tilde{c}^{\\langle t \\rangle}} = dc^{\\langle t \\rangle} * \\Gamma_f^{\\langle t \\rangle} * \\left(1-\\left(\\widetilde c^{\\langle t \\rangle}\\right)^2\\right)$$',
      ]),
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
  });

  it('U\\tilde{h} of two defined names stays their product', () => {
    expect(checks(net + 'check c^{⟨t⟩} = Γ_f^{⟨t⟩} ∗ c^{⟨t-1⟩} + Γ_u^{⟨t⟩}\\tilde{c}^{⟨t⟩}\n')).toEqual(['holds']);
  });
});
