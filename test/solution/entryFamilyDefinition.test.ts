// Williams & Zipser's sensitivity p^k_{ij}(t) = ∂y_k(t)/∂w_{ij} (probe 50): a name defined by a derivative over free
// entries is no name of the solution's own, and it and every later use were "unknown name p_ij", not why. Now the
// definition says what it defines and what to write instead; a later equation that writes p names the definition.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput x = [0.5, -1.0, 0.8]\nparam w : 2x3 = [[0.4, -0.6, 0.7], [0.5, 0.3, -0.2]]\nz(0) = [0.2, -0.1, 0.6]\n' +
  's(t) = w z(t-1)\ny(t) = σ(s(t))\nz(t) = [y(t)[1], y(t)[2], x(t)]\nloss J = Σ_t sum(y(t))\n```\n\n';

const solve = (...displays: string[]) => analyzeSolution(NET + displays.map((d) => `$$${d}$$\n\n`).join(''), 'markdown');

describe('a name defined by a derivative over free entries', () => {
  it('says what it defines and why it is not read, and a later use names that definition', () => {
    const r = solve(
      String.raw`p^k_{ij}(t) = \frac{\partial y_k(t)}{\partial w_{ij}}`,
      String.raw`p^k_{ij}(t) = \sigma'(s_k(t)) \Big[\sum_l w_{kl}\, p^l_{ij}(t-1) + \delta_{ik} z_j(t-1)\Big]`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['skipped', 'skipped']);
    expect(r.equations[0]!.message).toMatch(/it defines p\^k_\{ij\}\(t\) as ∂y_k\(t\)\/∂w_\{ij\}, one name per free entry/);
    expect(r.equations[1]!.message).toMatch(
      /p\^k_\{ij\}\(t\) is defined on line \d+ as ∂y_k\(t\)\/∂w_\{ij\}.*write that derivative in its place/,
    );
  });
  it('the recursion written with the derivative itself is checked', () => {
    const r = solve(
      String.raw`\frac{\partial y_k(t)}{\partial w_{ij}} = \sigma'(s_k(t)) \Big[\sum_{l=1}^{2} w_{kl} \frac{\partial y_l(t-1)}{\partial w_{ij}} + \delta_{ik} z_j(t-1)\Big]`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
  });
  it('an unknown name defined otherwise keeps its message', () => {
    const r = solve(String.raw`q_t = \frac{\partial y_1(t)}{\partial u}`);
    expect(r.equations[0]!.message).not.toMatch(/one name per free entry/);
  });
});
