// The analysis worker's entry point, bundled twice by esbuild.config.mjs: dist/worker.js runs in a
// Node worker_threads Worker (desktop extension host), dist/web/worker.js in a Web Worker (browser
// host; the build defines process.env.UNROLL_WEB so the Node branch is dropped there).

import { createServer } from './analyzeInWorker';
import type { AnalysisRequest } from './protocol';

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
  const serve = createServer((response) => port?.postMessage(response), data?.pieceBytes, data?.wanted, threadCpu);
  port?.on('message', (request: AnalysisRequest) => serve(request));
}
