// Σ^{T}_{t=1} and ∏^{t}_{j=k+1}: LaTeX sets a big operator's bounds the same in either order, and students write
// both. Until session 19 the superscript-first order was "expected a value, found '_'" — in a .rnn check and in a
// solution, where the equation was skipped. Each order must give the same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const block = [
  'T = 4',
  'input x = [0.5, -1.0, 2.0, 0.3]',
  'target y = [0.1, 0.4, -0.2, 0.3]',
  'param w = 0.8',
  'param u = 0.3',
  'h_0 = 0.2',
  'h_t = tanh(w h_{t-1} + u x_t)',
  'L_t = \\frac{1}{2} (h_t - y_t)^2',
  'loss L = \\sum_t L_t',
];

describe('a big operator with its upper bound first', () => {
  it('Σ^T_{t=1}, Σ^{T}_{t=1}, ∏^{3}_{j=2} and \\sum\\limits^T_{t=1} read as with the lower bound first', () => {
    const r = analyze(
      [
        ...block,
        'check L = \\sum^T_{t=1} L_t',
        'check L = \\sum^{T}_{t=1} L_t',
        'check \\frac{\\partial h_3}{\\partial h_1} = \\prod^{3}_{j=2} \\frac{\\partial h_j}{\\partial h_{j-1}}',
        'check \\frac{\\partial L}{\\partial u} = \\sum\\limits^T_{t=1} \\frac{\\partial L}{\\partial h_t} \\frac{\\partial^+ h_t}{\\partial u}',
        'check L = \\sum^{T-1}_{t=1} L_t',
        '',
      ].join('\n'),
    );
    // no syntax error: the Σ one step short is a claim judged (it fails), not a line that does not read
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
  });

  it('any bounds: Σ^{b}_{t=a} h_t equals Σ_{t=a}^{b} h_t, empty ranges included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), (a, b) => {
        const r = analyze([...block, `check \\sum^{${b}}_{t=${a}} h_t = \\sum_{t=${a}}^{${b}} h_t`, ''].join('\n'));
        expect(r.checks.map((c) => c.status)).toEqual(['holds']);
      }),
      { numRuns: 30 },
    );
  });

  it('in a Markdown solution: the equation is checked, not skipped', () => {
    const text = ['```rnn', ...block, '```', '', '$$ L = \\sum^{T}_{t=1} \\frac{1}{2} (h_t - y_t)^2 $$', ''].join('\n');
    const sol = analyzeSolution(text, 'markdown', {});
    expect(sol.equations.map((e) => e.status)).toEqual(['holds']);
  });
});
