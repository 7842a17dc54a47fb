// The logistic sigmoid as Zaremba et al.'s LSTM (and many lecture notes) write it, `sigm` (`\operatorname{sigm}`,
// `\mathrm{sigm}'(z)`): it was "unknown name sigm" and the equation lost; it is σ, as `sigmoid` is. Wikipedia's LSTM
// writes the gates' sigmoid σ_g (σ_c and σ_h for tanh): the message for an unnamed σ_g now suggests `σ_g = σ`, not tanh.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { functionKey } from '../../src/extension/hover/functionRules';
import { SIGMA_NET } from '../probe24/spec24b-network';

describe('sigm is the sigmoid', () => {
  it('in a check, with its prime, in \\operatorname and \\mathrm', () => {
    const r = analyze(
      [
        SIGMA_NET,
        String.raw`check \frac{\partial h_t}{\partial h_{t-1}} = \operatorname{sigm}'(x_t + W_{hh} h_{t-1}) W_{hh}`,
        String.raw`check \frac{\partial h_t}{\partial h_{t-1}} = \mathrm{sigm}(x_t + W_{hh} h_{t-1})(1 - \mathrm{sigm}(x_t + W_{hh} h_{t-1})) W_{hh}`,
        'check h_t = sigm(x_t + W_hh h_{t-1})',
        String.raw`check \frac{\partial h_t}{\partial h_{t-1}} = \operatorname{sigm}'(x_t + W_{hh} h_{t-1})`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(r.checks[3]!.message).toContain('leaves out the factor W_hh');
  });

  it('in the network, and its hover is σ′', () => {
    const r = analyze(SIGMA_NET.replace('h_t = σ(', 'h_t = sigm(') + '\ncheck h_t = σ(x_t + W_hh h_{t-1})');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(functionKey('sigm')).toBe('sigma');
    expect(functionKey("sigm'")).toBe('dsigma');
  });

  it('an unnamed σ_g suggests σ_g = σ, σ_c tanh', () => {
    const r = analyze('T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nf_t = σ_g(w x_t)\nh_t = σ_c(f_t h_{t-1} + x_t)');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'unknown name σ_g: if it is an activation, name it once on a line of its own (σ_g = σ)',
      'unknown name σ_c: if it is an activation, name it once on a line of its own (σ_c = tanh)',
    ]);
  });
});
