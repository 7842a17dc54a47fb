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
  // (notebookLenses.ts gives each the command that opens the panel on the cell)
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

/**
 * The network a place of a notebook is about (1-based cell and line): its equation's; else the last network whose
 * ```rnn block starts at or before it (equations follow their network); else the first. A cell with no line (no
 * editor on it) is about the first network whose block it holds, else the last one before it. Null when there is none.
 */
export function networkAtCell(sol: SolutionReport, cell: number, line: number | null): number | null {
  if (sol.networks.length === 0) return null;
  const eq =
    line === null ? undefined : sol.equations.find((e) => e.range.cell === cell && line >= e.range.line && line <= e.range.endLine);
  if (eq && eq.network !== null && eq.network < sol.networks.length) return eq.network;
  const own = line === null ? sol.networks.findIndex((n) => n.range?.cell === cell) : -1;
  if (own >= 0) return own;
  let best = 0;
  sol.networks.forEach((n, i) => {
    const at = n.range?.cell;
    if (at !== undefined && (at < cell || (at === cell && line !== null && n.range!.line <= line))) best = i;
  });
  return best;
}
