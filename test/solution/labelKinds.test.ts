// A derivative label and a formula label of one letter in one solution (session 37): `δ_t = ∂L/∂h_t = …` and an exam's
// `δ_2 = (y_2 − d_2) y_2 (1 − y_2) v = (0.6455 − 1)(…)` both joined the network as δ's definition, so δ was "not
// available: its definition on line 16 has an error" everywhere (or, with the formula first, "unknown name δ" at the
// derivative's chain). The derivative defines δ, before or after; the formula's chain is a claim about δ_2 as defined.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { EXAM_NET } from './helpers';

const DERIV = String.raw`\delta_t = \frac{\partial L}{\partial h_t} = (y_t - d_t) y_t (1 - y_t) v + \delta_{t+1} (1 - h_{t+1}^2) w`;
const FORMULA = String.raw`\delta_2 = (y_2 - d_2) y_2 (1 - y_2) v = (0.6455 - 1)(0.6455)(1 - 0.6455)(1.3)`;
const USE = String.raw`\frac{\partial L}{\partial w} = \delta_2 (1 - h_2^2) h_1 + \delta_1 (1 - h_1^2) h_0`;

const solve = (...eqs: string[]) =>
  analyzeSolution(`# BPTT\n\n\`\`\`rnn\n${EXAM_NET}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown');

describe('a derivative label and a formula label of δ', () => {
  for (const [order, eqs] of [
    ['derivative first', [DERIV, FORMULA, USE]],
    ['formula first', [FORMULA, DERIV, USE]],
  ] as const) {
    it(`${order}: δ is ∂L/∂h_t, the formula's chain a claim about δ_2`, () => {
      const r = solve(...eqs);
      const checks = r.equations.flatMap((e) => e.checks);
      const formula = checks.filter((c) => c.equation.startsWith(String.raw`\delta_2`));
      // both links of the formula's chain judged: δ_2 = ∂L/∂h_2 is the formula, the numbers are rounded
      expect(formula.map((c) => c.status)).toEqual(['holds', 'fails']);
      expect(formula[1]!.message).toContain('computed from rounded numbers');
      const use = checks.find((c) => c.equation.startsWith(String.raw`\frac{\partial L}{\partial w}`))!;
      expect(use.status).toBe('holds');
      expect(r.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/not available|unknown name δ/);
      // the derivative's chain keeps its label
      expect(r.diagnostics.map((d) => d.message)).toContain(
        "link 1 not checked: δ labels the derivative after it, a name of the solution's own (the equations after it use it as defined here): the chain is checked from that derivative on",
      );
    });
  }

  it('a formula label alone keeps defining δ_2', () => {
    const r = solve(FORMULA, String.raw`\frac{\partial L}{\partial v} = \delta_2 \frac{h_2}{v}`);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/link 1 not checked: it defines δ by the formula after it/);
  });

  it('in a .rnn file, δ defined in the network: the formula chain is a claim', () => {
    const a = analyze(`${EXAM_NET}δ_t = ∂L/∂h_t\ncheck ${FORMULA}\n`);
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
  });
});
