// Probe 41 (session 54): Tom Mitchell's backpropagation rules (Machine Learning, ch. 4: δ_k = o_k(1 − o_k)(t_k − o_k),
// δ_h = o_h(1 − o_h) Σ_k w_kh δ_k, Δw_ji = η δ_j x_ji) on §4.8.2's recurrent network unfolded in time, per unit and as
// vectors. The weights by entry with the layer's label over the letter, W^{ob}_{kh} beside the file's W_ob, were
// "unexpected '_' after the statement" (language/labelOver.ts); every mistake is named.
import { describe, expect, it } from 'vitest';
import { read41 } from './read41';

describe('Mitchell’s backpropagation rules, unfolded in time', () => {
  const { r, v } = read41('mitchell-backprop.md');
  it('every equation reads; the rules hold per unit and as vectors', () => {
    expect(r.checked).toBe(13);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('W^{ob}_{kh} is entry (k, h) of W_ob, the label over the letter', () => {
    // (3) and (8) write the weights so; (m5) swaps the entry's indices and is named as such
    expect(v['m5']!.status).toBe('fails');
    expect(v['m5']!.message).toMatch(/W_ob\[h, k\] should be W_ob\[k, h\]: with its two indices swapped the check holds/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m2']!.message).toMatch(/The right side leaves out −\(∂E\/∂o_2·∂o_2\/∂net\^\{b\}_1 \+ ∂E\/∂o_3·∂o_3\/∂net\^\{b\}_1\)/);
    expect(v['m3']!.message).toMatch(/W_ob and W_bc should be W_obᵀ and W_bcᵀ: with those 2 transposes the check holds/);
    expect(v['m4']!.message).toMatch(
      /The right side is the transpose of the left side: the factors of an outer product are in the wrong order/,
    );
  });
});
