// `unroll check FOLDER` on a class's worth of solutions: 1,000 files generated from the examples
// (each with its horizon varied), checked on one thread and on every core, in files per second.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles, defaultThreads } from '../src/cliParallel';
import { loadExamples } from './examplesBench';
import { fmtRatio, median, printTable } from './timing';

export const FOLDER_FILES = 1000;
/** runs per thread count (UNROLL_BENCH_RUNS): a folder takes seconds to minutes on a shared machine */
const RUNS = Math.max(1, Number(process.env.UNROLL_BENCH_RUNS) || 3);

export function makeFolder(n = FOLDER_FILES): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'unroll-class-'));
  const examples = loadExamples();
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const { name, text } = examples[i % examples.length]!;
    const sub = join(dir, `student${String(i % 50).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const file = join(sub, `${i}-${name}`);
    // a different horizon per student where the example states one (T = 3 → 3..6)
    writeFileSync(file, text.replace(/^T = (\d+)$/m, (_, t) => `T = ${Number(t) + (i % 4)}`));
    files.push(file);
  }
  return { dir, files };
}

export async function benchCheckFolder(): Promise<void> {
  const { dir, files } = makeFolder();
  const script = join(__dirname, 'cli.js');
  const all = defaultThreads();
  const rows: string[][] = [];
  const perSecond: Record<number, number> = {};
  try {
    for (const threads of [...new Set([1, all])]) {
      const runs: number[] = [];
      for (let r = 0; r < RUNS; r++) runs.push((await checkFiles(files, { json: false, threads, script })).ms);
      const ms = median(runs);
      perSecond[threads] = files.length / (ms / 1000);
      rows.push([`${threads} thread${threads === 1 ? '' : 's'}`, `${(ms / 1000).toFixed(2)} s`, perSecond[threads]!.toFixed(0), threads === 1 ? '' : fmtRatio(perSecond[threads]! / perSecond[1]!)]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(`unroll check on a folder of ${files.length} solutions (the examples, horizons varied) — median of ${RUNS} wall time${RUNS === 1 ? '' : 's'}`, ['', 'time', 'files/s', 'speed-up'], rows);
}
