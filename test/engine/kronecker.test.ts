// Softmax's Jacobian written entry by entry as σ's slope (session 43): ∂ŷ_i/∂o_j = ŷ_i(1 − ŷ_j) for ŷ_i(δ_ij − ŷ_j). It
// holds on the diagonal and failed with one off-diagonal point's values only; now the diagonal is said, and the 1 that
// δ_ij mends is named where it is one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analysis';

const net = (
  w: number[][] = [
    [0.3, -0.2],
    [0.1, 0.4],
    [0.5, 0.2],
  ],
) => `T = 2
input x : 2 = [[0.5, -1.0], [2.0, 0.1]]
target y : 3 = [[0, 1, 0], [1, 0, 0]]
param W : 3x2 = ${JSON.stringify(w)}
o_t = W x_t
ŷ_t = softmax(o_t)
loss L = -Σ_t Σ_i y_{t,i} log(ŷ_{t,i})
`;

const checks = (text: string) => analyze(text, { graph: false, symbolic: false }).checks;

describe('a Jacobian right on its diagonal only', () => {
  it('ŷ_i(1 − ŷ_j) for softmax: the diagonal is said, and the 1 that δ_ij mends', () => {
    const c = checks(`${net()}check ∂ŷ_{t,i}/∂o_{t,j} = ŷ_{t,i}(δ_{ij} - ŷ_{t,j})\ncheck ∂ŷ_{t,i}/∂o_{t,j} = ŷ_{t,i}(1 - ŷ_{t,j})\n`);
    expect(c.map((x) => x.status)).toEqual(['holds', 'fails']);
    expect(c[1]!.message).toMatch(
      /\. The sides agree only where i = j: the 1 of the right side should be δ_ij \(1 where i = j, else 0\): with that the check holds$/,
    );
  });

  it('no 1 to mend: the term that δ_ij mends is named, else the diagonal alone is said; a side wrong on the diagonal too says nothing of it', () => {
    const c = checks(
      `${net()}check ∂ŷ_{t,i}/∂o_{t,j} = ŷ_{t,i} - ŷ_{t,i} ŷ_{t,j}\ncheck ∂ŷ_{t,i}/∂o_{t,j} = 2 ŷ_{t,i}(1 - ŷ_{t,j})\n` +
        `check ∂ŷ_{t,i}/∂o_{t,j} = ŷ_{t,i} - ŷ_{t,i} ŷ_{t,j} + (ŷ_{t,i} - ŷ_{t,j})\n`,
    );
    expect(c.map((x) => x.status)).toEqual(['fails', 'fails', 'fails']);
    // (probe 50: it said the diagonal alone; ŷ_i δ_ij − ŷ_i ŷ_j is the softmax's Jacobian, so the term is named)
    expect(c[0]!.message).toMatch(/\. The sides agree only where i = j: the term \S+_t\[i\] of the right side should carry δ_ij/);
    expect(c[1]!.message).not.toMatch(/agree only where/);
    expect(c[2]!.message).toMatch(/\. The sides agree only where i = j \(i ≠ j is where they differ\)$/);
  });

  it('at random weights the same: said, and the δ_ij side holds', () => {
    const entry = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.array(entry, { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 }), (w) => {
        const c = checks(`${net(w)}check ∂ŷ_{t,i}/∂o_{t,j} = ŷ_{t,i}(δ_{ij} - ŷ_{t,j})\ncheck ∂ŷ_{t,i}/∂o_{t,j} = ŷ_{t,i}(1 - ŷ_{t,j})\n`);
        expect(c.map((x) => x.status)).toEqual(['holds', 'fails']);
        expect(c[1]!.message).toMatch(/the 1 of the right side should be δ_ij/);
      }),
      { numRuns: 8, seed: 43 },
    );
  });
});

// Williams & Zipser's RTRL (probe 50): ∂y_k(t)/∂w_ij = σ'(s_k(t))[Σ_l w_kl ∂y_l(t−1)/∂w_ij + δ_ik z_j(t−1)] with δ_ik
// left out said where the sides agree only; the term that should carry δ_ik is named now.
describe('a term that only the diagonal should have', () => {
  const rtrl = `T = 2
input x = [0.5, -1.0]
param w : 2x3 = [[0.4, -0.6, 0.7], [0.5, 0.3, -0.2]]
y_0 = [0.2, -0.1]
z_0 = [0.2, -0.1, 0.6]
s_t = w z_{t-1}
y_t = σ(s_t)
z_t = [y_t[1], y_t[2], x_t]
loss J = Σ_t sum(y_t)
`;
  it('names the term and the δ it should carry', () => {
    const c = checks(
      `${rtrl}check ∂y_t[k]/∂w[i, j] = σ'(s_t[k]) (Σ_{l=1}^{2} w[k, l] ∂y_{t-1}[l]/∂w[i, j] + δ_{ik} z_{t-1}[j])\n` +
        `check ∂y_t[k]/∂w[i, j] = σ'(s_t[k]) (Σ_{l=1}^{2} w[k, l] ∂y_{t-1}[l]/∂w[i, j] + z_{t-1}[j])\n`,
    );
    expect(c.map((x) => x.status)).toEqual(['holds', 'fails']);
    expect(c[1]!.message).toMatch(/The sides agree only where \w = \w: the term z_\{t-1\}\[j\] of the right side should carry δ_\w\w/);
  });
});
