// Whole solutions session 19's mistakes tests read: a network in an ```rnn block and a derivation in display
// equations, with its weights as parameters so each test can run it at other values too.

export interface Weights {
  wx: number;
  wh: number;
  b: number;
  v: number;
  c: number;
}

export const GIVEN: Weights = { wx: 0.3, wh: 0.8, b: 0.1, v: 1.5, c: -0.2 };

/** a scalar tanh RNN with a halved squared loss, T = 3 */
export function scalarNetwork(w: Weights = GIVEN): string {
  return `\`\`\`rnn
T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_xh = ${w.wx}
param W_hh = ${w.wh}
param b_h = ${w.b}
param W_hy = ${w.v}
param b_y = ${w.c}
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)
o_t = W_hy h_t + b_y
L_t = \\frac{1}{2}(y_t - o_t)^2
loss L = Σ_t L_t
\`\`\`
`;
}

/** a few weights no test's verdict may lean on: drawn once, from a fixed seed */
export function otherWeights(n: number, seed = 19): Weights[] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.round(((s / 2147483648) * 2 - 1) * 1000) / 1000;
  };
  return Array.from({ length: n }, () => ({ wx: next(), wh: next(), b: next(), v: next() || 0.5, c: next() }));
}
