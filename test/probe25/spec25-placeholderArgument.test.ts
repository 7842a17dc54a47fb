// An activation's slope written with a dot for its argument, as notes print it: `∂h_t/∂h_{t-1} = σ'(\cdot) W_{hh}`,
// `\mathrm{diag}(1 - \tanh^2(\cdot)) W`. It was "expected a value, found '\cdot'" and the equation lost. In a check
// whose left side differentiates a quantity, the dot is the function's argument in that quantity's own equation, at
// the step written (an information says so); elsewhere — the loss, a definition, an equation with two arguments for
// the function — it is a diagnostic that says what to write.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { GOODFELLOW } from '../textbook/vanilla';
import { SIGMA_NET } from '../probe24/spec24b-network';

const run = (net: string, ...lines: string[]) => analyze([net, ...lines.map((l) => `check ${l}`)].join('\n'));
const said = (r: ReturnType<typeof analyze>, severity: string) =>
  r.diagnostics.filter((d) => d.severity === severity).map((d) => d.message);

describe("σ'(·): the argument of the equation the left side differentiates", () => {
  it('σ′(·), σ(·)(1 − σ(·)), at t, t+1 and a fixed step', () => {
    const r = run(
      SIGMA_NET,
      String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \sigma'(\cdot) W_{hh}`,
      String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \sigma(\cdot)(1 - \sigma(\cdot)) W_{hh}`,
      String.raw`\frac{\partial h_{t+1}}{\partial h_t} = \sigma'\left(\cdot\right) W_{hh}`,
      String.raw`\frac{\partial o_3}{\partial h_3} = \sigma'(\cdot) W_{hy}`,
    );
    expect(said(r, 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
    expect(said(r, 'information')).toContain(
      "σ'(·) is read as σ'(x_t + W_hh h_{t-1}), σ's argument in the equation the left side differentiates",
    );
    expect(said(r, 'information')).toContain(
      "σ'(·) is read as σ'(x_{t+1} + W_hh h_t), σ's argument in the equation the left side differentiates",
    );
    expect(said(r, 'information')).toContain("σ'(·) is read as σ'(W_hy h_3), σ's argument in the equation the left side differentiates");
  });

  it('1 − tanh²(·) in a Jacobian (a tanh RNN), and a mistake beside it still named', () => {
    const r = run(
      GOODFELLOW,
      String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \mathrm{diag}(1 - \tanh^2(\cdot)) W`,
      String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \mathrm{diag}(\tanh'(\cdot)) W^\top`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toContain('Wᵀ should be W');
  });

  it('where the left side gives no argument, a diagnostic says what to write', () => {
    const r = run(
      SIGMA_NET,
      String.raw`\frac{\partial L}{\partial W_{hh}} = \sum_t \frac{\partial L}{\partial h_t} \sigma'(\cdot) h_{t-1}`,
      String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \tanh'(\cdot) W_{hh}`,
      String.raw`h_t = \sigma(\cdot)`,
    );
    expect(r.checks).toEqual([]);
    expect(said(r, 'error')).toEqual([
      "σ'(·) leaves out its argument: it is read as σ's argument in the equation of the quantity the left side differentiates, and L's equation applies no σ: write the argument",
      "tanh'(·) leaves out its argument: it is read as tanh's argument in the equation of the quantity the left side differentiates, and h_t's equation applies no tanh: write the argument",
      "σ(·) leaves out its argument: it is read as σ's argument in the equation of the quantity the left side differentiates, and the left side is no such derivative: write the argument",
    ]);
  });

  it('in a Markdown solution the equation is checked', () => {
    const md = [
      '```rnn',
      SIGMA_NET,
      '```',
      '',
      String.raw`$$\frac{\partial h_t}{\partial h_{t-1}} = \sigma'(\cdot)\, W_{hh} \tag{4}$$`,
    ].join('\n');
    const s = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(s.equations.map((e) => [e.tag, e.status])).toEqual([['4', 'holds']]);
  });
});
