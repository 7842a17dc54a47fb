// Probe 31 (session 46): a GRU's backward pass as blogs and notes derive it — z_t, r_t, h̃_t, h_t = (1 − z_t) ⊙ h_{t−1} +
// z_t ⊙ h̃_t, δh_t carried back through all four paths, δz_t = δh_t ⊙ (h̃_t − h_{t−1}) ⊙ z_t(1 − z_t), δr_t, the weights'
// gradients — and Cho et al.'s convention h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t with the other convention's formulas
// pasted. ∂h_t/∂h_{t−1} = diag(1 − z_t) there (two slips: the gate's complement and the total for the direct path)
// failed with its values only; it names both now (engine/check/partialEdit.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'gru-backward.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('a GRU’s backward pass', () => {
  it('the correct formulas hold, in both conventions', () => {
    for (const tag of ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11', 'G12', 'G13', 'C1', 'C2', 'C3'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('GM1')).toMatch(/the opposite sign: a sign is wrong/);
    expect(msg('GM2')).toMatch(/leaves out the path through r̄_\{t\+1\}/);
    expect(msg('GM3')).toMatch(/leaves out the path through h_\{t\+1\}: the term ∂L\/∂h_\{t\+1\}·∂⁺h_\{t\+1\}\/∂h_t/);
    expect(msg('GM4')).toMatch(/z_\{t\+1\} should be 1 − z_\{t\+1\}/);
    expect(msg('GM5')).toMatch(/1 − z_t should be z_t: with that the check holds/);
    expect(msg('GM6')).toMatch(/leaves out the factor h_\{t-1\}/);
    expect(msg('GM7')).toMatch(/h_\{t-1\} needs the factor r_t/);
    expect(msg('GM8')).toMatch(/their outer product is written with the right one transposed/);
    expect(msg('GM9')).toMatch(/h_t should be h̃_t: with that the check holds/);
    expect(msg('GM10')).toMatch(/U_h should be U_hᵀ: with that transpose the check holds/);
    expect(msg('GM11')).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(msg('GM12')).toMatch(/it leaves out the factor r_\{t\+1\}/);
    expect(msg('GM13')).toMatch(/σ'\(z̄_t\) = z_t\(1 − z_t\) — that factor is missing/);
    expect(msg('CM1')).toMatch(/the opposite sign: a sign is wrong/);
    expect(msg('CM2')).toMatch(/z_t should be 1 − z_t/);
  });
  it('diag(1 − z_t) for ∂h_t/∂h_{t−1} under Cho’s convention names both slips', () => {
    expect(v.CM3!.status).toBe('fails');
    expect(v.CM3!.message).toMatch(
      /neither ∂h_t\/∂h_\{t-1\}, which counts every path \(also those through h̃_t and z_t\), nor the immediate partial ∂⁺h_t\/∂h_\{t-1\}/,
    );
    expect(v.CM3!.message).toMatch(/As that partial it has a slip: 1 − z_t should be z_t: with that it is ∂⁺h_t\/∂h_\{t-1\}/);
  });
});
