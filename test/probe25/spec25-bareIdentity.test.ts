// The identity written without its size, as textbooks print it: `(I - \mathrm{diag}(h_t^2)) W` for tanh's Jacobian,
// `\mathbf{I}`, `\mathbb{I}`, `I + ∂h_3/∂h_1`. It was "unknown name I: the identity matrix is written with its size,
// I_n" and the equation lost. Beside a matrix (a sum: a square one; a product: the side it multiplies), a bare I is the
// identity of that size; where nothing sizes it (`I = 1`), the diagnostic stays. An identity prints I_n in messages
// (it printed diag([1, 1, 1])).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { GOODFELLOW } from '../textbook/vanilla';

const run = (...lines: string[]) => analyze([GOODFELLOW, ...lines.map((l) => `check ${l}`)].join('\n'));
const J = String.raw`\frac{\partial h_t}{\partial h_{t-1}}`;

describe('a bare I is the identity its neighbour sizes', () => {
  it('in a difference, a sum and a product; \\mathbf{I}, \\mathbb{I}', () => {
    const r = run(
      String.raw`${J} = (I - \text{diag}(h_t)^2) W`,
      String.raw`${J} = (\mathbf{I} - \text{diag}(h_t^2)) W`,
      String.raw`${J} = (\mathbb{I} - \text{diag}(h_t^2)) W`,
      String.raw`${J} = I \cdot \text{diag}(1 - h_t^2) W`,
      String.raw`\frac{\partial h_3}{\partial h_1} = \frac{\partial h_3}{\partial h_2} \frac{\partial h_2}{\partial h_1} I`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
  });

  it('a mistake beside it is still named, and the identity prints as I_3', () => {
    const r = run(
      String.raw`${J} = (I - \text{diag}(h_t^2)) W^\top`,
      String.raw`\frac{\partial h_3}{\partial h_1} = I + \frac{\partial h_3}{\partial h_1}`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    expect(r.checks[0]!.message).toContain('Wᵀ should be W');
    expect(r.checks[1]!.message).toContain('The term I_3 is no path from h_1 to h_3');
  });

  it('with nothing to size it, I is still the diagnostic asking for I_n', () => {
    const r = run('I = 1');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'unknown name I: the identity matrix is written with its size, I_n (I_3 is 3×3)',
    ]);
  });
});
