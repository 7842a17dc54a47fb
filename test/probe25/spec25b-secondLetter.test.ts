// Pascanu, Mikolov & Bengio (2013) write ∂x_t/∂x_k = ∏_{t≥i>k} ∂x_i/∂x_{i−1}; a student checks it at one pair of steps,
// `\quad \text{for } t = 3, k = 1`. A check ranges over one letter, and the second was "expected '..' in 'for t = a..b',
// found 'k'" (or "unexpected ','" after `t = 1..3`): it now names the second letter and what to write.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 3
input u : 2 = [[0.5, -1], [0.2, 0.7], [-0.4, 0.3]]
target y : 2 = [[0.1, 0.2], [0.3, -0.1], [0, 0.4]]
param W_rec : 2x2 = [[0.5, -0.3], [0.2, 0.4]]
param W_in : 2x2 = [[0.6, 0.1], [-0.2, 0.3]]
param b : 2 = [0.1, -0.1]
x_0 = [0, 0]
x_t = W_rec σ(x_{t-1}) + W_in u_t + b
E_t = \frac{1}{2}\|x_t - y_t\|^2
loss E = \sum_t E_t`;

const MESSAGE =
  'a check ranges over one letter, t: a second letter set to a value (k = …) is not read — write that value in its place in the check';

describe('a second range letter', () => {
  it('is named, after one step or a range', () => {
    const r = analyze(
      [
        NET,
        String.raw`check \frac{\partial x_t}{\partial x_k} = \prod_{t \geq i > k} \frac{\partial x_i}{\partial x_{i-1}} \quad \text{for } t = 3, k = 1`,
        String.raw`check \frac{\partial x_t}{\partial x_k} = \prod_{t \geq i > k} \frac{\partial x_i}{\partial x_{i-1}} \quad \text{for } t = 1..3, k = 1`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([MESSAGE, MESSAGE]);
  });

  it("Pascanu et al.'s formulas read, with the value written in", () => {
    const r = analyze(
      [
        NET,
        String.raw`check \frac{\partial x_t}{\partial x_1} = \prod_{t \geq i > 1} \frac{\partial x_i}{\partial x_{i-1}} \quad \text{for } t = 2, 3`,
        String.raw`check \frac{\partial x_3}{\partial x_1} = \prod_{3 \geq i > 1} W_{rec} \mathrm{diag}(\sigma'(x_{i-1}))`,
        String.raw`check \frac{\partial E}{\partial W_{rec}} = \sum_{1 \le t \le T} \frac{\partial E_t}{\partial W_{rec}}`,
        String.raw`check \frac{\partial E_t}{\partial W_{rec}} = \sum_{1 \le k \le t} \frac{\partial E_t}{\partial x_t} \frac{\partial x_t}{\partial x_k} \frac{\partial^+ x_k}{\partial W_{rec}}`,
        String.raw`check \frac{\partial E_t}{\partial W_{rec}} = \sum_{1 \le k < t} \frac{\partial E_t}{\partial x_t} \frac{\partial x_t}{\partial x_k} \frac{\partial^+ x_k}{\partial W_{rec}}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
    expect(r.checks[4]!.message).toContain('leaves out the path through x_t');
  });
});
