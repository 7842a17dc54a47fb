// Plain TeX's fraction, `{\partial L \over \partial o_3}` (older lecture notes, MathJax reads it): it was "unknown LaTeX
// command \over" and the equation lost. Inside braces it is \frac of the group's two halves — a derivative when both
// start with ∂ — with \frac's precedence ({a + b \over 2} halves the sum); outside braces it is refused, naming \frac.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { SIGMA_NET } from '../probe24/spec24b-network';

describe('{A \\over B}', () => {
  it('is the fraction, a derivative included', () => {
    const r = analyze(
      [
        SIGMA_NET,
        String.raw`check {\partial L \over \partial o_3} = -2(y_3 - o_3)`,
        String.raw`check {\partial L \over \partial o_3} = {-4(y_3 - o_3) \over 2}`,
        String.raw`check {y_3 + o_3 \over 2} = (y_3 + o_3) / 2`,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \sum_t {\partial L \over \partial h_t} h_t (1 - h_t) h_{t-1}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
  });

  it('outside braces it is refused, naming \\frac', () => {
    const r = analyze(`${SIGMA_NET}\ncheck 1 \\over 2 = 0.5`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      String.raw`\over is read inside braces only, {A \over B}: write \frac{A}{B}`,
    ]);
  });

  it('in a Markdown solution', () => {
    const md = ['```rnn', SIGMA_NET, '```', '', '$$' + String.raw`{\partial L \over \partial o_3} = 2(y_3 - o_3) \tag{2}` + '$$'].join(
      '\n',
    );
    const s = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(s.equations.map((e) => [e.tag, e.status])).toEqual([['2', 'fails']]);
    expect(s.equations[0]!.message).toContain('a sign is wrong');
  });
});
