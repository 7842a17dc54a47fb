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

// Mikolov's SCRN writes the context's Jacobian ∂s_t/∂s_{t−1} = αI and ∂s_T/∂s_t = α^{T−t} I: a scale times the bare I
// was "unknown name I" (session 56); it takes the size of the square matrix it equals, as the bare I does.
describe('a side that is a scale times the bare identity', () => {
  const SCRN = `T = 3
input x : 2
param B : 2x2
α = 0.9
s_0 = [0.1, -0.1]
s_t = (1 - α) B x_t + α s_{t-1}
loss L = sum(s_T)
`;
  it('αI, α^{T−t} I and I α are sized by the other side, and judged', () => {
    const r = analyze(
      `${SCRN}check ∂s_t/∂s_{t-1} = α I\ncheck ∂s_T/∂s_t = α^{T-t} I\ncheck ∂s_t/∂s_{t-1} = I α\ncheck ∂s_t/∂s_{t-1} = 2 I\n`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
  });
  it('beside a side that is no square matrix, it still asks for the size', () => {
    const r = analyze(`${SCRN}check ∂L/∂s_1 = α I\n`, FAST);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(
      /unknown name I: the identity matrix is written with its size/,
    );
  });
});
