// Reports with a (fake) analysis worker: get() never analyses on the host while the worker runs, answers
// with the last finished Report, the final announcement matches the latest text, forms come from the
// cached Report. 'vscode' is the shared fake (test/extension/fake/vscode.ts), the analysis and documents
// those of ./fakes.ts, shared with documentReports.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisJob, AnalysisRequest, AnalysisResponse, WorkerLike } from '../../../src/extension/worker/protocol';

import { fake } from '../fake/vscode';
import { analysis, Doc } from './fakes';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);
vi.mock('../../../src/analysis', async () => (await import('./fakes')).analysisModule);
const { analyzed, formsAsked } = analysis;

const { Reports } = await import('../../../src/extension/reports/documentReports');

/** A worker that answers only when told, with the Report the fake analysis gives for the text. */
class FakeWorker implements WorkerLike {
  posted: AnalysisJob[] = [];
  terminated = false;
  private message: ((r: AnalysisResponse) => void) | undefined;
  postMessage(r: AnalysisRequest): void {
    this.posted.push(r as AnalysisJob);
  }
  onMessage(l: (r: AnalysisResponse) => void): void {
    this.message = l;
  }
  onError(): void {}
  terminate(): void {
    this.terminated = true;
  }
  finish(): void {
    const req = this.posted.at(-1)!;
    this.message?.({
      id: req.id,
      report: { text: req.text, diagnostics: [], derives: [{ line: 2, results: [], fromWorker: true }] } as never,
    });
  }
}

const flush = () => new Promise<void>((r) => queueMicrotask(r));
const textOf = (r: unknown) => (r as { text?: string }).text;

describe('Reports with an analysis worker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    analyzed.length = 0;
    formsAsked.length = 0;
    fake.documents = [];
  });
  const made: { dispose(): void }[] = [];
  afterEach(() => {
    for (const r of made.splice(0)) r.dispose();
    vi.useRealTimers();
  });

  function make(debounceMs = 150) {
    const workers: FakeWorker[] = [];
    const reports = new Reports({
      debounceMs: () => debounceMs,
      analyzeOptions: () => ({ draws: 2 }),
      workers: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    made.push(reports);
    const updates: string[] = [];
    reports.onDidUpdate(({ report }) => updates.push(textOf(report)!));
    return { reports, updates, workers };
  }

  it('a provider asking between the open and its timer hands the analysis to the worker at once, never to the host', async () => {
    // it was analysed on the host then (the document not yet attached to a worker): seconds for a 10,000-step file
    const { reports, updates, workers } = make();
    const d = new Doc('opened');
    fake.events.open.fire(d);
    const r = reports.get(d as never);
    expect(analyzed).toEqual([]);
    expect(textOf(r)).toBeUndefined();
    expect(workers[0]!.posted.map((p) => p.text)).toEqual(['opened']);
    // the open's timer finds the job in flight: nothing posted twice
    vi.advanceTimersByTime(0);
    expect(workers[0]!.posted).toHaveLength(1);
    workers[0]!.finish();
    await flush();
    expect(updates).toEqual(['opened']);
    expect(textOf(reports.get(d as never))).toBe('opened');
    expect(analyzed).toEqual([]);
  });

  it('analyses in the worker, not on the host; get() meanwhile returns an empty Report that is not announced', async () => {
    const { reports, updates, workers } = make();
    const d = new Doc('big');
    fake.events.open.fire(d);
    vi.advanceTimersByTime(0);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted.map((p) => p.text)).toEqual(['big']);
    expect(workers[0]!.posted[0]!.options).toEqual({ forms: true, draws: 2 });
    const pending = reports.get(d as never);
    expect(pending.diagnostics).toEqual([]);
    expect(pending.derives).toEqual([]);
    expect(analyzed).toEqual([]);
    workers[0]!.finish();
    await flush();
    expect(updates).toEqual(['big']);
    expect(textOf(reports.get(d as never))).toBe('big');
    expect(analyzed).toEqual([]);
  });

  it('while a newer version is analysed, get() answers with the last finished Report, and the final one matches the latest text', async () => {
    const { reports, updates, workers } = make(150);
    const d = new Doc('v1');
    fake.events.open.fire(d);
    vi.advanceTimersByTime(0);
    workers[0]!.finish();
    await flush();
    d.edit('v2');
    vi.advanceTimersByTime(150);
    expect(textOf(reports.get(d as never))).toBe('v1');
    // an edit during the analysis of v2: that worker is stopped, v3 analysed by a fresh one
    d.edit('v3');
    expect(textOf(reports.get(d as never))).toBe('v1');
    vi.advanceTimersByTime(150);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[0]!.finish(); // the stopped worker's late answer for v2 is dropped
    await flush();
    expect(updates).toEqual(['v1']);
    workers[1]!.finish();
    await flush();
    expect(updates).toEqual(['v1', 'v3']);
    expect(textOf(reports.get(d as never))).toBe('v3');
    expect(analyzed).toEqual([]);
  });

  it('forms() answers from the Report of the worker (which carries every form) without analysing again', async () => {
    const { reports, workers } = make();
    const d = new Doc('f');
    fake.events.open.fire(d);
    vi.advanceTimersByTime(0);
    workers[0]!.finish();
    await flush();
    expect(reports.forms(d as never, 2)).toMatchObject({ line: 2, fromWorker: true });
    expect(analyzed).toEqual([]);
    expect(formsAsked).toEqual([]);
  });

  it('falls back to the host, synchronously, when no worker can be started', () => {
    const reports = new Reports({ debounceMs: () => 0, analyzeOptions: () => ({}), workers: () => undefined });
    made.push(reports);
    const updates: string[] = [];
    reports.onDidUpdate(({ report }) => updates.push(textOf(report)!));
    const d = new Doc('host');
    fake.events.open.fire(d);
    vi.advanceTimersByTime(0);
    expect(analyzed).toEqual(['host']);
    expect(updates).toEqual(['host']);
  });

  it('closing a document stops its worker', () => {
    const { workers } = make();
    const d = new Doc('c');
    fake.events.open.fire(d);
    vi.advanceTimersByTime(0);
    fake.events.close.fire(d);
    expect(workers[0]!.terminated).toBe(true);
  });
});
