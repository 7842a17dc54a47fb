// A solution that names a derivative (δ_t = ∂L/∂a_t) and uses the name in the equations after it: the
// definition joins the network (skipped as a claim, with why) and the equations are checked as written.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = [
  '```rnn',
  'T = 3',
  'input  x = [0.5, -1.0, 2.0]',
  'target y = [1, 0, 1]',
  'param  w = 0.8',
  'param  u = 0.3',
  'h_0 = 0',
  'a_t = w h_{t-1} + u x_t',
  'h_t = tanh(a_t)',
  'L_t = \\frac{1}{2}(h_t - y_t)^2',
  'loss L = \\sum_t L_t',
  '```',
  '',
].join('\n');
const display = (tex: string) => `$$${tex}$$\n\n`;

describe('a solution that names a derivative', () => {
  it('uses the name in the equations after it; the definition itself is said to define it', () => {
    const sol = analyzeSolution(
      NET +
        display('\\delta_t = \\frac{\\partial L}{\\partial a_t}') +
        display('\\delta_t = \\left((h_t - y_t) + \\delta_{t+1} w\\right)(1 - h_t^2) \\quad \\text{for } t < T') +
        display('\\frac{\\partial L}{\\partial w} = \\sum_{t=1}^{T} \\delta_t h_{t-1}') +
        display('\\frac{\\partial L}{\\partial u} = \\sum_{t=1}^{T} \\delta_t h_{t}'),
      'markdown',
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'holds', 'fails']);
    expect(sol.equations[0]!.message).toBe(
      "not checked: it defines δ by a derivative, a name of the solution's own: the equations after it use it as defined here",
    );
    // the one error is the wrong equation's verdict (x_t, not h_t): nothing about δ
    expect(sol.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['check-fails']);
  });

  it('an equation that gives a network quantity a derivative is a claim, checked as before', () => {
    const sol = analyzeSolution(NET + display('a_t = \\frac{\\partial L}{\\partial a_t}'), 'markdown');
    expect(sol.equations[0]!.status).toBe('fails');
  });
});
