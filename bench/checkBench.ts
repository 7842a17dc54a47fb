// `unroll check FOLDER` on a class's worth of solutions: 1,000 files generated from the examples
// (each with its horizon varied), checked on one thread and on every core, in files per second — each run a
// fresh `unroll check` process, as a user runs it (so the one-thread run pays its JIT warm-up too).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultThreads } from '../src/cliParallel';
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

interface FolderRun {
  /** the CLI process from start to exit */
  wall: number;
  /** the process's CPU time, every thread */
  cpu: number;
  /** the checking threads' own CPU times (this one first) */
  threads: number[];
}

/** `unroll check DIR` as a user runs it: a fresh process (cold JIT in every thread), `threads` threads. */
function runCli(script: string, dir: string, threads: number): FolderRun {
  const statsFile = join(dir, `.stats-${threads}.json`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [script, 'check', dir], {
    env: { ...process.env, UNROLL_THREADS: String(threads), UNROLL_CHECK_STATS: statsFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wall = performance.now() - t0;
  if (!existsSync(statsFile)) throw new Error(`unroll check gave no figures: ${r.stderr.split('\n')[0] ?? r.status}`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { cpuMs: number; threadCpuMs: (number | null)[] };
  rmSync(statsFile);
  return { wall, cpu: stats.cpuMs, threads: stats.threadCpuMs.filter((x): x is number => typeof x === 'number') };
}

export async function benchCheckFolder(): Promise<void> {
  const { dir, files } = makeFolder();
  const script = join(__dirname, 'cli.js');
  const counts = [...new Set([1, defaultThreads()])];
  const runs: Record<number, FolderRun[]> = {};
  try {
    // one thread count after the other, RUNS times: a change in the machine's load hits both alike
    for (let r = 0; r < RUNS; r++) for (const threads of counts) (runs[threads] ??= []).push(runCli(script, dir, threads));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows = counts.map((threads) => {
    const rs = runs[threads]!;
    const known = rs.every((x) => x.threads.length === threads);
    return {
      threads,
      wall: median(rs.map((x) => x.wall)),
      cpu: median(rs.map((x) => x.cpu)),
      busiest: known ? median(rs.map((x) => Math.max(...x.threads))) : undefined,
      checkers: known ? median(rs.map((x) => sum(x.threads))) : undefined,
    };
  });
  const one = rows[0]!;
  // on free cores a run would take as long as its busiest thread's own CPU time (never more than its wall time)
  const freeMs = (x: (typeof rows)[number]) => Math.min(x.wall, x.busiest ?? x.wall);
  const s = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
  printTable(
    `unroll check on a folder of ${files.length} solutions (the examples, horizons varied), a fresh process per run as a user runs it — median of ${RUNS} run${RUNS === 1 ? '' : 's'}, interleaved`,
    [
      '',
      'wall',
      'files/s (wall)',
      'CPU, all threads',
      'checking threads',
      'JIT + GC threads',
      'busiest thread',
      'files/s (free cores)',
      'speed-up',
    ],
    rows.map((x) => [
      `${x.threads} thread${x.threads === 1 ? '' : 's'}`,
      s(x.wall),
      (files.length / (x.wall / 1000)).toFixed(0),
      s(x.cpu),
      s(x.checkers),
      x.checkers === undefined ? 'n/a' : s(x.cpu - x.checkers),
      s(x.busiest),
      (files.length / (freeMs(x) / 1000)).toFixed(0),
      x === one ? '' : `${fmtRatio(one.wall / x.wall)} wall, ${fmtRatio(freeMs(one) / freeMs(x))} free cores`,
    ]),
  );
  console.log(
    '  "checking threads" is the sum of the checking threads\' own CPU times (Linux /proc/thread-self/schedstat), "JIT + GC\n  threads" the rest of the process\'s CPU: V8\'s optimising compiler and GC helpers, busiest while each thread\'s JIT\n  warms up (a fresh isolate per thread). "busiest thread": what the run would take with a core per thread; "free\n  cores" figures use min(wall, that). The machine\'s other load inflates wall time only.',
  );
}
