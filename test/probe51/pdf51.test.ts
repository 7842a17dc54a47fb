// Probe 51 (session 59): an exam solution copied out of a PDF as plain text and pasted between `$$`: subscripts
// flattened (ht−1, h t, xt, δt+1, oT), Σt and ∑T t=1 (the bounds on the line), ∂L / ∂W on one line, U+2212 minus, × and ·, primes as ’, ht² with a
// superscript two, a soft hyphen inside tanh and a no-break space; ligatures (ﬁ, ﬂ) in the prose. Nothing read: every
// flattened step was "unknown name ht", the soft hyphen "unexpected character U+00AD". It needed the flattened steps
// and Σt read as what the PDF flattened (in an equation with no LaTeX and no script, said in an information) and the
// soft hyphen dropped. Decided: δt = ∂L / ∂ht in the prose is a definition only where it is math ($…$).
import { describe, expect, it } from 'vitest';
import { read51 } from './read51';

describe('an exam solution pasted from a PDF', () => {
  const { r, v } = read51('exam-pdf-paste.md');
  it('every equation reads, and the correct ones hold', () => {
    expect(r.checked).toBe(18);
    expect(r.skipped).toBe(0);
    for (let n = 1; n <= 12; n++) expect(v[String(n)]!.status, String(n)).toBe('holds');
    expect(r.diagnostics.some((d) => /ht−1 is read as h_\{t-1\}.*as text copied from a PDF has its subscripts/.test(d.message))).toBe(true);
    expect(r.diagnostics.some((d) => /Σt is read as Σ_t/.test(d.message))).toBe(true);
    expect(r.diagnostics.some((d) => /∑T t=1 is read as ∑_\{t=1\}\^\{T\}/.test(d.message))).toBe(true);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/U should be W/);
    expect(v['m2']!.message).toMatch(/h_t should be h_\{t\+1\}/);
    expect(v['m3']!.message).toMatch(/σ' should be tanh'/);
    expect(v['m4']!.message).toMatch(/opposite sign/);
    expect(v['m5']!.message).toMatch(/taken one-step/);
    expect(v['m6']!.message).toMatch(/h_\{t-1\} should be h_t/);
  });
});
