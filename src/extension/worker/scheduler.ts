// Analyses off the host thread, one job in flight per document, stale versions cancelled.
// Each document gets its own worker while it is open: a worker busy with an outdated version is
// terminated and a fresh one started for the newer text (an analysis cannot be interrupted from
// outside, and a 10,000-step file must not delay the answer to the edit that superseded it), and an
// answer to an older job is dropped (the job number says which). If no worker can be started, or
// one dies, every later job runs on the host thread, silently: the editor must keep working.
// Pure of vscode (the factory is injected), so the scheduling is tested with a fake worker.

import type { AnalyzeOptions, Report } from '../../report';
import { analyzeText } from './analyzeInWorker';
import { later } from './later';
import { addPiece } from './pieces';
import type { WorkerFactory, WorkerLike } from './protocol';

interface Job {
  id: number;
  version: number;
  text: string;
  options: AnalyzeOptions;
  promise: Promise<Report | undefined>;
  resolve(report: Report | undefined): void;
  /** whether the promise has its Report (the numeric one, while the forms are still being derived) */
  answered: boolean;
  onComplete: ((report: Report) => void) | undefined;
  /** a big Report being put together from its pieces (pieces.ts) */
  assembly?: { report: Report; total: number; received: number; complete: boolean };
}

interface Slot {
  worker: WorkerLike;
  job: Job | undefined;
}

export class AnalysisScheduler {
  private readonly slots = new Map<string, Slot>();
  private fallback = false;
  private nextId = 1;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly onHost: (text: string, options: AnalyzeOptions) => Report = analyzeText,
  ) {}

  /** Whether jobs run on the host thread (no worker could be started, or one died). */
  get onHostThread(): boolean {
    return this.fallback;
  }

  /** Whether document `key` has a worker of its own (it has been analysed off the host thread). */
  attached(key: string): boolean {
    return this.slots.has(key);
  }

  /** Whether an analysis of document `key` is in flight in a worker. */
  busy(key: string): boolean {
    return this.slots.get(key)?.job !== undefined;
  }

  /**
   * The Report of `text` (version `version` of document `key`), computed in the document's worker.
   * Resolves with undefined when a newer version superseded this one before it finished (its result
   * is dropped). Asking again for the version in flight joins that job rather than starting another.
   * Returns undefined, synchronously, when there is no worker to be had: the caller analyses on its
   * own thread (as it did before workers), which keeps the host-only path synchronous.
   * When the options ask for symbolic forms, the promise resolves with the numeric Report as soon as it
   * is there, and `onComplete` gets the Report with the forms once the worker has derived them (unless a
   * newer version came first); the job counts as in flight until then.
   */
  analyse(
    key: string,
    version: number,
    text: string,
    options: AnalyzeOptions,
    onComplete?: (report: Report) => void,
  ): Promise<Report | undefined> | undefined {
    if (this.fallback) return undefined;
    let slot = this.slots.get(key);
    if (slot?.job) {
      if (slot.job.version === version && slot.job.text === text) return slot.job.promise;
      if (slot.job.answered) {
        // only the outdated version's forms are pending: the worker drops them for the newer job (it derives
        // them one derive at a time and looks at its messages in between), and keeps its warm JIT
        slot.job = undefined;
      } else {
        // busy analysing an outdated version: its answer would be dropped anyway, so stop the work now
        this.stop(key, slot);
        slot = undefined;
      }
    }
    if (!slot) {
      const worker = this.start(key);
      if (!worker) {
        this.fallback = true;
        return undefined;
      }
      slot = { worker, job: undefined };
      this.slots.set(key, slot);
    }
    let resolve!: (r: Report | undefined) => void;
    const promise = new Promise<Report | undefined>((r) => {
      resolve = r;
    });
    const job: Job = { id: this.nextId++, version, text, options, promise, resolve, answered: false, onComplete };
    slot.job = job;
    slot.worker.postMessage({ id: job.id, text, options });
    return promise;
  }

  /** The document was closed: stop its worker, drop its job. */
  forget(key: string): void {
    const slot = this.slots.get(key);
    if (slot) this.stop(key, slot);
  }

  dispose(): void {
    for (const [key, slot] of [...this.slots]) this.stop(key, slot);
  }

  private stop(key: string, slot: Slot): void {
    this.slots.delete(key);
    slot.job?.resolve(undefined);
    slot.job = undefined;
    try {
      slot.worker.terminate();
    } catch {
      // already gone
    }
  }

  /** A Report of the job: the first one resolves its promise, the complete one ends it. */
  private deliver(slot: Slot, job: Job, report: Report, complete: boolean): void {
    if (complete) slot.job = undefined;
    if (!job.answered) {
      job.answered = true;
      job.resolve(report);
    } else if (complete) job.onComplete?.(report);
  }

  /**
   * The next piece of a big Report, asked for on a later turn of the event loop: one piece is rebuilt per
   * turn, so whatever else the host has to do (a keystroke, a hover) runs in between.
   */
  private askForPiece(key: string, slot: Slot, job: Job): void {
    later(() => {
      if (this.slots.get(key) !== slot || slot.job !== job || !job.assembly) return;
      slot.worker.postMessage({ id: job.id, piece: job.assembly.received });
    });
  }

  private start(key: string): WorkerLike | undefined {
    let worker: WorkerLike | undefined;
    try {
      worker = this.factory();
    } catch {
      worker = undefined;
    }
    if (!worker) return undefined;
    const w = worker;
    w.onMessage((response) => {
      const slot = this.slots.get(key);
      // an answer from a terminated worker, or to a job since replaced: stale, dropped
      if (!slot || slot.worker !== w || !slot.job || slot.job.id !== response.id) return;
      const job = slot.job;
      if ('report' in response) return this.deliver(slot, job, response.report, response.complete ?? true);
      if ('skeleton' in response) {
        job.assembly = { report: response.skeleton, total: response.pieces, received: 0, complete: response.complete ?? true };
        return this.askForPiece(key, slot, job);
      }
      const a = job.assembly;
      if (!a || response.piece !== a.received) return;
      addPiece(a.report, response.data);
      a.received++;
      if (a.received < a.total) return this.askForPiece(key, slot, job);
      job.assembly = undefined;
      this.deliver(slot, job, a.report, a.complete);
    });
    w.onError(() => {
      // the worker could not load or crashed: from now on the host analyses, starting with this job
      this.fallback = true;
      const slot = this.slots.get(key);
      if (!slot || slot.worker !== w) return;
      this.slots.delete(key);
      const job = slot.job;
      try {
        w.terminate();
      } catch {
        // already gone
      }
      if (job) this.deliver({ worker: w, job }, job, this.onHost(job.text, job.options), true);
    });
    return w;
  }
}
