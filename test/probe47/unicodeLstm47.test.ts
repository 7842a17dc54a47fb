// Probe 47 (session 57): seed 004's LSTM backward pass typed as plain text — the seed's bars as combining overlines
// (c̄⁽ᵗ⁾, h̄⁽ᵀ⁾, ḡ, ī, ō, f̄ₜ), steps as Unicode scripts (c⁽ᵗ⁺¹⁾, c₍ₜ₊₁₎, cₜ₋₁), ′ primes, · and ⊙, Σₜ and ∏, one line in
// a plain code block. Before: 0 of 17 checked ("unexpected character '⁽'"). It needed what the Unicode Elman answer
// needed (unicodeScripts.ts). The cell path ∂c⁽³⁾/∂c⁽¹⁾ = ∏ f⁽ᵏ⁾ (m8) is a slip: the total derivative also runs
// through h, and the message says so.
import { describe, expect, it } from 'vitest';
import { read47 } from './read47';

describe('a plain-text Unicode answer on the LSTM', () => {
  const { r, v } = read47('unicode-lstm.md');
  it('every display reads and the correct ones hold; the code block is said not to be maths', () => {
    expect(r.checked).toBe(18);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '3', '4', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['2']!.status).toBe('holds-as-one-step');
    expect(r.diagnostics.some((d) => /an equation in code .* is not read as math/.test(d.message))).toBe(true);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/it has σ' where h_t's equation needs tanh'/);
    expect(v['m2']!.message).toMatch(/leaves out the path through c_\{t\+1\}/);
    expect(v['m3']!.message).toMatch(/c_t should be c_\{t-1\}: with that step the check holds/);
    expect(v['m4']!.message).toMatch(/c_t should be tanh\(c_t\)/);
    expect(v['m5']!.message).toMatch(/x_t should be h_\{t-1\}: with that the check holds/);
    expect(v['m6']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m7']!.message).toMatch(/leaves out its last term t = 3/);
    expect(v['m8']!.message).toMatch(/the path along c alone .* not the total derivative ∂c_3\/∂c_1/);
  });
});
