// Typing faster than the analysis never shows an older version's diagnostics after a newer one's (issue 11).
// The extension's real Reports and AnalysisScheduler, with workers that run the real worker code
// (createServer: numeric Report first, then the forms, big Reports in pieces — forced here with tiny
// pieces) but deliver their messages in whatever order fast-check picks, late answers of terminated
// workers included. 'vscode' is the shared fake (fake/vscode.ts); the analysis is the real one.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import type { Report } from '../../../src/report';
import { createServer } from '../../../src/extension/worker/analyzeInWorker';
import type { AnalysisRequest, AnalysisResponse, WorkerLike } from '../../../src/extension/worker/protocol';
import { fake, FakeDocument } from '../fake/vscode';
import { twoStepRnn } from '../../fixtures/twoStepRnn';
import { playRace, raceStep, turn } from './race';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);
const { Reports } = await import('../../../src/extension/reports/documentReports');

/** Version v of the file: its own weight, so its loss says which version a Report is of. */
const textOf = (v: number) => `${twoStepRnn((0.1 + v / 64).toFixed(6))}derive ∂L/∂w\nderive ∂L/∂h_t\ncheck ∂h_t/∂h_{t-1} = w\n`;
const LOSS = Array.from({ length: 12 }, (_, v) => analyze(textOf(v)).loss!.value);
const versionOf = (r: Report) => LOSS.indexOf(r.loss!.value);
const hasForms = (r: Report) => r.derives.some((d) => d.results.some((x) => x.forms !== undefined));

/** Runs the real worker code; its answers wait in `outbox` until the test delivers them, in any order. */
class ShuffledWorker implements WorkerLike {
  readonly outbox: AnalysisResponse[] = [];
  terminated = false;
  private listener: ((r: AnalysisResponse) => void) | undefined;
  private readonly serve = createServer((r) => this.outbox.push(r), 120);
  postMessage(request: AnalysisRequest): void {
    // a terminated worker takes no more requests (what it had already answered may still arrive)
    if (!this.terminated) this.serve(structuredClone(request));
  }
  onMessage(l: (r: AnalysisResponse) => void): void {
    this.listener = l;
  }
  onError(): void {}
  terminate(): void {
    this.terminated = true;
  }
  deliver(k: number): void {
    const [r] = this.outbox.splice(k % this.outbox.length, 1);
    this.listener?.(structuredClone(r!));
  }
}

describe('stale analyses never win', () => {
  const made: { dispose(): void }[] = [];
  afterEach(() => {
    for (const m of made.splice(0)) m.dispose();
    fake.documents = [];
  });

  it('announced versions never go back, and the last one announced is the latest text, with its forms', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(raceStep, { minLength: 1, maxLength: 40 }), async (steps) => {
        const workers: ShuffledWorker[] = [];
        const reports = new Reports({
          debounceMs: () => 0,
          analyzeOptions: () => ({ draws: 2 }),
          workers: () => {
            const w = new ShuffledWorker();
            workers.push(w);
            return w;
          },
        });
        made.push(reports);
        const seen: { version: number; forms: boolean }[] = [];
        reports.onDidUpdate(({ report }) => seen.push({ version: versionOf(report), forms: hasForms(report) }));
        let v = 0;
        const doc = new FakeDocument(textOf(v), { toString: () => 'file:///race.rnn' });
        fake.documents = [doc];
        fake.events.open.fire(doc);
        await turn();
        await playRace(
          steps,
          workers,
          () => {
            if (v < LOSS.length - 1) doc.edit(textOf(++v));
          },
          () => reports.analysing(doc as never),
        );
        expect(seen.length).toBeGreaterThan(0);
        for (let i = 1; i < seen.length; i++) expect(seen[i]!.version).toBeGreaterThanOrEqual(seen[i - 1]!.version);
        // never an older version's Report once a newer one was announced, and never a Report of a version that was not typed
        expect(seen.every((s) => s.version >= 0 && s.version <= v)).toBe(true);
        expect(seen.at(-1)).toEqual({ version: v, forms: true });
        expect(versionOf(reports.get(doc as never))).toBe(v);
        expect(reports.analysing(doc as never)).toBe(false);
        reports.dispose();
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
