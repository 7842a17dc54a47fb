// The panel's analyses beside the cached Report: the central-difference gradient check of the version shown, and the
// gradient-flow slider's scaled report. They ran analyze() on the extension host's thread, of the document's text: a
// 10,000-step file's gradient check blocked the host for 0.7 s after every edit while the panel was open, and a
// Markdown or LaTeX solution's text was read as a .rnn file (its prose a syntax error, a LaTeX solution's sidecar
// network not read at all). Now each asks the worker pool for the network's own text (worker/scheduler.ts; on the
// host only where no worker can be had), under a key of its own beside the document's analysis. Pure of 'vscode'.

import type { AnalyzeOptions, Report } from '../../report';

/** Analyses under their own key (`…#gradcheck`, `…#scale`), in a worker when there is one. */
export interface AsideAnalyses {
  /** the Report of `text`; undefined when a newer version of the same key superseded it before it finished */
  analyse(key: string, version: number, text: string, options: AnalyzeOptions): Promise<Report | undefined>;
  /** drops the job of `key` in flight (what it answers is stale) */
  forget(key: string): void;
}

export const gradcheckKey = (uri: string): string => `${uri}#gradcheck`;
export const scaleKey = (uri: string): string => `${uri}#scale`;

/** what the gradient check is analysed with: the check itself and nothing the panel does not show from it */
export const GRADCHECK_OPTIONS: AnalyzeOptions = { gradcheck: true, symbolic: false, graph: false, draws: 0 };

/** the slider redraws the flow plot and the graph: no symbolic forms, gradient check or random draws, to stay live */
export const scaleOptions = (scale: Record<string, number>): AnalyzeOptions => ({ scale, symbolic: false, gradcheck: false, draws: 0 });

/**
 * The scaled report of the network shown, its graph's rows at the lines of the report shown: a solution's network is
 * analysed from its own text (its ```rnn blocks, or its sidecar), whose lines are not the document's, and a row's
 * label reveals its line in the document.
 */
export function placedAs(scaled: Report, shown: Report | undefined): Report {
  const rows = shown?.graph?.rows;
  const graph = scaled.graph;
  if (!graph || !rows) return scaled;
  // the same network gives the same rows in the same order; a name may stand twice (L_t's row beside the untimed L's)
  const inOrder =
    rows.length === graph.rows.length && rows.every((r, i) => r.name === graph.rows[i]!.name && r.timed === graph.rows[i]!.timed);
  const key = (r: { name: string; timed: boolean }) => `${r.name}|${r.timed}`;
  const lineOf = new Map(rows.map((r) => [key(r), r.line]));
  const line = (r: (typeof graph.rows)[number], i: number) => (inOrder ? rows[i]!.line : (lineOf.get(key(r)) ?? r.line));
  return { ...scaled, graph: { ...graph, rows: graph.rows.map((r, i) => ({ ...r, line: line(r, i) })) } };
}

/** the gradient check's failure said by its Report (an analysis that failed says why in an error) */
export function gradcheckError(report: Report): string | null {
  if (report.gradcheck.length > 0) return null;
  return report.diagnostics.find((d) => d.severity === 'error')?.message ?? null;
}
