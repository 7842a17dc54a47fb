// δ_{T+1} = 0, the terminal condition a backward recursion starts from: true by convention (check/terminal.ts), a
// premise in a solution. It failed as "a_4 is not defined" in every correct solution that wrote it (session 41).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 3
input  x = [1.0, -0.5, 0.25]
param  w = 0.9
s_0 = 0
a_t = x_t + w s_{t-1}
s_t = tanh(a_t)
loss E = Σ_t s_t
δ_t = ∂E/∂a_t
`;

const verdict = (check: string) => analyze(`${NET}check ${check}\n`).checks[0]!;

describe('the terminal condition of a backward recursion', () => {
  it('holds by convention, written with a defined adjoint, T + 1 or the step itself', () => {
    for (const c of ['δ_{T+1} = 0', '∂E/∂s_{T+1} = 0', '∂E/∂s_4 = 0', '0 = ∂E/∂a_{T+1}']) {
      const v = verdict(c);
      expect(v.status, c).toBe('holds');
      expect(v.message, c).toMatch(/^states the terminal condition of a backward recursion \([as] has no step 4/);
    }
  });

  it('is no convention for another value, another step, or a derivative of a past-the-end node', () => {
    expect(verdict('∂E/∂s_4 = 1').status).toBe('fails');
    expect(verdict('∂E/∂s_5 = 0').message).toMatch(/outside 0..T\+1/);
    expect(verdict('∂s_4/∂s_3 = 0').status).toBe('fails');
  });

  it('is a premise in a solution, not a failure', () => {
    const md =
      '```rnn\n' +
      NET.replace('δ_t = ∂E/∂a_t\n', '') +
      '```\nLet $\\delta_t = \\frac{\\partial E}{\\partial a_t}$.\n' +
      '$$ \\delta_t = (1 + w\\,\\delta_{t+1})(1 - s_t^2), \\qquad \\delta_{T+1} = 0 $$\n';
    const sol = analyzeSolution(md, 'markdown');
    const statuses = sol.networks[0]!.report.checks.map((c) => c.status);
    expect(statuses).not.toContain('fails');
    expect(sol.diagnostics.some((d) => /terminal condition .*a premise of the solution/.test(d.message))).toBe(true);
  });
});
