// Full analyze() of every bundled example (target < 5 ms each).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analysis';
import { fmtT, printTable, timeInterleaved } from './timing';

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
  for (let i = 0; i < 10; i++) for (const { text } of examples) analyze(text);
  for (const { name, text } of examples) {
    const r = analyze(text);
    const [full, lean] = timeInterleaved([() => analyze(text), () => analyze(text, { symbolic: false, graph: false, gradcheck: false })], 25, 5);
    const fails = r.checks.filter((c) => c.status === 'fails').length;
    rows.push([
      name,
      String(r.T ?? '?'),
      `${r.derives.length}/${r.checks.length}/${fails}`,
      fmtT(full),
      full.ownMs < 5 ? 'yes' : 'NO',
      fmtT(lean),
    ]);
  }
  printTable(
    'analyze() of each example — median; target < 5 ms; lean = no symbolic forms or graph',
    ['example', 'T', 'derive/check/fail', 'analyze()', '< 5 ms', 'lean'],
    rows,
  );
}
