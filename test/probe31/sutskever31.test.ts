// Probe 31 (session 46): Sutskever's PhD thesis "Training Recurrent Neural Networks" (2013), ch. 2 — inputs v_t,
// u_t = W_hv v_t + W_hh h_{t−1} + b_h, h_t = e(u_t), o_t = W_oh h_t + b_o, z_t = g(o_t), and his BPTT with d-prefixed
// gradients (do_t, dh_t, du_t, dW_oh = Σ_t do_t h_tᵀ, dh_{t−1} = W_hhᵀ du_t …), and the mistakes a grader circles.
// The algorithm's own lines (dW_oh ← dW_oh + do_t h_tᵀ) were "an update … as a descent step does": they now say they
// are an accumulation, or a gradient's assignment in the loop (src/solution/accumulation.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'sutskever-thesis.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Sutskever, thesis ch. 2: the RNN and its BPTT', () => {
  it('the forward and backward formulas hold, e and g named in the network (e = tanh, g = softmax)', () => {
    for (const tag of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11', 'S12', 'S13'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it("dz_t = −y_t / z_t holds; g'(o_t) with g the softmax is no function, and the message says its derivative is a Jacobian", () => {
    expect(v.S16!.status).toBe('holds');
    expect(v.S17!.status).toBe('skipped');
    expect(v.S17!.message).toMatch(/g' is no function: the softmax's derivative is a Jacobian, diag\(s\) − s sᵀ/);
  });
  it('the algorithm’s lines are not checked, and say why: an accumulation, a gradient assigned in the loop', () => {
    expect(v.S14!.status).toBe('skipped');
    expect(v.S14!.message).toMatch(/an accumulation \(dW_\{oh\} ← dW_\{oh\} \+ …\), a line of an algorithm that adds one step's term/);
    expect(v.S14!.message).toMatch(/Write the total it reaches to check it \(dW_\{oh\} = Σ_t …\)/);
    expect(v.S14!.message).not.toMatch(/descent step/);
    expect(v.S15!.status).toBe('skipped');
    expect(v.S15!.message).toMatch(/an assignment in an algorithm \(dh_\{t-1\} ← …\).*later lines may add to/);
    expect(v.S15!.message).not.toMatch(/descent step/);
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('SM1')).toMatch(/their outer product is written with the right one transposed/);
    expect(msg('SM2')).toMatch(/W_ohᵀ \(3×2 matrix\) fits \(a transpose missing\?\)\. With W_ohᵀ for W_oh: holds/);
    expect(msg('SM3')).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(msg('SM4')).toMatch(/h_\{t\+1\} should be h_t: with that step the check holds/);
    expect(msg('SM5')).toMatch(/leaves out the path through u_\{t\+1\}/);
    expect(msg('SM6')).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(msg('SM7')).toMatch(/the opposite sign: a sign is wrong/);
    expect(msg('SM8')).toMatch(/∂L\/∂h_t should be ∂L\/∂u_t: the factor tanh'\(u_t\)/);
    expect(msg('SM9')).toMatch(/W_hh should be W_hhᵀ: with that transpose the check holds/);
    expect(msg('SM10')).toMatch(/leaves out the path through o_\{t-1\}/);
    expect(msg('SM11')).toMatch(/du_t should be du_\{t\+1\}: with that step the check holds for t = 1\.\.2/);
    expect(msg('SM12')).toMatch(/∂L\/∂h_t should be ∂L\/∂u_t: the factor tanh'\(u_t\)/);
  });
});
