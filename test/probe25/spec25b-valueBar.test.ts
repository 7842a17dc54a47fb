// An evaluation bar at a value of the quantity a derivative is by, `\frac{\partial L}{\partial w}\Big|_{w=1.5} = 3`
// (a calculus exercise's habit): the bar was read as a range of a step letter w, and the check said "write the range
// of t: for t = a..b", naming nothing the student wrote. It is now refused as what it is, with what to write; a bar at
// a step is as before.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 2
input x = [0.5, -1]
target y = [0.2, 0.1]
param w = 1.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
loss L = \sum_t (h_t - y_t)^2`;

describe('a bar at a value of the derivative variable', () => {
  it('is refused naming the declaration', () => {
    const r = analyze(
      [NET, String.raw`check \frac{\partial L}{\partial w}\Big|_{w=1.5} = 3`, String.raw`check \frac{dL}{dw}\Big|_{w=2} = 3`].join('\n'),
    );
    expect(r.checks).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'an evaluation bar |_{w=1.5} at a value of w is not read: a bar binds a step only; give w that value where it is declared (param w = 1.5) and write the check without the bar',
      'an evaluation bar |_{w=2} at a value of w is not read: a bar binds a step only; give w that value where it is declared (param w = 2) and write the check without the bar',
    ]);
  });

  it('a bar at a step still binds it', () => {
    const r = analyze(
      [
        NET,
        String.raw`check \frac{\partial L}{\partial h_t}\Big|_{t=2} = 2(h_2 - y_2)`,
        String.raw`check \frac{\partial L}{\partial h_t} = 2(h_t - y_t)\Big|_{t=2}`,
      ].join('\n'),
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
