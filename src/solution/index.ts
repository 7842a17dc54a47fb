// Solutions written in Markdown or LaTeX (LANGUAGE.md §8): the network from ```rnn blocks (or a
// sidecar NAME.rnn), every display equation a claim checked by analyze(), every range the
// solution file's own. No vscode here: the CLI, the extension and the preview share it.
import type { AnalyzeOptions, CheckReport, CheckStatus, Diagnostic, Range, Report } from '../report';
import { hasRnnFence } from './markdown';

export type SolutionKind = 'markdown' | 'latex';

export interface SolutionReport {
  /** one Report per network, in file order. Every range in it is the solution file's own (a
   *  sidecar network's own statements keep the sidecar's lines; its range is null). Its
   *  `checks` are the checked claims' links (plus the network block's own `check` lines). */
  networks: { report: Report; range: Range | null }[];
  /** every display equation, in file order */
  equations: EquationResult[];
  /** everything to show, in file coordinates: the networks' diagnostics, one `information` per
   *  skipped equation, the reader's problems, and one per link that does not hold (code
   *  `check-fails` → error, `check-holds-at-given-values` / `check-holds-as-one-step` → warning,
   *  on the link's own right side) — a consumer shows these and need not derive its own from checks */
  diagnostics: Diagnostic[];
  /** equations with at least one link judged / equations skipped */
  checked: number;
  skipped: number;
}

export interface EquationResult {
  /** the display equation in the file, delimiters included */
  range: Range;
  /** index into networks */
  network: number | null;
  /** \tag{…} or a trailing "(n)" on the equation's line or the next */
  tag: string | null;
  /** the worst of its links, or skipped */
  status: CheckStatus | 'skipped';
  /** the message of the first link with the worst verdict (the one its status shows), or why it was skipped */
  message: string;
  /** its links, ranges mapped (for a derivation spread over several displays, the links whose
   *  right side lies in this display); each carries `link` and, when the equation has one, `tag` */
  checks: CheckReport[];
  /**
   * the equations of this display that were not checked while others of it were (an align's row with a name the
   * network lacks): each is an equation of the count, skipped, with its line and why
   */
  unread?: { line: number; cell?: number; /** the row's own \tag */ tag?: string; message: string }[];
  /**
   * the links of this checked equation that were not checked (a side naming a letter the network lacks, notation
   * that does not read), each with its number, where it is and why: the verdict shown is the other links'
   */
  linksNotChecked?: { link: number; line: number; column: number; cell?: number; message: string }[];
}

export { kindByContent, solutionKindOf } from './fenceInfo';

/** a solution has a network: an ```rnn block (Markdown) or a sidecar NAME.rnn beside it */
export function isSolution(text: string, kind: SolutionKind, hasSidecar: boolean): boolean {
  if (hasSidecar) return true;
  return kind === 'markdown' && hasRnnFence(text);
}

export { analyzeSolution, equationRows } from './analyze';
export { MAX_CLAIMS_PER_NETWORK, MAX_NETWORKS, type Claim, type Network } from './claim';
export { readSolution, type SolutionReading } from './readSolution';
export type { AnalyzeOptions };
export { analyzeCells, analyzeJoined, analyzeNotebook, type NotebookOptions } from './notebookAnalysis';
export {
  joinNotebook,
  JoinedCells,
  looksLikeNotebook,
  MAX_NOTEBOOK_CHARS,
  NotebookError,
  readNotebook,
  type NotebookCell,
} from './notebook';
