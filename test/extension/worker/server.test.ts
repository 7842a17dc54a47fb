// The worker's side (createServer, the real analysis): the diagnostics of reading the text go first; when
// forms are asked for, the numeric Report follows and the forms wait until the host says it has taken it
// (ReportTaken); a notice for an older job, or forms overtaken by a newer job, derive nothing; a job the
// host's shared cell no longer names stops at the engine's next check and is answered with nothing.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { compile } from '../../../src/language/index';
import { createServer } from '../../../src/extension/worker/analyzeInWorker';
import type { AnalysisResponse, ReadDiagnostics, WholeReport } from '../../../src/extension/worker/protocol';
import { longRnn } from '../../fixtures/longRnn';
import { twoStepRnn } from '../../fixtures/twoStepRnn';

const text = (w: number) => `${twoStepRnn(w)}derive ∂L/∂w\nderive ∂L/∂h_t\n`;
const hasForms = (r: WholeReport) => r.report.derives.some((d) => d.results.some((x) => x.forms !== undefined));
/** a few turns of the event loop: the forms are derived one derive per turn */
const turns = async (n = 10) => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};

describe('the analysis worker’s server', () => {
  it('derives the forms only once the host has taken the numeric Report', async () => {
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => {
      if (!('read' in r)) out.push(r);
    });
    serve({ id: 1, text: text(0.5), options: { forms: true } });
    expect(out).toHaveLength(1);
    const numeric = out[0] as WholeReport;
    expect(numeric.complete).toBe(false);
    expect(hasForms(numeric)).toBe(false);
    expect(numeric.report.loss).toEqual(analyze(text(0.5)).loss);
    // the quantities' symbolic partials are forms too: the numeric Report carries their values only
    const partials = numeric.report.quantities.flatMap((q) => q.partials);
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.every((p) => p.form === undefined)).toBe(true);
    expect(partials.some((p) => p.values.length > 0)).toBe(true);
    await turns();
    expect(out).toHaveLength(1);
    serve({ id: 1, taken: true });
    await turns();
    expect(out).toHaveLength(2);
    const complete = out[1] as WholeReport;
    expect(complete.complete).toBe(true);
    expect(hasForms(complete)).toBe(true);
    expect(complete.report.derives).toEqual(analyze(text(0.5), { forms: true }).derives);
    const q = JSON.parse(JSON.stringify(analyze(text(0.5)).quantities)) as unknown;
    expect(JSON.parse(JSON.stringify(complete.report.quantities))).toEqual(q);
    expect(complete.report.quantities.flatMap((x) => x.partials).every((p) => p.form !== undefined)).toBe(true);
  });

  it('ignores a notice for an older job, and a newer job drops the forms of the older one', async () => {
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => {
      if (!('read' in r)) out.push(r);
    });
    serve({ id: 1, text: text(0.5), options: { forms: true } });
    serve({ id: 2, text: text(0.25), options: { forms: true } });
    serve({ id: 1, taken: true });
    await turns();
    expect(out.map((r) => [r.id, (r as WholeReport).complete])).toEqual([
      [1, false],
      [2, false],
    ]);
    serve({ id: 2, taken: true });
    // the forms of job 2 are under way; a newer job stops them
    serve({ id: 3, text: text(0.125), options: {} });
    await turns();
    expect(out.map((r) => [r.id, (r as WholeReport).complete])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it('sends the reading’s diagnostics before the Report, and the Report’s include them', () => {
    const broken = `${text(0.5)}derive ∂L/∂W_zz\nh_t = (\n`;
    const out: AnalysisResponse[] = [];
    createServer((r) => out.push(structuredClone(r)))({ id: 7, text: broken, options: {} });
    expect(out).toHaveLength(2);
    const read = out[0] as ReadDiagnostics;
    expect(read.id).toBe(7);
    expect(read.read).toEqual(compile(broken).diagnostics);
    expect(read.read.length).toBeGreaterThanOrEqual(2);
    const report = (out[1] as WholeReport).report;
    for (const d of read.read) expect(report.diagnostics).toContainEqual(d);
    // the reading reused: the same Report as analyze(), but for the time it took
    expect({ ...report, elapsedMs: 0 }).toEqual({ ...analyze(broken), elapsedMs: 0 });
  });

  it('answers nothing for a job the host no longer wants, stopping its analysis at the engine’s next check', () => {
    const wanted = new Int32Array(new SharedArrayBuffer(4));
    const out: AnalysisResponse[] = [];
    const long = longRnn(2000);
    const serve = createServer(
      (r) => {
        out.push(r);
        // the host moves on (a newer version) while job 1 is being analysed: its reading went out, the analysis runs
        if ('read' in r && r.id === 1) Atomics.store(wanted, 0, 2);
      },
      Infinity, // every Report whole
      wanted,
    );
    Atomics.store(wanted, 0, 1);
    const t0 = performance.now();
    serve({ id: 1, text: long, options: {} });
    const cancelledMs = performance.now() - t0;
    expect(out.map((r) => [r.id, 'read' in r])).toEqual([[1, true]]);
    // job 2, wanted, runs in full; a job already superseded when it comes runs not at all
    serve({ id: 2, text: long, options: {} });
    const fullMs = performance.now() - t0 - cancelledMs;
    expect(out.map((r) => [r.id, 'read' in r])).toEqual([
      [1, true],
      [2, true],
      [2, false],
    ]);
    expect((out[2] as WholeReport).report.derives).toEqual(analyze(long).derives);
    serve({ id: 1, text: long, options: {} });
    expect(out).toHaveLength(3);
    // stopped well before the end (not a timing assertion on its own: the full analysis of the same text is the yardstick)
    expect(cancelledMs).toBeLessThan(fullMs);
  });
});
