// The slope of |w| as an L1 penalty's gradient is written, `\mathrm{sign}(w)`, `\operatorname{sgn}(w)`: it was "unknown
// name sign", saying nothing of what to write. The language has no sign; the message now names x/|x|, which reads.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 2
input x = [0.5, -1]
param W_hh = 0.8
h_0 = 0
h_t = tanh(W_hh h_{t-1} + x_t)
loss L = \sum_t h_t^2 + 0.1 |W_{hh}|`;

describe('sign and sgn', () => {
  it('are named with what to write, which holds', () => {
    const r = analyze(
      [
        NET,
        String.raw`check \frac{\partial (0.1 |W_{hh}|)}{\partial W_{hh}} = 0.1 \mathrm{sign}(W_{hh})`,
        String.raw`check \frac{\partial (0.1 |W_{hh}|)}{\partial W_{hh}} = 0.1 \operatorname{sgn}(W_{hh})`,
        String.raw`check \frac{\partial (0.1 |W_{hh}|)}{\partial W_{hh}} = 0.1 W_{hh}/|W_{hh}|`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'unknown name sign: sign(x), the slope of |x|, is not a function of the language — write x/|x| (equal away from 0)',
      'unknown name sgn: sgn(x), the slope of |x|, is not a function of the language — write x/|x| (equal away from 0)',
    ]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
