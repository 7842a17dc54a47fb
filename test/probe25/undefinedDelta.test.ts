// δ_t used where the file never defines it (a solution's `δ_t` before its definition, a check line pasted from
// one): it was "unknown name δ" with nothing more. Now the message says how the error it stands for is defined.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = 'T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = \\sum_t h_t\n';

describe('an undefined δ', () => {
  it('says how to define it, at each use', () => {
    const r = analyze(`${NET}check \\frac{\\partial L}{\\partial w} = \\sum_t \\delta_t h_{t-1}\ncheck δ^{(t)} = 1 - h_t^2\n`);
    const errs = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errs.map((d) => d.line)).toEqual([7, 8]);
    for (const d of errs) expect(d.message).toContain('define the error it stands for on a line of its own (δ_t = ∂L/∂h_t');
  });

  it('defined, it reads as before', () => {
    const r = analyze(`${NET}δ_t = ∂L/∂h_t\ncheck δ_2 = 1\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
