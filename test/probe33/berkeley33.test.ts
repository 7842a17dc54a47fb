// Probe 33 (session 47): a Berkeley CS182/282A-style exam answer on exploding gradients — ∂h_t/∂h_{t-1} =
// diag(tanh'(a_t)) W, ∂h_T/∂h_1 as a ∏, the bounds ‖∂h_T/∂h_1‖ ≤ ‖W‖^{T-1} and ≤ σ_max(W)^{T-1}, and a gated cell whose
// gates read only the input, ∂c_t/∂c_{t-1} = diag(f_t). σ_max(W), the largest singular value, was "expected the
// argument of \sigma, found '_'"; it is the spectral norm ‖W‖ (language/sigmaMax.ts, parser.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'berkeley-explosion.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('an exam answer on exploding gradients', () => {
  it('the Jacobians, their product, the bounds and the gated cell’s additive path hold', () => {
    for (const tag of ['a1', 'a2', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3', 'c4', 'd1', 'd2', 'd3', 'd4'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it('σ_max(W) is the largest singular value (regression: "expected the argument of \\sigma, found \'_\'")', () => {
    expect(v.c3!.status).toBe('holds');
  });
  it('the slips fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('m1')).toMatch(/h_\{t-1\} should be h_t: with that step the check holds/);
    expect(msg('m2')).toMatch(/Wᵀ should be W: with that transpose the check holds/);
    expect(msg('m3')).toMatch(/\(t = 1\.\.4\) has one term too many, t = 1/);
    expect(msg('m4')).toMatch(/≥ 2\.42364 is false/);
    expect(msg('m5')).toMatch(/the Jacobian of an elementwise function is written with diag, diag\(1 − h_t\^2\) W/);
    expect(msg('m6')).toMatch(/The term diag\(i_1 ⊙ g_1\) is no path from c_0 to c_1/);
    expect(msg('m7')).toMatch(/has one term too many, t = 1/);
    expect(msg('m8')).toMatch(/f_1, f_2 and f_3 should be f_2, f_3 and f_4/);
  });
  it('σ_max in a .rnn check, σ_{\\max} and a wrong power', () => {
    const net = (check: string) =>
      ['T = 3', 'param W : 2x2 = [[1.2, -0.4], [0.6, 0.9]]', 'h_0 = [0.1, -0.2]', 'h_t = tanh(W h_{t-1})', 'loss L = sum(h_T)', check].join(
        '\n',
      );
    expect(analyze(net('check ‖∂h_3/∂h_1‖ ≤ σ_max(W)^2')).checks.map((c) => c.status)).toEqual(['holds']);
    expect(analyze(net('check ‖∂h_3/∂h_1‖ ≤ \\sigma_{\\max}(W)^{2}')).checks.map((c) => c.status)).toEqual(['holds']);
    expect(analyze(net('check σ_max(W) = ‖W‖')).checks.map((c) => c.status)).toEqual(['holds']);
    expect(analyze(net('check ‖∂h_3/∂h_1‖ ≥ σ_max(W)^2')).checks.map((c) => c.status)).toEqual(['fails']);
  });
});
