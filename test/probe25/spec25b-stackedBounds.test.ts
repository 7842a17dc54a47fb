// A Σ's bounds stacked by hand, `\overset{T}{\underset{t=1}{\sum}}` (MathJax answers, some lecture notes), were two
// "unknown LaTeX command" errors, as if typos. They are now said once on the line, naming the sub/superscript form;
// `\sum\limits_{t=1}^{T}` reads as before.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 2
input x = [0.5, -1]
target y = [0.2, 0.1]
param W_hh = 0.8
h_0 = 0
h_t = tanh(W_hh h_{t-1} + x_t)
loss L = \sum_t (h_t - y_t)^2`;

describe('\\overset and \\underset', () => {
  it('are named once on a line', () => {
    const r = analyze(
      [
        NET,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \overset{T}{\underset{t=1}{\sum}} \frac{\partial L}{\partial h_t} (1-h_t^2) h_{t-1}`,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \underset{t}{\sum} \frac{\partial L}{\partial h_t} (1-h_t^2) h_{t-1}`,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \sum\limits_{t=1}^{T} \frac{\partial L}{\partial h_t} (1-h_t^2) h_{t-1}`,
      ].join('\n'),
    );
    const said = (c: string) =>
      `\\${c} (bounds stacked by hand) is not read: write a Σ's or ∏'s bounds as its sub- and superscript, \\sum_{t=1}^{T}`;
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([said('overset'), said('underset')]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
