// A side that keeps only some of the inputs of A's own equation (seed 001 eq. (29): ∂L/∂W_xh written as
// L_1's term alone, L = L_1 + L_2 + L_3): the message names every input left out, with their sum's value,
// and that value is the autodiff's ∂L_2/∂W_xh + ∂L_3/∂W_xh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const network = (wxh: number, whh: number) => `T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  W_xh = ${wxh}
param  W_hh = ${whh}
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1})
o_t = h_t
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
`;

/** a weight in ±[0.05, 1.5], two decimals */
const weight = fc.integer({ min: 5, max: 150 }).chain((v) => fc.constantFrom(v / 100, -v / 100));

describe('a side that leaves out several inputs of the equation', () => {
  it('names them in step order with the value of their sum, which autodiff confirms', () => {
    fc.assert(
      fc.property(weight, weight, (wxh, whh) => {
        const text = network(wxh, whh);
        const r = analyze(`${text}check ∂L/∂W_xh = ∂L_1/∂W_xh\nderive ∂L_2/∂W_xh\nderive ∂L_3/∂W_xh\n`);
        const [l2, l3] = r.derives.map((d) => d.results[0]!.value as number);
        const check = r.checks[0]!;
        expect(check.status).toBe('fails');
        const m = /The right side leaves out (∂L_2\/∂W_xh(?: \+ ∂L_3\/∂W_xh)?) = (\S+)/.exec(check.message);
        expect(m, check.message).not.toBeNull();
        // L_3's part is named unless it vanishes (a saturated tanh at step 3)
        const both = m![1]!.includes('L_3');
        if (!both) expect(Math.abs(l3!)).toBeLessThan(1e-6);
        // printed to 4 significant digits
        const sum = l2! + (both ? l3! : 0);
        expect(Math.abs(Number(m![2]!.replace('−', '-')) - sum)).toBeLessThanOrEqual(5e-4 * Math.max(1e-3, Math.abs(sum)));
      }),
      { numRuns: 25 },
    );
  });

  it('one input left out keeps its own message', () => {
    const r = analyze(`${network(0.3, 0.8)}check ∂L/∂W_xh = ∂L_1/∂W_xh + ∂L_2/∂W_xh\n`);
    expect(r.checks[0]!.message).toMatch(/The right side leaves out ∂L_3\/∂W_xh = /);
  });
});
