// `unroll check` over many files at once: the files are spread over worker threads (one per core),
// each thread runs this same CLI bundle as a checker (the worker is told so by its workerData), the
// results are printed in the files' order as they arrive, and the speed (files per second) goes to
// stderr so that stdout stays the same as a one-thread run. UNROLL_THREADS=N chooses the thread count.

import { availableParallelism, cpus } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runFile, type FileOutcome } from './cliFile';

/** What checking one file gives (the same as the one-thread CLI: cliFile.ts). */
export type CheckOutcome = FileOutcome;

const WORKER_FLAG = 'unroll-check-worker';

/** Check one file, as `unroll check` does. */
export function checkOne(file: string, json: boolean, many: boolean): CheckOutcome {
  return runFile(file, 'check', json, many);
}

/** In a worker started by checkFiles: answer check requests until told to stop. Returns whether this is one. */
export function serveIfCheckWorker(): boolean {
  if (isMainThread || !parentPort || (workerData as { flag?: string } | null)?.flag !== WORKER_FLAG) return false;
  const { json, many } = workerData as { json: boolean; many: boolean };
  const port = parentPort;
  port.on('message', (m: { i: number; file: string } | null) => {
    if (m === null) return port.close();
    port.postMessage({ i: m.i, outcome: checkOne(m.file, json, many) });
  });
  return true;
}

export function defaultThreads(): number {
  const env = Number(process.env.UNROLL_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
}

export interface CheckRun {
  outcomes: CheckOutcome[];
  ms: number;
  threads: number;
}

/**
 * Check `files` over `threads` worker threads running `script` (this bundle), calling `emit` for each
 * outcome in the files' order. One thread checks in this thread (no worker to start).
 */
export async function checkFiles(files: string[], options: { json: boolean; threads?: number; script?: string; emit?: (o: CheckOutcome) => void }): Promise<CheckRun> {
  const t0 = performance.now();
  const many = files.length > 1;
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), files.length));
  const outcomes: CheckOutcome[] = new Array(files.length);
  let printed = 0;
  const flush = () => {
    while (printed < files.length && outcomes[printed]) options.emit?.(outcomes[printed++]!);
  };
  if (threads === 1) {
    files.forEach((f, i) => {
      outcomes[i] = checkOne(f, options.json, many);
      flush();
    });
    return { outcomes, ms: performance.now() - t0, threads };
  }
  let next = 0;
  const script = options.script ?? __filename;
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(script, { workerData: { flag: WORKER_FLAG, json: options.json, many }, argv: [] });
    const feed = () => {
      if (next < files.length) {
        const i = next++;
        w.postMessage({ i, file: files[i] });
      } else w.postMessage(null);
    };
    w.on('message', (m: { i: number; outcome: CheckOutcome }) => {
      outcomes[m.i] = m.outcome;
      flush();
      feed();
    });
    w.on('error', reject);
    w.on('exit', () => resolve());
    // two requests in flight per thread, so a thread never waits for the next file
    feed();
    feed();
  })));
  flush();
  return { outcomes, ms: performance.now() - t0, threads };
}

/** `unroll check` of several files: print in order, exit status as the one-thread loop, speed on stderr. */
export async function checkCommand(files: string[], json: boolean): Promise<number> {
  let status = 0;
  let failed: string | undefined;
  const { outcomes, ms, threads } = await checkFiles(files, {
    json,
    emit: (o) => {
      if (failed) return;
      if (o.error) { failed = o.error; return; }
      if (o.bad) status = 1;
      if (!json) process.stdout.write(o.out);
    },
  });
  if (failed) {
    process.stderr.write(`unroll: ${failed}\n`);
    return 2;
  }
  if (json) process.stdout.write(JSON.stringify(outcomes.map((o) => o.json), null, 2) + '\n');
  const s = ms / 1000;
  process.stderr.write(`unroll: ${files.length} files in ${s.toFixed(2)} s: ${(files.length / s).toFixed(1)} files/s on ${threads} thread${threads === 1 ? '' : 's'}\n`);
  return status;
}
