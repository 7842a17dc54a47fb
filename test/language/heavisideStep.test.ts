// Heaviside's H(z) written for relu's derivative (session 35): `∂h_t/∂a_t = H(a_t)` was "unknown name H — did you mean
// h?". An unknown H right before parentheses now says how the step is written.
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
  it('unknown H(…): how the step is written', () => {
    const r = analyze(`${NET}check ∂h_t/∂a_t = H(a_t)\n`);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "unknown name H: if H(…) is Heaviside's step function (relu's derivative, 1 where its argument is positive), write relu'(…) or 1_{… > 0}",
    );
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
