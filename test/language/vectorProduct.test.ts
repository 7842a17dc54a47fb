// Bradbury et al.'s fo-pooled cell across steps: ∂c_T/∂c_t = diag(∏_{s=t+1}^{T} f_s). A ∏ of vectors was "∏ of vectors
// is not defined; use ⊙ or diag"; vectors of one size side by side multiply entry by entry (LANGUAGE.md §4), and so
// does their ∏ now, its empty product the vector of ones (said in an information). The two ∏s whose body is a vector by
// mistake keep their messages (test/textbook/chainOrder.test.ts, probe 28's Britz).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]
param W_f : 2x2 = [[0.3, 0.5], [-0.2, 0.4]]
c_0 = [0.1, -0.2]
f_t = σ(W_f x_t)
c_t = f_t ⊙ c_{t-1} + (1 - f_t) ⊙ x_t
loss L = sum(c_T)
`;

describe('a ∏ of vectors', () => {
  it('is their entrywise product', () => {
    const r = analyze(`${NET}check ∂c_T/∂c_t = diag(∏_{s=t+1}^{T} f_s)\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.some((d) => /∏ of vectors is read entry by entry/.test(d.message))).toBe(true);
  });
  it('a bound one off is named', () => {
    const r = analyze(`${NET}check ∂c_T/∂c_t = diag(∏_{s=t}^{T} f_s)\n`);
    expect(r.checks[0]!.message).toMatch(/has one term too many, s = t/);
  });
});
