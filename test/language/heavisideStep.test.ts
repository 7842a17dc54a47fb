// Heaviside's H(z) written for relu's derivative (session 35): `∂h_t/∂a_t = H(a_t)` was "unknown name H — did you mean
// h?". An unknown H right before parentheses said how the step is written; since session 55 (probe 43, Le, Jaitly &
// Hinton's IRNN written with diag(H(z_t))) it is read as the step, with an information.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x = [1, -2]
param w = 0.5
h_0 = 0
a_t = w x_t
h_t = relu(a_t)
loss L = Σ_t h_t
`;

describe("Heaviside's H(…) for relu's derivative", () => {
  it('an H the file does not define, tight against parentheses, is the step: read, and said so', () => {
    const r = analyze(`${NET}check ∂h_t/∂a_t = H(a_t)\ncheck ∂h_t/∂a_t = H(-a_t)\n`);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "H(…) is read as Heaviside's step function, 1 where its argument is positive and 0 elsewhere: relu's derivative, relu'(…)",
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    // the step of the negated argument is named as a sign turned in the argument
    expect(r.checks[1]!.message).toContain('relu′(−a_t) should be relu′(a_t): with that sign the check holds');
  });

  it("the spellings it names hold; a file's own H is read as the file defines it", () => {
    expect(analyze(`${NET}check ∂h_t/∂a_t = relu'(a_t)\ncheck ∂h_t/∂a_t = 1_{a_t > 0}\n`).checks.map((c) => c.status)).toEqual([
      'holds',
      'holds',
    ]);
    const own = analyze(`${NET}param H = 2\ncheck ∂h_t/∂a_t = H(a_t)\n`);
    expect(own.diagnostics.some((d) => /Heaviside/.test(d.message))).toBe(false);
  });
});
