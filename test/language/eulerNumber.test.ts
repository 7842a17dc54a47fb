// e^{x} as sheets write the logistic and tanh: Euler's number when the file defines no e.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { errors } from './helpers';

const NET = `T = 2
input x = [0.5, -1]
param w = 0.3
param u = 0.7
h_0 = 0.1
z_t = w h_{t-1} + u x_t
h_t = \\tanh(z_t)
loss L = \\sum_t \\frac{1}{2} h_t^2
`;

describe('e^{x}', () => {
  it('is exp(x): σ and tanh written with e hold at every draw', () => {
    const r = analyze(
      `${NET}check h_t = \\frac{e^{z_t} - e^{-z_t}}{e^{z_t} + e^{-z_t}}\ncheck \\sigma(z_t) = \\frac{1}{1 + e^{-z_t}}\ncheck ∂h_t/∂z_t = \\frac{4}{(e^{z_t} + e^{-z_t})^2}\n`,
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
  });

  it('a file that defines e keeps its own e', () => {
    // the parameter e is redrawn: 2^{z_1} holds at the file's value e = 2 only (exp would fail there)
    const r = analyze(`${NET}param e = 2\ncheck e^{z_1} = 2^{z_1}\n`);
    expect(errors(r)).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds-at-given-values');
  });
});
