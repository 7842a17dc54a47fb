// Solutions analysed off the host thread (issue 11): a Markdown or LaTeX solution, or a notebook's cells, is a job
// of the .rnn files' worker pool. The worker's server answers it with the SolutionReport the library gives (in
// pieces when big, dropped when superseded); the scheduler joins, supersedes and falls back to the host as for a
// .rnn file; and the editor's SolutionReports, with workers that run the real worker code but deliver in whatever
// order fast-check picks, never announces an older version's report after a newer one's.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeCells, analyzeSolution, type SolutionReport } from '../../../src/solution';
import { Cancelled, cancellable } from '../../../src/engine/budget';
import { createServer } from '../../../src/extension/worker/analyzeInWorker';
import type { AnalysisJob, AnalysisRequest, AnalysisResponse, WorkerLike } from '../../../src/extension/worker/protocol';
import { AnalysisScheduler } from '../../../src/extension/worker/scheduler';
import { fake, FakeDocument, Uri } from '../fake/vscode';
import { twoStepRnn } from '../../fixtures/twoStepRnn';
import { longRnn } from '../../fixtures/longRnn';
import { playRace, raceStep, turn } from './race';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);
const { SolutionReports } = await import('../../../src/extension/solution/solutionReports');

/** Version v of a solution: its own weight (so its network's loss says which version a report is of), one check that holds, one that fails. */
const solutionOf = (v: number) =>
  `# Exercise\n\n\`\`\`rnn\n${twoStepRnn((0.1 + v / 64).toFixed(6))}\`\`\`\n\n$$\\frac{\\partial h_t}{\\partial h_{t-1}} = w\\, h_t (1 - h_t)$$\n\n$$\\frac{\\partial L_t}{\\partial h_t} = 2 (h_t - y_t)^2$$\n`;
const LOSS = Array.from(
  { length: 12 },
  (_, v) => analyzeSolution(solutionOf(v), 'markdown', { sidecar: null }).networks[0]!.report.loss!.value,
);
const versionOf = (s: SolutionReport) => LOSS.indexOf(s.networks[0]?.report.loss?.value ?? NaN);
/** as plain data, without the analyses' timings (elapsedMs) */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'elapsedMs' ? undefined : v))) as unknown;

/** Runs the real worker code; its answers wait in `outbox` until delivered (in any order, or at once with `immediate`). */
class ServedWorker implements WorkerLike {
  readonly outbox: AnalysisResponse[] = [];
  readonly posted: AnalysisRequest[] = [];
  terminated = false;
  private listener: ((r: AnalysisResponse) => void) | undefined;
  private error: ((e: unknown) => void) | undefined;
  private readonly serve: (r: AnalysisRequest) => void;
  constructor(
    pieceBytes?: number,
    private readonly immediate = false,
  ) {
    this.serve = createServer(
      (r) => (this.immediate ? queueMicrotask(() => this.listener?.(structuredClone(r))) : this.outbox.push(r)),
      pieceBytes,
    );
  }
  postMessage(request: AnalysisRequest): void {
    this.posted.push(request);
    if (!this.terminated) this.serve(structuredClone(request));
  }
  onMessage(l: (r: AnalysisResponse) => void): void {
    this.listener = l;
  }
  onError(l: (e: unknown) => void): void {
    this.error = l;
  }
  terminate(): void {
    this.terminated = true;
  }
  deliver(k: number): void {
    const [r] = this.outbox.splice(k % this.outbox.length, 1);
    this.listener?.(structuredClone(r!));
  }
  crash(): void {
    this.error?.(new Error('worker died'));
  }
}

describe('a solution’s job in the worker', () => {
  it('is answered with the library’s SolutionReport: a Markdown solution, a LaTeX one, a notebook’s cells', () => {
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => out.push(r));
    const md = solutionOf(3);
    serve({ id: 1, text: md, options: {}, solution: { kind: 'markdown', sidecar: null } });
    const latex = '\\begin{equation}\\frac{\\partial h_t}{\\partial h_{t-1}} = w h_t (1 - h_t)\\end{equation}\n';
    serve({ id: 2, text: latex, options: {}, solution: { kind: 'latex', sidecar: twoStepRnn(0.3) } });
    const cells = [
      { kind: 'markdown' as const, source: md },
      { kind: 'code' as const, source: 'print(1)' },
    ];
    serve({ id: 3, text: 'the joined text identifies the job only', options: {}, solution: { cells, sidecar: null } });
    expect(out).toHaveLength(3);
    const answers = out.map((r) => ('solution' in r ? r.solution : undefined));
    expect(plain(answers[0])).toEqual(plain(analyzeSolution(md, 'markdown', { sidecar: null })));
    expect(plain(answers[1])).toEqual(plain(analyzeSolution(latex, 'latex', { sidecar: twoStepRnn(0.3) })));
    expect(answers[1]!.checked).toBe(1);
    expect(plain(answers[2])).toEqual(plain(analyzeCells(cells)));
    expect(answers[2]!.equations.every((e) => e.range.cell === 1)).toBe(true);
  });

  it('goes in pieces when big, put back together by the scheduler into the same report', async () => {
    const text = `\`\`\`rnn\n${longRnn(400, ['derive ∂L/∂W_hh'])}\`\`\`\n\n$$\\frac{\\partial o_t}{\\partial h_t} = W_{hy}$$\n`;
    const worker = new ServedWorker(2048, true);
    const scheduler = new AnalysisScheduler(() => worker);
    const got = await scheduler.analyseSolution('file:///big.md', 1, text, { kind: 'markdown', sidecar: null }, {});
    expect(worker.posted.filter((r) => 'piece' in r).length).toBeGreaterThan(3);
    expect(plain(got)).toEqual(plain(analyzeSolution(text, 'markdown', { sidecar: null })));
    expect(scheduler.busy('file:///big.md')).toBe(false);
    scheduler.dispose();
  });

  it('joins the job in flight, and a newer version supersedes it (the older resolves with nothing)', async () => {
    // a worker that cannot be told to drop a job is terminated when superseded: the next job goes to a new one
    const workers: ServedWorker[] = [];
    const scheduler = new AnalysisScheduler(() => {
      workers.push(new ServedWorker());
      return workers.at(-1);
    });
    const spec = { kind: 'markdown' as const, sidecar: null };
    const a = scheduler.analyseSolution('k', 1, solutionOf(1), spec, {});
    expect(scheduler.analyseSolution('k', 1, solutionOf(1), spec, {})).toBe(a);
    // the same text with another sidecar is another job
    const b = scheduler.analyseSolution('k', 1, solutionOf(1), { kind: 'markdown', sidecar: twoStepRnn(0.2) }, {});
    expect(b).not.toBe(a);
    const c = scheduler.analyseSolution('k', 2, solutionOf(2), spec, {});
    expect(await a).toBeUndefined();
    expect(await b).toBeUndefined();
    expect(workers.map((w) => w.terminated)).toEqual([true, true, false]);
    const last = workers[2]!;
    while (last.outbox.length) last.deliver(0);
    expect(versionOf((await c)!)).toBe(2);
    expect(workers.flatMap((w) => w.posted as AnalysisJob[]).map((r) => r.solution)).toEqual([
      spec,
      { kind: 'markdown', sidecar: twoStepRnn(0.2) },
      spec,
    ]);
    scheduler.dispose();
  });

  it('is analysed on the host when the worker dies, and every later job too', async () => {
    const worker = new ServedWorker();
    const onHost: string[] = [];
    const scheduler = new AnalysisScheduler(
      () => worker,
      undefined,
      (text, spec, options) => (
        onHost.push(text),
        analyzeSolution(text, 'kind' in spec ? spec.kind : 'markdown', { sidecar: spec.sidecar, analyze: options })
      ),
    );
    const a = scheduler.analyseSolution('k', 1, solutionOf(4), { kind: 'markdown', sidecar: null }, {});
    worker.crash();
    expect(versionOf((await a)!)).toBe(4);
    expect(onHost).toEqual([solutionOf(4)]);
    expect(scheduler.onHostThread).toBe(true);
    expect(scheduler.analyseSolution('k', 2, solutionOf(5), { kind: 'markdown', sidecar: null }, {})).toBeUndefined();
    scheduler.dispose();
  });

  it('is dropped by a worker told it is no longer wanted (its analysis stops and answers nothing)', () => {
    const out: AnalysisResponse[] = [];
    const wanted = new Int32Array(new SharedArrayBuffer(4));
    const serve = createServer((r) => out.push(r), undefined, wanted);
    Atomics.store(wanted, 0, 2);
    serve({ id: 1, text: solutionOf(1), options: {}, solution: { kind: 'markdown', sidecar: null } });
    expect(out).toEqual([]);
    // told mid-analysis: the engine's next check throws Cancelled, which the solution reader passes on rather
    // than blaming a claim (regression: it halved the claims looking for the one that threw, and skipped them all
    // "could not be analysed (the analysis was cancelled …)")
    let checks = 0;
    const long = ['```rnn', longRnn(300, ['derive ∂L/∂W_hh']), '```', '', '$$\\frac{\\partial o_t}{\\partial h_t} = W_{hy}$$', ''].join(
      '\n',
    );
    expect(() =>
      cancellable(
        () => ++checks < 3,
        () => analyzeSolution(long, 'markdown', { sidecar: null }),
      ),
    ).toThrow(Cancelled);
    expect(checks).toBe(3);
  });
});

describe('the editor’s solutions, analysed in workers', () => {
  const made: { dispose(): void }[] = [];
  afterEach(() => {
    for (const m of made.splice(0)) m.dispose();
    fake.documents = [];
  });

  it('announced versions never go back, and the last one announced is the latest text’s', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(raceStep, { minLength: 1, maxLength: 30 }), async (steps) => {
        const workers: ServedWorker[] = [];
        const scheduler = new AnalysisScheduler(() => {
          const w = new ServedWorker(400);
          workers.push(w);
          return w;
        });
        const solutions = new SolutionReports({ debounceMs: () => 0, analyzeOptions: () => ({ draws: 2 }), scheduler });
        made.push(solutions, scheduler);
        const seen: number[] = [];
        solutions.onDidUpdate(({ solution }) => seen.push(versionOf(solution)));
        let v = 0;
        const doc = new FakeDocument(solutionOf(v), Uri.parse('untitled:race.md'), 'markdown');
        fake.documents = [doc];
        fake.events.open.fire(doc);
        await turn();
        await playRace(
          steps,
          workers,
          () => {
            if (v < LOSS.length - 1) doc.edit(solutionOf(++v));
          },
          () => solutions.analysing(doc as never),
        );
        expect(seen.length).toBeGreaterThan(0);
        for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
        expect(seen.every((x) => x >= 0 && x <= v)).toBe(true);
        expect(seen.at(-1)).toBe(v);
        const now = await solutions.get(doc as never);
        expect(versionOf(now!)).toBe(v);
        expect(plain(now)).toEqual(plain(analyzeSolution(solutionOf(v), 'markdown', { sidecar: null, analyze: { draws: 2 } })));
        expect(solutions.getNow(doc as never)).toBe(now);
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('answers a provider at once: nothing during the first analysis, then the last finished report while a newer version is analysed', async () => {
    const worker = new ServedWorker();
    const scheduler = new AnalysisScheduler(() => worker);
    const solutions = new SolutionReports({ debounceMs: () => 0, analyzeOptions: () => ({}), scheduler });
    made.push(solutions, scheduler);
    const doc = new FakeDocument(solutionOf(1), Uri.parse('untitled:wait.md'), 'markdown');
    fake.documents = [doc];
    fake.events.open.fire(doc);
    await turn();
    expect(solutions.analysing(doc as never)).toBe(true);
    // nothing finished yet: a provider gets nothing at once (it is asked again when the report is announced), and
    // the panel has nothing to draw
    expect(await solutions.get(doc as never)).toBeNull();
    expect(solutions.getNow(doc as never)).toBeUndefined();
    let announced = 0;
    solutions.onDidUpdate(() => announced++);
    while (worker.outbox.length) worker.deliver(0);
    await turn();
    expect(announced).toBe(1);
    expect(versionOf((await solutions.get(doc as never))!)).toBe(1);
    doc.edit(solutionOf(2));
    await turn();
    expect(solutions.analysing(doc as never)).toBe(true);
    // a hover now: the version-1 report, at once, while the worker is on version 2
    expect(versionOf((await solutions.get(doc as never))!)).toBe(1);
    expect(versionOf(solutions.getNow(doc as never)!)).toBe(1);
    while (worker.outbox.length) worker.deliver(0);
    await turn();
    expect(versionOf((await solutions.get(doc as never))!)).toBe(2);
  });

  it('gives the preview the report of an open solution’s text, pending while a worker is on it, then refreshes the preview', async () => {
    const worker = new ServedWorker();
    const scheduler = new AnalysisScheduler(() => worker);
    const solutions = new SolutionReports({ debounceMs: () => 0, analyzeOptions: () => ({}), scheduler });
    made.push(solutions, scheduler);
    let refreshed = 0;
    fake.commands.set('markdown.preview.refresh', () => refreshed++);
    const doc = new FakeDocument(solutionOf(6), Uri.parse('untitled:preview.md'), 'markdown');
    fake.documents = [doc];
    fake.events.open.fire(doc);
    await turn();
    expect(solutions.reportOfText(solutionOf(6))).toBe('pending');
    expect(solutions.reportOfText(solutionOf(7))).toBeUndefined();
    expect(refreshed).toBe(0);
    while (worker.outbox.length) worker.deliver(0);
    await turn();
    expect(refreshed).toBe(1);
    const sol = solutions.reportOfText(solutionOf(6));
    expect(sol).not.toBe('pending');
    expect(versionOf(sol as SolutionReport)).toBe(6);
    // a later version announced with no preview waiting: no refresh
    doc.edit(solutionOf(8));
    await turn();
    while (worker.outbox.length) worker.deliver(0);
    await turn();
    expect(versionOf(solutions.getNow(doc as never)!)).toBe(8);
    expect(refreshed).toBe(1);
  });
});
