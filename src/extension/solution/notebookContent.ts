// What a notebook shows in the editor, from its SolutionReport only: each Markdown cell's problems, at the cell's own
// ranges (the report's places are already in cell coordinates: solution/cellPlaces.ts). And the reader's cells from
// the editor's: the cells' current texts (unsaved edits included), never the file on disk. Pure (no 'vscode').

import type { DiagnosticItem, DiagnosticOptions } from '../diagnostics/diagnosticsContent';
import type { LensItem } from '../inline/inlineContent';
import type { NotebookCell, SolutionReport } from './core';
import { solutionDiagnosticItems, solutionLensItems } from './solutionContent';

/** one cell as the editor has it: Markup (Markdown) or code, its language and its text */
export interface EditorCell {
  markup: boolean;
  languageId: string;
  text: string;
}

/** the reader's cells: a Markup cell is Markdown; the ipynb serializer gives a raw cell as a code cell of language `raw` */
export function readerCells(cells: readonly EditorCell[]): NotebookCell[] {
  return cells.map((c) => ({ kind: c.markup ? 'markdown' : c.languageId === 'raw' ? 'raw' : 'code', source: c.text }));
}

/** each cell's problems by its 1-based number (every cell counted, as the report's `cell`); cells without any are absent */
export function cellDiagnosticItems(sol: SolutionReport, opts: DiagnosticOptions): Map<number, DiagnosticItem[]> {
  const byCell = new Map<number, DiagnosticItem[]>();
  for (const item of solutionDiagnosticItems(sol, opts)) {
    // every place of a notebook's report has its cell; one without (none is known) is the notebook's first cell's
    const { cell = 1, ...rest } = item;
    byCell.set(cell, [...(byCell.get(cell) ?? []), rest]);
  }
  return byCell;
}

/** the verdict above each checked equation of one cell (1-based), at the cell's lines, as a Markdown solution's lenses */
export function cellLensItems(sol: SolutionReport, cell: number, digits: number): Omit<LensItem, 'command' | 'arg'>[] {
  // no command: the panel follows a .rnn file or a solution document, and a cell is neither
  return solutionLensItems(sol, digits, '')
    .filter((i) => i.range.cell === cell)
    .map(({ range, title, tooltip }) => ({ range, title, tooltip }));
}

/**
 * The report as one cell's editor sees it: the equations of cell `cell` (1-based), whose places are the cell's own
 * lines; the networks stay, numbered as the report numbers them (a hover asks an equation's network).
 */
export function cellSolution(sol: SolutionReport, cell: number): SolutionReport {
  return { ...sol, equations: sol.equations.filter((e) => e.range.cell === cell) };
}
