// Probe 45 (session 56): a student's hand-in of seed exercise 001 in another Markdown style — numbered answers with
// `$$` blocks inside the list items, `align*` with `\nonumber` rows, `\mathrm{d}`, `\mathcal{L}`, `\operatorname{diag}`,
// and the gradient at step t written with an evaluation bar, `\left.\frac{∂𝓛}{∂h}\right|_{t}`. The bar with a step
// alone (|_{t}, |_{t+1}, |_{2}) was skipped ("only a step is read: |_{t=3}"), five equations unread; it is now the
// derivative by h at that step (solution/display.ts stepDenominator).
import { describe, expect, it } from 'vitest';
import { read45 } from './read45';

describe('a seed-001 hand-in with align*, list items and evaluation bars', () => {
  const { r, v } = read45('seed001-handin.md');
  it('reads every equation, the barred recursion included', () => {
    expect(r.checked).toBe(17);
    expect(r.skipped).toBe(0);
    for (const tag of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'b2']) expect(v[tag]!.status, tag).toBe('holds');
    // the seed's own one-step ∂h_t/∂W_xh
    expect(v['b1']!.status).toBe('holds-as-one-step');
    expect(v['b3']!.status).toBe('holds-as-one-step');
  });
  it('each slip is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/a sign is wrong/);
    expect(v['m2']!.message).toMatch(/1 − h_t\^2 should be h_t \(1 − h_t\) \(that is tanh's slope/);
    expect(v['m3']!.message).toMatch(/h_2 should be h_3: with that step the check holds/);
    expect(v['m4']!.message).toMatch(/No term covers the path h_1 → h_2 → h_3 → y_3 → L_3 → L/);
    expect(v['m5']!.message).toMatch(/No term covers the path W_hh → h_2 → h_3 → y_3 → L_3 → L/);
    expect(v['m6']!.message).toMatch(/∂L\/∂h_\{t-1\} should be ∂L\/∂h_\{t\+1\}/);
    // with h_0 = 0 the sum's first term is 0: true of the file, named at the draw that breaks it
    expect(v['m7']!.status).toBe('holds-at-given-values');
    expect(v['m7']!.message).toMatch(/leans on the given value of h_0.*leaves out its first term t = 1/);
  });
});
