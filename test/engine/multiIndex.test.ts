// Regression: time indices with several variables (o_{T+t-i}, a_{t+1-i}) are evaluated with every
// variable in the plan's dependencies, the graph, the term matcher and the symbolic engine — not only
// the first one (which read a_{t+1-i} as a_{t+1}).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.7
a_t = w x_t
s_t = Σ_{i=1}^{t} a_{t+1-i}
loss L = Σ_t s_t^2
`;

describe('indices with several variables', () => {
  const r = analyze(NET + 'check s_t = Σ_{i=1}^{t} a_i\ncheck s_T = Σ_{i=1}^{T} w x_{T+1-i}\nderive ∂L/∂w\n', { forms: true });

  it('a quantity whose equation reads a_{t+1-i} depends on a_1..a_t, and its checks hold', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('∂L/∂w matches the closed form, and the symbolic forms evaluate back to it', () => {
    const x = [0.5, -1.0, 2.0];
    const w = 0.7;
    // s_t = w (x_1 + … + x_t); L = Σ_t s_t² ⇒ ∂L/∂w = Σ_t 2 s_t (x_1 + … + x_t)
    let want = 0;
    let c = 0;
    for (const xi of x) {
      c += xi;
      want += 2 * w * c * c;
    }
    const d = r.derives[0]!.results[0]!;
    expect(d.value as number).toBeCloseTo(want, 12);
    expect(d.forms?.chain ?? d.forms?.explicit ?? d.forms?.recursive).toBeDefined();
  });
});
