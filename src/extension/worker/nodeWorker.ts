// A Node worker_threads Worker running the analysis worker bundle at `script`, as a WorkerLike. Node's
// modules come through the require it is given, so that the browser bundle names none of them
// (test/extension/entry.test.ts checks it requires only 'vscode'). No vscode import: the editor
// benchmark starts the same worker with it.

import type { WorkerLike } from './protocol';

/** `workerData` is for the benchmark only (entry.ts: `pieceBytes`, to compare with Reports sent whole). */
export function nodeWorker(script: string, nodeRequire: NodeJS.Require, workerData?: { pieceBytes?: number }): WorkerLike {
  const { Worker } = nodeRequire('worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(script, workerData ? { workerData } : undefined);
  worker.unref();
  let terminated = false;
  return {
    postMessage: (request) => worker.postMessage(request),
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
