// Probe 50 (session 59): Williams & Zipser's real-time recurrent learning (Neural Computation, 1989) — s_k(t) =
// Σ_{l ∈ U ∪ I} w_kl z_l(t−1), the sensitivities p^k_ij(t) = ∂y_k(t)/∂w_ij carried forward, Δw_ij = α Σ_k e_k p^k_ij. It
// needed: Σ_{l ∈ U ∪ I} (a parse error at \in: ∪ was no character of the language); p^k_{ij}(t), a name defined over
// a weight's free entries, and its later use said why they are not checked (they were "unknown name p_ij"). The
// sensitivity recursion is checked as the derivative it is, ∂y_k(t)/∂w_ij; Δw, a descent step, is no value.
import { describe, expect, it } from 'vitest';
import { read50 } from './read50';

describe('real-time recurrent learning', () => {
  const { r, v, e } = read50('williams-zipser-rtrl.md');
  it('the network and the recursion in derivatives hold', () => {
    expect(r.checked).toBe(11);
    for (const tag of ['1', '2', '3', '5', '7']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /Σ_\{l ∈ U ∪ I\} is read as Σ_l/.test(d.message))).toBe(true);
  });
  it('the lines that are no checkable equation say why', () => {
    expect(e['4']!.message).toMatch(/it defines p\^k_\{ij\}\(t\) as ∂y_k\(t\)\/∂w_\{ij\}, one name per free entry/);
    expect(e['6']!.message).toMatch(/p\^k_\{ij\}\(t\) is defined on line 38 as ∂y_k\(t\)\/∂w_\{ij\}.*write that derivative in its place/);
    expect(e['8']!.message).toMatch(/unknown name Δ: if Δw is a change of w/);
  });
  it('the mistakes are named', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/z_t should be z_\{t-1\}/);
    expect(v['m2']!.message).toMatch(/w\[l, k\] should be w\[k, l\]/);
    expect(v['m3']!.message).toMatch(/The sides agree only where k = i: the term z_\{t-1\}\[j\] of the right side should carry δ_ki/);
    expect(v['m5']!.message).toMatch(/s_\{t-1\} should be s_t/);
    expect(v['m6']!.message).toMatch(/the opposite sign/);
    expect(v['m4']!.status).toBe('holds-as-one-step');
    expect(v['m4']!.message).toMatch(/As total derivatives it fails/);
  });
});
