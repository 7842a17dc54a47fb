// δ defined by a formula in a chain (session 36, read35's leftover): `\delta_2 = (y_2 − d_2) y_2 (1 − y_2) = (0.6455 −
// 1)(0.6455)(1 − 0.6455)` was "unknown name δ" and nothing of it was judged. As CS224n's `δ_1 = ∂J/∂θ_2 = …` (session
// 35), the first link defines δ_2, a name of the solution's own, and the chain is judged from the formula on — its
// numbers laid over the formula, a wrong one named.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

// no `loss` line: the objective is the last scalar with no step (L), which a label's line must not displace
const NET = String.raw`T = 2
input x = [1, 2]
target d = [0.5, 1]
param w = 0.5
param u = 0.2
param v = 1.3
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
y_t = σ(v h_t)
L = \frac{1}{2} Σ_t (y_t - d_t)^2
`;

const solve = (...eqs: string[]) =>
  analyzeSolution(`# Exam\n\n\`\`\`rnn\n${NET}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown');
const check = (line: string) => analyze(`${NET}check ${line}\n`);

const DELTA = String.raw`\delta_2 = (y_2 - d_2) y_2 (1 - y_2) = `;
// y_2 = 0.645521: δ_2 = (y_2 − 1) y_2 (1 − y_2) = −0.0811131
const WRONG = String.raw`(0.6455 - 2)(0.6455)(1-0.6455)`;
const NAMED = /2 is not d_2 = 1: with 1 in its place \(and y_2 = 0\.645521 for its rounding 0\.6455\) the check holds$/;

describe('δ defined by a formula in the first link of a chain', () => {
  it('in a solution: link 1 defines δ_2 and is said not checked; the numbers are judged against the formula', () => {
    const sol = solve(`${DELTA}${WRONG}`);
    const [eq] = sol.equations;
    expect(eq!.checks.map((c) => [c.link, c.status])).toEqual([[2, 'fails']]);
    expect(eq!.checks[0]!.message).toMatch(NAMED);
    expect(sol.diagnostics.map((d) => d.message)).toContain(
      "link 1 not checked: it defines δ by the formula after it, a name of the solution's own (the equations after it use it as defined here): the chain is checked from that formula on",
    );
    // the label's line does not take the objective's place
    expect(sol.networks[0]!.report.loss).toMatchObject({ name: 'L' });
  });

  it('the numbers right to their digits: the rounding is what is said', () => {
    const [eq] = solve(`${DELTA}(0.6455 - 1)(0.6455)(1-0.6455)`).equations;
    expect(eq!.checks[0]!.message).toMatch(/The right side is computed from rounded numbers/);
  });

  it('an equation after it reads δ_2 as defined', () => {
    const sol = solve(`${DELTA}${WRONG}`, String.raw`\frac{\partial L}{\partial v} = \delta_2 h_2 + (y_1 - d_1) y_1 (1 - y_1) h_1`);
    expect(sol.equations[1]!.status).toBe('holds');
  });

  it('in a .rnn check line: the same links, and an information at the label', () => {
    const a = check(`${DELTA}${WRONG}`);
    expect(a.checks.map((c) => [c.link, c.status])).toEqual([[2, 'fails']]);
    expect(a.checks[0]!.message).toMatch(NAMED);
    expect(a.diagnostics.filter((d) => d.severity !== 'information')).toEqual([]);
    expect(a.diagnostics.map((d) => d.message)).toContain(
      "link 1 not checked: δ_2 is defined here by the side after it, a name of this check's own: the chain is checked from that side on (to use δ_2 in other lines, define it in the network)",
    );
  });

  it('numbers alone define nothing, and a name of the network is a claim as ever', () => {
    expect(solve(String.raw`\delta_2 = (0.6455 - 1)(0.6455) = -0.2288`).equations[0]!.message).toMatch(/^not checked: unknown name δ/);
    expect(check(String.raw`\delta_2 = (0.6455 - 1)(0.6455) = -0.2288`).diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^unknown name δ/),
    );
    const [eq] = solve(String.raw`y_2 = \sigma(v h_2) = \sigma(1.3 \cdot 0.4611)`).equations;
    expect(eq!.checks.map((c) => c.link)).toEqual([1, 2]);
  });
});

describe('a .rnn check whose first side labels a derivative', () => {
  it('δ_1 = ∂L/∂y_1 = … is judged from the derivative on, as in a solution', () => {
    const a = check(String.raw`\delta_1 = \frac{\partial L}{\partial y_1} = y_1 - d_1`);
    expect(a.checks.map((c) => [c.link, c.status])).toEqual([[2, 'holds']]);
    expect(a.diagnostics.some((d) => d.severity === 'error')).toBe(false);
  });
});
