// The vanilla RNNs of the textbook tests, with given random parameter values (n = 3 hidden units, d = 2
// inputs, p = 3 outputs), and helpers that look up a check's links by its \tag.
import { expect } from 'vitest';
import { analyze } from '../../src/analysis';
import type { CheckReport, CheckStatus, Report } from '../../src/report';

/**
 * Goodfellow, Bengio and Courville, Deep Learning §10.2.2 (eqs. 10.8–10.14), as the book prints it:
 * a^{(t)} = b + W h^{(t-1)} + U x^{(t)}, h = tanh(a), o = c + V h, ŷ = softmax(o), L = Σ_t L^{(t)} with
 * L^{(t)} = −log ŷ_{y^{(t)}}^{(t)} (y^{(t)} the class, a whole number). A non-zero h_0 so that no formula
 * holds only because the first step's h^{(0)} vanishes.
 */
export const GOODFELLOW = String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
target y = [2, 1, 3]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  b : 3 = [0.05, -0.11, 0.17]
param  V : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
param  c : 3 = [0.02, -0.09, 0.13]
h_0 = [0.1, -0.2, 0.3]
\boldsymbol{a}^{(t)} = \boldsymbol{b} + \boldsymbol{W} \boldsymbol{h}^{(t-1)} + \boldsymbol{U} \boldsymbol{x}^{(t)}
\boldsymbol{h}^{(t)} = \tanh(\boldsymbol{a}^{(t)})
\boldsymbol{o}^{(t)} = \boldsymbol{c} + \boldsymbol{V} \boldsymbol{h}^{(t)}
\hat{\boldsymbol{y}}^{(t)} = \text{softmax}(\boldsymbol{o}^{(t)})
L^{(t)} = -\log \hat{y}_{y^{(t)}}^{(t)}
loss L = \sum_t L^{(t)}
`;

/** the same network with one-hot targets and L^{(t)} = −Σ_i y_i log ŷ_i (T = 4) */
export const GOODFELLOW_ONEHOT = String.raw`T = 4
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3], [0.5, 0.6]]
target y : 3 = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  b : 3 = [0.05, -0.11, 0.17]
param  V : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
param  c : 3 = [0.02, -0.09, 0.13]
h_0 = [0.1, -0.2, 0.3]
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
o_t = c + V h_t
ŷ_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t
`;

/**
 * d2l.ai §9.7.2: a linear recurrence h_t = W_hx x_t + W_hh h_{t-1}, o_t = W_qh h_t, L = (1/T) Σ_t l(o_t, y_t)
 * with l the halved squared error, written with d2l's \mathbf and \textrm subscripts.
 */
export const D2L_MATRIX = String.raw`T = 4
input  x : 2 = [[0.6, -0.2], [0.3, 0.8], [-0.5, 0.4], [0.9, -0.7]]
target y : 3 = [[0.2, -0.1, 0.4], [0.5, 0.3, -0.6], [-0.2, 0.7, 0.1], [0.3, -0.4, 0.2]]
param  W_hx : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W_hh : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  W_qh : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
h_0 = [0.1, -0.2, 0.3]
\mathbf{h}_t = \mathbf{W}_\textrm{hx} \mathbf{x}_t + \mathbf{W}_\textrm{hh} \mathbf{h}_{t-1}
\mathbf{o}_t = \mathbf{W}_\textrm{qh} \mathbf{h}_{t}
l_t = sum((\mathbf{o}_t - \mathbf{y}_t)^2) / 2
loss L = \frac{1}{T} \sum_{t=1}^T l_t
`;

/** d2l.ai §9.7.1: the scalar model h_t = f(x_t, h_{t-1}, w_h), o_t = g(h_t, w_o), with f = tanh(w_h h + w_x x), g = w_o h */
export const D2L_SCALAR = String.raw`T = 4
input  x = [0.6, -0.3, 0.8, -0.5]
target y = [0.2, -0.4, 0.5, 0.1]
param  w_h = 0.7
param  w_x = 0.4
param  w_o = 1.3
h_0 = 0.2
h_t = \tanh(w_h h_{t-1} + w_x x_t)
o_t = w_o h_t
l_t = (o_t - y_t)^2
loss L = \frac{1}{T} \sum_{t=1}^{T} l_t
`;

/** the links of the check tagged `tag` */
export function links(report: Report, tag: string): CheckReport[] {
  const out = report.checks.filter((c) => c.tag === tag);
  expect(out.length, `a check tagged (${tag})`).toBeGreaterThan(0);
  return out;
}

/** every link of the check tagged `tag` has `status`, and its message matches every regex */
export function expectTag(report: Report, tag: string, status: CheckStatus, ...messages: RegExp[]): void {
  for (const l of links(report, tag)) {
    expect(l.status, `(${tag}) link ${l.link ?? 1}: ${l.message}`).toBe(status);
    for (const m of messages) expect(l.message, `(${tag}) link ${l.link ?? 1}`).toMatch(m);
  }
}

/** no error or warning diagnostic: every line read */
export function expectClean(report: Report): void {
  expect(
    report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.line}:${d.column} ${d.message}`),
  ).toEqual([]);
}

/** the network followed by check lines */
export const withChecks = (network: string, ...checks: string[]) => analyze(network + checks.map((c) => `check ${c}\n`).join(''));

/**
 * Pascanu et al. (2013)'s network: n = 3 hidden units, 2 inputs, x_t = W_rec σ(x_{t−1}) + W_in u_t + b
 * (test/textbook/pascanu.test.ts, chainOrder.test.ts)
 */
export const PASCANU = String.raw`T = 4
input  u : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3], [0.5, 0.6]]
target d : 3 = [[0.2, -0.1, 0.4], [0.5, 0.3, -0.6], [-0.2, 0.7, 0.1], [0.3, -0.4, 0.2]]
param  W_in : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W_rec : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  b : 3 = [0.05, -0.11, 0.17]
x_0 = [0.1, -0.2, 0.3]
x_t = W_rec σ(x_{t-1}) + W_in u_t + b
E_t = sum((x_t - d_t)^2) / 2
loss E = Σ_t E_t
`;
