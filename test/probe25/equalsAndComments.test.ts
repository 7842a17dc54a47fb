// A line pasted from a .tex file keeps its `% remark` (it was "unexpected character '%'"), and the equals sign is
// written in many ways: ≡ / \equiv, := / ≔ / \coloneqq, ≜ / \triangleq, a programmer's ==. LANGUAGE.md §1 names #
// and // as comments and is silent on the rest; each now reads as a student means it. docs/language-notes.md.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { highlightRnn } from '../../src/extension/preview/rnnHighlight';

const NET = 'T = 2\nparam w = 1.5\nloss L = w^2\n';
const verdicts = (lines: string) => {
  const r = analyze(NET + lines);
  return { errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), checks: r.checks.map((c) => c.status) };
};

describe("LaTeX's % comment", () => {
  it('ends a check line, a definition and a declaration', () => {
    expect(verdicts('check ∂L/∂w = 2 w % by the power rule\ncheck ∂L/∂w = 3 w %wrong on purpose\n')).toEqual({
      errors: [],
      checks: ['holds', 'fails'],
    });
    const r = analyze('T = 2\nparam w = 1.5 % a weight\nh_t = w % a constant\nloss L = \\sum_t h_t % two steps\ncheck L = 3\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values']);
  });

  it('the preview shows it as a comment', () => {
    expect(highlightRnn('param w = 1 % a weight')).toContain('<span class="unroll-comment">% a weight</span>');
  });
});

describe('the equals sign as it is written', () => {
  it.each(['\\equiv', '≡', ':=', '≔', '\\coloneqq', '\\triangleq', '≜', '=='])('check ∂L/∂w %s 2 w holds', (eq) => {
    expect(verdicts(`check ∂L/∂w ${eq} 2 w\n`)).toEqual({ errors: [], checks: ['holds'] });
  });

  it('a definition with := reads', () => {
    const r = analyze('T = 2\nparam w = 1.5\nh_t := w^2\nloss L := \\sum_t h_t\ncheck ∂L/∂w = 4 w\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
