// Lead's probes (session 19). The upright differential of typeset notes, \mathrm{d}L/\mathrm{d}W, was read as the
// gradient dL divided by an unknown d ("unknown name d"), and \text{d} vanished (\frac{\text{d}L}{\text{d}h_3} was
// the ratio L/h_3, which failed); a check that repeats an earlier failing one was told it carries that mistake
// "with ∂L/∂h_3 in its place it holds" — true only as A = A.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const block = [
  'T = 3',
  'input x = [1, 2, -1]',
  'target y = [0.5, 0.1, 0.2]',
  'param w = 0.4',
  'param u = 0.7',
  'h_0 = 0.1',
  'a_t = w x_t + u h_{t-1}',
  'h_t = tanh(a_t)',
  'L_t = 1/2 (h_t - y_t)^2',
  'loss L = Σ_t L_t',
];
const run = (...checks: string[]) => analyze([...block, ...checks, ''].join('\n'));
const errors = (r: ReturnType<typeof analyze>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('an upright or spaced d over a slash is the derivative', () => {
  it('\\mathrm{d}, \\text{d} and a spaced d, with \\frac and with a slash, alone and after a factor', () => {
    const r = run(
      'check \\mathrm{d}L/\\mathrm{d}h_3 = h_3 - y_3',
      'check \\mathrm{d} L / \\mathrm{d} h_3 = h_3 - y_3',
      'check d L / d h_3 = h_3 - y_3',
      'check \\text{d}L/\\text{d}h_3 = h_3 - y_3',
      'check \\frac{\\text{d}L}{\\text{d}h_3} = h_3 - y_3',
      'check 2 \\mathrm{d}L/\\mathrm{d}h_3 = 2(h_3 - y_3)',
      'check \\mathrm{d}L/\\mathrm{d}a_3 = \\mathrm{d}L/\\mathrm{d}h_3 \\cdot \\mathrm{d}h_3/\\mathrm{d}a_3',
      'check \\mathrm{d}L/\\mathrm{d}a_3 = \\mathrm{d}L/\\mathrm{d}h_3 \\, \\mathrm{d}h_3/\\mathrm{d}a_3',
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(Array(8).fill('holds'));
  });

  it('a wrong one still fails with its culprit, and \\mathrm{d}h_3 after a factor stays the gradient dh_3', () => {
    const r = run(
      'check \\mathrm{d}L/\\mathrm{d}a_3 = \\mathrm{d}L/\\mathrm{d}h_3 (1 - h_3)',
      'check (1 - h_3^2) \\mathrm{d}h_3 = \\mathrm{d}L/\\mathrm{d}a_3',
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.diagnostics.some((d) => d.message.startsWith('dh_3 is read as ∂L/∂h_3'))).toBe(true);
  });
});

describe('an equation written again is no carried-over mistake', () => {
  it('the repeat gets its own diagnosis only; a later use of the wrong form names the first', () => {
    const wrong = 'check \\frac{\\partial L}{\\partial h_3} = 2(h_3 - y_3)';
    const r = run(wrong, wrong, 'check \\frac{\\partial L}{\\partial a_3} = 2(h_3 - y_3)(1 - h_3^2)');
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'fails']);
    expect(r.checks[1]!.message).toBe(r.checks[0]!.message);
    expect(r.checks[2]!.message).toContain(`This is the mistake of the check on line ${block.length + 1}, carried over`);
  });
});
