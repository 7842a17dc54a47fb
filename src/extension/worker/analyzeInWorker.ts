// What the worker does with each request: the same analysis the host would run (analyze() never
// throws; if it does, the failure becomes a Report saying so, exactly as on the host).
//
// Diagnostics and lenses need only the numbers, so when the editor asks for the symbolic forms too the
// worker answers twice: first the numeric Report (the host publishes diagnostics from it at once), then
// the same Report with every derive's forms, derived from the same analysis (Analysis.forms, as a hover
// would ask for them), one derive per turn of the worker's event loop so that a newer version's job
// (posted to the same worker, not terminating it) drops them. A big Report is sent as a skeleton and
// pieces the host asks for one by one (pieces.ts). The forms are derived only once the host says it has
// taken the numeric Report (ReportTaken): until then the worker is idle, leaving the CPU to the host's
// receiving and publishing on a busy machine.
//
// Two phases (issue 13): the diagnostics of reading the text (lexer, parser, resolver: milliseconds even for a
// 5,000-step file) go to the host before the analysis starts (a ReadDiagnostics), so that a fixed typo's
// squiggle goes at once; the analysis reuses that reading. And a job the host no longer wants stops at its
// engine's next check (engine/budget.ts: every 4,096 operations; the longest stretch without one, in a
// 5,000-step file, is ~0.15–0.3 s of CPU): the host writes the job it wants into a shared cell (nodeWorker.ts)
// as it posts a newer one, so the worker, warm, takes the newer job next instead of being terminated and
// replaced by a cold one.
//
// A solution's job (a Markdown or LaTeX document, a notebook's cells) is answered once, with its whole
// SolutionReport (in pieces when big): its analyses are numeric, and it is cancelled as a .rnn job is.

import { analyzeSession, type Analysis } from '../../analysis';
import { Cancelled, cancellable } from '../../engine/budget';
import { compile, type Compiled } from '../../language/index';
import type { AnalyzeOptions, DeriveReport, Report } from '../../report';
import { failedReport } from '../reports/failedReport';
import { analyzeCells, analyzeSolution, type SolutionReport } from '../solution/core';
import { later } from './later';
import { splitIntoPieces, type Piece } from './pieces';
import {
  isPieceRequest,
  isReportTaken,
  type AnalysisJob,
  type AnalysisRequest,
  type AnalysisResponse,
  type SolutionSpec,
} from './protocol';

/**
 * The numeric Report without the quantities' symbolic partials: they are forms too (printed when first read,
 * engine/graph.ts), so they travel with the derives' forms in the complete Report instead of delaying the
 * diagnostics' one.
 */
function withoutPartialForms(report: Report): Report {
  const quantities = report.quantities.map((q) => ({ ...q, partials: q.partials.map(({ of, wrt, values }) => ({ of, wrt, values })) }));
  return { ...report, quantities };
}

export function analyzeText(text: string, options: AnalyzeOptions): Report {
  try {
    return analyzeSession(text, options).report;
  } catch (e) {
    return failedReport(e instanceof Error ? e.message : String(e));
  }
}

/** A solution's report (analyzeSolution never throws; if it does, the failure is said on its first line). */
export function analyzeSolutionText(text: string, spec: SolutionSpec, options: AnalyzeOptions): SolutionReport {
  try {
    const sidecar = spec.sidecar;
    return 'cells' in spec
      ? analyzeCells(spec.cells, { sidecar, analyze: options })
      : analyzeSolution(text, spec.kind, { sidecar, analyze: options });
  } catch (e) {
    if (e instanceof Cancelled) throw e;
    return failedSolution(e instanceof Error ? e.message : String(e), 'cells' in spec);
  }
}

/** A solution whose analysis threw: said on its first line (a notebook's first cell) rather than going silent. */
function failedSolution(why: string, notebook: boolean): SolutionReport {
  const message = `Unroll could not analyse this ${notebook ? 'notebook' : 'solution'}: ${why}`;
  const place = { line: 1, column: 1, endLine: 1, endColumn: 2, ...(notebook ? { cell: 1 } : {}) };
  return { networks: [], equations: [], diagnostics: [{ ...place, severity: 'error', message, code: 'internal' }], checked: 0, skipped: 0 };
}

const failed = (e: unknown) => failedReport(e instanceof Error ? e.message : String(e));

/** The derive `d` of `analysis` with its symbolic forms (or the reason they are absent). */
function formsOf(analysis: Analysis, d: DeriveReport): DeriveReport {
  try {
    return analysis.forms(d.line) ?? d;
  } catch {
    // as analyze(): a failure of the symbolic engine never takes the numbers with it
    return d;
  }
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The process's CPU time in ms (Node), for the benchmark's figures; undefined in a Web Worker. */
function processCpuMs(): number | undefined {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return undefined;
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

const since = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? b - a : undefined);

/**
 * A worker's answers: `post` sends each response (one or more per job), the returned function takes each
 * request. The pieces of the latest big Report are kept until the host has taken them, and the latest
 * analysis whose forms are asked for until the host has taken its numeric Report. `wanted`, when the host
 * shares one (nodeWorker.ts), holds in cell 0 the id of the job the host wants: the analysis of any other
 * stops at its next check and is answered with nothing. `threadCpu` (the benchmark's) reads this thread's
 * CPU time in ms, sent with each Report beside the process's.
 */
export function createServer(
  post: (response: AnalysisResponse) => void,
  pieceBytes?: number,
  wanted?: Int32Array,
  threadCpu?: () => number | undefined,
): (request: AnalysisRequest) => void {
  let kept: { id: number; pieces: Piece[] } | undefined;
  let formsDue: { id: number; analysis: Analysis } | undefined;
  /** the newest job: forms still being derived for an older one are dropped */
  let newest = 0;

  /** whether the host still wants job `id` (always, when it shares no cell) */
  const wantedCheck = (id: number) => (wanted ? () => Atomics.load(wanted, 0) === id : () => true);

  /** every derive's forms, one derive per turn of the event loop, so that a newer job stops the work */
  const deriveForms = (id: number, analysis: Analysis) => {
    const derives: DeriveReport[] = [];
    const stillWanted = wantedCheck(id);
    const step = () => {
      if (id !== newest || !stillWanted()) return;
      const d = analysis.report.derives[derives.length];
      if (!d) return send(id, { ...analysis.report, derives }, true);
      derives.push(cancellable(stillWanted, () => formsOf(analysis, d)));
      later(step);
    };
    step();
  };

  const send = (id: number, report: Report, complete: boolean, timing: { cpuMs?: number; threadCpuMs?: number } = {}) => {
    const { skeleton, pieces } = splitIntoPieces(report, pieceBytes);
    if (pieces.length === 0) {
      kept = undefined;
      return post({ id, report, complete, ...timing });
    }
    kept = { id, pieces };
    post({ id, skeleton, pieces: pieces.length, complete, ...timing });
  };

  const sendSolution = (id: number, solution: SolutionReport) => {
    const { skeleton, pieces } = splitIntoPieces(solution, pieceBytes);
    kept = pieces.length === 0 ? undefined : { id, pieces };
    post(pieces.length === 0 ? { id, solution } : { id, solutionSkeleton: skeleton, pieces: pieces.length });
  };

  const analyse = (job: AnalysisJob) => {
    newest = job.id;
    formsDue = undefined;
    const stillWanted = wantedCheck(job.id);
    // superseded while it waited in the queue: the host expects nothing more of it
    if (!stillWanted()) return;
    const spec = job.solution;
    if (spec) {
      let solution: SolutionReport;
      try {
        // analyzeSolutionText turns every other failure into a report saying so: only a cancellation comes out
        solution = cancellable(stillWanted, () => analyzeSolutionText(job.text, spec, job.options));
      } catch (e) {
        if (e instanceof Cancelled) return;
        throw e;
      }
      return sendSolution(job.id, solution);
    }
    const wantForms = job.options.forms ?? job.options.symbolic ?? false;
    const t0 = now();
    const cpu0 = processCpuMs();
    const thread0 = threadCpu?.();
    let analysis: Analysis;
    try {
      const read: Compiled = compile(job.text);
      // a copy: the analysis adds its own diagnostics to the reading's array
      post({ id: job.id, read: read.diagnostics.slice() });
      const options = wantForms ? { ...job.options, forms: false, symbolic: false } : job.options;
      analysis = cancellable(stillWanted, () => analyzeSession(job.text, options, read));
    } catch (e) {
      if (e instanceof Cancelled) return;
      return send(job.id, failed(e), true);
    }
    // the reading done here counts in the analysis's time, as analyze() counts it
    analysis.report.elapsedMs = now() - t0;
    const timing = { cpuMs: since(cpu0, processCpuMs()), threadCpuMs: since(thread0, threadCpu?.()) };
    if (!wantForms || analysis.report.derives.length === 0) return send(job.id, analysis.report, true, timing);
    formsDue = { id: job.id, analysis };
    send(job.id, withoutPartialForms(analysis.report), false, timing);
  };

  return (request) => {
    if (isReportTaken(request)) {
      // a notice for an older job (the host moved on) changes nothing
      if (formsDue?.id !== request.id) return;
      const { id, analysis } = formsDue;
      formsDue = undefined;
      return deriveForms(id, analysis);
    }
    if (!isPieceRequest(request)) return analyse(request);
    // a request for an older job's piece (the host moved on) gets no answer
    if (!kept || kept.id !== request.id) return;
    const data = kept.pieces[request.piece];
    if (!data) return;
    post({ id: request.id, piece: request.piece, data });
    if (request.piece === kept.pieces.length - 1) kept = undefined;
  };
}
