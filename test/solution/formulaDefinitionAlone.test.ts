// `δ_3 = 1 − s_3²` alone on its line defines δ_3 for the equations after it, as a chain's first link does
// (δ_3 = 1 − s_3² = 1 − tanh²(a_3)): it was "unknown name δ" there and on every later line (session 41, a probe of
// student solutions).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput  x = [1.0, -0.5, 0.25]\nparam  w = 0.9\ns_0 = 0\na_t = x_t + w s_{t-1}\ns_t = tanh(a_t)\nloss E = s_T\n```\n';

describe('a name defined by a formula on a line of its own', () => {
  it('is defined there, and the equations after it are judged with it', () => {
    const sol = analyzeSolution(
      NET +
        '$$ \\delta_3 = 1 - s_3^2 $$\n$$ \\delta_2 = \\delta_3 w (1 - s_2^2) $$\n' +
        '$$ \\frac{\\partial E}{\\partial a_2} = \\delta_2 $$\n$$ \\frac{\\partial E}{\\partial a_2} = \\delta_3 (1 - s_2^2) $$\n',
      'markdown',
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'skipped', 'holds', 'fails']);
    expect(sol.equations[0]!.message).toMatch(/defines δ by the formula after it, a name of the solution's own/);
    expect(sol.equations[3]!.message).toMatch(/leaves out the factor w/);
  });

  it('is a claim where the name is the network’s own', () => {
    const sol = analyzeSolution(NET + '$$ s_3 = \\tanh(a_3) $$\n', 'markdown');
    expect(sol.equations[0]!.status).toBe('holds');
  });
});
