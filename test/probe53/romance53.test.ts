// Probe 53 (session 60): a French course's "rétropropagation à travers le temps" (Larochelle-style ∇_{a_t} ℓ, où,
// pour tout, \text{et}) with its Spanish (donde, para, \text{y}, a bare `\quad y \quad`) and Portuguese (onde, para
// todo, \text{e}) versions. It needed: `\text{où }` rewritten to `where` had moved every later offset, so no \tag after
// (2) read (19 of 24 equations skipped); the Portuguese where clause δ_t = ∂ℓ/∂a_t with a later δ_T = … (which defined δ
// a second time); the bare y between two equations read as "and", not the target y.
import { describe, expect, it } from 'vitest';
import { read53 } from './read53';

describe('BPTT in French, Spanish and Portuguese', () => {
  const { r, v } = read53('romance-bptt.md');
  it('every equation reads and holds', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['5']!.message).toMatch(/t = 2\.\.3/);
    expect(v['8']!.message).toMatch(/t = 1\.\.2/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/W should be Wᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/h_t ⊙ \(1 − h_t\) should be 1 − h_t\^2/);
    expect(v['m3']!.message).toMatch(/leaves out the path through a_\{t\+1\}/);
    expect(v['m4']!.message).toMatch(/leaves out its last term t = 3/);
    expect(v['m5']!.message).toMatch(/δ_t should be δ_\{t\+1\}: with that step the check holds/);
    expect(v['m6']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m7']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
  });
});
