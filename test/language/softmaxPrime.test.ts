// Probe 31 (session 46): Sutskever's do_t = g'(o_t) dz_t with g the softmax was "expected the argument of g, found '''".
// The softmax has no elementwise slope; the message says its derivative is a Jacobian (src/language/softmaxPrime.ts).
import { describe, expect, it } from 'vitest';
import { messages } from './notationHelpers';

const net = (check: string) =>
  [
    'T = 2',
    'input x : 2 = [[1, 0], [0, 1]]',
    'param W : 2x2 = [[0.1, 0.2], [0.3, 0.4]]',
    'g = softmax',
    'o_t = W x_t',
    'z_t = g(o_t)',
    'loss L = Σ_t z_t[1]',
    check,
  ].join('\n');

describe("softmax'(…): the softmax's derivative is a Jacobian", () => {
  it("softmax' and g' (g = softmax) say so, naming the function as written", () => {
    expect(messages(net("check ∂L/∂o_1 = softmax'(o_1)")).join('\n')).toMatch(
      /softmax' is no function: the softmax's derivative is a Jacobian, diag\(s\) − s sᵀ with s = softmax\(o\)/,
    );
    expect(messages(net("check ∂L/∂o_1 = g'(o_1)")).join('\n')).toMatch(/g' is no function: the softmax's derivative is a Jacobian/);
  });
  it("tanh' keeps its reading", () => {
    expect(messages(net("check ∂L/∂o_1 = tanh'(o_1)"))).toEqual([]);
  });
});
