// A term of a LaTeX form broken over lines (latexBreak.ts, issue 13): the lines say the same as the term
// (only line breaks are added, and the broken bracket's \left( … \right) becomes \Bigl( … \Bigr)), each
// line fits when it holds more than one unbreakable piece, a matrix is never broken, and every form of
// every example still typesets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { breakTerm, latexChars } from '../../src/engine/symbolic/latexBreak';
import { typesets } from './helpers';

const frac = (a: string, b: string) => `\\frac{\\partial ${a}}{\\partial ${b}}`;
/** sheet 7's third chain term: a product holding a bracketed sum of three paths */
const SHEET7 = [
  frac('L_{3}', 'y_{3}'),
  frac('y_{3}', 'h_{3}'),
  `\\left(${frac('^{+} h_{3}', 'W_{hh}')} + ${frac('h_{3}', 'h_{2}')} \\cdot ${frac('^{+} h_{2}', 'W_{hh}')} + ${frac('h_{3}', 'h_{2}')} \\cdot ${frac('h_{2}', 'h_{1}')} \\cdot ${frac('^{+} h_{1}', 'W_{hh}')}\\right)`,
].join(' \\cdot ');

/** the lines joined back as one term: what the break must leave unchanged */
const rejoin = (lines: string[]) =>
  lines
    .join(' ')
    .replace(/\\Bigl\(/g, '\\left(')
    .replace(/\\Bigr\)/g, '\\right)')
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(');
const norm = (s: string) => s.replace(/\s+/g, ' ');

describe('breakTerm', () => {
  it('keeps a term that fits on one line as it is', () => {
    expect(breakTerm('W_{hh} h_{t-1}', 10, 14, 66)).toEqual(['W_{hh} h_{t-1}']);
  });

  it("breaks sheet 7's third chain term inside its bracket, each line within the width", () => {
    const lines = breakTerm(SHEET7, 14, 18, 66);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toContain('\\Bigl(');
    expect(lines[lines.length - 1]!.endsWith('\\Bigr)')).toBe(true);
    expect(latexChars(lines[0]!) + 14).toBeLessThanOrEqual(66);
    for (const l of lines.slice(1)) expect(latexChars(l) + 18).toBeLessThanOrEqual(66);
    expect(rejoin(lines)).toBe(norm(SHEET7));
    typesets(`\\begin{aligned}x &= ${lines.join(' \\\\ &\\quad\\quad ')}\\end{aligned}`);
  });

  it('breaks a long product between its factors (an eight-layer chain), never inside a fraction', () => {
    const term = Array.from({ length: 16 }, (_, i) => frac(`p_{${16 - i}}`, `z_{${16 - i}}`)).join(' \\cdot ');
    const lines = breakTerm(term, 10, 14, 66);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l.startsWith('\\cdot ')).toBe(true);
    expect(rejoin(lines)).toBe(norm(term));
  });

  it('gives the same lines when asked again (it keeps its layouts), whatever a caller did to the lines it got', () => {
    const first = breakTerm(SHEET7, 10, 14, 66);
    expect(first.length).toBeGreaterThan(1);
    const copy = [...first];
    first.pop();
    first[0] = 'changed';
    expect(breakTerm(SHEET7, 10, 14, 66)).toEqual(copy);
    // another column is another layout, not the kept one
    expect(breakTerm(SHEET7, 40, 14, 66)).not.toEqual(copy);
  });

  it('never breaks a matrix (a value)', () => {
    const m = `\\begin{bmatrix}${Array.from({ length: 12 }, (_, i) => `0.12345${i}`).join(' & ')}\\end{bmatrix}`;
    expect(breakTerm(m, 10, 14, 30)).toEqual([m]);
  });

  it('only adds line breaks, for random products of bracketed sums (property)', () => {
    const atom = fc.constantFrom(
      'W_{hh}',
      'h_{t-1}',
      "\\sigma'\\left(\\tilde{h}_{2}\\right)",
      frac('h_{2}', 'h_{1}'),
      '\\mathbf{1}^{\\top}',
      'x_{3}',
    );
    const product = fc.array(atom, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' '));
    const bracket = fc.array(product, { minLength: 2, maxLength: 5 }).map((ps) => `\\left(${ps.join(' + ')}\\right)`);
    const term = fc
      .tuple(fc.array(fc.oneof(atom, bracket), { minLength: 1, maxLength: 6 }), fc.boolean())
      .map(([fs, dot]) => fs.join(dot ? ' \\cdot ' : ' '));
    fc.assert(
      fc.property(term, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 40, max: 80 }), (t, col, width) => {
        const lines = breakTerm(t, col, col + 4, width);
        expect(rejoin(lines)).toBe(norm(t));
        typesets(`\\begin{aligned}x &= ${lines.join(' \\\\ &\\quad\\quad ')}\\end{aligned}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('every form of every example still typesets once broken', () => {
  const dir = join(__dirname, '..', '..', 'examples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.rnn'))) {
    it(file, () => {
      const r = analyze(readFileSync(join(dir, file), 'utf8'), { forms: true });
      let n = 0;
      for (const d of r.derives)
        for (const res of d.results)
          for (const f of Object.values(res.forms ?? {})) {
            typesets(f.latex);
            n++;
          }
      expect(n).toBeGreaterThan(0);
    });
  }
});
