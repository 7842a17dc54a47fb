// δ_t = ∂L/∂a_t: a name the student defines by a derivative, read in derive and check lines as its right side
// at the step of each use (docs/language-notes.md, "Names defined by a derivative").
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { errors } from './helpers';

const NET = `T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  w = 0.8
param  u = 0.3
h_0 = 0
a_t = w h_{t-1} + u x_t
h_t = tanh(a_t)
L_t = \\frac{1}{2}(h_t - y_t)^2
loss L = \\sum_t L_t
`;

describe('a name defined by a derivative', () => {
  it('δ_t = ∂L/∂a_t is used by later checks, at any step written on it, and by other such names', () => {
    const r = analyze(
      NET +
        [
          '\\delta_t = \\frac{\\partial L}{\\partial a_t}',
          'check ∂L/∂w = \\sum_t δ_t h_{t-1}',
          'check δ_T = (h_T - y_T)(1 - h_T^2)',
          'check δ_t = ((h_t - y_t) + δ_{t+1} w)(1 - h_t^2) \\quad \\text{for } t < T',
          'check δ^{(2)} = ∂L/∂a_2',
          'g = ∂L/∂w',
          'check g = \\sum_{t=1}^{T} δ_t h_{t-1}',
          'ε_t = 2 δ_t',
          'check ε_1 = 2 ∂L/∂a_1',
        ].join('\n'),
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'holds']);
  });

  it('a wrong derivation with it fails, naming the step', () => {
    const r = analyze(`${NET}δ_t = ∂L/∂a_t\ncheck δ_t = (h_t - y_t)(1 - h_t^2) + δ_{t+1} w \\quad \\text{for } t < T\n`);
    expect(errors(r)).toEqual([]);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/^fails at t = \d/);
  });

  it('derive δ_t answers per step, as derive ∂L/∂a_t does', () => {
    const r = analyze(`${NET}δ_t = ∂L/∂a_t\nderive δ_t\nderive ∂L/∂a_t\n`);
    expect(errors(r)).toEqual([]);
    const [d, e] = r.derives;
    expect(d!.results.map((x) => x.value)).toEqual(e!.results.map((x) => x.value));
    expect(d!.results.map((x) => x.t)).toEqual([1, 2, 3]);
  });

  it('is no quantity of the network: a network equation, a missing step, one step, itself and a twin are named', () => {
    const msgs = (tail: string) => errors(analyze(NET + 'δ_t = ∂L/∂a_t\n' + tail)).map((d) => d.message);
    expect(msgs('z = w + δ_1\nc_t = h_t + δ_t\ncheck c_1 = 1\n')).toEqual([]);
    expect(msgs('z_t = h_t\nq_t = z_t + 1\ncheck δ = 1\n')).toEqual(['δ is defined for every step (line 11): write its step, as in δ_t']);
    expect(msgs('check h_2 = 1\na_2 = ∂L/∂w\n')).toContain('derivative terms belong in derive and check lines, not in equations');
    // k_2 with no k_t is a name of its own (as W_2 is): one value, defined by a derivative
    expect(msgs('k_2 = ∂L/∂w\ncheck k_2 = ∂L/∂w\n')).toEqual([]);
    expect(msgs('ε_t = δ_t + ε_{t+1}\ncheck ε_1 = 1\n')).toEqual([
      'ε is defined in terms of itself (line 12): a name for a derivative is read out, not solved — check the recursion instead (check ε_t = …)',
    ]);
    expect(msgs('δ_t = ∂L/∂h_t\n')).toEqual(['δ is defined twice (first on line 11)']);
    // a name of the network given a derivative as well: refused as before, and nothing else changes
    expect(msgs('a_t = ∂L/∂h_t\n')).toEqual(['a_t is defined twice (first on line 7)']);
  });

  it('a network equation that uses it is refused, at the use', () => {
    const r = analyze(`${NET}δ_t = ∂L/∂a_t\nloss M = L + δ_1\n`);
    expect(errors(r).map((d) => d.message)).toContain(
      "δ is defined by a derivative on line 11: it can be used in derive and check lines, not in the network's equations",
    );
  });
});
