// Probe 42 (session 55): Kevin Clark's CS224n notes "Computing Neural Network Gradients" on one RNN step — Jacobians in
// numerator layout, δ = ∂s/∂z as a row, the shape convention ∂s/∂W = δᵀxᵀ, the operator ∂/∂h (uᵀh), bold letters.
// The bias's Jacobian ∂z/∂b = I was "unknown name I: … written with its size" (a side that is the bare I now takes the
// other side's size: questions.ts, names.ts bareIdentity).
import { describe, expect, it } from 'vitest';
import { read42 } from './read42';

describe('Clark’s CS224n gradient notes, on an RNN step', () => {
  const { r, v } = read42('clark-gradients.md');
  it('every equation reads; the identities, δ’s recursion and the shape convention hold', () => {
    expect(r.checked).toBe(25);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '14', '15', '16', '17', '18', '19'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it('∂z_t/∂b = I is the one-step Jacobian: b’s other copies reach z_t through h_{t-1}', () => {
    expect(v['13']!.status).toBe('holds-as-one-step');
    expect(v['13']!.message).toMatch(/with ∂z_t\/∂b read as one-step derivative/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['e1']!.message).toMatch(/z_\{t-1\} should be z_t: with that step the check holds/);
    expect(v['e2']!.message).toMatch(/Wᵀ should be W: with that transpose the check holds/);
    expect(v['e3']!.message).toMatch(/the outer product is written with the gradient first and the other factor transposed/);
    expect(v['e4']!.message).toMatch(/leaves out the paths through z_1 and z_2/);
    expect(v['e5']!.message).toMatch(/1 − h_T should be 1 − h_T\^2 \(tanh' is 1 − tanh², the square is missing\)/);
    expect(v['e6']!.message).toMatch(/x_\{t-1\} should be x_t: with that step the check holds/);
  });
});
