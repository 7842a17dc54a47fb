// Probe 46 (session 57): an encoder–decoder (Sutskever, Vinyals & Le; Cho et al.) under teacher forcing, written as one
// network over the steps with s_0 = c = h_T, and Ba, Kiros & Hinton's layer-normalized RNN. The encoder–decoder
// needed: ∂L/∂W_e = 0 read with 0 the zero matrix (zeroSide.ts; it was "the shapes differ") and a right side one step
// off the left side's derivative named (leftStep.ts; n5 gave two values). The language lacks a second horizon (both
// sequences run on t = 1..T) and a target's step 0 (the decoder's shifted targets are an input of their own). Layer
// norm needed: σ^t, the paper's deviation, a name (the parser read the sigmoid and wanted its argument), 1/H beside
// Σ_{i=1}^{H} the same count, and H = 3 named in the network accepted as that count; the factor 1/σ_t offered (l3), and
// the count H − 1 for H named (l6).
import { describe, expect, it } from 'vitest';
import { read46 } from './read46';

describe('the encoder’s gradient through the hand-over, and layer norm', () => {
  const { r, v } = read46('encdec-layernorm.md');
  it('every equation reads', () => {
    expect(r.checked).toBe(28);
    expect(r.skipped).toBe(0);
  });
  it('the hand-over and both backward passes hold', () => {
    for (const tag of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the encoder–decoder’s mistakes are named', () => {
    for (const tag of ['n1', 'n2', 'n3', 'n4', 'n5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['n1']!.message).toMatch(
      /the right side \[\[0, 0\], \[0, 0\]\]\. The other side leaves out the paths through h_1, h_2 and h_3/,
    );
    expect(v['n2']!.message).toMatch(/∂L\/∂s_1 needs the factor tanh'\(W_d s_0 \+ U_d u_1\)/);
    expect(v['n3']!.message).toMatch(/leaves out the path through s_\{t\+1\}/);
    expect(v['n4']!.message).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(v['n5']!.message).toMatch(/The right side is ∂L\/∂h_T, not ∂L\/∂h_\{T-1\}: the derivative by h_T, one step after h_\{T-1\}/);
  });
  it('the normalization’s statistics, its Jacobian and the gain’s gradient hold', () => {
    for (const tag of ['4', '5', '6', '7', '8', '9', '10', '11']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => d.message === 'the bound H = 3 is the number of entries i runs over')).toBe(true);
  });
  it('the layer-norm mistakes are named', () => {
    for (const tag of ['l1', 'l2', 'l3', 'l4', 'l5', 'l6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['l1']!.message).toMatch(/is the immediate partial ∂⁺h_t\/∂a_t .* also counts the paths through μ_t and σ_t/);
    expect(v['l2']!.message).toMatch(/leaves out the path through σ_t/);
    expect(v['l3']!.message).toMatch(/leaves out the factor 1\/σ_t: with that the check holds/);
    expect(v['l4']!.message).toMatch(/σ' should be tanh'/);
    expect(v['l5']!.message).toMatch(/\(t = 1\.\.2\) leaves out its last term t = 3/);
    expect(v['l6']!.message).toMatch(/H − 1 should be H: with that the check holds/);
  });
});
