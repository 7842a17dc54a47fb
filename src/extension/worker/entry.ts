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
  // the benchmark may set the piece size (Infinity: every Report whole, as before pieces)
  const port = parentPort;
  const serve = createServer((response) => port?.postMessage(response), (workerData as { pieceBytes?: number } | undefined)?.pieceBytes);
  port?.on('message', (request: AnalysisRequest) => serve(request));
}
