// Verdicts and culprits of checks (session 15, check15): one diagnostic for a refused declaration value, a wrong
// index inside a Σ named, a ∏ of vector Jacobians judged factor by factor, a non-scalar loss said once, and one
// table of activation → derivative for the hints. The networks are a test author's own.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { ACTIVATIONS, activation, unprimed } from '../../src/language/activations';

/** the message of the one check of a network with that check line appended */
function verdict(net: string, check: string): { status: string; message: string } {
  const r = analyze(`${net}\ncheck ${check}\n`);
  expect(r.checks).toHaveLength(1);
  return r.checks[0]!;
}

describe('a refused declaration value is one diagnostic (check15 gap 4)', () => {
  const text = `T = 3
input x : 2 = [[1, 2], [3], [4, 5]]
param W : 2x2 = [[1, 2], [3]]
param v : 3 = [1, 2]
input z = [1, 2]
param u
h_0 = 0
h_t = tanh(sum(W x_t) + v[1] + z_t + u h_{t-1})
loss L = h_T
`;
  it('is not listed again under "no value given"; a name written without a value still is', () => {
    const r = analyze(text);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line);
    expect(errors).toEqual([2, 3, 4, 5]);
    const info = r.diagnostics.filter((d) => d.code === 'sampled');
    expect(info).toHaveLength(1);
    expect(info[0]!.message).toMatch(/^no value given for u: /);
    expect(info[0]!.line).toBe(6);
  });
  it('no "no value given" at all when every sampled name was refused', () => {
    const r = analyze(`T = 2\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = h_T\n`);
    expect(r.diagnostics.some((d) => d.code === 'sequence-length')).toBe(true);
    expect(r.diagnostics.some((d) => d.code === 'sampled')).toBe(false);
  });
});

describe('one table of activation → derivative (check15 gap 5)', () => {
  it('maps σ, tanh and relu to their primes and back', () => {
    expect(activation('sigma')?.prime).toBe('dsigma');
    expect(activation('tanh')?.written).toBe("tanh'");
    expect(activation('exp')).toBeUndefined();
    expect(activation('constructor')).toBeUndefined();
    expect(unprimed('drelu')).toBe('relu');
    expect(unprimed('sigma')).toBeUndefined();
    expect(Object.keys(ACTIVATIONS).sort()).toEqual(['relu', 'sigma', 'tanh']);
  });
  it("its users keep their messages: σ for σ', σ' for tanh'", () => {
    const net = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.7
param u = 0.4
h_0 = 0.2
h_t = tanh(w h_{t-1} + u x_t)
loss L = h_T`;
    expect(verdict(net, '∂h_t/∂h_{t-1} = tanh(w h_{t-1} + u x_t) w').message).toMatch(/tanh'|tanh′/);
    expect(verdict(net, "∂h_t/∂h_{t-1} = σ'(w h_{t-1} + u x_t) w").message).toMatch(/σ' should be tanh'/);
  });
});
