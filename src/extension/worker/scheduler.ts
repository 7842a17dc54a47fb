// Analyses off the host thread, one job in flight per document, stale versions cancelled.
// A worker runs one job at a time. A worker busy with an outdated version of a document gets the newer
// text at once: a Node worker drops the outdated analysis at its engine's next check (tens of ms: the job
// it should run sits in a cell shared with this thread, WorkerLike.cancel) and takes the newer job with its
// JIT warm; a worker that cannot be told (a Web Worker) is terminated and the newer text goes to another,
// so a 10,000-step file never delays the answer to the edit that superseded it. An answer to an older job
// is dropped (the job number says which). Two documents are never analysed in the same worker at once, so
// a long analysis does not hold up another file.
//
// Before its Report, a job's worker sends the diagnostics of reading the text (onRead): a syntax or name
// error shows, or a fixed one clears, in milliseconds even while a 5,000-step file is being analysed.
//
// Workers are kept and reused, across documents too: a fresh worker is a fresh V8 isolate, and its JIT
// needs a few dozen analyses to warm up (measured: the sheet-7 example's numeric analysis took ~50% more
// CPU over a fresh worker's first 18 jobs than in a warm one). So a job goes to its document's last worker
// if that one is free, else to any free worker, and a new worker is started only when all are busy;
// free workers beyond IDLE_WORKERS are stopped.
//
// A job that asks for the symbolic forms is answered twice: the numeric Report first, then the Report
// with the forms. The worker starts on the forms only once this thread says it has taken the numeric
// Report (a `taken` message, sent on a later turn of this thread's loop, after the diagnostics of that
// Report were published): on a busy machine the forms do not compete with the diagnostics' way here.
//
// A solution (a Markdown or LaTeX document, a notebook's cells: analyseSolution) is a job like a .rnn file's,
// in the same pool, keyed by its document: answered once, with its whole SolutionReport.
//
// If no worker can be started, or one dies, every later job runs on the host thread, silently: the editor
// must keep working. Pure of vscode (the factory is injected), so the scheduling is tested with a fake worker.

import type { AnalyzeOptions, Diagnostic, Report } from '../../report';
import type { SolutionReport } from '../solution/core';
import { analyzeSolutionText, analyzeText } from './analyzeInWorker';
import { later } from './later';
import { addPiece } from './pieces';
import type { SolutionSpec, WorkerFactory, WorkerLike } from './protocol';

/** Free workers kept warm for the next job (each is a V8 isolate: some MB of memory). */
export const IDLE_WORKERS = 2;

/** What a job is answered with: a .rnn file's Report, or a solution's SolutionReport. */
type Answer = { report: Report } | { solution: SolutionReport };

/** What the caller of a job waits on, by the job's kind. */
type Asked =
  | {
      kind: 'report';
      promise: Promise<Report | undefined>;
      onComplete: ((report: Report) => void) | undefined;
      onRead: ((diagnostics: Diagnostic[]) => void) | undefined;
    }
  | { kind: 'solution'; spec: SolutionSpec; promise: Promise<SolutionReport | undefined> };

interface Job {
  id: number;
  key: string;
  version: number;
  text: string;
  options: AnalyzeOptions;
  asked: Asked;
  /** settles the caller's promise (undefined: superseded; an answer of the other kind never comes) */
  resolve(answer: Answer | undefined): void;
  /** whether the promise has its answer (the numeric Report, while the forms are still being derived) */
  answered: boolean;
  /** a big answer being put together from its pieces (pieces.ts) */
  assembly?: { answer: Answer; total: number; received: number; complete: boolean };
}

interface Slot {
  worker: WorkerLike;
  /** the job this worker is on (until its complete Report arrives) */
  job: Job | undefined;
}

export class AnalysisScheduler {
  /** every live worker, in the order they were started */
  private readonly pool: Slot[] = [];
  /** each document's last worker: its job's, while one is in flight */
  private readonly last = new Map<string, Slot>();
  private fallback = false;
  private nextId = 1;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly onHost: (text: string, options: AnalyzeOptions) => Report = analyzeText,
    private readonly solutionOnHost: (text: string, spec: SolutionSpec, options: AnalyzeOptions) => SolutionReport = analyzeSolutionText,
  ) {}

  /** Whether jobs run on the host thread (no worker could be started, or one died). */
  get onHostThread(): boolean {
    return this.fallback;
  }

  /** Whether document `key` is analysed off the host thread (it has been, and is still open). */
  attached(key: string): boolean {
    return this.last.has(key);
  }

  /** Whether an analysis of document `key` is in flight in a worker. */
  busy(key: string): boolean {
    return this.jobOf(key) !== undefined;
  }

  /** How many workers are alive (busy or free). */
  get workers(): number {
    return this.pool.length;
  }

  /**
   * The Report of `text` (version `version` of document `key`), computed in a worker.
   * Resolves with undefined when a newer version superseded this one before it finished (its result
   * is dropped). Asking again for the version in flight joins that job rather than starting another.
   * Returns undefined, synchronously, when there is no worker to be had: the caller analyses on its
   * own thread (as it did before workers), which keeps the host-only path synchronous.
   * When the options ask for symbolic forms, the promise resolves with the numeric Report as soon as it
   * is there, and `onComplete` gets the Report with the forms once the worker has derived them (unless a
   * newer version came first); the job counts as in flight until then. `onRead` gets the diagnostics of
   * reading the text, before the Report (not called when the job runs on the host thread).
   */
  analyse(
    key: string,
    version: number,
    text: string,
    options: AnalyzeOptions,
    onComplete?: (report: Report) => void,
    onRead?: (diagnostics: Diagnostic[]) => void,
  ): Promise<Report | undefined> | undefined {
    const joined = this.inFlight(key, version, text);
    if (joined?.kind === 'report') return joined.promise;
    let resolve!: (answer: Answer | undefined) => void;
    const promise = new Promise<Report | undefined>((r) => {
      resolve = (a) => r(a && 'report' in a ? a.report : undefined);
    });
    return this.submit(key, version, text, options, { kind: 'report', promise, onComplete, onRead }, resolve) ? promise : undefined;
  }

  /**
   * The SolutionReport of a solution's `text` (version `version` of document `key`: a Markdown or LaTeX document,
   * or a notebook with `spec.cells`), computed in a worker, as analyse() computes a Report: undefined when
   * superseded, the same promise for the job in flight, and undefined synchronously when there is no worker (the
   * caller analyses on its own thread).
   */
  analyseSolution(
    key: string,
    version: number,
    text: string,
    spec: SolutionSpec,
    options: AnalyzeOptions,
  ): Promise<SolutionReport | undefined> | undefined {
    const joined = this.inFlight(key, version, text);
    if (joined?.kind === 'solution' && JSON.stringify(joined.spec) === JSON.stringify(spec)) return joined.promise;
    let resolve!: (answer: Answer | undefined) => void;
    const promise = new Promise<SolutionReport | undefined>((r) => {
      resolve = (a) => r(a && 'solution' in a ? a.solution : undefined);
    });
    return this.submit(key, version, text, options, { kind: 'solution', spec, promise }, resolve) ? promise : undefined;
  }

  /** What is asked of the job in flight for this version and text of document `key`, if there is one. */
  private inFlight(key: string, version: number, text: string): Asked | undefined {
    const job = this.jobOf(key);
    return !this.fallback && job && job.version === version && job.text === text ? job.asked : undefined;
  }

  /** Posts a new job for document `key` (a stale one of it dropped); false when there is no worker to be had. */
  private submit(
    key: string,
    version: number,
    text: string,
    options: AnalyzeOptions,
    asked: Asked,
    resolve: (answer: Answer | undefined) => void,
  ): boolean {
    if (this.fallback) return false;
    const own = this.last.get(key);
    let slot: Slot | undefined;
    if (own?.job?.key === key) {
      if (own.job.answered) {
        // only the outdated version's forms are pending: the worker drops them for the newer job (it derives
        // them one derive at a time and looks at its messages in between), and keeps its warm JIT
        own.job = undefined;
        slot = own;
      } else if (own.worker.cancel) {
        // busy analysing an outdated version: the newer job posted below makes it drop that analysis at its
        // next check and go on with this one, warm
        own.job.resolve(undefined);
        own.job = undefined;
        slot = own;
      } else {
        // busy analysing an outdated version and cannot be told: its answer would be dropped anyway, so stop the work now
        this.stop(own);
      }
    }
    slot ??= this.freeSlot(own);
    if (!slot) {
      this.fallback = true;
      return false;
    }
    this.last.set(key, slot);
    const job: Job = { id: this.nextId++, key, version, text, options, asked, resolve, answered: false };
    slot.job = job;
    const solution = asked.kind === 'solution' ? asked.spec : undefined;
    slot.worker.postMessage(solution ? { id: job.id, text, options, solution } : { id: job.id, text, options });
    return true;
  }

  /** The document was closed: drop its job, stopping its worker's work on it (the worker itself if it cannot be told). */
  forget(key: string): void {
    const slot = this.last.get(key);
    this.last.delete(key);
    if (slot?.job?.key !== key) return;
    if (slot.job.answered || slot.worker.cancel) {
      // only forms nobody will read (the next job posted to this worker drops them), or an analysis the worker
      // drops at its next check: the worker stays, warm
      slot.worker.cancel?.();
      slot.job.resolve(undefined);
      slot.job = undefined;
      this.trimIdle();
    } else this.stop(slot);
  }

  dispose(): void {
    for (const slot of [...this.pool]) this.stop(slot);
    this.last.clear();
  }

  private jobOf(key: string): Job | undefined {
    const job = this.last.get(key)?.job;
    return job?.key === key ? job : undefined;
  }

  /** A worker with no job: `preferred` (the document's own) if free, else any free one, else a new one. */
  private freeSlot(preferred: Slot | undefined): Slot | undefined {
    if (preferred && !preferred.job && this.pool.includes(preferred)) return preferred;
    return this.pool.find((s) => !s.job) ?? this.start();
  }

  private stop(slot: Slot): void {
    const i = this.pool.indexOf(slot);
    if (i >= 0) this.pool.splice(i, 1);
    slot.job?.resolve(undefined);
    slot.job = undefined;
    try {
      slot.worker.terminate();
    } catch {
      // already gone
    }
  }

  /** Free workers beyond IDLE_WORKERS are stopped, the oldest first (a document naming a stopped worker gets another). */
  private trimIdle(): void {
    const free = this.pool.filter((s) => !s.job);
    for (const s of free.slice(0, Math.max(0, free.length - IDLE_WORKERS))) this.stop(s);
  }

  /** An answer of the job: the first one resolves its promise, the complete one ends it. */
  private deliver(slot: Slot, job: Job, answer: Answer, complete: boolean): void {
    if (complete) {
      slot.job = undefined;
      this.trimIdle();
    }
    if (!job.answered) {
      job.answered = true;
      job.resolve(answer);
      // the forms follow: the worker starts on them once the numeric Report's diagnostics are out (the
      // promise's callbacks run before this later turn)
      if (!complete)
        later(() => {
          if (slot.job === job && this.pool.includes(slot)) slot.worker.postMessage({ id: job.id, taken: true });
        });
    } else if (complete && job.asked.kind === 'report' && 'report' in answer) job.asked.onComplete?.(answer.report);
  }

  /**
   * The next piece of a big Report, asked for on a later turn of the event loop: one piece is rebuilt per
   * turn, so whatever else the host has to do (a keystroke, a hover) runs in between.
   */
  private askForPiece(slot: Slot, job: Job): void {
    later(() => {
      if (!this.pool.includes(slot) || slot.job !== job || !job.assembly) return;
      slot.worker.postMessage({ id: job.id, piece: job.assembly.received });
    });
  }

  private start(): Slot | undefined {
    let worker: WorkerLike | undefined;
    try {
      worker = this.factory();
    } catch {
      worker = undefined;
    }
    if (!worker) return undefined;
    const slot: Slot = { worker, job: undefined };
    this.pool.push(slot);
    worker.onMessage((response) => {
      // an answer from a stopped worker, or to a job since replaced: stale, dropped
      const job = slot.job;
      if (!this.pool.includes(slot) || !job || job.id !== response.id) return;
      if ('read' in response) {
        if (!job.answered && job.asked.kind === 'report') job.asked.onRead?.(response.read);
        return;
      }
      if ('report' in response) return this.deliver(slot, job, { report: response.report }, response.complete ?? true);
      if ('solution' in response) return this.deliver(slot, job, { solution: response.solution }, true);
      if ('skeleton' in response || 'solutionSkeleton' in response) {
        const answer: Answer = 'skeleton' in response ? { report: response.skeleton } : { solution: response.solutionSkeleton };
        const complete = 'skeleton' in response ? (response.complete ?? true) : true;
        job.assembly = { answer, total: response.pieces, received: 0, complete };
        return this.askForPiece(slot, job);
      }
      const a = job.assembly;
      if (!a || response.piece !== a.received) return;
      addPiece('report' in a.answer ? a.answer.report : a.answer.solution, response.data);
      a.received++;
      if (a.received < a.total) return this.askForPiece(slot, job);
      job.assembly = undefined;
      this.deliver(slot, job, a.answer, a.complete);
    });
    worker.onError(() => {
      // the worker could not load or crashed: from now on the host analyses, starting with this job
      this.fallback = true;
      if (!this.pool.includes(slot)) return;
      const job = slot.job;
      slot.job = undefined;
      this.stop(slot);
      if (!job) return;
      const asked = job.asked;
      const answer: Answer =
        asked.kind === 'report'
          ? { report: this.onHost(job.text, job.options) }
          : { solution: this.solutionOnHost(job.text, asked.spec, job.options) };
      this.deliver(slot, job, answer, true);
    });
    return slot;
  }
}
