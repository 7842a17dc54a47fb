// Probe 29 (session 45): deeplearning.ai's "Building your Recurrent Neural Network – Step by Step" (Andrew Ng,
// course 5 week 1), pasted as a student writes it, in the notebook's LaTeX (a^{\langle t \rangle}, * the elementwise
// product, \Gamma, \tilde{c}): the RNN cell a^{⟨t⟩} = tanh(W_ax x^{⟨t⟩} + W_aa a^{⟨t−1⟩} + b_a), ŷ^{⟨t⟩} = softmax(W_ya
// a^{⟨t⟩} + b_y), its backward-pass figure, the notebook's rnn_cell_backward and the LSTM's backward equations.
// The figure writes the backward pass's gradients as derivatives of the vector a^{⟨t⟩}: ∂a^{⟨t⟩}/∂W_ax = (1 −
// tanh(…)²) x^{⟨t⟩T} is ∂L/∂W_ax's term with the upstream gradient da left out, not the Jacobian it names (a 3×3×2
// tensor). It fails, as before, with its two shapes; the mismatch now says what the right side's shape is and what a
// backward pass writes (language/resolve/jacobianAsGradient.ts). The notebook's code names (da_next, dc_next, a_prev)
// are refused naming what to write; written as the notebook's gradients at the cell (da^{⟨t⟩} for da_next, dc^{⟨t⟩} for
// dc_next, ∂L/∂c^{⟨t⟩} along every path) its equations hold. The code's d\tanh (dtanh, the gradient at the tanh's
// argument) was "expected the argument of \tanh, found '='": it now says what it stands for and what to write
// (language/codeGradientOfFunction.ts, asked in parser.ts call).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));
const failing = (v: Record<string, SolutionReport['equations'][number]>) => (tag: string) => {
  expect(v[tag]!.status, tag).toBe('fails');
  return v[tag]!.message;
};

describe('deeplearning.ai, the RNN cell’s backward pass', () => {
  const v = verdicts(read('ng-rnn'));
  const msg = failing(v);
  it('the correct formulas hold; ∂a^{⟨t⟩}/∂b_a = diag(…) holds as a one-step derivative', () => {
    for (const tag of ['N1', 'N2', 'N3', 'N10', 'N11', 'N12', 'N13', 'N14', 'N15', 'N16']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v.N17!.status).toBe('holds-as-one-step');
  });
  it('the notebook’s code names for the gradients (dW_ax, db_a, da^{⟨t⟩}) read as ∂L/∂…; one step’s term for dW_ax names the Σ_t', () => {
    for (const tag of ['X1', 'X2', 'X3', 'X4']) expect(v[tag]!.status, tag).toBe('holds');
    expect(msg('XM1')).toMatch(/A Σ_t is missing: the right side is the term of one step t/);
  });
  it('the figure’s derivatives of the vector a^{⟨t⟩} fail, saying the right side has the variable’s shape', () => {
    expect(msg('N4')).toMatch(
      /the left side is a 3×3×2 tensor, the right side a 3×2 matrix: ∂a_t\/∂W_ax, the derivative of the vector a_t, is a Jacobian with a row for each of its 3 entries; the right side has the shape of W_ax \(a 3×2 matrix\), as a scalar's gradient by W_ax has\. A backward pass writes ∂L\/∂W_ax, with the upstream gradient ∂L\/∂a_t among its factors/,
    );
    expect(msg('N5')).toMatch(/the right side has the shape of W_aa/);
    expect(msg('N7')).toMatch(/the right side has the shape of x_t \(a vector of 2\)/);
    expect(msg('N8')).toMatch(/A backward pass writes ∂L\/∂a_\{t-1\}, with the upstream gradient ∂L\/∂a_t/);
  });
  it('what does not read says why: the figure’s ∂b (the network’s biases are b_a and b_y), the code’s d\\tanh', () => {
    expect(v.N6!.status).toBe('skipped');
    expect(v.N6!.message).toMatch(/unknown name b/);
    expect(v.N9!.status).toBe('skipped');
    expect(v.N9!.message).toMatch(
      /d\\tanh \(as code names the gradient at the tanh's argument\) names no value of the network: name that argument in the network/,
    );
  });
  it('the mistakes fail, naming the culprit', () => {
    expect(msg('NM1')).toMatch(/W_aa should be W_aaᵀ/);
    expect(msg('NM2')).toMatch(/The first a_\{t-1\} should be a_t/);
    expect(msg('NM3')).toMatch(/1 − a_t should be 1 − a_t\^2 \(tanh' is 1 − tanh², the square is missing\)/);
    expect(msg('NM4')).toMatch(/their outer product is written with the right one transposed/);
    expect(msg('NM5').normalize('NFC')).toMatch(/leaves out the path through ŷ_\{t-1\}/);
    expect(msg('NM6')).toMatch(/leaves out its first term t = 1/);
    expect(msg('NM7')).toMatch(/The factor W_aaᵀ should not be there/);
    expect(msg('NM8')).toMatch(/the opposite sign/);
    expect(msg('NM9')).toMatch(/a_\{t-1\} should be a_t/);
    expect(msg('NM10')).toMatch(/\(∂a_t\/∂a_\{t-1\}\)ᵀ: the denominator layout/);
  });
});

describe('deeplearning.ai, the LSTM’s backward pass', () => {
  const v = verdicts(read('ng-lstm'));
  const msg = failing(v);
  it('the equations hold with da^{⟨t⟩} for da_next and dc^{⟨t⟩} for dc_next', () => {
    for (const tag of ['L7', 'L8', 'L9', 'L10', 'L11', 'L12', 'L13', 'L14', 'L15', 'L17']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the code’s names are refused saying what to write', () => {
    expect(v.P7!.message).toMatch(/write ∂L\/∂a_t \(deeplearning.ai's da_next, the gradient at the cell's output\)/);
    expect(v.P19!.message).toMatch(/da_prev .* write the part of ∂L\/∂a_\{t-1\} through a_t/);
  });
  it('the mistakes fail, naming the culprit', () => {
    expect(msg('LM1')).toMatch(/the extra factor σ'\(…\) = Γ_o\^t ⊙ \(1 − Γ_o\^t\), which makes it the gradient at Γ_o\^t's argument/);
    expect(msg('LM2')).toMatch(/leaves out the factor tanh\(c_t\)/);
    expect(msg('LM3')).toMatch(/Γ_f\^\{t-1\} should be Γ_f\^t/);
    expect(msg('LM4')).toMatch(/their outer product is written with the right one transposed/);
    expect(msg('LM5')).toMatch(/leaves out the factor Γ_u\^t/);
    expect(msg('LM6')).toMatch(/1 − c̃_t should be 1 − c̃_t\^2/);
    expect(msg('LM7')).toMatch(/A Σ_t is missing/);
    expect(msg('LM8')).toMatch(/leaves out the path through c_\{t\+1\}/);
  });
});

describe('a vector’s derivative against its variable’s shape (regression)', () => {
  const NET = `T = 2
input x : 2
param W : 3x2
param U : 3x3
h_0 = 0
h_t = tanh(W x_t + U h_{t-1})
loss L = Σ_t sum(h_t)
`;
  const errors = (check: string) =>
    analyze(NET + check)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.message);
  it('names the gradient a backward pass writes (it said the two shapes only)', () => {
    expect(errors('check ∂h_t/∂W = (1 - h_t^2) x_t^T\n')[0]).toMatch(
      /: ∂h_t\/∂W, the derivative of the vector h_t, is a Jacobian .* A backward pass writes ∂L\/∂W, with the upstream gradient ∂L\/∂h_t among its factors$/,
    );
    expect(errors('check ∂h_t/∂h_{t-1} = U^T (1 - h_t^2)\n')[0]).toMatch(/A backward pass writes ∂L\/∂h_\{t-1\}/);
  });
  it('a square Jacobian against W σ′(…), no transpose, keeps its message (its diag is more likely left out)', () => {
    expect(errors('check ∂h_t/∂h_{t-1} = U (1 - h_t^2)\n')).toEqual([
      'shape mismatch: the left side is a 3×3 matrix, the right side a vector of 3',
    ]);
  });
});

describe('d\\tanh, the code’s gradient named after the function (regression)', () => {
  const NET = 'T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t\n';
  const errors = (check: string) =>
    analyze(NET + check)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.message);
  it('says what it stands for and what to write (it was "expected the argument of \\tanh, found \'=\'")', () => {
    expect(errors('check d\\tanh = 1 - h_t^2\n')).toEqual([
      "d\\tanh (as code names the gradient at the tanh's argument) names no value of the network: name that argument in the network (z_t = …, a_t = tanh(z_t)) and write ∂L/∂z_t, or write it out by the chain rule, ∂L/∂a_t ⊙ (1 − a_t^2)",
    ]);
    expect(errors('check ∂L/∂w = d\\sigma \\cdot h_t\n')[0]).toMatch(/^d\\sigma \(as code names the gradient at the σ's argument\)/);
  });
  it('a d spaced from the function is no such name', () => {
    expect(errors('check ∂L/∂w = d \\tanh\n')).toEqual(['expected the argument of \\tanh, found the end of the line']);
  });
});
