// The analysis worker's entry point, bundled twice by esbuild.config.mjs: dist/worker.js runs in a
// Node worker_threads Worker (desktop extension host), dist/web/worker.js in a Web Worker (browser
// host; the build defines process.env.UNROLL_WEB so the Node branch is dropped there).

import { createServer } from './analyzeInWorker';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

const firstReportListeners: (() => void)[] = [];
let reported = false;

/**
 * `listener` runs once, on an idle turn after this worker has posted its first complete Report (its forms
 * derived): by then the engine's hot functions are compiled, and the loader (workerEntry.ts) writes the
 * code cache that the next session's worker starts from.
 */
export function afterFirstReport(listener: () => void): void {
  if (reported) setTimeout(listener, 0);
  else firstReportListeners.push(listener);
}

function noticeFirstReport(response: AnalysisResponse): void {
  if (reported || !('report' in response || 'skeleton' in response) || response.complete === false) return;
  reported = true;
  // after the host has had the Report: never in the way of an answer
  setTimeout(() => {
    for (const l of firstReportListeners.splice(0)) l();
  }, 0);
}

interface WebWorkerScope {
  onmessage: ((e: { data: AnalysisRequest }) => void) | null;
  postMessage(message: unknown): void;
}

if (process.env.UNROLL_WEB === '1') {
  const scope = globalThis as unknown as WebWorkerScope;
  const serve = createServer((response) => scope.postMessage(response));
  scope.onmessage = (e) => serve(e.data);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  // the benchmark may set the piece size (Infinity: every Report whole, as before pieces) and ask for this
  // thread's CPU time per analysis (Linux); the host shares the cell saying which job it wants (nodeWorker.ts)
  const port = parentPort;
  const data = workerData as { pieceBytes?: number; threadCpu?: boolean; wanted?: Int32Array } | undefined;
  // this thread's CPU time in ms (Linux: /proc/thread-self/schedstat, in ns; updated at the scheduler's tick)
  const threadCpu = data?.threadCpu
    ? () => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const { readFileSync } = require('node:fs') as typeof import('node:fs');
          return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
        } catch {
          return undefined;
        }
      }
    : undefined;
  const serve = createServer(
    (response) => {
      port?.postMessage(response);
      noticeFirstReport(response);
    },
    data?.pieceBytes,
    data?.wanted,
    threadCpu,
  );
  port?.on('message', (request: AnalysisRequest) => serve(request));
}
