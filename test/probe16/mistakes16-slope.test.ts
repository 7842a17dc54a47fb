// tanh's slope written wrong is named at the factor (check/slope.ts): 1 − h for 1 − h² (the square forgotten,
// Goodfellow's diag(1 − h²) as diag(1 − h)) and h(1 − h), σ's slope, for tanh's. Before, the scalar LSTM's c̄ line
// got a value-only statement and the vector RNN's ∇_h L line no hint at all.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const SCALAR = `T = 3
input x = [0.5, 2, -1]
param w = 0.7
param u = 0.4
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
loss L = Σ_t h_t
`;

const VECTOR = `T = 3
input x : 2
target y : 3
param U : 3x2
param W : 3x3
param V : 3x3
h_0 = [0, 0, 0]
h_t = tanh(W h_{t-1} + U x_t)
o_t = V h_t
L_t = -sum(y_t ⊙ log(softmax(o_t)))
loss L = Σ_t L_t
`;

const LSTM = `T = 3
input x = [0.5, -0.4, 0.8]
target y = [0.2, 0.4, 0.1]
param w_f = 0.5
param w_i = 0.3
param w_o = -0.6
param w_g = 0.7
h_0 = 0
c_0 = 0
f_t = σ(w_f x_t + h_{t-1})
i_t = σ(w_i x_t + h_{t-1})
o_t = σ(w_o x_t + h_{t-1})
g_t = tanh(w_g x_t + h_{t-1})
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
L_t = (h_t - y_t)^2
loss L = Σ_t L_t
`;

const first = (text: string) => analyze(text).checks[0]!;

describe("tanh's slope written wrong", () => {
  it('1 − h for 1 − h² (a quantity defined as tanh)', () => {
    const c = first(`${SCALAR}check ∂h_3/∂h_2 = (1 - h_3) w\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain("1 − h_3 should be 1 − h_3^2 (tanh' is 1 − tanh², the square is missing)");
    expect(c.culprit).toMatchObject({ line: 8, column: 19 });
  });

  it('h(1 − h), σ’s slope, for tanh’s', () => {
    const c = first(`${SCALAR}check ∂h_3/∂h_2 = h_3 (1 - h_3) w\n`);
    expect(c.message).toContain("h_3 (1 − h_3) should be 1 − h_3^2 (that is σ's slope σ(1 − σ); tanh' is 1 − tanh²)");
  });

  it('inside diag, in a backward formula of vectors (Goodfellow 10.21)', () => {
    const c = first(`${VECTOR}check ∇_{h_t} L = Wᵀ diag(1 - h_{t+1}) ∇_{h_{t+1}} L + Vᵀ ∇_{o_t} L for t = 1..2\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('1 − h_{t+1} should be 1 − h_{t+1}^2');
  });

  it('tanh(c_t) written out, in an LSTM’s c̄ line', () => {
    const c = first(`${LSTM}check c̄_t = h̄_t o_t (1 - tanh(c_t)) + c̄_{t+1} f_{t+1} for t = 1..2\n`);
    expect(c.message).toContain('1 − tanh(c_t) should be 1 − tanh(c_t)^2');
  });

  it('σ’s own slope is not touched: σ(1 − σ) of a σ quantity is right, 1 − σ is not tanh’s', () => {
    expect(first(`${LSTM}check ∂f_2/∂h_1 = f_2 (1 - f_2)\n`).status).toBe('holds');
    expect(first(`${LSTM}check ∂f_2/∂h_1 = (1 - f_2)\n`).message).not.toContain('tanh');
  });
});
