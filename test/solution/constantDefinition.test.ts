// A constant of the solution's own (session 47): Pascanu et al. bound the slope's norm by γ and give it a value,
// `‖diag(σ'(x_k))‖ ≤ γ, \quad γ = \frac{1}{4}`. The clause was read as a range ("the range of γ must be integers: for
// γ = 1..T−1") and `\text{where } γ = 1/4` or a display `γ = 0.25` of its own left γ unknown. A letter alone (no step,
// not the network's) equal to numbers alone is now a definition where an equation reads it, as a general step's name
// is (e_t = d_t − h_t); a fraction or a decimal after a comma starts such a clause, an integer stays a range or a binding.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { constantDefinition } from '../../src/language/index';

const NET =
  '```rnn\nT = 4\ninput u = [[0.5], [-1], [2], [0.3]]\nparam W_rec = [[0.5, 0.1], [0.2, 0.4]]\nparam W_in = [[1], [0.5]]\n' +
  'param b = [0.1, -0.1]\nx_0 = [0, 0]\nx_t = W_rec σ(x_{t-1}) + W_in u_t + b\nloss E = sum(x_T)\n```\n\n';
const BOUND = String.raw`\left\| \mathrm{diag}(\sigma'(x_k)) \right\| \le \gamma`;
const solve = (body: string) => analyzeSolution(NET + body + '\n', 'markdown', { sidecar: null });
const messages = (body: string) => solve(body).diagnostics.map((d) => d.message);

describe('a constant the solution defines', () => {
  it('in a clause after the bound, after a comma (it was a range "for γ = 1..T-1")', () => {
    const sol = solve(`$$${BOUND}, \\quad \\gamma = \\frac{1}{4}$$`);
    expect(sol.equations[0]!.checks.map((c) => c.status)).toEqual(['holds']);
    expect(messages(`$$${BOUND}, \\quad \\gamma = \\frac{1}{4}$$`)).toContain(
      "not checked: it defines γ by its value, a name of the solution's own: the equations that read it use it as defined here",
    );
  });

  it('in a where clause (it was "unknown name γ")', () => {
    const body = `$$${BOUND}, \\quad \\text{where } \\gamma = 0.25$$`;
    expect(solve(body).equations.map((e) => e.status)).toEqual(['holds']);
    expect(messages(body)).toContainEqual(expect.stringMatching(/^the where clause defines γ by its value/));
  });

  it('in a display of its own before the bound', () => {
    const sol = solve(`$$\\gamma = 1/4$$\n\n$$${BOUND}$$`);
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds']);
  });

  it('first, then the bound after a comma (it was one claim, γ unknown)', () => {
    const sol = solve(`$$\\gamma = \\frac{1}{4}, \\quad ${BOUND}$$`);
    expect(sol.equations[0]!.checks.map((c) => c.status)).toEqual(['holds']);
    expect(sol.equations[0]!.unread?.map((u) => u.message)).toEqual([
      "not checked: it defines γ by its value, a name of the solution's own: the equations that read it use it as defined here",
    ]);
  });

  it('a value too small makes the bound fail, with its numbers', () => {
    const sol = solve(`$$${BOUND}, \\quad \\gamma = \\frac{1}{8}$$`);
    expect(sol.equations[0]!.status).toBe('fails');
    expect(sol.equations[0]!.message).toMatch(/≤ 0\.125 is false/);
  });

  it('an integer after a comma stays a range or a binding of a step', () => {
    const sol = solve(
      String.raw`$$\frac{\partial E}{\partial x_k} = \frac{\partial E}{\partial x_4} \frac{\partial x_4}{\partial x_k}, \quad k = 3$$`,
    );
    expect(sol.equations[0]!.status).toBe('holds');
    expect(sol.equations[0]!.checks).toHaveLength(1);
  });

  it('reads only a letter alone equal to numbers alone', () => {
    expect(constantDefinition('\\gamma = \\frac{1}{4}')).toBe('γ');
    expect(constantDefinition('c = 0.5')).toBe('c');
    expect(constantDefinition('\\gamma_t = 0.5')).toBeNull();
    expect(constantDefinition('c = 2 w')).toBeNull();
    expect(constantDefinition('\\frac{\\partial E}{\\partial w} = 0.5')).toBeNull();
  });
});

describe('a bound’s link after a side that does not read (regression)', () => {
  // Pascanu's ‖∂x_{k+1}/∂x_k‖ ≤ ‖W_recᵀ‖ ‖diag(σ'(x_k))‖ < (1/γ) γ < 1 with γ unknown: link 3 was judged as side 2 < 1
  // and said to hold, where as written it is 1 < 1, false
  const CHAIN = String.raw`\left\| \frac{\partial x_{k+1}}{\partial x_k} \right\| \le \left\| W_{rec}^\top \right\| \left\| \mathrm{diag}(\sigma'(x_k)) \right\| < \frac{1}{\gamma}\gamma < 1`;

  it('is not judged against an earlier side, and is listed as not checked', () => {
    const sol = solve(`$$${CHAIN}$$`);
    const eq = sol.equations[0]!;
    expect(eq.checks.map((c) => [c.link, c.status])).toEqual([[1, 'holds']]);
    expect(eq.linksNotChecked?.map((l) => [l.link, l.message])).toEqual([
      [2, 'not checked: unknown name γ'],
      [3, 'not checked: the side before it does not read, and each link of a chain with a bound relates a side to the one before it'],
    ]);
  });

  it('with γ defined, link 3 is judged as written: 1 < 1 fails', () => {
    const sol = solve(`$$\\gamma = \\frac{1}{4}$$\n\n$$${CHAIN}$$`);
    expect(sol.equations[1]!.checks.map((c) => [c.link, c.status])).toEqual([
      [1, 'holds'],
      [2, 'holds'],
      [3, 'fails'],
    ]);
  });
});
