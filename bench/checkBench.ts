// `unroll check FOLDER` on a class's worth of solutions: 1,000 files generated from the examples
// (each with its horizon varied), checked on one thread and on every core, in files per second.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles, defaultThreads } from '../src/cliParallel';
import { loadExamples } from './examplesBench';
import { fmtRatio, median, printTable } from './timing';

/** files in the folder (UNROLL_BENCH_FILES; 1,000 by default, a class's worth) */
export const FOLDER_FILES = Math.max(10, Number(process.env.UNROLL_BENCH_FILES) || 1000);
/** runs per thread count (UNROLL_BENCH_RUNS, default 1): a 1,000-file folder takes tens of seconds on a shared machine */
const RUNS = Math.max(1, Number(process.env.UNROLL_BENCH_RUNS) || 1);

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
    writeFileSync(
      file,
      text.replace(/^T = (\d+)$/m, (_, t) => `T = ${Number(t) + (i % 4)}`),
    );
    files.push(file);
  }
  return { dir, files };
}

export async function benchCheckFolder(): Promise<void> {
  const { dir, files } = makeFolder();
  const script = join(__dirname, 'cli.js');
  const counts = [...new Set([1, defaultThreads()])];
  const runs: Record<number, { wall: number; cpu: number; busiest: number | undefined }[]> = {};
  try {
    // one thread count after the other, RUNS times: a change in the machine's load hits both alike
    for (let r = 0; r < RUNS; r++) {
      for (const threads of counts) {
        const c0 = process.cpuUsage();
        const run = await checkFiles(files, { json: false, threads, script });
        const c = process.cpuUsage(c0);
        const known = run.threadCpuMs.filter((x): x is number => x !== undefined);
        (runs[threads] ??= []).push({
          wall: run.ms,
          cpu: (c.user + c.system) / 1000,
          busiest: known.length === run.threadCpuMs.length ? Math.max(...known) : undefined,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = counts.map((threads) => {
    const rs = runs[threads]!;
    const wall = median(rs.map((x) => x.wall));
    const cpu = median(rs.map((x) => x.cpu));
    const busiest = rs.every((x) => x.busiest !== undefined) ? median(rs.map((x) => x.busiest!)) : undefined;
    return { threads, wall, cpu, busiest };
  });
  const one = rows[0]!;
  // on free cores a run would take as long as its busiest thread's own CPU time (never more than its wall time)
  const freeMs = (x: (typeof rows)[number]) => Math.min(x.wall, x.busiest ?? x.wall);
  printTable(
    `unroll check on a folder of ${files.length} solutions (the examples, horizons varied) — median of ${RUNS} run${RUNS === 1 ? '' : 's'}, interleaved`,
    ['', 'wall', 'files/s (wall)', 'CPU, all threads', 'busiest thread', 'files/s (free cores)', 'speed-up'],
    rows.map((x) => [
      `${x.threads} thread${x.threads === 1 ? '' : 's'}`,
      `${(x.wall / 1000).toFixed(2)} s`,
      (files.length / (x.wall / 1000)).toFixed(0),
      `${(x.cpu / 1000).toFixed(2)} s`,
      x.busiest === undefined ? 'n/a' : `${(x.busiest / 1000).toFixed(2)} s`,
      (files.length / (freeMs(x) / 1000)).toFixed(0),
      x === one ? '' : `${fmtRatio(one.wall / x.wall)} wall, ${fmtRatio(freeMs(one) / freeMs(x))} free cores`,
    ]),
  );
  console.log(
    '  "busiest thread" is the largest own CPU time of one thread (Linux /proc/thread-self/schedstat): what the run\n  would take with a core per thread; "free cores" figures use min(wall, that). The machine\'s other load inflates\n  wall time only.',
  );
}
