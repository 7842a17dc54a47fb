// The networks of the coincidence tests: an exercise sheet's toy values (h_0 = 0, x_1 = 1, w = 0.5, 0/1 targets), where
// a wrong side often equals another formula by coincidence, and the same network at generic values.

import { expect } from 'vitest';
import { analyze } from '../../src/index';

export const TOY = `T = 2
input x = [1, 2]
param w = 0.5
h_0 = 0
h_t = w h_{t-1} + x_t
loss L = Σ_t h_t
`;

export const GENERIC = `T = 2
input x = [1.3, 2.1]
param w = 0.61
h_0 = 0.37
h_t = w h_{t-1} + x_t
loss L = Σ_t h_t
`;

/** 0/1 targets, as seed 001's t_t */
export const BINARY = `T = 3
input x = [1, 0, 1]
target y = [0, 1, 1]
param w = 1
param u = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
`;

/** the message of `check` under `net`, which must fail */
export function failingMessage(net: string, check: string): string {
  const r = analyze(`${net}check ${check}\n`, { graph: false });
  expect(r.checks[0]!.status, check).toBe('fails');
  return r.checks[0]!.message;
}
