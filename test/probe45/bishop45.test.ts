// Probe 45 (session 56): Bishop & Bishop, Deep Learning: Foundations and Concepts (2024) ch. 8 — a_j = Σ_i w_ji z_i,
// δ_j ≡ ∂E/∂a_j, δ_j = h'(a_j) Σ_k w_kj δ_k with §8.1.3's tanh slope 1 − z_j², ∂E/∂w_ji = δ_j z_i — unit by unit, on a
// network unrolled in time (steps as superscripts (t), units as subscripts). It read as written: entries w_{ji}, sums
// over units, the error from the next step; nothing needed changing. The book's general formula with its h' and w_kj
// δ_k names no quantity of this network and is skipped saying so.
import { describe, expect, it } from 'vitest';
import { read45 } from './read45';

describe('Bishop ch. 8, unit by unit, unrolled in time', () => {
  const { r, v, e } = read45('bishop-units.md');
  it('the forward pass, the errors and the gradients hold', () => {
    expect(r.checked).toBe(18);
    for (const tag of ['1', '2', '3', '4', '6', '7', '10', '11', '12', '13']) expect(v[tag]!.status, tag).toBe('holds');
    // Σ_t ∂E/∂a_j^{(t)} ∂a_j^{(t)}/∂w_ji: the book's ∂a_j/∂w_ji is the step's own derivative
    expect(v['9']!.status).toBe('holds-as-one-step');
    expect(e['5']!.status).toBe('skipped');
    expect(e['5']!.message).toMatch(/defines δ_j by a derivative/);
    expect(e['8']!.status).toBe('skipped');
    expect(e['8']!.message).toMatch(/unknown name h/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/v\[j, k\] should be v\[k, j\]: with its two indices swapped/);
    expect(v['m2']!.message).toMatch(/should be 1 − z_t\[j\]\^2 \(that is σ's slope/);
    expect(v['m3']!.message).toMatch(/leaves out ∂E\/∂y_2·∂y_2\/∂a_1 \+ ∂E\/∂y_3·∂y_3\/∂a_1/);
    expect(v['m4']!.message).toMatch(/z_t should be z_\{t-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/a sign is wrong/);
    expect(v['m6']!.message).toMatch(/δ_\{t-1\} should be δ_\{t\+1\}/);
    expect(v['m7']!.message).toMatch(/leaves out its last term t = 3/);
  });
});
