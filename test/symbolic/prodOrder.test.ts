// A ∏ of matrices in an equation (P = ∏_{k=1}^{3} W_k, per-step weights) is W_3 W_2 W_1 on the tape, the later
// index on the left; the symbolic engine multiplied it the other way, so its forms of ∂L/∂W_2 never evaluated back
// to the number and were omitted ("no symbolic form evaluated back to the number"). Session 30.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
param W_t : 2x2 = [[[1, 2], [0, 1]], [[1, 0], [3, 1]], [[2, 1], [1, 1]]]
param v : 2 = [1, -1]
P = ∏_{k=1}^{3} W_k
loss L = sum(P v)
check P = W_3 W_2 W_1
derive ∂L/∂W_2
`;

describe('a ∏ of matrices in an equation, symbolically', () => {
  it('multiplies as the tape does, so its forms are given', () => {
    const r = analyze(NET, { forms: true });
    expect(r.checks[0]!.status).toBe('holds');
    const d = r.derives[0]!.results[0]!;
    expect(d.formsOmitted).toBeUndefined();
    expect(d.forms?.chain?.text).toBe('∂L/∂W₂ = ∂L/∂P·∂P/∂W₂ = [[−3, −3], [−2, −2]]');
    expect(d.value).toEqual([
      [-3, -3],
      [-2, -2],
    ]);
  });
});
