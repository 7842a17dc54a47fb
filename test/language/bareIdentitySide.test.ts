// Clark's CS224n notes write the bias's Jacobian ∂z/∂b = I. A bare I was "unknown name I: the identity matrix is
// written with its size, I_n" even where the side it equals is a square matrix that gives the size (in a sum or a
// product it was already sized by its neighbour). A side that is the bare I now takes the other side's size
// (questions.ts, names.ts bareIdentity).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const NET = `T = 3
input x : 2
param W : 3x3
param U : 3x2
param b : 3
h_0 = [0.1, -0.2, 0.3]
z_t = W h_{t-1} + U x_t + b
h_t = tanh(z_t)
loss s = sum(h_T)
`;

describe('a side that is the bare identity I', () => {
  it('is the identity of the other side’s size', () => {
    const r = analyze(`${NET}check ∂⁺z_t/∂b = I\ncheck ∂⁺z_t/∂b = \\mathbf{I}\ncheck ∂⁺z_t/∂b = I = I_3\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
  });

  it('is judged: the total derivative by a shared b is no identity (one-step), a wrong Jacobian fails', () => {
    const r = analyze(`${NET}check ∂z_t/∂b = I\ncheck ∂⁺z_t/∂h_{t-1} = I\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds-as-one-step', 'fails']);
  });

  it('beside a side that is no square matrix, it still asks for the size', () => {
    const r = analyze(`${NET}check ∂s/∂b = I\n`, FAST);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(
      /unknown name I: the identity matrix is written with its size/,
    );
  });
});
