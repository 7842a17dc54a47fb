// The library entry (dist/index.js, CommonJS): require('unroll').analyze(text, options?)
import { analyze as analyzeRnn } from './analysis';
import { solutionJson } from './cli-render';
import type { AnalyzeOptions, Report } from './report';
import { emptyReport } from './report';
import {
  analyzeCells,
  analyzeNotebook,
  analyzeSolution,
  isSolution,
  looksLikeNotebook,
  NotebookError,
  type SolutionKind,
  type SolutionReport,
} from './solution/index';

export type * from './report';
export { analyzeCells, analyzeNotebook, analyzeSolution, NotebookError };
export type { SolutionKind, SolutionReport, EquationResult, NotebookCell, NotebookOptions } from './solution/index';

export interface LibraryOptions extends AnalyzeOptions {
  /** what the text is: a .rnn file, a Markdown/LaTeX solution (LANGUAGE.md §8) or a notebook's JSON. Without it, a
   *  notebook's JSON (by the keys nbformat writes) is a notebook, a text with a
   *  ```rnn block is a Markdown solution (no .rnn file can hold one), any other a .rnn file */
  kind?: 'rnn' | SolutionKind | 'notebook';
  /** the text of the solution's NAME.rnn (the network of a LaTeX solution, or of a Markdown one without blocks) */
  sidecar?: string | null;
}

/** a solution's Report: its networks' answers together (as `unroll check FILE --json` prints them, the first
 *  network's extras), plus `equations`, `checked`, `skipped` and `networks` */
export type SolutionAnalysis = Report & Omit<ReturnType<typeof solutionJson>, keyof Report>;

/**
 * The Report of a .rnn text; for a Markdown or LaTeX solution (session 14: the README promises the library
 * returns what the CLI prints, and a solution pasted into analyze() read as a .rnn file gave only syntax
 * errors), the object `unroll check FILE.md --json` prints, without "file".
 */
export function analyze(raw: string, options: LibraryOptions = {}): Report & Partial<SolutionAnalysis> {
  const { kind, sidecar = null, ...rest } = options;
  // a byte-order mark (a file read as it was saved on Windows) is no character of the text
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // a Jupyter notebook's JSON (named so, or by the keys nbformat writes): its Markdown cells, places by cell
  if (kind === 'notebook' || (kind === undefined && looksLikeNotebook(text))) return notebookAnalysis(text, sidecar, rest);
  const solution: SolutionKind | null =
    kind === 'markdown' || kind === 'latex' ? kind : kind === undefined && isSolution(text, 'markdown', false) ? 'markdown' : null;
  if (!solution) return analyzeRnn(text, rest);
  return asAnalysis(analyzeSolution(text, solution, { sidecar, analyze: rest }));
}

const asAnalysis = (sol: SolutionReport): Report & Partial<SolutionAnalysis> => ({
  ...(sol.networks[0]?.report ?? emptyReport()),
  ...solutionJson(sol),
});

/** a notebook's object; one that cannot be read is a Report whose one error says why (analyze() throws for no text) */
function notebookAnalysis(text: string, sidecar: string | null, options: AnalyzeOptions): Report & Partial<SolutionAnalysis> {
  try {
    return asAnalysis(analyzeNotebook(text, { sidecar, analyze: options }));
  } catch (e) {
    if (!(e instanceof NotebookError)) throw e;
    return emptyReport([{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'notebook', message: e.message }]);
  }
}
