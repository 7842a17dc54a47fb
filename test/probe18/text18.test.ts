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
    .map((d) => d.message);
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

  it('an angle bracket anywhere else is refused by name; Σ bounds keep < and >', () => {
    expect(errors(NG_RNN + 'check ⟨a_1, a_2⟩ = 0\n')[0]).toContain("'⟨' is read only around a step in a superscript");
    expect(errors(NG_RNN + 'check \\langle a_1 \\rangle = 0\n')[0]).toContain('\\langle is read only around a step');
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
