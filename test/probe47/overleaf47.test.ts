// Probe 47 (session 57): seed 002's vanilla RNN answered in Overleaf with the `physics` package — \pdv, \dv, \qty(…),
// \vb{h}, \bm{W}, \mqty(…) — in equation, split, multline and align with \notag and \intertext, a \coloneqq and a
// \triangleq definition, \stackrel{\text{def}}{=}, \overset{\eqref{…}}{=}, \boxed, \color{red}{…}, \sum\limits,
// \displaystyle, \bigl(…\bigr), \Bigg[…\Bigg], an \underset label under an \underbrace, a where-clause after a comma with
// \equiv, and the spacing commands.
// Before: every display was "unknown LaTeX command \pdv" (or \vb, \dv), 0 of 27 checked. It needed the physics package
// read (solution/physics.ts), \color{red}{…}'s group read as its content, a label \underset under an expression read
// as the expression, a letter defined by a formula (r ≜ …) the solution's own name, and \equiv after a comma splitting
// the where-clause off as = does (it was read as the check's range). \pdv[2] reads as the ∂²L/∂b² it prints, which
// the parser names.
import { describe, expect, it } from 'vitest';
import { read47 } from './read47';

describe('an Overleaf answer with the physics package', () => {
  const { r, v, e } = read47('overleaf-physics-elman.md');
  it('every first-order equation reads, and the correct ones hold', () => {
    expect(r.checked).toBe(24);
    expect(r.skipped).toBe(3);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '13', '15', '16', '17'])
      expect(v[tag]!.status, tag).toBe('holds');
    // seed 002's Σ_i … ∂h^{(i)}/∂W_hh in a split: the one-step derivative the seed means
    expect(v['10']!.status).toBe('holds-as-one-step');
    expect(v['10']!.message).toMatch(/∂h_i\/∂W_hh read as one-step derivative/);
  });
  it('a second derivative is named, and a definition by \\triangleq is used', () => {
    expect(e['14']!.status).toBe('skipped');
    expect(e['14']!.message).toMatch(/second and higher derivatives \(∂²A\/∂B²\) are not in the language/);
    expect(r.diagnostics.some((d) => /it defines r by the formula after it, a name of the solution's own/.test(d.message))).toBe(true);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/W_hh should be W_hhᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/h_t ⊙ \(1 − h_t\) should be 1 − h_t\^2 \(that is σ's slope/);
    expect(v['m3']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m4']!.message).toMatch(/The Σ over t on the right side \(t = 1\.\.2\) leaves out its last term t = 3/);
    expect(v['m5']!.message).toMatch(/The third h_t should be h_\{t-1\}: with that step the check holds/);
    expect(v['m6']!.message).toMatch(/∂h_3\/∂h_2 should be ∂h_3\/∂h_1: with that step the check holds/);
  });
});
