// The paths through one node inside the graph left out (interiorPaths.ts): an LSTM's truncated gradient — the
// cell's recursion ∂c_t/∂w = f_t ∂c_{t−1}/∂w + … without the paths through h_{t−1}, which enter c_t through its four
// gates — failed with its values alone (session 53; Gers et al.'s m5 in probe 38 is the same cut).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';
import { failingMessage } from './toyNets';

const lstm = (w: number[]) => `T = 4
input x = [1.0, -0.5, 0.3, 0.8]
target y = [0.2, -0.1, 0.3, 0.4]
param w_ix = ${w[0]}
param w_ih = ${w[1]}
param w_fx = ${w[2]}
param w_fh = ${w[3]}
param w_ox = ${w[4]}
param w_oh = ${w[5]}
param w_gx = ${w[6]}
param w_gh = ${w[7]}
h_0 = 0
c_0 = 0
i_t = σ(w_ix x_t + w_ih h_{t-1})
f_t = σ(w_fx x_t + w_fh h_{t-1})
o_t = σ(w_ox x_t + w_oh h_{t-1})
g_t = tanh(w_gx x_t + w_gh h_{t-1})
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
`;

const NET = lstm([0.5, -0.4, 0.3, 0.6, -0.2, 0.7, 0.9, -0.5]);
const TRUNCATED = `∂c_3/∂w_ix = f_3 ∂c_2/∂w_ix + g_3 σ'(w_ix x_3 + w_ih h_2) x_3`;

describe('the paths through one node inside the graph left out', () => {
  it('names the step before’s h, at one step with its value and at a free t without', () => {
    expect(failingMessage(NET, TRUNCATED)).toMatch(
      /The other side leaves out the paths through h_2: the term ∂c_3\/∂h_2·∂h_2\/∂w_ix = -0\.0215\d*$/,
    );
    expect(failingMessage(NET, `∂c_t/∂w_ix = f_t ∂c_{t-1}/∂w_ix + g_t σ'(w_ix x_t + w_ih h_{t-1}) x_t for t = 2..T`)).toMatch(
      /leaves out the paths through h_\{t-1\}: the term ∂c_t\/∂h_\{t-1\}·∂h_\{t-1\}\/∂w_ix$/,
    );
    // through h_t's equation as well: the cell's truncated part inside h_t's total
    expect(
      failingMessage(NET, `∂h_t/∂w_gx = o_t tanh'(c_t) (f_t ∂c_{t-1}/∂w_gx + i_t tanh'(w_gx x_t + w_gh h_{t-1}) x_t) for t = 2..T`),
    ).toMatch(/leaves out the paths through h_\{t-1\}/);
  });

  it('the same sides with the part through h_{t−1} written hold', () => {
    const r = analyze(`${NET}check ∂c_3/∂w_ix = f_3 ∂c_2/∂w_ix + g_3 σ'(w_ix x_3 + w_ih h_2) x_3 + ∂c_3/∂h_2 ∂h_2/∂w_ix\n`, {
      graph: false,
    });
    expect(r.checks[0]!.status).toBe('holds');
  });

  it('says nothing of paths where the other side is no total less one node’s paths', () => {
    // a factor wrong (i_3 for g_3) is no cut: whatever is said, no node's paths are named
    expect(failingMessage(NET, `∂c_3/∂w_ix = f_3 ∂c_2/∂w_ix + i_3 σ'(w_ix x_3 + w_ih h_2) x_3 + ∂c_3/∂h_2 ∂h_2/∂w_ix`)).not.toMatch(
      /leaves out the paths through/,
    );
  });

  it('at random weights, the part named is the difference of the sides', () => {
    // weights away from 0, where the gates still read h_{t−1} and the cut part is not 0
    const weight = fc.tuple(fc.double({ min: 0.2, max: 1.5, noNaN: true }), fc.boolean()).map(([a, neg]) => (neg ? -a : a));
    fc.assert(
      fc.property(fc.array(weight, { minLength: 8, maxLength: 8 }), (w) => {
        const c = analyze(`${lstm(w)}check ${TRUNCATED}\n`, { graph: false }).checks[0]!;
        expect(c.status).toBe('fails');
        const m = /the left side is (\S+), the right side (\S+) .*leaves out the paths through h_2: the term .* = (\S+)$/.exec(c.message);
        expect(m, c.message).not.toBeNull();
        const [l, rr, part] = [Number(m![1]), Number(m![2]), Number(m![3])];
        expect(Math.abs(l - rr - part)).toBeLessThan(1e-4 * Math.max(1, Math.abs(part)) + 1e-5);
      }),
      { numRuns: 25, seed: 53 },
    );
  });
});
