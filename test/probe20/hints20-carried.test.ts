// carried.ts looks for an earlier failing check's wrong form in a later check's side only when the form's text (or
// each of its factors' texts) is a piece of the side's text (issue 11): the side's nodes are printed only then. A
// copy nested under any of the printer's wrappings (a bracket, a minus, a power) must still be found, and a side
// that differs from the copy in one step must not be called a copy.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const network = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [0.2, 0.4, -0.1]
param w_f = 0.3
param w_i = -0.5
param w_o = 0.7
param w_g = 0.9
c_0 = 0
h_0 = 0
f_t = σ(w_f (h_{t-1} + x_t))
i_t = σ(w_i (h_{t-1} + x_t))
o_t = σ(w_o (h_{t-1} + x_t))
g_t = tanh(w_g (h_{t-1} + x_t))
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
L_t = 1/2 (h_t - y_t)^2
loss L = Σ_t L_t
check ∂h_t/∂c_t = o_t (1 - tanh(c_t))
`;

const carried = (rhs: string): string => {
  const r = analyze(`${network}check ∂L/∂c_3 = ${rhs}\n`);
  expect(r.checks[0]!.status).toBe('fails');
  return r.checks[1]!.message;
};

const COPY = 'carried over: o_3 (1 − tanh(c_3)) is its wrong form of ∂h_3/∂c_3; with ∂h_3/∂c_3 in its place it holds';

describe('a copied form found wherever the side writes it', () => {
  for (const rhs of [
    '(h_3 - y_3) o_3 (1 - tanh(c_3))',
    '(h_3 - y_3) (o_3 (1 - tanh(c_3)))',
    '-(-((h_3 - y_3) (o_3 (1 - tanh(c_3)))))',
    '((h_3 - y_3) o_3 (1 - tanh(c_3)))^1',
  ])
    it(rhs, () => expect(carried(rhs)).toContain(COPY));

  it('one step different is no copy', () => {
    const m = carried('(h_3 - y_3) o_3 (1 - tanh(c_2))');
    expect(m).toMatch(/^fails/);
    expect(m).not.toContain('carried over');
  });
});
