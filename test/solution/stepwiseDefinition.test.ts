// A hand computation defines its own letter step by step (session 49): "the gradient with respect to $h_2$ is
// $\delta_2 = h_2 - y_2$", then $$\delta_1 = (h_1 - y_1) + \delta_2 (1 - h_2^2) u$$, then ∂L/∂w with δ_1 and δ_2 and
// ∂L/∂u = Σ_{t=1}^{2} δ_t (1 − h_t²) h_{t−1}. The inline δ_2 defined nothing (inline formulas were read at the general
// step only), so δ_1's definition had an error and every later equation was unread; and δ_t was "unknown name δ", δ_1 and
// δ_2 being names of their own. A name defined at every step it is written at, and never for the general step, is now a
// sequence of those steps (language/resolve/definitions.ts stepwiseNames), inline or displayed.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = [
  'T = 2',
  'input x = [1, 2]',
  'target y = [0.5, -0.5]',
  'param w = 0.5',
  'param u = 0.8',
  'h_0 = 0',
  'h_t = tanh(w x_t + u h_{t-1})',
  'loss L = 1/2 Σ_t (h_t - y_t)^2',
];

const statuses = (...lines: string[]) => analyze([...NET, ...lines].join('\n')).checks.map((c) => c.status);

describe('a name defined step by step', () => {
  it('is a sequence of those steps: δ_t reads it at each', () => {
    const steps = ['δ_2 = h_2 - y_2', 'δ_1 = (h_1 - y_1) + δ_2 (1 - h_2^2) u'];
    expect(statuses(...steps, 'check ∂L/∂h_t = δ_t', 'check ∂L/∂w = Σ_{t=1}^{2} δ_t (1 - h_t^2) x_t')).toEqual(['holds', 'holds']);
    // a wrong step of it is judged as written: δ_1 without the recurrent term is no ∂L/∂h_1
    const wrong = analyze([...NET, 'δ_2 = h_2 - y_2', 'δ_1 = h_1 - y_1', 'check ∂L/∂h_t = δ_t'].join('\n')).checks[0]!;
    expect(wrong.status).toBe('fails');
    expect(wrong.failingStep).toBe(1);
  });

  it('a step past the horizon, an equation without a step, or a derivative keeps each a name of its own', () => {
    // z_3 past T = 2: names of their own, as before (no "step 3 is outside 0..T+1")
    const past = analyze([...NET, 'z_1 = w x_1', 'z_3 = u z_1', 'check z_3 = u w x_1'].join('\n'));
    expect(past.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(past.checks.map((c) => c.status)).toEqual(['holds']);
    // δ_2 = ∂L/∂h_2 names a derivative at one step: a name of its own (a chain's label), never a step of δ
    const derived = analyze([...NET, 'δ_2 = ∂L/∂h_2', 'check δ_2 = h_2 - y_2'].join('\n'));
    expect(derived.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(derived.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('in a solution: an inline definition at one step, a displayed one at another, then equations reading δ_t', () => {
    const md = [
      '# Homework',
      '',
      '```rnn',
      ...NET,
      '```',
      '',
      'The gradient with respect to $h_2$ is $\\delta_2 = h_2 - y_2$, and',
      '',
      '$$\\delta_1 = (h_1 - y_1) + \\delta_2 (1 - h_2^2) u$$',
      '',
      '$$\\frac{\\partial L}{\\partial w} = \\delta_1 (1 - h_1^2) x_1 + \\delta_2 (1 - h_2^2) x_2$$',
      '',
      '$$\\frac{\\partial L}{\\partial u} = \\sum_{t=1}^{2} \\delta_t (1-h_t^2) h_{t-1}$$',
      '',
    ].join('\n');
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'holds']);
    expect(sol.diagnostics.some((d) => /unknown name δ|not available/.test(d.message))).toBe(false);
  });
});
