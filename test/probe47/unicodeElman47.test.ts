// Probe 47 (session 57): seed 002's vanilla RNN typed as plain text with Unicode — h⁽ᵗ⁾, h⁽ᵗ⁻¹⁾ᵀ, ∂h₍ₜ₎/∂h₍ₜ₋₁₎, h₁ h₂
// h₃, Σₜ, ∏_{j=2}^{3}, Wᵀ, ⊙, σ′ and tanh′, (h⁽ᵗ⁾)², ℒ — in the rnn block and in `$$` blocks. Before: "unexpected
// character '⁽'" everywhere, the network not defined, 0 of 24 checked. It needed Unicode super- and subscript runs read
// as the scripts they print (language/unicodeScripts.ts: ⁽ᵗ⁻¹⁾ as ^{(t-1)}, ₍ₜ₎ and ₜ as _{t}), and ℒ read as
// \mathcal{L} is (lexer.ts); Σₜ₌₁ᵀ's ᵀ is the upper bound, not a transpose.
import { describe, expect, it } from 'vitest';
import { read47 } from './read47';

describe('a plain-text Unicode answer on the vanilla RNN', () => {
  const { r, v } = read47('unicode-elman.md');
  it('every equation reads and the correct ones hold', () => {
    expect(r.checked).toBe(24);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/W_hx should be W_hxᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/The third h_t should be h_\{t-1\}/);
    expect(v['m3']!.message).toMatch(
      /The factor tanh′\(W_hx x_t \+ W_hh h_\{t-1\} \+ b_h\) — diag\(1 − h²\) in matrix form — is missing before W_hh/,
    );
    expect(v['m4']!.message).toMatch(/leaves out its first term t = 1/);
    expect(v['m5']!.message).toMatch(/σ' should be tanh': with that derivative the check holds/);
    expect(v['m6']!.message).toMatch(/leaves out the path through h_\{t\+1\}/);
    expect(v['m7']!.message).toMatch(/The second ∂h_3\/∂h_2 should be ∂h_2\/∂h_1: with that step the check holds/);
    expect(v['m8']!.message).toMatch(/∂L\/∂h_t should be ∂L\/∂h_\{t\+1\}: with that step the check holds/);
  });
});
