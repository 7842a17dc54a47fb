// `unroll check` over many files at once: the files are spread over threads, this one and worker threads
// running this same CLI bundle as checkers (the worker is told so by its workerData); the results are
// printed in the files' order as they arrive, and the speed (files per second) goes to stderr so that
// stdout stays the same as a one-thread run. UNROLL_THREADS=N chooses the thread count.
//
// Why a folder was slower on two threads than on one (52 vs 28 files/s for 200 files): every thread is a
// fresh V8 isolate that loads the bundle and warms its JIT on the first dozens of files, while this thread
// sat idle forwarding messages. Now this thread checks files too (one worker fewer), and by default a
// worker is started only for a folder big enough to repay its warm-up. (A larger young generation for the
// workers was tried: no change in CPU time.)
//
// Why two threads do ~40% more work than one (1,000 files: 10.2 → 14.6 s of CPU) and gain little wall time
// on two cores: V8 compiles the hot functions with its optimising compiler on helper threads, and a fresh
// process of 300 files spends about as much CPU there (with the GC helpers: 3.3 s) as in checking itself
// (3.4 s); run with --no-concurrent-recompilation the same ~3 s lands on the checking thread. So a
// one-thread run already keeps a second core busy while it warms up, and each extra thread is another
// isolate compiling the same functions again (+1.6 s on those helpers, +0.9 s of slower cold checking, for
// 300 files: ~2.5 s ≈ 250 files' worth). No V8 flag tried made the total smaller (--single-threaded-gc,
// --no-turbo-inlining, a smaller inlining budget, --maglev, a larger semi-space). Hence FILES_PER_EXTRA_THREAD.
//
// On two cores that is the whole story (2026-11-30, 1,000 files, CPU figures, which the machine's load does not
// inflate): one thread 14.3 s of CPU (checking 9.3 s, V8's compiler and GC helpers 5.0 s), two threads 18.1 s
// (9.7 + 8.4). On two free cores a run takes at least max(its busiest thread, its CPU / 2): one thread
// max(9.3, 7.2) = 9.3 s, two threads max(5.1, 9.05) = 9.05 s — at most 1.03×, as measured idle (100 → 103
// files/s). The one-thread run already keeps the second core ~55% busy compiling, and the second isolate's
// own compiling (+3.4 s) takes the rest. Starting the second thread later, bigger or fewer messages (a file
// is ~9 ms of work against ~0.1 ms of CPU per request and reply, measured) or a code cache (it holds
// bytecode, not the optimised code the helpers spend their time on) leave that sum as it is. The sum grows
// with the files at 9.3 s per 1,000 on one thread and (9.7 s + 8.4 s fixed) / 2 on two: break-even near
// 1,000 files, ~1.6× at 5,000; and on more cores the helpers find idle ones (the 1.8× of the benchmark's
// "free cores" column).
//
// Looked at again (2026-11-30, session 6, load 6–12 so CPU figures only): a one-thread run of 300 files does 87
// scavenges (--trace-gc), 53 with --max-semi-space-size=32, but its CPU time stays the same (16 vs 64 MB
// semi-space, three runs each interleaved: 5.0/5.2/6.4 s vs 5.2/5.2/6.6 s) — a scavenge costs what survives it, and
// fewer, bigger ones let as much survive; --no-opt doubles it (10.9 → 20.1 s of CPU for 1,000 files), so the optimising
// compiler pays for itself. --trace-opt: ~500 TurboFan jobs for 300 files, the largest (graphReport,
// quantityReports, pathHint, buildPlan, the parser's expr/call/parse, lex) each tens of ms of a helper's time.
// The lever left is the engine's own code (smaller hot functions compile faster), not this file's settings.
//
// Session 7 (1,000 files, /tmp class folder; load 6–15, so CPU figures only, one run each, interleaved 1/2 threads):
// total CPU 1 thread 11.7–13.9 s (checking 5.8–6.6 s), 2 threads 14.1–16.6 s (checking 3.6+3.1 to 4.2+3.6 s).
// Optimising later (--interrupt-budget 4× the default 67,584) or inlining less (--max-inlined-bytecode-size-
// cumulative 230, a quarter) cut the total by up to ~10% (1 thread 10.5–12.1 s, its checking thread slower with
// the later optimisation: 6.9–7.3 s; 2 threads 12.8–13.7 s) but not the 2-thread/1-thread ratio (1.1–1.3 in
// every setting): each isolate still compiles the same functions. Output identical in every run (same md5).
// No setting was changed.

import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { count, renderSummary } from './cli-render';
import { runFile, type FileOutcome } from './cliFile';

/** What checking one file gives (the same as the one-thread CLI: cliFile.ts). */
export type CheckOutcome = FileOutcome;

const WORKER_FLAG = 'unroll-check-worker';
/** files a worker must have to repay its start and JIT warm-up (measured: ~2.5 s of CPU ≈ 250 files, see above) */
export const FILES_PER_EXTRA_THREAD = 400;

type Request = { i: number; file: string } | null;
type Reply = { i: number; outcome: CheckOutcome } | { cpuMs: number | undefined };

/** Check one file, as `unroll check` does. */
export function checkOne(file: string, json: boolean, many: boolean): CheckOutcome {
  return runFile(file, 'check', json, many);
}

/** This thread's CPU time in ms where the system says it (Linux), else undefined: for the benchmark's figures. */
export function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** In a worker started by checkFiles: answer check requests until told to stop. Returns whether this is one. */
export function serveIfCheckWorker(): boolean {
  if (isMainThread || !parentPort || (workerData as { flag?: string } | null)?.flag !== WORKER_FLAG) return false;
  const { json, many } = workerData as { json: boolean; many: boolean };
  const port = parentPort;
  port.on('message', (m: Request) => {
    if (m === null) {
      port.postMessage({ cpuMs: threadCpuMs() } satisfies Reply);
      return port.close();
    }
    port.postMessage({ i: m.i, outcome: checkOne(m.file, json, many) } satisfies Reply);
  });
  return true;
}

/** The machine's cores, or UNROLL_THREADS. */
export function defaultThreads(): number {
  const env = Number(process.env.UNROLL_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
}

/** Threads for `files` files when none is asked for: every core, but only as many as the files repay. */
export function threadsFor(files: number): number {
  const env = Number(process.env.UNROLL_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, Math.min(defaultThreads(), 1 + Math.floor(files / FILES_PER_EXTRA_THREAD)));
}

export interface CheckRun {
  outcomes: CheckOutcome[];
  ms: number;
  threads: number;
  /** each thread's own CPU time (this one first), where the system tells it */
  threadCpuMs: (number | undefined)[];
}

/**
 * Check `files` over `threads` threads (this one and `threads - 1` workers running `script`, this bundle),
 * calling `emit` for each outcome in the files' order.
 */
export async function checkFiles(
  files: string[],
  options: { json: boolean; threads?: number; script?: string; emit?: (o: CheckOutcome) => void },
): Promise<CheckRun> {
  const t0 = performance.now();
  const cpu0 = threadCpuMs();
  const many = files.length > 1;
  const threads = Math.max(1, Math.min(options.threads ?? threadsFor(files.length), files.length));
  const outcomes: CheckOutcome[] = new Array(files.length);
  let printed = 0;
  const flush = () => {
    // (not `emit?.(outcomes[printed++])`: without an emit, ?. skips the argument and its ++, and this never ends)
    while (printed < files.length && outcomes[printed]) {
      const o = outcomes[printed++]!;
      options.emit?.(o);
    }
  };
  let next = 0;
  const ownCpu = () => {
    const c = threadCpuMs();
    return c !== undefined && cpu0 !== undefined ? c - cpu0 : undefined;
  };
  if (threads === 1) {
    for (; next < files.length; next++) {
      outcomes[next] = checkOne(files[next]!, options.json, many);
      flush();
    }
    return { outcomes, ms: performance.now() - t0, threads, threadCpuMs: [ownCpu()] };
  }
  const script = options.script ?? __filename;
  const workerCpu: (number | undefined)[] = [];
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(script, {
          workerData: { flag: WORKER_FLAG, json: options.json, many },
          argv: [],
        });
        const feed = () => {
          if (next < files.length) {
            const i = next++;
            w.postMessage({ i, file: files[i]! } satisfies Request);
          } else w.postMessage(null satisfies Request);
        };
        w.on('message', (m: Reply) => {
          if ('cpuMs' in m) return void workerCpu.push(m.cpuMs);
          outcomes[m.i] = m.outcome;
          flush();
          feed();
        });
        w.on('error', reject);
        w.on('exit', () => resolve());
        // two requests in flight per worker, so a worker never waits for its next file
        feed();
        feed();
      }),
  );
  // this thread checks files too, one per turn of its event loop so the workers' answers are taken in between
  await new Promise<void>((resolve) => {
    const step = () => {
      if (next >= files.length) return resolve();
      const i = next++;
      outcomes[i] = checkOne(files[i]!, options.json, many);
      flush();
      setImmediate(step);
    };
    setImmediate(step);
  });
  await Promise.all(workers);
  flush();
  return { outcomes, ms: performance.now() - t0, threads, threadCpuMs: [ownCpu(), ...workerCpu] };
}

/**
 * `unroll check` of several files: print in order, exit status as the one-thread loop, speed on stderr. A file
 * that cannot be read (or is no solution) is a file error, said on stderr with `{ file, error }` in the JSON, as
 * a crash is: the other files are still checked and printed, and the exit status is 2 (it stopped the run with
 * no output at all).
 */
export async function checkCommand(files: string[], json: boolean): Promise<number> {
  let status = 0;
  const run = await checkFiles(files, {
    json,
    emit: (o) => {
      const trouble = o.error ?? o.crash;
      if (trouble) {
        process.stderr.write(`unroll: ${trouble}\n`);
        status = 2;
        return;
      }
      if (o.bad) status = Math.max(status, 1);
      if (!json) process.stdout.write(o.out);
    },
  });
  const { outcomes, ms, threads } = run;
  writeStats(run);
  if (json)
    process.stdout.write(
      JSON.stringify(
        outcomes.map((o) => o.json ?? { file: o.file, error: o.error }),
        null,
        2,
      ) + '\n',
    );
  // the text of several files ends with one line per file (a class folder: whose solution to open first)
  if (!json && files.length > 1) process.stdout.write(renderSummary(outcomes));
  const s = ms / 1000;
  process.stderr.write(
    `unroll: ${count(files.length, 'file')} in ${s.toFixed(2)} s: ${(files.length / s).toFixed(1)} files/s on ${threads} thread${threads === 1 ? '' : 's'}\n`,
  );
  return status;
}

/**
 * For the benchmark, which runs `unroll check FOLDER` as a user does (a fresh process): UNROLL_CHECK_STATS
 * names a file that gets the run's figures as JSON, the process's CPU time included (every thread of it:
 * the checkers, and V8's compiler and GC threads).
 */
function writeStats(run: CheckRun): void {
  const file = process.env.UNROLL_CHECK_STATS;
  if (!file) return;
  const c = process.cpuUsage();
  const stats = { ms: run.ms, threads: run.threads, cpuMs: (c.user + c.system) / 1000, threadCpuMs: run.threadCpuMs };
  try {
    writeFileSync(file, JSON.stringify(stats));
  } catch {
    // figures only: never a reason to fail the check
  }
}
