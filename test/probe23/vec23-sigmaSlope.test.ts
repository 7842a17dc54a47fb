// A σ RNN's Jacobian written with tanh's slope, diag(1 − h_t²) W_hh (copied from a tanh RNN): it failed with only
// the two values. The slope hint, which named σ's slope written for tanh's, now names the other way round too.
import { describe, expect, it } from 'vitest';
import { solutionVerdicts } from './vec23-network';

const verdicts = solutionVerdicts('σ of a_t');

describe("tanh's slope written for a σ", () => {
  it("σ's slope holds, in its spellings", () => {
    const v = verdicts(
      '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(\\sigma(a_t)(1-\\sigma(a_t))) W_{hh}',
      '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(h_t \\odot (1-h_t)) W_{hh}',
      "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(\\sigma'(a_t)) W_{hh}",
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'holds', 'holds']);
  });

  it('1 − h_t² for a σ h_t fails, naming the slope', () => {
    const [v] = verdicts('\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(1-h_t^2) W_{hh}');
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain("1 − h_t^2 should be h_t ⊙ (1 − h_t) (that is tanh's slope 1 − tanh²; σ' is σ(1 − σ))");
  });
});
