// analyze() of every bundled example: numeric by default (target < 2 ms each), and one derive's
// symbolic forms on demand on a fresh analysis (target < 5 ms), against every form at once.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeSession } from '../src/analysis';
import { fmtT, printTable, timeInterleaved, timePrepared, type Timing } from './timing';

export const EXAMPLES_DIR = join(__dirname, '..', 'examples');

export function loadExamples(): { name: string; text: string }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.rnn'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(EXAMPLES_DIR, name), 'utf8') }));
}

export function benchExamples(): void {
  const rows: string[][] = [];
  const examples = loadExamples();
  // warm the JIT on every example first: the first section of the process otherwise pays for compiling
  for (let i = 0; i < 10; i++) for (const { text } of examples) analyze(text, { forms: i % 2 === 0 });
  for (const { name, text } of examples) {
    const r = analyze(text);
    const [numeric, full] = timeInterleaved([() => analyze(text), () => analyze(text, { forms: true })], 25, 5);
    // one derive's forms on a fresh Analysis (the editor's hover or panel request): the slowest derive of the file
    let slowest: Timing | null = null;
    for (const d of r.derives) {
      const t = timePrepared(
        () => analyzeSession(text),
        (a) => a.forms(d.line),
        9,
        1,
      );
      if (!slowest || t.ownMs > slowest.ownMs) slowest = t;
    }
    const fails = r.checks.filter((c) => c.status === 'fails').length;
    rows.push([
      name,
      String(r.T ?? '?'),
      `${r.derives.length}/${r.checks.length}/${fails}`,
      fmtT(numeric),
      numeric.ownMs < 2 ? 'yes' : 'NO',
      slowest ? fmtT(slowest) : '—',
      !slowest || slowest.ownMs < 5 ? 'yes' : 'NO',
      fmtT(full),
    ]);
  }
  printTable(
    "analyze() of each example — median; numeric (the default) target < 2 ms; one derive's forms on demand target < 5 ms",
    ['example', 'T', 'derive/check/fail', 'analyze()', '< 2 ms', 'forms of 1 derive (slowest)', '< 5 ms', 'every form ({ forms: true })'],
    rows,
  );
}
