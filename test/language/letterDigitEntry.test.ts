// W_{k2}: a free letter and a digit run together on a matrix (Jaeger's and Williams & Zipser's entry (k, 2)) was
// "unknown name W_k2" where W_{kj} read (session 43, probe 27's leftover). It is entry (k, 2), said as W_{kj} is.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2 = [[0.5, -1.0], [2.0, 0.1], [-0.3, 0.7]]
param W : 2x2 = [[0.4, 0.1], [-0.2, 0.3]]
param U : 2x2 = [[0.3, -0.1], [0.6, 0.2]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + U x_t)
loss L = Σ_t sum(h_t ⊙ h_t)
`;

describe('a letter and a digit run together on a matrix', () => {
  it('U_{k2} is entry (k, 2): a right formula holds for every k, a wrong entry is named', () => {
    const r = analyze(
      `${NET}check ∂L/∂U_{k2} = Σ_t ∂L/∂h_{t,k} (1 - h_{t,k}^2) x_{t,2}
check ∂L/∂U_{k2} = Σ_t ∂L/∂h_{t,k} (1 - h_{t,k}^2) x_{t,1}
`,
      { graph: false },
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toContain('U_{k2} is read as entry (k, 2) of U: U_{k,2}');
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(/x_t\[1\] should be x_t\[2\]: with that entry the check holds$/);
  });

  it('not where the letter is no index, nor t (a step), nor on a vector', () => {
    const r = analyze(`${NET}check ∂L/∂U_{q2} = 1\ncheck ∂L/∂U_{t2} = 1\n`, { graph: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringMatching(/^unknown name U_q2/),
      expect.stringMatching(/U_t2|U_\{t2\}|t is not bound|unknown name/),
    ]);
  });
});
