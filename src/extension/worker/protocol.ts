// The messages between the extension host and the analysis worker. Plain data only: they cross a
// structured clone (worker_threads or a Web Worker), so a Report travels as it is.

import type { AnalyzeOptions, Report } from '../../report';

export interface AnalysisRequest {
  /** the job's number, so that an answer to an older job is recognised and dropped */
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export interface AnalysisResponse {
  id: number;
  report: Report;
}

/** The one thing the host needs from a worker, whatever kind it is (Node, Web, or a test's fake). */
export interface WorkerLike {
  postMessage(request: AnalysisRequest): void;
  /** the worker's answers */
  onMessage(listener: (response: AnalysisResponse) => void): void;
  /** the worker died or could not load: the host then analyses on its own thread */
  onError(listener: (error: unknown) => void): void;
  terminate(): void;
}

/** Starts a worker, or says there is none to be had in this environment (undefined). */
export type WorkerFactory = () => WorkerLike | undefined;
