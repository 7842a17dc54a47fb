// mistakes18b: hints a grader writes that the check layer did not (src/engine/check): an extra power, a
// mis-squared tanh slope, a step written T printed as its number, a missing adjoint factor, a scalar against a vector.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SCALAR } from './networks';

// another network: no values, T = 4, no named pre-activation, a halved loss
const SCALAR2 = `T = 4
input x
target y
param u
param w
param c
h_0 = 0
h_t = tanh(u x_t + w h_{t-1})
o_t = c h_t
loss L = Σ_t (o_t - y_t)^2 / 2
`;
const VECTOR = `T = 3
input x : 4
target y : 4 = [[0,1,0,0],[0,0,1,0],[1,0,0,0]]
param W_xh : 3x4
param W_hh : 3x3
param b_h : 3
param W_hy : 4x3
param b_y : 4
h_0 = 0
z_t = W_xh x_t + W_hh h_{t-1} + b_h
h_t = tanh(z_t)
s_t = W_hy h_t + b_y
p_t = softmax(s_t)
loss L = -Σ_t sum(y_t ⊙ log(p_t))
`;
// Goodfellow's names, T = 4, no pre-activation named: ∂L/∂h_t carries the slope
const VECTOR2 = `T = 4
input x : 2
target y : 3
param U : 3x2
param W : 3x3
param V : 3x3
param c : 3
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
o_t = c + V h_t
loss L = Σ_t sum((o_t - y_t)^2) / 2
`;
const LSTM = `T = 4
input x = [1, -0.5, 0.3, 2]
target d = [0.5, -0.2, 0.1, 0.7]
param w_f = 0.4
param u_f = -0.3
param w_i = 0.7
param u_i = 0.2
param w_o = -0.5
param u_o = 0.6
param w_g = 0.9
param u_g = -0.8
h_0 = 0
c_0 = 0.5
f_t = σ(w_f x_t + u_f h_{t-1})
i_t = σ(w_i x_t + u_i h_{t-1})
o_t = σ(w_o x_t + u_o h_{t-1})
g_t = tanh(w_g x_t + u_g h_{t-1})
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
loss L = Σ_t (h_t - d_t)^2 / 2
`;
// another LSTM: T = 3, no values, a squared loss not halved
const LSTM2 = `T = 3
input x
target d
param a_f
param a_i
param a_o
param a_g
param r
h_0 = 0
c_0 = 0
f_t = σ(a_f x_t + r h_{t-1})
i_t = σ(a_i x_t)
o_t = σ(a_o x_t)
g_t = tanh(a_g x_t)
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
loss L = Σ_t (h_t - d_t)^2
`;
const check = (net: string, line: string) => analyze(`${net}check ${line}\n`).checks[0]!;
const fails = (net: string, line: string, msg: RegExp) => {
  const c = check(net, line);
  expect(c.status, line).toBe('fails');
  expect(c.message, line).toMatch(msg);
};

describe('an extra power is named', () => {
  it('v^2 for v, c^2 for c', () => {
    expect(check(SCALAR, '∂L/∂h_3 = 2(o_3 - y_3) v').status).toBe('holds');
    fails(SCALAR, '∂L/∂h_3 = 2(o_3 - y_3) v^2', /v\^2 should be v: with that the check holds/);
    expect(check(SCALAR2, '∂L/∂h_4 = (o_4 - y_4) c').status).toBe('holds');
    fails(SCALAR2, '∂L/∂h_4 = (o_4 - y_4) c^2', /c\^2 should be c: with that the check holds/);
  });
});

describe('a tanh slope squared on the bracket is named', () => {
  it('(1 − h_t)^2 ⊙ ∂L/∂h_t and diag(1 − h_t)^2 ∂L/∂h_t', () => {
    expect(check(VECTOR, '∂L/∂z_t = (1 - h_t^2) ⊙ ∂L/∂h_t').status).toBe('holds');
    fails(VECTOR, '∂L/∂z_t = (1 - h_t)^2 ⊙ ∂L/∂h_t', /\(1 − h_t\)\^2 should be 1 − h_t\^2 \(the square belongs on tanh/);
    fails(VECTOR, '∂L/∂z_t = diag(1 - h_t)^2 ∂L/∂h_t', /diag\(1 − h_t\)\^\(2\) should be diag\(1 − h_t\^2\)/);
    expect(check(VECTOR2, '∂L/∂W = Σ_t diag(1 - h_t^2) ∂L/∂h_t h_{t-1}^T').status).toBe('holds');
    fails(VECTOR2, '∂L/∂W = Σ_t diag(1 - h_t)^2 ∂L/∂h_t h_{t-1}^T', /diag\(1 − h_t\)\^\(2\) should be diag\(1 − h_t\^2\)/);
    fails(SCALAR, '∂L/∂z_t = ∂L/∂h_t (1 - h_t)^2', /\(1 − h_t\)\^2 should be 1 − h_t\^2/);
  });
  it("an LSTM's (1 − tanh(c_t))^2, under two LSTMs", () => {
    fails(LSTM, '∂L/∂c_4 = (h_4 - d_4) o_4 (1 - tanh(c_4))^2', /\(1 − tanh\(c_4\)\)\^2 should be 1 − tanh\(c_4\)\^2/);
    expect(check(LSTM2, '∂L/∂c_3 = 2(h_3 - d_3) o_3 (1 - tanh(c_3)^2)').status).toBe('holds');
    fails(LSTM2, '∂L/∂c_3 = 2(h_3 - d_3) o_3 (1 - tanh(c_3))^2', /\(1 − tanh\(c_3\)\)\^2 should be 1 − tanh\(c_3\)\^2/);
  });
});

describe('a step written T is named T', () => {
  it('the factor o_T (not o_4, o_3) under two LSTMs', () => {
    fails(LSTM, '∂L/∂c_T = (h_T - d_T)(1 - tanh(c_T)^2)', /leaves out the factor o_T: with that the check holds/);
    fails(LSTM2, '∂L/∂c_T = 2(h_T - d_T)(1 - tanh(c_T)^2)', /leaves out the factor o_T: with that the check holds/);
    fails(LSTM, '∂L/∂c_T = (h_T - d_T) o_T (1 - tanh(c_T))^2', /\(1 − tanh\(c_T\)\)\^2 should be 1 − tanh\(c_T\)\^2/);
  });
  it('the term left out and the step to move, as written: −y_T, h_{T-1} should be h_T', () => {
    fails(SCALAR2, '∂L/∂o_T = o_T', /The right side leaves out the term −y_T: with it the check holds/);
    fails(LSTM, '∂L/∂h_T = h_T', /The right side leaves out the term −d_T: with it the check holds/);
    fails(
      SCALAR,
      '∂L/∂h_{T-1} = 2(o_{T-1} - y_{T-1}) v + ∂L/∂h_T (1 - h_{T-1}^2) w_h',
      /h_\{T-1\} should be h_T: with that step the check holds/,
    );
    fails(SCALAR, '∂L/∂h_2 = 2(o_2 - y_2) v + ∂L/∂h_3 (1 - h_2^2) w_h', /h_2 should be h_3: with that step the check holds/);
  });
  it('a step written as its number stays a number', () => {
    fails(LSTM, '∂L/∂c_4 = (h_4 - d_4)(1 - tanh(c_4)^2)', /leaves out the factor o_4: with that the check holds/);
    fails(SCALAR2, '∂L/∂h_T = (o_T - y_T) c^2', /c\^2 should be c/);
  });
});

describe('an adjoint left out of a local slope is named', () => {
  it('∂L/∂z_t = (1 − h_t^2) under a vector and a scalar network', () => {
    fails(VECTOR, '∂L/∂z_t = (1 - h_t^2)', /The right side leaves out the factor ∂L\/∂h_t: with that the check holds/);
    fails(SCALAR, '∂L/∂z_t = 1 - h_t^2', /The right side leaves out the factor ∂L\/∂h_t: with that the check holds/);
    fails(SCALAR, '∂L/∂z_T = 1 - h_T^2', /leaves out the factor ∂L\/∂h_T: with that the check holds/);
    expect(check(SCALAR, '∂L/∂z_t = (1 - h_t^2) ∂L/∂h_t').status).toBe('holds');
  });
  it('not offered when the side already has a derivative', () => {
    expect(check(SCALAR, '∂L/∂z_t = (1 - h_t^2) ∂L/∂o_t').message).not.toMatch(/leaves out the factor ∂L\/∂h_t/);
  });
});

// Ng's notation: a vector target, the loss written −Σ_t y^{⟨t⟩} log ŷ^{⟨t⟩}
const NG = `T = 3
input x : 2 = [[0.5, -1], [1.2, 0.3], [-0.7, 0.9]]
target y : 2 = [[1, 0], [0, 1], [1, 0]]
param W_aa : 3x3
param W_ax : 3x2
param W_ya : 2x3
a_0 = 0
a_t = tanh(W_aa a_{t-1} + W_ax x_t)
\\hat{y}_t = softmax(W_ya a_t)
loss L = -Σ_t sum(y_t ⊙ log(\\hat{y}_t))
`;
// another: no values, T = 4, three classes, a per-step loss named
const NG2 = `T = 4
input x : 2
target y : 3
param U : 3x2
param W : 3x3
param V : 3x3
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
p_t = softmax(V h_t)
L_t = -y_t^T log(p_t)
loss L = Σ_t L_t
`;

describe('a scalar side against a vector side says the shapes differ', () => {
  it("Ng's ℒ = −Σ_t y log ŷ: the sum meant is named, under two networks", () => {
    fails(
      NG,
      'L = -Σ_t y_t log(\\hat{y}_t)',
      /The left side is a scalar, the right side a vector of 2 entries: the shapes differ\. y_t ⊙ log\([^)]+\) multiplies two vectors entry by entry; sum\(y_t ⊙ log\([^)]+\)\), or y_tᵀ log\([^)]+\), is the scalar meant: with it the check holds/,
    );
    expect(check(NG, 'L = -Σ_t y_t^T log(\\hat{y}_t)').status).toBe('holds');
    fails(
      NG2,
      'L_2 = -y_2 log(p_2)',
      /The left side is a scalar, the right side a vector of 3 entries: the shapes differ\. .*sum\(\(−y_2\) ⊙ log\(p_2\)\).*is the scalar meant/,
    );
  });
  it('the shapes said alone when no sum makes it hold; the vector on the left', () => {
    fails(
      NG,
      'L = Σ_t y_t log(\\hat{y}_t)',
      /is the scalar meant; with it the right side is the other side with the opposite sign: a sign is wrong too$/,
    );
    const c = check(NG, 'L = Σ_t y_t log(\\hat{y}_t) + 1');
    expect(c.message).toMatch(/The left side is a scalar, the right side a vector of 2 entries: the shapes differ$/);
    fails(
      NG2,
      '-y_2 log(p_2) = L_2',
      /The right side is a scalar, the left side a vector of 3 entries: the shapes differ\. .*is the scalar meant/,
    );
  });
});
