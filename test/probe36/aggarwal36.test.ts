// Probe 36 (session 49): Aggarwal's Neural Networks and Deep Learning ch. 7 — h_t = tanh(W_xh x_t + W_hh h_{t−1}), y_t =
// W_hy h_t, a softmax with the cross-entropy, and the shared weights' copies W_hh^{(t)}: each copy's gradient as in a
// feedforward network, ∂L/∂W_hh = Σ_t ∂L/∂W_hh^{(t)}. Read and judged as printed (session 48's copies).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'aggarwal-copies.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Aggarwal’s copies of the shared weights', () => {
  it('every equation reads, and the book’s formulas hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/W_hh should be W_hhᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/h_t should be h_\{t\+1\}: with that step the check holds/);
    // the last copy alone: the copies at t = 1 and 2 left out, the first 0 at the file's values (h_0 = 0), so named
    // only with the draws (regression: the values alone)
    expect(v['m3']!.message).toMatch(/leaves out the paths through h_1 and h_2: the terms ∂L\/∂h_1·∂⁺h_1\/∂W_hh \+ ∂L\/∂h_2·∂⁺h_2\/∂W_hh/);
    expect(v['m4']!.message).toMatch(/leaves out the path through h_\{t\+1\}/);
    expect(v['m5']!.message).toMatch(/leaves out its first term t = 1: with it the check holds/);
  });
});
