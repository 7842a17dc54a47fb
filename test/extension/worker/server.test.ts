// The worker's side (createServer, the real analysis): when forms are asked for, the numeric Report goes
// first and the forms wait until the host says it has taken it (ReportTaken); a notice for an older job, or
// forms overtaken by a newer job, derive nothing.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { createServer } from '../../../src/extension/worker/analyzeInWorker';
import type { AnalysisResponse, WholeReport } from '../../../src/extension/worker/protocol';

const text = (w: number) => `T = 2
input x = [1, 2]
target y = [0, 1]
param w = ${w}
h_0 = 0
h_t = σ(w h_{t-1} + x_t)
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
derive ∂L/∂w
derive ∂L/∂h_t
`;
const hasForms = (r: WholeReport) => r.report.derives.some((d) => d.results.some((x) => x.forms !== undefined));
/** a few turns of the event loop: the forms are derived one derive per turn */
const turns = async (n = 10) => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};

describe('the analysis worker’s server', () => {
  it('derives the forms only once the host has taken the numeric Report', async () => {
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => out.push(r));
    serve({ id: 1, text: text(0.5), options: { forms: true } });
    expect(out).toHaveLength(1);
    const numeric = out[0] as WholeReport;
    expect(numeric.complete).toBe(false);
    expect(hasForms(numeric)).toBe(false);
    expect(numeric.report.loss).toEqual(analyze(text(0.5)).loss);
    await turns();
    expect(out).toHaveLength(1);
    serve({ id: 1, taken: true });
    await turns();
    expect(out).toHaveLength(2);
    const complete = out[1] as WholeReport;
    expect(complete.complete).toBe(true);
    expect(hasForms(complete)).toBe(true);
    expect(complete.report.derives).toEqual(analyze(text(0.5), { forms: true }).derives);
  });

  it('ignores a notice for an older job, and a newer job drops the forms of the older one', async () => {
    const out: AnalysisResponse[] = [];
    const serve = createServer((r) => out.push(r));
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
});
