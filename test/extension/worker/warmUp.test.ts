// The worker's warm-up (issue 11): a job that asks for it is analysed again, numeric and silently, in the worker's
// idle turns once answered; a newer job (the host's shared cell) stops it, also mid-run; none without the cell,
// for a Report sent in pieces, or once its wall-time budget is spent. And the scheduler asks for it on a
// document's first job in each worker only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisJob, AnalysisRequest, AnalysisResponse, WholeReport, WorkerLike } from '../../../src/extension/worker/protocol';
import { analyze } from '../../../src/analysis';
import { longRnn } from '../../fixtures/longRnn';
import { twoStepRnn } from '../../fixtures/twoStepRnn';

// every analysis the server runs, counted (the real one runs)
const calls = vi.hoisted(() => ({
  texts: [] as string[],
  options: [] as unknown[],
  /** how each ended: with a Report, or thrown (a cancelled run throws the engine's Cancelled) */
  ends: [] as string[],
  onCall: undefined as (() => void) | undefined,
}));
vi.mock('../../../src/analysis', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/analysis')>();
  return {
    ...real,
    analyzeSession: (...args: Parameters<typeof real.analyzeSession>) => {
      calls.texts.push(args[0]);
      calls.options.push(args[1]);
      calls.onCall?.();
      try {
        const a = real.analyzeSession(...args);
        calls.ends.push('report');
        return a;
      } catch (e) {
        calls.ends.push((e as Error).constructor.name);
        throw e;
      }
    },
  };
});

const { createServer, WARM_BUDGET_MS } = await import('../../../src/extension/worker/analyzeInWorker');
const { AnalysisScheduler, WARM_RUNS } = await import('../../../src/extension/worker/scheduler');

const text = (w: number) => `${twoStepRnn(w)}derive ∂L/∂w\n`;
const turns = async (n = 12) => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};
const cell = (id: number) => {
  const wanted = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(wanted, 0, id);
  return wanted;
};

/** The worker's clock stands still: every analysis takes 0 ms on it, so none is too long to warm up on (a loaded machine's wall time decides nothing here). */
function frozenClock(): () => void {
  const at = performance.now();
  const spy = vi.spyOn(performance, 'now').mockReturnValue(at);
  return () => spy.mockRestore();
}

let thaw: (() => void) | undefined;
beforeEach(() => {
  thaw = frozenClock();
});
afterEach(() => {
  thaw?.();
  calls.texts.length = 0;
  calls.options.length = 0;
  calls.ends.length = 0;
  calls.onCall = undefined;
});

describe('the worker’s warm-up', () => {
  it('analyses the answered job’s text `warm` times more, numeric, sending nothing', async () => {
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => out.push(r), undefined, cell(1));
    serve({ id: 1, text: text(0.5), options: { draws: 3 }, warm: 3 });
    expect(calls.texts).toHaveLength(1);
    await turns();
    expect(calls.texts).toEqual([text(0.5), text(0.5), text(0.5), text(0.5)]);
    expect(calls.options.slice(1)).toEqual([0, 0, 0].map(() => ({ draws: 3, forms: false, symbolic: false })));
    // its reading and its Report, nothing for the warm-up
    expect(out.map((r) => [r.id, 'read' in r])).toEqual([
      [1, true],
      [1, false],
    ]);
    expect((out[1] as WholeReport).report.checks).toEqual(analyze(text(0.5), { draws: 3 }).checks);
  });

  it('warms up after the forms, once the complete Report is out', async () => {
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => out.push(r), undefined, cell(1));
    serve({ id: 1, text: text(0.5), options: { forms: true }, warm: 2 });
    await turns();
    // the forms wait for the host's notice, and so does the warm-up
    expect(calls.texts).toHaveLength(1);
    serve({ id: 1, taken: true });
    await turns();
    expect(out.filter((r) => 'report' in r).map((r) => (r as WholeReport).complete)).toEqual([false, true]);
    expect(calls.texts).toHaveLength(3);
  });

  it('stops when a newer job comes, between runs and in the middle of one', async () => {
    const wanted = cell(1);
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => out.push(r), undefined, wanted);
    serve({ id: 1, text: text(0.5), options: {}, warm: 50 });
    await turns(2);
    const warmed = calls.texts.length - 1;
    expect(warmed).toBeGreaterThan(0);
    expect(warmed).toBeLessThan(50);
    // the host posts job 2: its cell first, the message after
    Atomics.store(wanted, 0, 2);
    serve({ id: 2, text: text(0.25), options: {} });
    await turns();
    // job 2 ran; no warm-up run of job 1 came after it (nor before its message, the cell named job 2)
    expect(calls.texts.slice(warmed + 1)).toEqual([text(0.25)]);
    expect(out.filter((r) => 'report' in r).map((r) => r.id)).toEqual([1, 2]);

    // mid-run: the cell names another job once a warm-up run has started; it stops at the engine's next check
    const long = longRnn(2000);
    const w2 = cell(3);
    createServer(() => {}, Infinity, w2)({ id: 3, text: long, options: {}, warm: 5 });
    const before = calls.texts.length;
    calls.onCall = () => Atomics.store(w2, 0, 4);
    await turns(4);
    // one run started, and the engine stopped it (not a timing assertion: the run ends by throwing Cancelled)
    expect(calls.texts.length).toBe(before + 1);
    expect(calls.ends.at(-1)).toBe('Cancelled');
  });

  it('does not warm up without the host’s cell, without `warm`, or for a Report sent in pieces', async () => {
    createServer(() => {})({ id: 1, text: text(0.5), options: {}, warm: 3 });
    createServer(() => {}, undefined, cell(2))({ id: 2, text: text(0.5), options: {} });
    // a 100-step file's Report in pieces (a tiny piece size: its per-step arrays split), against the same whole
    const steps = longRnn(100);
    const pieces: AnalysisResponse[] = [];
    createServer((r) => pieces.push(r), 64, cell(3))({ id: 3, text: steps, options: {}, warm: 2 });
    await turns();
    expect(pieces.some((r) => 'skeleton' in r)).toBe(true);
    expect(calls.texts).toHaveLength(3);
    createServer(() => {}, Infinity, cell(4))({ id: 4, text: steps, options: {}, warm: 2 });
    await turns();
    expect(calls.texts).toEqual([text(0.5), text(0.5), steps, steps, steps, steps]);
  });

  it('stops once its time budget is spent', async () => {
    thaw?.();
    const at = performance.now();
    let skew = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => at + skew);
    thaw = () => spy.mockRestore();
    const serve = createServer(() => {}, undefined, cell(1));
    serve({ id: 1, text: text(0.5), options: {}, warm: 1000 });
    // the clock the worker reads jumps past the budget after the first run
    await turns(1);
    skew = WARM_BUDGET_MS + 1;
    await turns(10);
    // the first run, and at most the one under way when the budget ran out
    expect(calls.texts.length).toBeLessThanOrEqual(3);
  });
});

class FakeWorker implements WorkerLike {
  posted: AnalysisRequest[] = [];
  private message: ((r: AnalysisResponse) => void) | undefined;
  postMessage(r: AnalysisRequest): void {
    this.posted.push(r);
  }
  onMessage(l: (r: AnalysisResponse) => void): void {
    this.message = l;
  }
  onError(): void {}
  terminate(): void {}
  cancel(): void {}
  answer(job: AnalysisJob): void {
    this.message?.({ id: job.id, report: analyze(job.text) });
  }
  jobs(): AnalysisJob[] {
    return this.posted.filter((r): r is AnalysisJob => 'text' in r);
  }
}

describe('the scheduler’s warm-up requests', () => {
  it('asks a worker to warm up on a document’s first job only, and again for another document', async () => {
    const workers: FakeWorker[] = [];
    const s = new AnalysisScheduler(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const job = async (key: string, version: number) => {
      const p = s.analyse(key, version, text(version / 10), {});
      const w = workers.find((x) => x.jobs().some((j) => j.text === text(version / 10)))!;
      w.answer(w.jobs().at(-1)!);
      await p;
      return w.jobs().at(-1)!;
    };
    expect((await job('a', 1)).warm).toBe(WARM_RUNS);
    expect((await job('a', 2)).warm).toBeUndefined();
    expect((await job('b', 3)).warm).toBe(WARM_RUNS);
    expect((await job('a', 4)).warm).toBeUndefined();
    expect(workers).toHaveLength(1);
    // none when the benchmark's "before" asks for none
    const none = new AnalysisScheduler(() => new FakeWorker(), undefined, 0);
    void none.analyse('a', 1, text(0.1), {});
    expect((none as unknown as { pool: { worker: FakeWorker }[] }).pool[0]!.worker.jobs()[0]!.warm).toBeUndefined();
    s.dispose();
    none.dispose();
  });
});
