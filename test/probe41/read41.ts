// Probe 41's fixtures read as the CLI reads them (a .md with its ```rnn block), every equation by its \tag; a chain's or
// a display's rows share a tag, the worst verdict standing for it (as probe 40's read40.ts does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckReport } from '../../src/report';
import { analyzeSolution, type EquationResult, type SolutionReport } from '../../src/solution';

export interface TaggedReading {
  r: SolutionReport;
  v: Record<string, CheckReport>;
  e: Record<string, EquationResult>;
}

export const read41 = (file: string): TaggedReading => readTagged(join(__dirname, 'fixtures', file));

/** a probe's fixture at `path`, its checks and equations by tag (probes 42 and 43 read theirs so too) */
export function readTagged(path: string): TaggedReading {
  const r = analyzeSolution(readFileSync(path, 'utf8'), 'markdown', { sidecar: null });
  const v: Record<string, CheckReport> = {};
  const e: Record<string, EquationResult> = {};
  const rank = { fails: 3, 'holds-at-given-values': 2, 'holds-as-one-step': 1, holds: 0 } as Record<string, number>;
  for (const q of r.equations) {
    if (q.tag) e[q.tag] = q;
    for (const c of q.checks) {
      const tag = c.tag ?? q.tag;
      if (tag === null || tag === undefined) continue;
      const had = v[tag];
      if (!had || (rank[c.status] ?? 0) > (rank[had.status] ?? 0)) v[tag] = c;
    }
  }
  return { r, v, e };
}
