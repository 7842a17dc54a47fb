// Probe 51 (session 59): a German Übung's BPTT solution (Computational Intelligence style): Fehler E, Ausgabe y_t,
// Sollwert d_t, δ_t := ∂E/∂h_t, Gewichtsänderung Δw = −η ∂E/∂w, `\text{für } t = 1, \dots, T`, `\operatorname{diag}`,
// decimal commas in the network (`param w = 0,8`) and in the numbers (`0{,}5`). It needed the decimal comma (the
// block was "unexpected ','", 0{,}5 read as 0 and 5) and für read as the range's for (it was an equation of its own,
// "expected a value"). Decided: h_2 = tanh(…0,4621) computed from a rounded h_1 fails with "computed from rounded
// numbers … write ≈" (an `=` is judged to 1e-6). Δw = −η ∂E/∂w, where the network names η, is read as that change
// (m7, the sign dropped, was unjudged: "unknown name Δ … a descent step").
import { describe, expect, it } from 'vitest';
import { read51 } from './read51';

describe('a German Übung on BPTT', () => {
  const { r, v, e } = read51('uebung-bptt.md');
  it('the solution’s equations read and hold', () => {
    expect(r.checked).toBe(24);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '6', '7', '8', '9', '10', '11', '12', '12b', '13', '14', '15', '16'])
      expect(v[tag]!.status, tag).toBe('holds');
    expect(e['1']!.unread).toBeUndefined();
    expect(v['8']!.message).toMatch(/t = 1\.\.2/);
    expect(v['4']!.status).toBe('holds-at-given-values');
    expect(e['4']!.checks[1]!.message).toMatch(/rounds to 0\.4621/);
  });
  it('a value from a rounded one is said to be so', () => {
    expect(v['5']!.status).toBe('fails');
    expect(v['5']!.message).toMatch(/computed from rounded numbers, 0\.4621/);
    expect(e['5']!.checks[1]!.status).toBe('holds');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m7']!.message).toMatch(/opposite sign/);
    expect(v['m1']!.message).toMatch(/should be 1 − h_\{t\+1\}\^2 \(that is σ's slope/);
    expect(v['m2']!.message).toMatch(/h_t should be h_\{t-1\}/);
    expect(e['m3']!.checks[1]!.message).toMatch(/rounds to 0\.5509, not 0\.6023/);
    expect(v['m4']!.message).toMatch(/opposite sign/);
    expect(v['m5']!.message).toMatch(/Wᵀ should be W/);
    expect(v['m6']!.message).toMatch(/needs the factor tanh'/);
  });
  it('the weight change is read as gradient descent’s, with the network’s η', () => {
    expect(r.diagnostics.some((d) => /Δw is read as −η ∂E\/∂w: the change a step of gradient descent makes/.test(d.message))).toBe(true);
  });
});
