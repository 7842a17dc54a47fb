// Williams & Zipser's error e_t = d_t − h_t (session 43; session 42's probe P1 left it): `∂E_t/∂w = −e_t ∂h_t/∂w,
// \qquad e_t = d_t − h_t` had both parts skipped, e_t "not a name of the network" — e is Euler's number and e_k, e_{y_t}
// a basis vector, so no formula defined it. e with a step under it (t, t−1, T, a number) is now a letter of the
// solution's own where an equation defines it: at a numbered step alone on its line (as u_3 = … is), and at a general
// step as a where-clause, after an equation of its display that reads it (any letter: u_t too). Alone, a general
// step's definition still defines nothing (seed 000's A_t = 1 − u_t, spec24-rowDefinitions.test.ts).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = [
  '```rnn',
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'target d = [0.2, -0.4, 0.6]',
  'param w = 0.6',
  'param v = 0.5',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + v x_t)',
  'E_t = 1/2 (d_t - h_t)^2',
  'loss E = Σ_t E_t',
  '```',
  '',
].join('\n');

const solve = (displays: string[]) => analyzeSolution(NET + displays.map((d) => `$$${d}$$\n`).join('\n'), 'markdown', { sidecar: null });

describe('e_t defined by a solution', () => {
  it('as a where-clause after the equation that reads it: the claim is judged, e_t after it is that name', () => {
    const r = solve([
      '\\frac{\\partial E_t}{\\partial w} = -e_t \\frac{\\partial h_t}{\\partial w}, \\qquad e_t = d_t - h_t',
      '\\frac{\\partial E_t}{\\partial h_t} = -e_t',
      '\\frac{\\partial E_t}{\\partial h_t} = e_t',
    ]);
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/it defines e by the formula after it/));
  });

  it('in a where clause written with a word, in the claim itself', () => {
    const r = solve([
      '\\frac{\\partial E_t}{\\partial w} = -e_t \\frac{\\partial h_t}{\\partial w}, \\quad \\text{where } e_t = d_t - h_t',
      '\\frac{\\partial E_t}{\\partial w} = e_t \\frac{\\partial h_t}{\\partial w}',
    ]);
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(r.equations[1]!.message).toMatch(/opposite sign/);
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^the where clause defines e by its formula/));
  });

  it('so is another letter’s (u_t)', () => {
    const r = solve(['\\frac{\\partial E_t}{\\partial w} = -u_t \\frac{\\partial h_t}{\\partial w}, \\qquad u_t = d_t - h_t']);
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
  });

  it('at a numbered step alone on its line, as u_3 = … is', () => {
    const r = solve(['e_3 = d_3 - h_3', '\\frac{\\partial E_3}{\\partial w} = -e_3 \\frac{\\partial h_3}{\\partial w}']);
    expect(r.equations.map((e) => e.status)).toEqual(['skipped', 'holds']);
  });

  it('at a general step alone, or after an equation that does not read it, defines nothing (as A_t = 1 − u_t)', () => {
    const r = solve(['e_t = d_t - h_t', '\\frac{\\partial E_t}{\\partial h_t} = h_t - d_t, \\qquad e_t = d_t - h_t']);
    expect(r.diagnostics.map((d) => d.message).filter((m) => /defines e by the formula/.test(m))).toEqual([]);
    expect(r.equations[0]!.status).toBe('skipped');
  });

  // session 44: "Define $$e_t = d_t − h_t$$, then …" was "define it in the rnn block", a translation asked of the student
  it('at a general step alone, before equations that read it: they are judged with it', () => {
    const r = solve([
      'e_t = d_t - h_t',
      '\\frac{\\partial E_3}{\\partial h_3} = -e_3',
      '\\frac{\\partial E}{\\partial v} = -\\sum_{t=1}^{T} e_t \\frac{\\partial h_t}{\\partial v}',
      '\\frac{\\partial E_3}{\\partial h_3} = e_3',
    ]);
    expect(r.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'holds', 'fails']);
    expect(r.equations[0]!.message).toMatch(/it defines e by the formula after it/);
    expect(r.equations[3]!.message).toMatch(/opposite sign/);
  });

  it('written at a step in parentheses, as Mikolov writes e(t) and δ(t)', () => {
    const r = solve([
      'e(t) = d(t) - h(t)',
      '\\frac{\\partial E}{\\partial h_2} = -e(2) + \\frac{\\partial E}{\\partial h_3} \\frac{\\partial h_3}{\\partial h_2}',
      '\\delta(t) = e(t) (1 - h(t)^2)',
      '\\frac{\\partial E_3}{\\partial v} = -\\delta(3) \\left(x(3) + w \\frac{\\partial h_2}{\\partial v}\\right)',
      '\\frac{\\partial E_3}{\\partial v} = \\delta(3) \\left(x(3) + w \\frac{\\partial h_2}{\\partial v}\\right)',
    ]);
    expect(r.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'skipped', 'holds', 'fails']);
  });

  it('leaves e_{y_t} a basis vector where the solution defines no e', () => {
    const net = [
      '```rnn',
      'T = 3',
      'input x : 4 = [[1,0,0,0],[0,1,0,0],[0,0,1,0]]',
      'target y = [2, 3, 4]',
      'param W_xh : 3x4',
      'param W_hy : 4x3',
      'h_t = tanh(W_xh x_t)',
      'p_t = softmax(W_hy h_t)',
      'loss L = Σ_t -log(p_t[y_t])',
      '```',
      '',
    ].join('\n');
    const r = analyzeSolution(`${net}$$\\frac{\\partial L}{\\partial h_t} = W_{hy}^\\top (p_t - e_{y_t})$$\n`, 'markdown', {
      sidecar: null,
    });
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
  });
});
