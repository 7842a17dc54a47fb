// ReLU as notes write it: the slope `\mathbb{1}[z > 0]`, `1_{h_t > 0}`, `\mathbb{1}\{… > 0\}` (Iverson brackets with a
// comparison), and the function `\max(0, z)`. Both were refused ("'>' is read only in the bounds of Σ and ∏", "unknown
// LaTeX command \max"), so a right ReLU derivation went unchecked. 𝟙[a > b] (≥, <, ≤) is relu'(a − b) entry by entry;
// max(0, z) and max(z, 0) are relu(z); any other max is refused, saying what it reads. A definition's expansion that
// leaves out whole terms of a scalar network names them once ("misses W_hh h_{t-1}, b_h", not "… from W_hh h_{t-1}").
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SIGMA_NET } from '../probe24/spec24b-network';

const RELU_NET = SIGMA_NET.replace('h_t = σ(x_t + W_hh h_{t-1})', 'h_t = relu(x_t + W_hh h_{t-1} - 0.2)');
const J = String.raw`\frac{\partial h_t}{\partial h_{t-1}}`;
const run = (...lines: string[]) => analyze([RELU_NET, ...lines.map((l) => `check ${l}`)].join('\n'));

describe("ReLU's slope as an indicator, ReLU as max(0, z)", () => {
  it('𝟙[z > 0], 1_{h_t > 0}, 𝟙{…}, 𝟙[0 < z] hold; 𝟙(h_t ≤ 0) and 𝟙(h_t ≥ 0) do not', () => {
    const r = run(
      String.raw`${J} = \mathbb{1}[x_t + W_{hh} h_{t-1} - 0.2 > 0] W_{hh}`,
      String.raw`${J} = 1_{h_t > 0} W_{hh}`,
      String.raw`${J} = \mathbb{1}\{x_t + W_{hh} h_{t-1} - 0.2 > 0\} W_{hh}`,
      String.raw`${J} = \mathbb{1}[0 < x_t + W_{hh} h_{t-1} - 0.2] W_{hh}`,
      String.raw`${J} = \mathbb{1}(h_t \leq 0) W_{hh}`,
      String.raw`${J} = (1 - \mathbb{1}[h_t \le 0]) W_{hh}`,
      String.raw`${J} = \mathbb{1}(h_t \geq 0) W_{hh}`,
      String.raw`${J} = \mathbb{I}[h_t > 0] W_{hh}`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 1[h_t ≤ 0] is the slope's complement, 1[h_t ≥ 0] is 1 at every step (h_2 = 0): both fail
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails', 'holds', 'fails', 'holds']);
  });

  it('max(0, z) and max(z, 0) are relu(z); another max is refused', () => {
    const r = run(
      String.raw`h_t = \max(0, x_t + W_{hh} h_{t-1} - 0.2)`,
      String.raw`h_t = \max(x_t + W_{hh} h_{t-1} - 0.2, 0)`,
      String.raw`h_t = \max(1, x_t)`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'max is read only as max(0, z), the ReLU relu(z), entry by entry',
    ]);
  });

  it('a definition written out with terms left out names each once', () => {
    const [c] = run(String.raw`h_t = \max(0, x_t)`).checks;
    expect(c!.status).toBe('fails');
    expect(c!.message).toContain('inside relu(…), the right side misses W_hh h_{t-1}, −0.2; with that put right the check holds');
  });
});
