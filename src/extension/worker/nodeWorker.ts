// A Node worker_threads Worker running the analysis worker bundle at `script`, as a WorkerLike. Node's
// modules come through the require it is given, so that the browser bundle names none of them
// (test/extension/entry.test.ts checks it requires only 'vscode'). No vscode import: the editor
// benchmark starts the same worker with it.

import type { WorkerLike } from './protocol';

/**
 * `options` is for the benchmark only (entry.ts: `pieceBytes`, to compare with Reports sent whole;
 * `threadCpu`, the worker thread's CPU time sent with each Report).
 * The worker shares one cell with this thread: the id of the job this thread wants, written as each job is
 * posted (0: none). The worker reads it at the engine's checks and drops any other job (analyzeInWorker.ts).
 */
export function nodeWorker(
  script: string,
  nodeRequire: NodeJS.Require,
  options?: { pieceBytes?: number; threadCpu?: boolean },
): WorkerLike {
  const { Worker } = nodeRequire('worker_threads') as typeof import('node:worker_threads');
  const wanted = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script, { workerData: { ...options, wanted } });
  worker.unref();
  let terminated = false;
  return {
    postMessage: (request) => {
      if ('text' in request) Atomics.store(wanted, 0, request.id);
      worker.postMessage(request);
    },
    cancel: () => {
      Atomics.store(wanted, 0, 0);
    },
    onMessage: (listener) => {
      worker.on('message', listener);
    },
    onError: (listener) => {
      worker.on('error', listener);
      // an exit nobody asked for (a crash, out of memory) is a failure too
      worker.on('exit', (code) => {
        if (!terminated) listener(new Error(`analysis worker exited (${code})`));
      });
    },
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
}
