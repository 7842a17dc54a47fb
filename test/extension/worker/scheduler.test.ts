// AnalysisScheduler with a fake worker: one job in flight per document, a busy worker with an
// outdated version told to drop it (or terminated when it cannot be told), answers to older jobs dropped,
// the reading's diagnostics passed on ahead of the Report, and the host fallback when no worker can be
// started or one dies.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report';
import type { AnalysisJob, AnalysisRequest, AnalysisResponse, WorkerLike } from '../../../src/extension/worker/protocol';
import { AnalysisScheduler, IDLE_WORKERS } from '../../../src/extension/worker/scheduler';

class FakeWorker implements WorkerLike {
  posted: AnalysisJob[] = [];
  terminated = false;
  private message: ((r: AnalysisResponse) => void) | undefined;
  private error: ((e: unknown) => void) | undefined;
  postMessage(r: AnalysisRequest): void {
    this.posted.push(r as AnalysisJob);
  }
  onMessage(l: (r: AnalysisResponse) => void): void {
    this.message = l;
  }
  onError(l: (e: unknown) => void): void {
    this.error = l;
  }
  terminate(): void {
    this.terminated = true;
  }
  /** answer the request with id `id` as the real worker would, with a Report naming its text */
  answer(id: number): void {
    const req = this.posted.find((r) => r.id === id);
    if (!req) throw new Error(`no request ${id}`);
    this.message?.({ id, report: reportOf(req.text) });
  }
  /** the numeric Report of request `id` (complete: false), as the worker sends it when forms are asked for */
  answerNumeric(id: number): void {
    const req = this.posted.find((r) => r.id === id);
    if (!req) throw new Error(`no request ${id}`);
    this.message?.({ id, report: reportOf(req.text), complete: false });
  }
  /** the complete Report of request `id`, with the forms */
  answerForms(id: number): void {
    const req = this.posted.find((r) => r.id === id);
    if (!req) throw new Error(`no request ${id}`);
    this.message?.({ id, report: reportOf(`${req.text}+forms`), complete: true });
  }
  jobs(): AnalysisJob[] {
    return this.posted.filter((r) => 'text' in r);
  }
  crash(): void {
    this.error?.(new Error('worker died'));
  }
  /** the diagnostics of reading request `id`'s text, as the real worker sends them before its Report */
  answerRead(id: number): void {
    const req = this.posted.find((r) => r.id === id);
    if (!req) throw new Error(`no request ${id}`);
    this.message?.({ id, read: reportOf(`read:${req.text}`).diagnostics });
  }
}

/** A Node worker, which can be told to drop its job (WorkerLike.cancel): counts the times it was. */
class CancellableWorker extends FakeWorker {
  cancels = 0;
  cancel(): void {
    this.cancels++;
  }
}

function reportOf(text: string): Report {
  return { diagnostics: [{ line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'info', message: text }] } as unknown as Report;
}
const textOf = (r: Report | undefined) => r?.diagnostics[0]?.message;

function setup() {
  const workers: FakeWorker[] = [];
  const onHost: string[] = [];
  const scheduler = new AnalysisScheduler(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    (text) => {
      onHost.push(text);
      return reportOf(`host:${text}`);
    },
  );
  return { scheduler, workers, onHost };
}

describe('AnalysisScheduler', () => {
  it('analyses in a worker and resolves with its Report', async () => {
    const { scheduler, workers, onHost } = setup();
    const p = scheduler.analyse('a', 1, 'x = 1', {});
    expect(scheduler.busy('a')).toBe(true);
    expect(workers).toHaveLength(1);
    workers[0]!.answer(workers[0]!.posted[0]!.id);
    expect(textOf(await p)).toBe('x = 1');
    expect(scheduler.busy('a')).toBe(false);
    expect(onHost).toEqual([]);
  });

  it('keeps one analysis in flight per document: the same version joins the running job', () => {
    const { scheduler, workers } = setup();
    const p1 = scheduler.analyse('a', 1, 'v1', {});
    const p2 = scheduler.analyse('a', 1, 'v1', {});
    expect(p2).toBe(p1);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted).toHaveLength(1);
  });

  it('terminates a worker busy with an outdated version and drops its result', async () => {
    const { scheduler, workers } = setup();
    const old = scheduler.analyse('a', 1, 'v1', {});
    const fresh = scheduler.analyse('a', 2, 'v2', {});
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(await old).toBeUndefined();
    // the terminated worker's late answer changes nothing
    workers[0]!.answer(workers[0]!.posted[0]!.id);
    expect(scheduler.busy('a')).toBe(true);
    workers[1]!.answer(workers[1]!.posted[0]!.id);
    expect(textOf(await fresh)).toBe('v2');
  });

  it('drops an answer to an older job id on the same worker', async () => {
    const { scheduler, workers } = setup();
    const first = scheduler.analyse('a', 1, 'v1', {});
    workers[0]!.answer(workers[0]!.posted[0]!.id);
    expect(textOf(await first)).toBe('v1');
    const second = scheduler.analyse('a', 2, 'v2', {});
    expect(workers).toHaveLength(1); // an idle worker is reused
    workers[0]!.answer(workers[0]!.posted[0]!.id); // a stray repeat of the old answer
    expect(scheduler.busy('a')).toBe(true);
    workers[0]!.answer(workers[0]!.posted[1]!.id);
    expect(textOf(await second)).toBe('v2');
  });

  it('gives each document its own worker, so a long analysis does not hold up another file', async () => {
    const { scheduler, workers } = setup();
    void scheduler.analyse('big', 1, 'T = 10000', {});
    const small = scheduler.analyse('small', 1, 'small', {});
    expect(workers).toHaveLength(2);
    workers[1]!.answer(workers[1]!.posted[0]!.id);
    expect(textOf(await small)).toBe('small');
    expect(scheduler.busy('big')).toBe(true);
  });

  it('says so synchronously (undefined) when no worker can be started, and stays on the host', () => {
    let calls = 0;
    const scheduler = new AnalysisScheduler(() => {
      calls++;
      return undefined;
    });
    expect(scheduler.analyse('a', 1, 'x', {})).toBeUndefined();
    expect(scheduler.onHostThread).toBe(true);
    expect(scheduler.analyse('b', 1, 'y', {})).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('treats a factory that throws as no worker', () => {
    const scheduler = new AnalysisScheduler(() => {
      throw new Error('no Worker here');
    });
    expect(scheduler.analyse('a', 1, 'x', {})).toBeUndefined();
    expect(scheduler.onHostThread).toBe(true);
  });

  it('finishes the job on the host when its worker dies, and uses the host from then on', async () => {
    const { scheduler, workers, onHost } = setup();
    const p = scheduler.analyse('a', 1, 'v1', {});
    workers[0]!.crash();
    expect(textOf(await p)).toBe('host:v1');
    expect(onHost).toEqual(['v1']);
    expect(workers[0]!.terminated).toBe(true);
    expect(scheduler.analyse('a', 2, 'v2', {})).toBeUndefined();
  });

  it('forget() stops the worker of a closed document and resolves its job with undefined', async () => {
    const { scheduler, workers } = setup();
    const p = scheduler.analyse('a', 1, 'v1', {});
    scheduler.forget('a');
    expect(workers[0]!.terminated).toBe(true);
    expect(await p).toBeUndefined();
    expect(scheduler.attached('a')).toBe(false);
  });

  it('gives a free worker to the next document rather than starting a cold one', async () => {
    const { scheduler, workers } = setup();
    const a = scheduler.analyse('a', 1, 'a1', {});
    workers[0]!.answer(workers[0]!.jobs()[0]!.id);
    await a;
    const b = scheduler.analyse('b', 1, 'b1', {});
    expect(workers).toHaveLength(1);
    workers[0]!.answer(workers[0]!.jobs()[1]!.id);
    expect(textOf(await b)).toBe('b1');
    // a closed document leaves its free worker to the others
    scheduler.forget('a');
    expect(workers[0]!.terminated).toBe(false);
    void scheduler.analyse('c', 1, 'c1', {});
    expect(workers).toHaveLength(1);
    expect(scheduler.attached('a')).toBe(false);
    expect(scheduler.attached('c')).toBe(true);
  });

  it('prefers the document’s own worker when several are free', async () => {
    const { scheduler, workers } = setup();
    const a = scheduler.analyse('a', 1, 'a1', {});
    const b = scheduler.analyse('b', 1, 'b1', {});
    workers[0]!.answer(workers[0]!.jobs()[0]!.id);
    workers[1]!.answer(workers[1]!.jobs()[0]!.id);
    await Promise.all([a, b]);
    void scheduler.analyse('b', 2, 'b2', {});
    expect(workers[1]!.jobs().map((j) => j.text)).toEqual(['b1', 'b2']);
    expect(workers[0]!.jobs().map((j) => j.text)).toEqual(['a1']);
  });

  it(`keeps at most ${IDLE_WORKERS} free workers, stopping the oldest`, async () => {
    const { scheduler, workers } = setup();
    const keys = Array.from({ length: IDLE_WORKERS + 2 }, (_, i) => `doc${i}`);
    const jobs = keys.map((k) => scheduler.analyse(k, 1, k, {}));
    expect(workers).toHaveLength(keys.length);
    expect(scheduler.workers).toBe(keys.length);
    workers.forEach((w) => w.answer(w.jobs()[0]!.id));
    await Promise.all(jobs);
    expect(scheduler.workers).toBe(IDLE_WORKERS);
    expect(workers.map((w) => w.terminated)).toEqual(keys.map((_, i) => i < keys.length - IDLE_WORKERS));
    // a document whose worker was stopped gets a free one
    void scheduler.analyse('doc0', 2, 'again', {});
    expect(workers).toHaveLength(keys.length);
    const took = workers.filter((w) => w.jobs().at(-1)!.text === 'again');
    expect(took).toHaveLength(1);
    expect(took[0]!.terminated).toBe(false);
  });

  it('tells the worker it has taken the numeric Report, after the promise’s callbacks, and only then expects the forms', async () => {
    const { scheduler, workers } = setup();
    const order: string[] = [];
    const p = scheduler.analyse('a', 1, 'v1', { forms: true }, (r) => order.push(`complete ${textOf(r)}`));
    const w = workers[0]!;
    const id = w.jobs()[0]!.id;
    void p!.then((r) => order.push(`numeric ${textOf(r)}`));
    w.answerNumeric(id);
    expect(w.posted).toHaveLength(1);
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
    expect(w.posted.slice(1)).toEqual([{ id, taken: true }]);
    expect(order).toEqual(['numeric v1']);
    expect(scheduler.busy('a')).toBe(true);
    w.answerForms(id);
    expect(order).toEqual(['numeric v1', 'complete v1+forms']);
    expect(scheduler.busy('a')).toBe(false);
    // a complete Report needs no notice
    void scheduler.analyse('a', 2, 'v2', {});
    w.answer(w.jobs()[1]!.id);
    await new Promise<void>((r) => setImmediate(r));
    expect(w.posted.filter((r) => 'taken' in r)).toHaveLength(1);
  });

  it('sends no notice for a numeric Report superseded before its turn came', async () => {
    const { scheduler, workers } = setup();
    void scheduler.analyse('a', 1, 'v1', { forms: true });
    const w = workers[0]!;
    w.answerNumeric(w.jobs()[0]!.id);
    // the newer version reuses the worker (only forms were pending) before the notice's turn
    void scheduler.analyse('a', 2, 'v2', { forms: true });
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
    expect(w.posted.filter((r) => 'taken' in r)).toEqual([]);
    expect(w.terminated).toBe(false);
  });

  it('forget() of a document whose forms are still being derived keeps the (warm) worker for others', async () => {
    const { scheduler, workers } = setup();
    const p = scheduler.analyse('a', 1, 'v1', { forms: true });
    workers[0]!.answerNumeric(workers[0]!.jobs()[0]!.id);
    await p;
    scheduler.forget('a');
    expect(workers[0]!.terminated).toBe(false);
    expect(scheduler.busy('a')).toBe(false);
    void scheduler.analyse('b', 1, 'b1', {});
    expect(workers).toHaveLength(1);
  });

  it('gives a cancellable worker busy with an outdated version the newer job, warm, instead of terminating it', async () => {
    const workers: CancellableWorker[] = [];
    const scheduler = new AnalysisScheduler(() => {
      const w = new CancellableWorker();
      workers.push(w);
      return w;
    });
    const old = scheduler.analyse('a', 1, 'v1', {});
    const fresh = scheduler.analyse('a', 2, 'v2', {});
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
    expect(workers[0]!.jobs().map((j) => j.text)).toEqual(['v1', 'v2']);
    expect(await old).toBeUndefined();
    // had the outdated analysis ended before it saw the newer job, its answer is dropped
    workers[0]!.answer(workers[0]!.jobs()[0]!.id);
    expect(scheduler.busy('a')).toBe(true);
    workers[0]!.answer(workers[0]!.jobs()[1]!.id);
    expect(textOf(await fresh)).toBe('v2');
  });

  it('forget() tells a cancellable worker to drop the closed document’s analysis and keeps it for others', async () => {
    const workers: CancellableWorker[] = [];
    const scheduler = new AnalysisScheduler(() => {
      const w = new CancellableWorker();
      workers.push(w);
      return w;
    });
    const p = scheduler.analyse('a', 1, 'v1', {});
    scheduler.forget('a');
    expect(workers[0]!.cancels).toBe(1);
    expect(workers[0]!.terminated).toBe(false);
    expect(await p).toBeUndefined();
    expect(scheduler.busy('a')).toBe(false);
    void scheduler.analyse('b', 1, 'b1', {});
    expect(workers).toHaveLength(1);
  });

  it('passes the reading’s diagnostics on ahead of the Report, and none of an outdated job', async () => {
    const { scheduler, workers } = setup();
    const read: string[] = [];
    const onRead = (ds: Report['diagnostics']) => read.push(ds[0]!.message);
    const first = scheduler.analyse('a', 1, 'v1', {}, undefined, onRead);
    const w = workers[0]!;
    w.answerRead(w.jobs()[0]!.id);
    expect(read).toEqual(['read:v1']);
    w.answer(w.jobs()[0]!.id);
    await first;
    // a reading arriving after its Report (never sent so) changes nothing
    w.answerRead(w.jobs()[0]!.id);
    void scheduler.analyse('a', 2, 'v2', {}, undefined, onRead);
    // the older job's reading, late: dropped
    w.answerRead(w.jobs()[0]!.id);
    w.answerRead(w.jobs()[1]!.id);
    expect(read).toEqual(['read:v1', 'read:v2']);
  });
});
