// Qiu's 《神经网络与深度学习》 §6.4.1 (probe 51): `δ_{t,k} = ∂L_t/∂z_k`, a letter with two steps, then δ_{t,k} =
// diag(f'(z_k)) Uᵀ δ_{t,k+1} and ∂L_t/∂U = Σ_k δ_{t,k} h_{k−1}ᵀ. No line of the network holds two steps: every
// "δ is not available". Each use is now written out as the derivative it names (solution/pairStepLetter.ts), and a
// free later step is bounded where δ is defined (k + 1 ≤ t: the book's "当 1 ≤ k < t 时", written in prose).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]\ntarget y = [0.2, -0.1, 0.4]\n' +
  'param U : 2x2 = [[0.5, 0.2], [-0.3, 0.4]]\nparam W : 2x2 = [[0.4, -0.3], [0.2, 0.5]]\nparam V : 1x2 = [[0.7, -0.5]]\n' +
  'h_0 = [0, 0]\nz_t = U h_{t-1} + W x_t\nh_t = tanh(z_t)\nL_t = 1/2 (y_t - V h_t)^2\nloss L = Σ_t L_t\n```\n\n';
const DEF = String.raw`Let $\delta_{t,k} = \frac{\partial L_t}{\partial z_k}$.` + '\n\n';

const solve = (...displays: string[]) => analyzeSolution(NET + DEF + displays.map((d) => `$$${d}$$\n\n`).join(''), 'markdown');

describe('a letter with two steps defined by a derivative', () => {
  it('is the derivative wherever it is used, and says so at its definition', () => {
    const r = solve(
      String.raw`\frac{\partial L_t}{\partial U} = \sum_{k=1}^{t} \delta_{t,k} h_{k-1}^\top`,
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \sum_{k=1}^{t} \delta_{t,k} x_k^\top`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.some((d) => /δ with two steps is read as ∂L_t\/∂z_k .* \(k ≤ t\)/.test(d.message))).toBe(true);
  });
  it('a recursion to the next step holds where that step is defined (k < t), and its slips are named', () => {
    const r = solve(
      String.raw`\delta_{t,k} = \mathrm{diag}(\tanh'(z_k)) U^\top \delta_{t,k+1}`,
      String.raw`\delta_{t,k} = \mathrm{diag}(\tanh'(z_k)) U \delta_{t,k+1}`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(r.equations[0]!.message).toMatch(/k ≤ t-1/);
    expect(r.equations[1]!.message).toMatch(/U should be Uᵀ/);
  });
  it('a display that defines it begins its chain at the derivative', () => {
    const r = analyzeSolution(
      NET + '$$' + String.raw`\delta_{t,k} = \frac{\partial L_t}{\partial z_k} = \mathrm{diag}(\tanh'(z_k)) U^\top \delta_{t,k+1}` + '$$\n',
      'markdown',
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
    expect(r.equations[0]!.checks).toHaveLength(1);
  });
  it('a letter the network defines keeps its reading', () => {
    const net = NET.replace('loss L', 'δ_t = h_t\nloss L');
    const r = analyzeSolution(net + DEF + '$$\\delta_{t,k} = h_t$$\n', 'markdown');
    expect(r.diagnostics.some((d) => /with two steps/.test(d.message))).toBe(false);
  });
});
