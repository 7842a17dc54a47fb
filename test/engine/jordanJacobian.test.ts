// A Jordan network's backward recursion with the step's Jacobian left out (session 35, read34's leftover): the output
// is fed back, so y_t reaches y_{t+1} through h_{t+1} (two edges) and the term matcher has no one edge to name;
// `∂E/∂y_t = (y_t − d_t) + ∂E/∂y_{t+1}` failed with the values only.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target d = [0.2, 0.4, -0.1]
param w = 0.7
param u = 0.4
param v = 1.3
y_0 = 0
h_t = tanh(w x_t + u y_{t-1})
y_t = v h_t
loss E = 0.5 Σ_t (y_t - d_t)^2
`;

const check = (line: string) => analyze(`${NET}check ${line}\n`).checks[0]!;

describe("a Jordan network's backward recursion", () => {
  it('∂E/∂y_{t+1} without ∂y_{t+1}/∂y_t: the factor is named, with its one-step factors and value', () => {
    const c = check('∂E/∂y_t = (y_t - d_t) + ∂E/∂y_{t+1}');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /The term ∂E\/∂y_\{t\+1\} leaves out the factor ∂y_\{t\+1\}\/∂y_t \(y_t reaches y_\{t\+1\} through h_\{t\+1\}: ∂y_\{t\+1\}\/∂h_\{t\+1\} ∂h_\{t\+1\}\/∂y_t, 0.399385 at t = 1\): with it the check holds$/,
    );
  });

  it('the same recursion by h: the factor goes through y_t', () => {
    const c = check('∂E/∂h_t = v (y_t - d_t) + ∂E/∂h_{t+1}');
    expect(c.message).toMatch(/leaves out the factor ∂h_\{t\+1\}\/∂h_t \(h_t reaches h_\{t\+1\} through y_t: /);
  });

  it('a chain of factors broken off before y_t: its last link is named', () => {
    const c = check('∂E/∂y_t = (y_t - d_t) + ∂E/∂y_{t+1} ∂y_{t+1}/∂h_{t+1}');
    expect(c.message).toMatch(
      /The term ∂E\/∂y_\{t\+1\} ∂y_\{t\+1\}\/∂h_\{t\+1\} leaves out the factor ∂h_\{t\+1\}\/∂y_t \(0.307219 at t = 1\): with it the check holds$/,
    );
  });

  it('a vector network: the gradient times the Jacobian (as a row), named without a number', () => {
    const net = `T = 3
input x : 2 = [[0.5, 1], [-1.0, 0.3], [2.0, -0.4]]
target d : 2 = [[0.2, 0.1], [0.4, -0.3], [-0.1, 0.5]]
param W : 2x2 = [[0.7, -0.2], [0.1, 0.5]]
param U : 2x2 = [[0.4, 0.3], [-0.2, 0.6]]
param V : 2x2 = [[1.3, 0.2], [-0.5, 0.9]]
y_0 = [0, 0]
h_t = tanh(W x_t + U y_{t-1})
y_t = V h_t
loss E = 0.5 Σ_t sum((y_t - d_t)^2)
`;
    const c = analyze(`${net}check ∂E/∂y_t = (y_t - d_t) + ∂E/∂y_{t+1}\n`).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /The term ∂E\/∂y_\{t\+1\} leaves out the factor ∂y_\{t\+1\}\/∂y_t \(y_t reaches y_\{t\+1\} through h_\{t\+1\}: ∂y_\{t\+1\}\/∂h_\{t\+1\} ∂h_\{t\+1\}\/∂y_t\): with it the check holds$/,
    );
  });

  it('the right recursion holds; a factor written wrong is not called left out', () => {
    expect(check('∂E/∂y_t = (y_t - d_t) + ∂E/∂y_{t+1} v (1 - h_{t+1}^2) u').status).toBe('holds');
    expect(check('∂E/∂y_t = (y_t - d_t) + ∂E/∂y_{t+1} ∂y_{t+1}/∂y_t').status).toBe('holds');
    const c = check('∂E/∂y_t = (y_t - d_t) + 2 ∂E/∂y_{t+1}');
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/leaves out the factor ∂y/);
  });
});
