// The small networks and the one-check helper of the culprit tests (the messages a failing check gives).
import { expect } from 'vitest';
import { analyze } from '../../src/analysis';
import type { CheckReport } from '../../src/report';

/** a scalar RNN with its pre-activation named, so that a node sits between h_{t-1} and h_t */
export const SCALAR_RNN = (T: number) => `T = ${T}
input  x = ${JSON.stringify([0.5, -1.0, 2.0, 0.3].slice(0, T))}
target y = ${JSON.stringify([1, 0, 1, 0].slice(0, T))}
param  w = 0.8
param  u = 0.3
h_0 = 0.1
a_t = w h_{t-1} + u x_t
h_t = tanh(a_t)
loss L = Σ_t (h_t - y_t)^2 / 2
`;

/** a two-unit RNN whose W is not symmetric: a transpose left out changes the value */
export const VECTOR = `T = 2
input  x : 2 = [[1, 0], [0.5, -1]]
param  W : 2x2 = [[0.4, -0.7], [0.3, 0.5]]
param  U : 2x2 = [[0.2, 0.1], [-0.3, 0.6]]
h_0 = [0.2, -0.1]
h_t = tanh(W h_{t-1} + U x_t)
loss L = sum(h_T)
`;

/** the network followed by one check line, analysed with two draws: that check's one result */
export function checkOne(net: string, line: string): CheckReport {
  const r = analyze(`${net}check ${line}\n`, { draws: 2 });
  expect(r.checks.length, JSON.stringify(r.diagnostics)).toBe(1);
  return r.checks[0]!;
}
