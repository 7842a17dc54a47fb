// CS224n's numbered errors in a chain (session 35): `δ_1 = ∂J/∂θ_2 = ŷ_2 − y_2` was "unknown name δ" and the whole
// chain was skipped. The first link labels the derivative (it defines δ, as on a line of its own), and the chain is
// checked from the derivative on.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 2
input x = [[1, 0], [0, 1]]
target y = [[1, 0], [0, 1]]
param W_h : 2x2 = [[0.5, -0.2], [0.1, 0.3]]
param W_e : 2x2 = [[0.4, 0.1], [-0.3, 0.2]]
param U : 2x2 = [[1.0, -0.5], [0.3, 0.8]]
h_0 = [0, 0]
z_t = W_h h_{t-1} + W_e x_t
h_t = σ(z_t)
θ_t = U h_t
\hat{y}_t = softmax(θ_t)
J = -Σ_t sum(y_t ⊙ log(\hat{y}_t))
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) => analyzeSolution(`# CS224n\n\n${NET}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown');

const D1 = String.raw`\delta_1 = \frac{\partial J}{\partial \theta_2} = `;
const D2 = String.raw`\delta_2 = \frac{\partial J}{\partial z_2} = `;

describe('a chain whose first side labels a derivative', () => {
  it('δ_1 = ∂J/∂θ_2 = ŷ_2 − y_2: the label is said, the rest of the chain is judged', () => {
    const sol = solve(`${D1}\\hat{y}_2 - y_2`);
    const [eq] = sol.equations;
    expect(eq!.status).toBe('holds');
    expect(eq!.checks.map((c) => [c.link, c.status])).toEqual([[2, 'holds']]);
    expect(sol.diagnostics.map((d) => d.message)).toContain(
      "link 1 not checked: δ labels the derivative after it, a name of the solution's own (the equations after it use it as defined here): the chain is checked from that derivative on",
    );
  });

  it('a wrong right side fails, and a later chain uses the label', () => {
    const sol = solve(`${D1}\\hat{y}_2 + y_2`, `${D2}U^\\top \\delta_1 \\circ h_2 \\circ (1 - h_2)`);
    expect(sol.equations.map((e) => e.status)).toEqual(['fails', 'holds']);
    expect(sol.equations[0]!.checks[0]!.message).toMatch(/The term y_2 has the wrong sign/);
  });

  it('δ_t = ∂J/∂θ_t = ŷ_t − y_t at a general step too', () => {
    expect(solve(String.raw`\delta_t = \frac{\partial J}{\partial \theta_t} = \hat{y}_t - y_t`).equations[0]!.status).toBe('holds');
  });

  it('a chain that does not read after its label says why, and not that it is checked', () => {
    const sol = solve(String.raw`\delta_1 = \frac{\partial J}{\partial q_2} = \hat{y}_2 - y_2`);
    expect(sol.equations[0]!.message).toBe('not checked: unknown name q');
    expect(sol.diagnostics.some((d) => /labels the derivative/.test(d.message))).toBe(false);
  });

  it('a label that cannot be defined (a derivative named at one step) says so at its link, never as an error', () => {
    const sol = solve(String.raw`\delta_1^{(2)} = \frac{\partial J}{\partial \theta^{(2)}} = \hat{y}^{(2)} - y^{(2)}`);
    expect(sol.equations[0]!.status).toBe('holds');
    expect(sol.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(sol.diagnostics.map((d) => d.message)).toContain(
      'link 1 not checked: δ_1 is defined by a derivative at one step: define it for every step, as δ_1_t = …',
    );
  });

  it('a label written again is the name as defined: the chain is a claim about it', () => {
    const sol = solve(`${D1}\\hat{y}_2 - y_2`, `${D1}\\hat{y}_2 - y_2`);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds']);
    expect(sol.equations[1]!.checks.map((c) => c.link)).toEqual([1, 2]);
    expect(sol.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
