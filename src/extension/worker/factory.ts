// The real workers behind AnalysisScheduler: a Node worker_threads Worker running dist/worker.js in
// the desktop extension host, a Web Worker running dist/web/worker.js in the browser host. Either
// returns undefined when this environment has no such thing (then the host analyses itself).

import * as vscode from 'vscode';
import { nodeWorker } from './nodeWorker';
import type { AnalysisRequest, AnalysisResponse, WorkerFactory } from './protocol';

const EXTENSION_ID = 'unroll.unroll';

export function defaultWorkerFactory(): WorkerFactory {
  return process.env.UNROLL_WEB === '1' ? webWorkerFactory() : nodeWorkerFactory();
}

/**
 * dist/worker.js of this extension (absent when run from source: unit tests get no worker). Node's
 * modules are taken through a require held in a variable, so that the browser bundle names none of them
 * (test/extension/entry.test.ts checks it requires only 'vscode' and never touches __dirname).
 */
function nodeWorkerFactory(): WorkerFactory {
  return () => {
    const root = vscode.extensions?.getExtension(EXTENSION_ID)?.extensionUri;
    const nodeRequire = typeof require === 'function' ? require : undefined;
    if (!root || !nodeRequire) return undefined;
    const { existsSync } = nodeRequire('fs') as typeof import('node:fs');
    const script = vscode.Uri.joinPath(root, 'dist', 'worker.js').fsPath;
    if (!existsSync(script)) return undefined;
    return nodeWorker(script, nodeRequire);
  };
}

interface WebWorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: AnalysisResponse }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}
type WebWorkerConstructor = new (url: string) => WebWorkerLike;

/**
 * dist/web/worker.js of this extension, loaded through a blob: URL (the extension's files are served
 * from another origin than the extension host's, and a Worker script must be same-origin). Messages
 * posted before the script is fetched are queued.
 */
function webWorkerFactory(): WorkerFactory {
  return () => {
    const WorkerCtor = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
    const root = vscode.extensions?.getExtension(EXTENSION_ID)?.extensionUri;
    const g = globalThis as { fetch?: typeof fetch; Blob?: typeof Blob; URL?: typeof URL };
    if (!WorkerCtor || !root || !g.fetch || !g.Blob || !g.URL?.createObjectURL) return undefined;
    const url = vscode.Uri.joinPath(root, 'dist', 'web', 'worker.js').toString(true);
    const queue: AnalysisRequest[] = [];
    const messageListeners: ((r: AnalysisResponse) => void)[] = [];
    const errorListeners: ((e: unknown) => void)[] = [];
    let worker: WebWorkerLike | undefined;
    let terminated = false;
    const fail = (e: unknown) => {
      if (!terminated) for (const l of errorListeners) l(e);
    };
    g.fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.text();
      })
      .then((source) => {
        if (terminated) return;
        const blobUrl = g.URL!.createObjectURL(new g.Blob!([source], { type: 'text/javascript' }));
        worker = new WorkerCtor(blobUrl);
        worker.onmessage = (e) => {
          for (const l of messageListeners) l(e.data);
        };
        worker.onerror = fail;
        for (const m of queue.splice(0)) worker.postMessage(m);
      })
      .catch(fail);
    return {
      postMessage: (request) => {
        if (worker) worker.postMessage(request);
        else queue.push(request);
      },
      onMessage: (listener) => {
        messageListeners.push(listener);
      },
      onError: (listener) => {
        errorListeners.push(listener);
      },
      terminate: () => {
        terminated = true;
        worker?.terminate();
      },
    };
  };
}
