// `where h_0 = 0` in a student's display: the exercise's own data, written down. Judged as a claim it "holds only
// for these values: it leans on the given value of h_0" — a warning for copying the sheet. A value the network gives,
// stated as given, is said as such; a Markdown/LaTeX solution does not check it (information), and one that
// contradicts the network (h_0 = 1 where the block says 0) still fails.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const block = [
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'param w = 0.8',
  'param u = 0.3',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + u x_t)',
  'loss L = \\frac{1}{2} \\sum_t h_t^2',
];

describe('a stated given value is a premise', () => {
  it('in a .rnn check: said as a value the network gives', () => {
    const r = analyze([...block, 'check h_0 = 0', 'check w = 0.8', 'check h_1 = 0', 'check w = 0.5', ''].join('\n'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds-at-given-values', 'fails', 'fails']);
    expect(r.checks[0]!.message).toBe('states a value the network gives (h_0 = 0): true by its definition, for these values only');
    expect(r.checks[0]!.premise).toBe(true);
    expect(r.checks[2]!.premise).toBeUndefined();
  });

  it('in a solution: `\\qquad \\text{where } h_0 = 0` is not checked, the equation before it is judged', () => {
    const text = [
      '# BPTT',
      '',
      '```rnn',
      ...block,
      '```',
      '',
      '$$\\frac{\\partial L}{\\partial w} = \\sum_{t=1}^{T} \\frac{\\partial L}{\\partial h_t} (1 - h_t^2) h_{t-1}, \\qquad \\text{where } h_0 = 0.$$',
      '',
      '$$h_0 = 0$$',
      '',
      '$$h_0 = 1$$',
      '',
    ].join('\n');
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'skipped', 'fails']);
    expect(r.equations[1]!.message).toBe(
      'not checked: it states a value the network gives (h_0 = 0), a premise of the solution, not a claim',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });
});
