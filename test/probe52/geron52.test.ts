// Probe 52 (session 60): Géron, "Hands-On Machine Learning" ch. 15, as his readers copy it — the mini-batch layer
// Y_(t) = φ(X_(t) W_x + Y_(t−1) W_y + b) (15-2, one row per instance), the LSTM (15-3) and the GRU (15-4) with the steps
// in parentheses, transposed weights W_xiᵀ x_(t) and ⊗ for the product entry by entry, and a student's gradients in
// the book's letters. It needed: ⊗ read entry by entry where no outer product can stand (15-3, 15-4 and every backward
// line were shape errors or skipped), the bias row added to every row of the batch (15-2 was "cannot add"), and the
// transposed gradient of a row network said in the rows' order (it said "the gradient comes first"), and the gate
// left out of W_hg's input named (m7 failed with its values only). Decided: a
// square batch would read Y² as a matrix power (the contract's M^k), so the batch has 3 instances and the student
// writes Y ⊗ Y.
import { describe, expect, it } from 'vitest';
import { read52 } from './read52';

describe('Géron’s recurrent layer, LSTM and GRU (HOML ch. 15)', () => {
  const { r, v } = read52('geron-lstm-gru.md');
  it('every equation reads; the book’s and the student’s correct ones hold', () => {
    expect(r.checked).toBe(30);
    expect(r.skipped).toBe(0);
    for (const tag of ['15-2', 'g1', 'g2', 'g3', '15-3', 'l2', 'l3', 'l4', 'l5', '15-4', 'u1', 'u2', 'u3'])
      expect(v[tag]!.status, tag).toBe('holds');
    expect(v['l1']!.status).toBe('holds-as-one-step');
    expect(
      r.diagnostics.some((d) => /⊗ is read as the product entry by entry \(⊙\), as Géron's LSTM and GRU write it/.test(d.message)),
    ).toBe(true);
    expect(r.diagnostics.some((d) => /is added to every row of the 3×2 matrix, as a bias is to a mini-batch's rows/.test(d.message))).toBe(
      true,
    );
  });
  it('each mistake fails, naming the culprit', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/the network multiplies rows by W_y .* the rows' transpose comes first/);
    expect(v['m2']!.message).toMatch(/W_y should be W_yᵀ/);
    expect(v['m3']!.message).toMatch(/f_t should be f_\{t\+1\}/);
    expect(v['m4']!.message).toMatch(/σ' where h_t's equation needs tanh'/);
    expect(v['m5']!.message).toMatch(/the network multiplies by W_hoᵀ, so in ∂L\/∂W_ho's outer product the state comes first/);
    expect(v['m6']!.message).toMatch(/wrong sign/);
    expect(v['m7']!.message).toMatch(/h_\{t-1\} should be r_t ⊙ h_\{t-1\}, what W_hg multiplies in g_t's equation/);
    expect(v['m8']!.message).toMatch(/z_t should be 1 − z_t/);
  });
});
