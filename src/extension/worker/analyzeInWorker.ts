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

import { analyzeSession, type Analysis } from '../../analysis';
import type { AnalyzeOptions, DeriveReport, Report } from '../../report';
import { failedReport } from '../reports/failedReport';
import { later } from './later';
import { splitIntoPieces, type Piece } from './pieces';
import { isPieceRequest, isReportTaken, type AnalysisJob, type AnalysisRequest, type AnalysisResponse } from './protocol';

export function analyzeText(text: string, options: AnalyzeOptions): Report {
  try {
    return analyzeSession(text, options).report;
  } catch (e) {
    return failedReport(e instanceof Error ? e.message : String(e));
  }
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

/**
 * A worker's answers: `post` sends each response (one or more per job), the returned function takes each
 * request. The pieces of the latest big Report are kept until the host has taken them, and the latest
 * analysis whose forms are asked for until the host has taken its numeric Report.
 */
export function createServer(post: (response: AnalysisResponse) => void, pieceBytes?: number): (request: AnalysisRequest) => void {
  let kept: { id: number; pieces: Piece[] } | undefined;
  let formsDue: { id: number; analysis: Analysis } | undefined;
  /** the newest job: forms still being derived for an older one are dropped */
  let newest = 0;

  /** every derive's forms, one derive per turn of the event loop, so that a newer job stops the work */
  const deriveForms = (id: number, analysis: Analysis) => {
    const derives: DeriveReport[] = [];
    const step = () => {
      if (id !== newest) return;
      const d = analysis.report.derives[derives.length];
      if (!d) return send(id, { ...analysis.report, derives }, true);
      derives.push(formsOf(analysis, d));
      later(step);
    };
    step();
  };

  const send = (id: number, report: Report, complete: boolean) => {
    const { skeleton, pieces } = splitIntoPieces(report, pieceBytes);
    if (pieces.length === 0) {
      kept = undefined;
      return post({ id, report, complete });
    }
    kept = { id, pieces };
    post({ id, skeleton, pieces: pieces.length, complete });
  };

  const analyse = (job: AnalysisJob) => {
    newest = job.id;
    formsDue = undefined;
    const wantForms = job.options.forms ?? job.options.symbolic ?? false;
    let analysis: Analysis;
    try {
      analysis = analyzeSession(job.text, wantForms ? { ...job.options, forms: false, symbolic: false } : job.options);
    } catch (e) {
      return send(job.id, failed(e), true);
    }
    if (!wantForms || analysis.report.derives.length === 0) return send(job.id, analysis.report, true);
    formsDue = { id: job.id, analysis };
    send(job.id, analysis.report, false);
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
