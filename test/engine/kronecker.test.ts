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

  it('no 1 to mend: the diagonal alone is said; a side wrong on the diagonal too says nothing of it', () => {
    const c = checks(`${net()}check ∂ŷ_{t,i}/∂o_{t,j} = ŷ_{t,i} - ŷ_{t,i} ŷ_{t,j}\ncheck ∂ŷ_{t,i}/∂o_{t,j} = 2 ŷ_{t,i}(1 - ŷ_{t,j})\n`);
    expect(c.map((x) => x.status)).toEqual(['fails', 'fails']);
    expect(c[0]!.message).toMatch(/\. The sides agree only where i = j \(i ≠ j is where they differ\)$/);
    expect(c[1]!.message).not.toMatch(/agree only where/);
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
