// Regression (a fast-check counterexample in CI): seed 000 with the ')' of equation (12)'s label replaced by '+'.
import { describe, expect, it } from 'vitest';
import { resetClaimCache } from '../../src/solution/claimCache';
import { analyzeSolution, readSolution, solutionKindOf } from '../../src/solution/index';
import { example } from './helpers';

const file = '000-gru-long-term-dependencies.md';
function solved(text: string, fresh: boolean): string {
  if (fresh) resetClaimCache(false);
  const sol = analyzeSolution(text, solutionKindOf(file)!, { sidecar: null, analyze: { draws: 4 } });
  if (fresh) resetClaimCache(true);
  return JSON.stringify(sol, (k, v: unknown) => (k === 'elapsedMs' ? 0 : v));
}

describe('claim cache regression', () => {
  it('seed 000 with a + typed over the ) of its label (12)', () => {
    const text = example(file);
    const ds = readSolution(text, solutionKindOf(file)!, null)!.displays.map((d) => ({ start: d.contentStart, end: d.end }));
    const d = ds[1600893949 % ds.length]!;
    const i = d.start + (1505993211 % Math.max(1, d.end - d.start));
    const edited = text.slice(0, i) + '+' + text.slice(i + 1);
    resetClaimCache();
    solved(text, false);
    expect(edited.slice(i - 12, i + 3)).toContain('\\quad (12+$$');
    // the unclosed '(' joins the next check line to this one: the claims are analysed together, as a fresh text
    expect(solved(edited, false)).toBe(solved(edited, true));
  });
});
