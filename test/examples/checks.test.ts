// Every example: analyze() reports no error except the intended verdicts, and every check line gets
// the verdict the seed analysis predicts (expectations.ts).

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { EXPECTED } from './expectations';
import { exampleNames, expectChecks, loadExample } from './helpers';

describe('examples', () => {
  it('every example has its expected verdicts written down', () => {
    expect(exampleNames()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: verdicts as the seed analysis predicts`, () => {
      const text = loadExample(name);
      const report = expectChecks(text, expected);
      // every derive answers, with finite numbers
      const deriveLines = text.split('\n').filter((l) => l.trimStart().startsWith('derive ')).length;
      expect(report.derives.length).toBe(deriveLines);
      for (const d of report.derives) {
        expect(d.results.length, d.query).toBeGreaterThan(0);
        for (const r of d.results) {
          const flat = [r.value].flat(2) as number[];
          expect(flat.every(Number.isFinite), `${d.query} at t=${r.t}`).toBe(true);
        }
      }
      expect(report.loss).not.toBeNull();
      expect(Number.isFinite(report.loss!.value)).toBe(true);
    });

    it(`${name}: the same text gives the same Report (seeded draws, no hidden state)`, () => {
      const text = loadExample(name);
      const strip = (r: ReturnType<typeof analyze>) => JSON.stringify({ ...r, elapsedMs: 0 });
      expect(strip(analyze(text))).toBe(strip(analyze(text)));
    });
  }
});
