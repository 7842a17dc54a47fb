// A zero ∂⁺h_k/∂W (W reaching h_k through a named pre-activation a_k) is named with the derivative meant; which
// reading of it makes the check hold is tried and said — one step (the textbook's step-own term) or the total — and
// nothing is said when neither does (src/engine/check/zeroMeant.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const VEC = `T = 3
input x : 2
param W : 3x3
param U : 3x2
param b : 3
h_0 = [0, 0, 0]
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
loss L = Σ_t sum(h_t^2)
`;
const ONE_STEP = "read as a one-step derivative (every node of another step held fixed: the step's own term): with it the check holds";

function check(line: string) {
  const r = analyze(VEC + line);
  return r.checks[r.checks.length - 1]!;
}

describe('the reading meant for a zero ∂⁺', () => {
  it.each([
    'check ∂L/∂W = Σ_t ∂L/∂h_t ∂⁺h_t/∂W',
    'check ∂L/∂b = Σ_k ∂L/∂h_k ∂⁺h_k/∂b',
    'check ∂L/∂W = Σ_t Σ_{k=1}^{t} ∂⁺L/∂h_t ∂h_t/∂h_k ∂⁺h_k/∂W',
  ])('Pascanu-style sums hold with the step-own term: %s', (line) => {
    const c = check(line);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('so the derivative meant is ∂h_');
    expect(c.message).toContain(ONE_STEP);
  });

  it('the total where the sum takes the direct ∂⁺L/∂h_t', () => {
    const c = check('check ∂L/∂W = Σ_t ∂⁺L/∂h_t ∂⁺h_t/∂W');
    expect(c.message).toContain('so the derivative meant is ∂h_t/∂W, the total derivative: with it the check holds');
  });

  it('no reading is claimed where none holds (the total ∂L/∂h_t counts the later steps twice)', () => {
    const c = check('check ∂L/∂W = Σ_t Σ_{k=1}^{t} ∂L/∂h_t ∂h_t/∂h_k ∂⁺h_k/∂W');
    expect(c.message).toMatch(/so the derivative meant is ∂h_k\/∂W$/);
  });
});
