// A step written below and an entry above (session 35): `∂L/∂W_{ij} = Σ_t δ_t^{(i)} h_{t-1}^{(j)}`, as a course that
// writes steps as subscripts writes an entry. h_{t-1}^{(j)} was read as entry t−1 at step j (the seeds' h_1^{(t)}
// order), "cannot evaluate: index 0 is outside 1..3". When the subscript is a step with a letter (t, T, τ) and the
// superscript has none, the superscript is the entry; h_1^{(t)} is read as before.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2
target y : 2
param W : 3x3
param U : 3x2
param V : 2x3
h_0 = 0
a_t = W h_{t-1} + U x_t
h_t = tanh(a_t)
o_t = V h_t
loss L = Σ_t 1/2 ||o_t - y_t||^2
δ_t = ∂L/∂a_t
`;
const check = (line: string) => analyze(`${NET}check ${line}\n`).checks[0]!;

describe('a step below and an entry above', () => {
  it('is an entry of the value at that step, for a quantity and for a name defined by a derivative', () => {
    expect(check('∂L/∂W_{ij} = Σ_t δ_t^{(i)} h_{t-1}^{(j)}').status).toBe('holds');
    expect(check('∂L/∂W_{ij} = Σ_t δ_{t,i} h_{t-1}^{(j)}').status).toBe('holds');
    expect(check('∂L/∂V_{ij} = Σ_t (o_t^{(i)} - y_t^{(i)}) h_t^{(j)}').status).toBe('holds');
  });

  it('is judged: the entries swapped fail', () => {
    const r = check('∂L/∂W_{ij} = Σ_t δ_t^{(j)} h_{t-1}^{(i)}');
    expect(r.status).toBe('fails');
    expect(r.message).toMatch(/^fails at i = 1, j = 2/);
  });

  it("leaves the seeds' order alone: entry below, step above", () => {
    expect(check('h_2^{(t)} = tanh(a_2^{(t)})').status).toBe('holds');
    expect(check('h_{2}^{(3)} = h_3[2]').status).toBe('holds');
  });
});
