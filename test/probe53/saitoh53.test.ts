// Probe 53 (session 60): Saitoh's ゼロから作るDeep Learning ❷, ch. 5, in Japanese prose — row vectors with the weights on
// the right, h_t = tanh(h_{t−1}W_h + x_tW_x + b) (5.9), the MatMul node's ∂L/∂W = xᵀ ∂L/∂y, and the backward pass in the
// book's order, ∂L/∂W_h = Σ_t h_{t−1}ᵀ ∂L/∂a_t. It needed: x_tW_x (an unbraced one-character subscript run into the
// next name) read as x_t W_x; ここで and ただし as where; the tanh node's ∂y/∂x = 1 − y² with "ただし y = tanh(x)" read as
// an identity with the clause's y; and the column book's order Σ ∂L/∂a_t h_{t−1}ᵀ on rows named as an outer product.
import { describe, expect, it } from 'vitest';
import { read53 } from './read53';

describe('Saitoh’s RNN layer, forward and backward', () => {
  const { r, v } = read53('saitoh-rnn.md');
  it('every equation reads and the book’s lines hold', () => {
    expect(r.skipped).toBe(0);
    expect(r.checked).toBe(21);
    for (const tag of ['5.9', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /x_tW_x is read as x_t W_x: an unbraced subscript is one character/.test(d.message))).toBe(true);
    expect(v['12']!.message).toMatch(/t = 2\.\.3/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/W_h should be W_hᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(
      /∂L\/∂a_t h_\{t-1\}ᵀ of two rows is their inner product.*written h_\{t-1\}ᵀ ∂L\/∂a_t: with it the check holds/,
    );
    expect(v['m3']!.message).toMatch(/h_t ⊙ \(1 − h_t\) should be 1 − h_t\^2/);
    expect(v['m4']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/leaves out the path through s_\{t-1\}/);
    expect(v['m6']!.message).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(v['m7']!.message).toMatch(/W_hᵀ diag\(1 − h_t\^2\) should be diag\(1 − h_t\^2\) W_hᵀ/);
  });
});
