// CS231n's rnn_step_backward written as maths (probe 42): dtanh = (1 − next_h²) ⊙ dnext_h, dx = dtanh W_xᵀ,
// dW_x = xᵀ dtanh. `dtanh` was "unknown name dtanh" and `\text{dtanh}`, `\text{dx}` vanished as prose ("expected a
// value, found '='"); dtanh is now the code gradient at the tanh's argument where the network names it (h_t =
// tanh(a_t): da_t), and dtanh xᵀ (the factors exchanged, no product) fails naming the order that forms.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { lex } from '../../src/language/lexer';

const FAST = { draws: 2, graph: false };
const NET = `T = 3
input x : 1x2
param W_x : 2x3
param W_h : 3x3
param b : 1x3
param v : 3
h_0 = [[0.1, -0.2, 0.3]]
a_t = x_t W_x + h_{t-1} W_h + b
h_t = tanh(a_t)
loss L = h_T v
`;

describe('code gradients named after the function, and upright', () => {
  it('\\text{dtanh}, \\text{dx}, \\text{dWx} are names; prose words stay prose', () => {
    const names = (s: string) =>
      lex(s)
        .tokens.filter((t) => t.kind === 'name')
        .map((t) => t.text);
    expect(names(String.raw`\text{dtanh} = \text{dx} + \text{dWx} + \text{db}`)).toEqual(['dtanh', 'dx', 'dWx', 'db']);
    expect(names(String.raw`a \text{do} b \text{done} \text{ denotes}`)).toEqual(['a', 'b']);
  });

  it('dtanh is the gradient at the tanh’s argument the network names, said so; dprev_h = dtanh W_hᵀ holds', () => {
    const r = analyze(`${NET}check dtanh = (1 - next_h^2) ⊙ dnext_h\ncheck dprev_h = dtanh W_h^T\ncheck dtanh_t = da_t\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain("dtanh (code's gradient at the tanh's argument) is read as da_t");
  });

  it('with no named argument, dtanh says what to write', () => {
    const net = NET.replace('a_t = x_t W_x + h_{t-1} W_h + b\nh_t = tanh(a_t)', 'h_t = tanh(x_t W_x + h_{t-1} W_h + b)');
    const r = analyze(`${net}check dtanh = (1 - next_h^2) ⊙ dnext_h\n`, FAST);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(
      /dtanh \(as code names the gradient at the tanh's argument\) names no value of the network: name that argument/,
    );
  });

  it('an outer product with its factors exchanged fails, naming the order that forms', () => {
    const r = analyze(`${NET}check dW_x = Σ_t dtanh_t x_t^T\n`, FAST);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(
      /in the other order, x_tᵀ ∂L\/∂a_t \(2×3 matrix\) fits \(the factors exchanged\?\)\. With x_tᵀ ∂L\/∂a_t for ∂L\/∂a_t x_tᵀ: holds/,
    );
  });

  it('in a check with step words, an input without a step is the step’s (CS231n’s x and dx); elsewhere it asks', () => {
    const r = analyze(`${NET}check next_h = tanh(x W_x + prev_h W_h + b)\ncheck dx = dtanh W_x^T\ncheck dx = dtanh W_x\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "x is read as x_t: the step's input, beside the step function's prev_ and next_ names (CS231n's)",
    );
    const plain = analyze(`${NET}check h_t = tanh(x W_x + h_{t-1} W_h + b)\n`, FAST);
    expect(plain.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/x is a sequence: write x_t/);
  });
});
