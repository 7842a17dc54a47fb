// Two mistakes in one side (termMatch.ts withInputsLeftOut): seed 001's (30)–(32) under T = 4 write ∂L/∂W_xh as
// terms for L_1, L_2, L_3 — L_4 left out — with the last factor of the last term wrong (∂h_2/∂W_xh for
// ∂h_1/∂W_xh). The paths through L_4 left four paths uncovered, and the matcher said nothing: the check failed
// with its values alone (session 17 leftover). Now both are named; and (34)–(35), which leave out L_4 only, say so
// under the one-step reading the seed means. Two networks (the fixture's values and others), so no value decides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';

const TEXT = readFileSync(join(__dirname, '..', 'probe17', 'fixtures', 'seeds17-001c.md'), 'utf8');
// another network: other weights, and h_0 = 0 kept (the seed's (33)–(35) lean on it)
const OTHER = TEXT.replace('param W_xh = 0.45', 'param W_xh = -0.8')
  .replace('param W_hh = -0.7', 'param W_hh = 1.1')
  .replace('param W_hy = 1.3', 'param W_hy = 0.6');
const solve = (text: string): SolutionReport => analyzeSolution(text, 'markdown', { sidecar: null });
const tagged = (r: SolutionReport, tag: string) => r.equations.find((e) => e.tag === tag)!;

describe('L_4 left out and a wrong last factor, both named', () => {
  for (const [name, text] of [
    ['the fixture', TEXT],
    ['other weights', OTHER],
  ] as const) {
    it(`${name}: (30)–(32) name ∂L_4/∂W_xh and the last factor`, () => {
      const r = solve(text);
      expect(TEXT).not.toBe(OTHER);
      const e = tagged(r, '30');
      expect(e.status).toBe('fails');
      expect(e.message).toMatch(
        /No term is written for ∂L_4\/∂W_xh = -?[\d.e-]+ \(the paths through L_4\), and the term .* the last factor should be ∂h_1\/∂W_xh/,
      );
    });
    it(`${name}: (34)–(35) leave out L_4, read one-step`, () => {
      const e = tagged(solve(text), '34');
      expect(e.status).toBe('fails');
      expect(e.message).toMatch(
        /Read with ∂h_3\/∂W_hh as one-step derivative, no term is written for ∂L_4\/∂W_hh = -?[\d.e-]+ \(the paths through L_4\)$/,
      );
    });
  }
  it('T = 3 (the seed’s own horizon) keeps its message: the last factor alone', () => {
    const three = TEXT.replace('T = 4', 'T = 3');
    const e = tagged(solve(three), '30');
    expect(e.message).toMatch(/the last factor should be ∂h_1\/∂W_xh/);
    expect(e.message).not.toMatch(/No term is written/);
  });
});
