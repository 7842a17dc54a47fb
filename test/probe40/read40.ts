// Probe 40's fixtures read as the CLI reads them: a .tex with its sidecar NAME.rnn, a .md with its ```rnn block.
// Every link by its \tag or trailing (n) (an align's rows each carry their own).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckReport } from '../../src/report';
import { analyzeSolution, type SolutionReport } from '../../src/solution';

export function read40(file: string): { r: SolutionReport; v: Record<string, CheckReport> } {
  const path = join(__dirname, 'fixtures', file);
  const sidecar = path.replace(/\.(md|tex)$/, '.rnn');
  const r = analyzeSolution(readFileSync(path, 'utf8'), file.endsWith('.tex') ? 'latex' : 'markdown', {
    sidecar: existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : null,
  });
  // a chain's links share its tag: the worst one stands for it (a1's second link, b1's first)
  const v: Record<string, CheckReport> = {};
  const rank = { fails: 3, 'holds-at-given-values': 2, 'holds-as-one-step': 1, holds: 0 } as Record<string, number>;
  for (const e of r.equations)
    for (const c of e.checks) {
      const tag = c.tag ?? e.tag;
      if (tag === null || tag === undefined) continue;
      const had = v[tag];
      if (!had || (rank[c.status] ?? 0) > (rank[had.status] ?? 0)) v[tag] = c;
    }
  return { r, v };
}
