// The Report of analyze() is pinned, field for field, on every example, random networks with checks and
// mutated examples (reportCases.ts): caching, laziness and faster loops (issue 11) must not change a
// single number, message or range. The golden file was written by the code before those changes;
// UNROLL_WRITE_GOLDEN=1 rewrites it (only when a Report is meant to change, with the change reviewed).

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { comparable, readGolden, reportCases, writeGolden } from './reportCases';

const cases = reportCases();

describe('analyze() gives the pinned Report', () => {
  if (process.env.UNROLL_WRITE_GOLDEN) {
    it('writes the golden file', () => {
      const out: Record<string, unknown> = {};
      for (const c of cases) out[c.name] = comparable(analyze(c.text, c.options));
      writeGolden(out);
    }, 300_000);
    return;
  }
  const golden = readGolden();
  it('has a pinned Report for every case', () => {
    expect(Object.keys(golden).sort()).toEqual(cases.map((c) => c.name).sort());
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(comparable(analyze(c.text, c.options))).toEqual(golden[c.name]);
  });
});
