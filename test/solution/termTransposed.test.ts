// A GRU's ∂L/∂h_{t-1} written as blog posts write it, with one weight's transpose left out (session 34): the term
// matcher named the term and the path it should be ("is no path from h_1 to L and no term covers the path h_1 → z_2 →
// h_2 → L") but not the factor, since a transpose is no other edge of the path.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 2
input x : 2
param W_z : 2x2
param U_z : 2x2
param W_r : 2x2
param U_r : 2x2
param W_h : 2x2
param U_h : 2x2
param v : 2
h_0 = [0.2, -0.1]
z_t = σ(W_z x_t + U_z h_{t-1})
r_t = σ(W_r x_t + U_r h_{t-1})
\tilde{h}_t = tanh(W_h x_t + U_h (r_t \odot h_{t-1}))
h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t
loss L = v^\top h_T
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) =>
  analyzeSolution(`# GRU\n\n${NET}\n${eqs.map((x) => `$$${x}$$\n`).join('\n')}`, 'markdown').equations.map((x) => x.checks[0]!);

const dh1 = (uz: string, ur: string) =>
  String.raw`dh_1 = dh_2 \odot z_2 + ${uz} (dz_2 \odot z_2 \odot (1 - z_2)) + ${ur} (dr_2 \odot r_2 \odot (1 - r_2)) + r_2 \odot U_h^\top (d\tilde{h}_2 \odot (1 - \tilde{h}_2^2))`;

describe("a term with one weight's transpose left out", () => {
  it('U_z for U_zᵀ is named at the term', () => {
    const [right, wrong] = solve(dh1(String.raw`U_z^\top`, String.raw`U_r^\top`), dh1('U_z', String.raw`U_r^\top`));
    expect(right!.status).toBe('holds');
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(/no term covers the path h_1 → z_2 → h_2 → L: U_z should be U_zᵀ$/);
  });

  it('a transpose written where none belongs is named too', () => {
    const [c] = solve(String.raw`\frac{\partial z_2}{\partial h_1} = \operatorname{diag}(z_2 \odot (1 - z_2)) U_z^\top`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(/U_zᵀ should be U_z/);
  });
});
