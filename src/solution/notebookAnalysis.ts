// A notebook analysed as a solution: its Markdown cells joined (notebook.ts) are a Markdown solution, analysed as one,
// and the answer's places put back into the cells (cellPlaces.ts). The CLI and the library read the file's JSON; the
// editor gives the cells' current texts.
import type { AnalyzeOptions } from '../report';
import { analyzeSolution } from './analyze';
import { inCells } from './cellPlaces';
import type { SolutionReport } from './index';
import { joinNotebook, JoinedCells, type NotebookCell } from './notebook';

export interface NotebookOptions {
  /** the text of the NAME.rnn beside the notebook, its network when no Markdown cell has a ```rnn block */
  sidecar?: string | null;
  analyze?: AnalyzeOptions;
}

/** the SolutionReport of cells (a notebook's, in order), every place in cell coordinates (`cell` beside each line) */
export function analyzeCells(cells: readonly NotebookCell[], options: NotebookOptions = {}): SolutionReport {
  return analyzeJoined(new JoinedCells(cells), options);
}

/**
 * The SolutionReport of a notebook's JSON text (nbformat 4), every place in cell coordinates. Throws a NotebookError
 * (its message names what is wrong) for a text that is no notebook Unroll reads.
 */
export function analyzeNotebook(json: string, options: NotebookOptions & { name?: string } = {}): SolutionReport {
  return analyzeJoined(joinNotebook(json, options.name), options);
}

export function analyzeJoined(joined: JoinedCells, options: NotebookOptions): SolutionReport {
  return inCells(analyzeSolution(joined.text, 'markdown', { sidecar: options.sidecar ?? null, analyze: options.analyze }), joined);
}
