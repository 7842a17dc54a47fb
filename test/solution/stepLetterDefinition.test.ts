// Arjovsky, Shah & Bengio's `D_k = diag(σ'(z_k))` (probe 43): a definition at a general step named k, which the
// equations after it read at k + 1 inside a ∏_{k=t}^{T−1}. It was "D_k is not a name of the network: the equation
// defines it", and every later D_{k+1} "unknown name D" (solution/stepLetter.ts).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { renamedStep } from '../../src/solution/stepLetter';

const NET =
  '```rnn\nT = 3\ninput x = [0.5, -1.0, 0.8]\nparam w = 0.9\nparam u = 0.4\nh_0 = 0.1\nz_t = w h_{t-1} + u x_t\nh_t = σ(z_t)\nloss C = 1/2 h_T^2\n```\n';

describe('a definition at a general step named k', () => {
  it('defines the letter for the equations after it, which hold', () => {
    const sol = analyzeSolution(
      NET +
        "$$ D_k = \\sigma'(z_k) \\tag{1}$$\n" +
        '$$ \\frac{\\partial h_{k+1}}{\\partial h_k} = D_{k+1} w \\tag{2}$$\n' +
        '$$ \\frac{\\partial C}{\\partial h_t} = \\frac{\\partial C}{\\partial h_T} \\prod_{k=t}^{T-1} D_{k+1} w \\tag{3}$$\n' +
        '$$ \\frac{\\partial h_{k+1}}{\\partial h_k} = D_k w \\tag{4}$$\n',
      'markdown',
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'holds', 'fails']);
    expect(sol.equations[0]!.message).toMatch(/defines D by the formula after it/);
    expect(sol.equations[3]!.message).toMatch(/D_k should be D_\{k\+1\}: with that step the check holds/);
  });

  it('is renamed t only where the letter is a step of the network’s sequences', () => {
    const timed = (n: string) => n === 'z' || n === 'h';
    expect(renamedStep("D_k = \\sigma'(z_k)", 'D_k', timed)).toBe("D_t = \\sigma'(z_t)");
    expect(renamedStep('D_k = h_{k-1} + z_{k}', 'D_k', timed)).toBe('D_t = h_{t-1} + z_{t}');
    // a unit index of a vector (Mitchell's δ_k = o_k(1 − o_k)(t_k − o_k)), a letter bound by a sum, t already written
    expect(renamedStep('\\delta_k = o_k (1 - o_k)', '\\delta_k', timed)).toBeNull();
    expect(renamedStep('D_k = \\sum_k z_k', 'D_k', timed)).toBeNull();
    expect(renamedStep('D_k = z_k + h_t', 'D_k', timed)).toBeNull();
    expect(renamedStep('D_t = z_t', 'D_t', timed)).toBeNull();
  });
});
