// Probe 53 (session 60): a Chinese lecture slide and a Korean one pasted from a PDF — full-width （ ） ＝ ： beside the
// math, × and · mixed for products, \text{其中：} and \text{여기서 } clauses, and δ_t = ∂L/∂z_t = … labelled in a chain.
// It needed: the full-width forms read as ASCII (15 of 21 equations were "unexpected character '（'"); 여기서 as where;
// and the chain that labels δ first defining it — the later one-link mistake δ_t = h_t ⊙ (1 − h_t) ⊙ ∂L/∂h_t had been
// taken as δ's definition, and five correct lines failed against it.
import { describe, expect, it } from 'vitest';
import { read53 } from './read53';

describe('a CJK slide’s BPTT', () => {
  const { r, v } = read53('slides-cjk.md');
  it('every equation reads and the slide’s lines hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['10']!.message).toMatch(/t = 1\.\.2/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/U should be Uᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/h_t ⊙ \(1 − h_t\) should be 1 − h_t\^2/);
    expect(v['m3']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    // (ŷ as the network spells it: y and a combining circumflex)
    expect(v['m4']!.message).toMatch(/leaves out the path through y\u0302_t: the term ∂L\/∂y\u0302_t/u);
    expect(v['m5']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m6']!.message).toMatch(/leaves out the path through z_\{t\+1\}/);
    expect(v['m7']!.message).toMatch(/The second h_3 should be h_2: with that step the check holds/);
  });
});
