// The messages between the extension host and the analysis worker. Plain data only: they cross a
// structured clone (worker_threads or a Web Worker). A small Report travels whole; a big one as a
// skeleton whose long arrays the host then asks for a piece at a time (pieces.ts says why).

import type { AnalyzeOptions, Diagnostic, Report } from '../../report';
import type { NotebookCell, SolutionKind, SolutionReport } from '../solution/core';
import type { Piece } from './pieces';

/**
 * What makes a job's text a solution (LANGUAGE.md §8) rather than a .rnn file: a Markdown or LaTeX document's
 * kind, or a notebook's cells (the text is then their Markdown joined, which only identifies the job), and the
 * sidecar NAME.rnn's text, if any.
 */
export type SolutionSpec = { kind: SolutionKind; sidecar: string | null } | { cells: NotebookCell[]; sidecar: string | null };

/** Analyse this text: a .rnn file's, or a solution's when `solution` says so. */
export interface AnalysisJob {
  /** the job's number, so that an answer to an older job is recognised and dropped */
  id: number;
  text: string;
  options: AnalyzeOptions;
  solution?: SolutionSpec;
}

/** Send piece number `piece` of job `id`'s Report (after a skeleton said how many there are). */
export interface PieceRequest {
  id: number;
  piece: number;
}

/**
 * The host has taken job `id`'s numeric Report (and published its diagnostics): derive the forms now.
 * Until then the worker keeps the analysis and leaves the CPU to the host.
 */
export interface ReportTaken {
  id: number;
  taken: true;
}

export type AnalysisRequest = AnalysisJob | PieceRequest | ReportTaken;

/**
 * `complete: false`: the numeric Report, sent first; the job's complete Report (with the forms) follows once
 * the host says it has taken this one (ReportTaken). Absent means complete.
 */
interface ReportStage {
  complete?: boolean;
  /** the process's CPU time during the analysis (ms; Node only): the benchmark's figure beside Report.elapsedMs */
  cpuMs?: number;
  /** the worker thread's own CPU time during it (ms), when the benchmark asks (nodeWorker's `threadCpu`) */
  threadCpuMs?: number;
}

/**
 * The diagnostics of reading job `id`'s text (lexer, parser, resolver), sent before its analysis starts:
 * the host shows them at once (a fixed typo's squiggle goes in milliseconds, not after a 1 s analysis).
 * The job's Report follows, its diagnostics including these.
 */
export interface ReadDiagnostics {
  id: number;
  read: Diagnostic[];
}

/** The whole Report. */
export interface WholeReport extends ReportStage {
  id: number;
  report: Report;
}

/** The Report with its long arrays emptied; `pieces` pieces refill them (pieces.ts). */
export interface ReportSkeleton extends ReportStage {
  id: number;
  skeleton: Report;
  pieces: number;
}

/** A solution job's whole SolutionReport (solutions are answered in one stage: no forms follow). */
export interface WholeSolution {
  id: number;
  solution: SolutionReport;
}

/** A solution job's SolutionReport with its long arrays emptied (a 5,000-step network's Report inside it). */
export interface SolutionSkeleton {
  id: number;
  solutionSkeleton: SolutionReport;
  pieces: number;
}

export interface ReportPiece {
  id: number;
  piece: number;
  data: Piece;
}

export type AnalysisResponse = WholeReport | ReportSkeleton | WholeSolution | SolutionSkeleton | ReportPiece | ReadDiagnostics;

export const isPieceRequest = (r: AnalysisRequest): r is PieceRequest => 'piece' in r;
export const isReportTaken = (r: AnalysisRequest): r is ReportTaken => 'taken' in r;

/** The one thing the host needs from a worker, whatever kind it is (Node, Web, or a test's fake). */
export interface WorkerLike {
  postMessage(request: AnalysisRequest): void;
  /** the worker's answers */
  onMessage(listener: (response: AnalysisResponse) => void): void;
  /** the worker died or could not load: the host then analyses on its own thread */
  onError(listener: (error: unknown) => void): void;
  terminate(): void;
  /**
   * Where the worker can be told to drop its job mid-analysis (a Node worker: a shared cell it reads at the
   * engine's checks): stop the job in progress, if any. Posting a newer job does the same. Absent (a Web
   * Worker, whose page may not share memory): a busy worker with an outdated job is terminated instead.
   */
  cancel?(): void;
}

/** Starts a worker, or says there is none to be had in this environment (undefined). */
export type WorkerFactory = () => WorkerLike | undefined;
