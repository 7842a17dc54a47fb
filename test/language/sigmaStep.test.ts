// Ba, Kiros & Hinton write the layer's standard deviation at step t as σ^t. The lexer reads σ as the sigmoid, so
// `σ^t = √(…)` was "expected the argument of σ, found '^'". A σ with a step over it (t, T ± k, in braces or
// parentheses) and no argument after it is a name: the sequence σ the file defines (σ_t = …), or an unknown name.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x = [0.5, -1.0]
param W : 3 = [0.6, -0.4, 0.9]
a_t = W x_t
μ_t = mean(a_t)
σ_t = sqrt(mean((a_t - μ_t)^2))
loss L = sum(a_T) + σ_T
`;

describe('σ with a step over it', () => {
  it('is the sequence σ the file defines', () => {
    for (const s of ['σ^t', '\\sigma^{t}', '\\sigma^{(t)}']) {
      const r = analyze(`${NET}check ${s} = sqrt(mean((a_t - μ_t)^2))\n`);
      expect(
        r.checks.map((c) => c.status),
        s,
      ).toEqual(['holds']);
    }
  });
  it('σ applied to an argument stays the sigmoid', () => {
    const r = analyze(`${NET}check σ(a_t) = 1/(1 + exp(-a_t))\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
