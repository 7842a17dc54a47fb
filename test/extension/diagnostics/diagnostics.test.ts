// diagnostics.ts with the extension's real Reports and the real worker code (createServer, answers delivered
// when the test says): a fixed error's squiggle goes as soon as the reading of the new text arrives, the
// failing check's stays, moved to its new line, and the Report then gives exactly the library's problems.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import { diagnosticItems } from '../../../src/extension/diagnostics/diagnosticsContent';
import { createServer } from '../../../src/extension/worker/analyzeInWorker';
import type { AnalysisRequest, AnalysisResponse, WorkerLike } from '../../../src/extension/worker/protocol';
import { fake, FakeDocument } from '../fake/vscode';
import { TWO_STEP_BROKEN as broken, TWO_STEP_FIXED as fixed } from '../../fixtures/twoStepRnn';
import { PublishedFixes } from '../../../src/extension/quickfix/publishedFixes';

/** every set() of the diagnostic collection: uri → the diagnostics as "line:message" (1-based lines) */
const published = vi.hoisted(() => [] as { uri: string; items: string[] }[]);

vi.mock('vscode', async () => {
  const { vscodeModule } = await import('../fake/vscode');
  const collection = {
    set: (uri: unknown, ds: { range: { start: { line: number } }; message: string }[]) =>
      published.push({ uri: String(uri), items: ds.map((d) => `${d.range.start.line + 1}:${d.message}`) }),
    delete: () => undefined,
    dispose: () => undefined,
  };
  class Diagnostic {
    constructor(
      readonly range: unknown,
      readonly message: string,
      readonly severity: unknown,
    ) {}
  }
  return new Proxy(vscodeModule, {
    get(target, prop) {
      if (prop === 'languages') return { createDiagnosticCollection: () => collection };
      if (prop === 'Diagnostic') return Diagnostic;
      return (target as Record<string | symbol, unknown>)[prop];
    },
  });
});
const { Reports } = await import('../../../src/extension/reports/documentReports');
const { registerDiagnostics } = await import('../../../src/extension/diagnostics/diagnostics');

/** The real worker code; its answers wait in `outbox` until the test delivers them, in order. */
class HeldWorker implements WorkerLike {
  readonly outbox: AnalysisResponse[] = [];
  private listener: ((r: AnalysisResponse) => void) | undefined;
  private readonly serve = createServer((r) => this.outbox.push(structuredClone(r)));
  postMessage(request: AnalysisRequest): void {
    this.serve(structuredClone(request));
  }
  onMessage(l: (r: AnalysisResponse) => void): void {
    this.listener = l;
  }
  onError(): void {}
  terminate(): void {}
  deliver(n = Infinity): void {
    for (let i = 0; i < n && this.outbox.length; i++) this.listener?.(this.outbox.shift()!);
  }
}

const library = (text: string) => diagnosticItems(analyze(text), { hintForHolding: false }).map((i) => `${i.line}:${i.message}`);
const turn = () => new Promise<void>((r) => setTimeout(() => setImmediate(r), 1));

describe('diagnostics in two phases', () => {
  const made: { dispose(): void }[] = [];
  afterEach(() => {
    for (const m of made.splice(0)) m.dispose();
    fake.documents = [];
    published.length = 0;
  });

  it('clears a fixed error with the reading, keeps the failing check moved, then shows the Report’s problems', async () => {
    const worker = new HeldWorker();
    const reports = new Reports({ debounceMs: () => 0, analyzeOptions: () => ({ draws: 2 }), formsInReport: false, workers: () => worker });
    made.push(reports);
    const context = { subscriptions: [] as { dispose(): void }[] };
    registerDiagnostics(context as never, reports, new PublishedFixes());
    made.push(...context.subscriptions);
    const doc = new FakeDocument(broken, { toString: () => 'file:///two-phase.rnn' });
    fake.documents = [doc];
    fake.events.open.fire(doc);
    await turn();
    worker.deliver();
    await turn();
    const before = published.at(-1)!.items;
    expect(before).toEqual(library(broken));
    expect(before.some((i) => i.startsWith('9:unknown name W_zz'))).toBe(true);
    const check = before.find((i) => i.startsWith('10:'))!;
    expect(check).toBeDefined();

    doc.edit(fixed);
    await turn();
    const shown = published.length;
    // only the reading has arrived: the error is gone, the check's verdict moved to its line (now 11)
    worker.deliver(1);
    expect(published).toHaveLength(shown + 1);
    expect(published.at(-1)!.items).toEqual([check.replace(/^10:/, '11:')]);
    // the Report: the library's own problems of the fixed text
    worker.deliver();
    await turn();
    expect(published.at(-1)!.items).toEqual(library(fixed));
    // a comment typed: the reading is the same, so nothing is published before the Report
    doc.edit(`${fixed}# note\n`);
    await turn();
    const count = published.length;
    worker.deliver(1);
    await turn();
    expect(published).toHaveLength(count);
    worker.deliver();
    await turn();
    expect(published.at(-1)!.items).toEqual(library(`${fixed}# note\n`));
  });
});
