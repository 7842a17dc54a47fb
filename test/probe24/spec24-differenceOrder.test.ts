// Seed 000's GRU, ∂h_t/∂h_{t-1} worked out in an align as a student hands it in (a list item, \tag on every row): the
// last row writes the gate's path with its difference backwards, u_t(1 − u_t) w (s_t − h_{t-1}). Flipping either
// difference of that product makes the row hold, and the message named the gate's complement, "(1 − u_t) should be
// (u_t − 1)" — which of the two (1 − u_t) it did not say, and a complement written backwards is hardly ever the slip.
// A difference of two values is now tried before one from a number (substitute.ts signEdits).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const SOLUTION = String.raw`# GRU exercise

${'```'}rnn
T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.7
h_0 = 0.2
u_t = σ(w h_{t-1} + w x_t)
s_t = w (h_{t-1} + x_t)
h_t = u_t h_{t-1} + (1 - u_t) s_t
${'```'}

1. Derivative of the gate:
   $$\frac{\partial u_t}{\partial h_{t-1}} = u_t(1-u_t)\, w \tag{1}$$
2. Then
   \begin{align}
   \frac{\partial h_t}{\partial h_{t-1}} &= u_t + \frac{\partial u_t}{\partial h_{t-1}} h_{t-1} + (1-u_t) \frac{\partial s_t}{\partial h_{t-1}} - \frac{\partial u_t}{\partial h_{t-1}} s_t \tag{3}\\
   &= u_t + u_t(1-u_t) w (h_{t-1} - s_t) + (1 - u_t) w \tag{4}\\
   &= u_t + u_t(1-u_t) w (s_t - h_{t-1}) + (1 - u_t) w \tag{5}
   \end{align}
`;

describe('a difference written backwards is named before a gate complement', () => {
  it('the align reads as one chain of three links, tagged per row; the third names (s_t − h_{t-1})', () => {
    const r = analyzeSolution(SOLUTION, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => [e.tag, e.status])).toEqual([
      ['1', 'holds'],
      ['3', 'fails'],
    ]);
    const links = r.networks[0]!.report.checks.filter((c) => c.tag === '3' || c.tag === '4' || c.tag === '5');
    expect(links.map((c) => [c.link, c.status])).toEqual([
      [1, 'holds'],
      [2, 'holds'],
      [3, 'fails'],
    ]);
    expect(links[2]!.message).toMatch(/\(s_t − h_\{t-1\}\) should be \(h_\{t-1\} − s_t\): with that the check holds$/);
    expect(links[2]!.message).not.toMatch(/\(1 − u_t\) should be/);
  });
});
