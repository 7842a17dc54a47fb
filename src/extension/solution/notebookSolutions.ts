// A Jupyter notebook open in the editor (LANGUAGE.md §9): its Markdown cells are separate documents, but one solution.
// The cells' current texts are joined as the CLI joins the file's (solution/notebook.ts), analysed on open and after
// each change once typing pauses, and each problem is published on its own cell's document at the cell's range.
// The analysis runs in the .rnn files' worker pool (worker/scheduler.ts analyseSolution), as a Markdown solution's.

import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../report';
import { readSettings } from '../config';
import { Debouncer } from '../reports/debouncer';
import { toDiagnostic } from '../shared/convert';
import { analyzeSolutionText } from '../worker/analyzeInWorker';
import type { PublishedFixes } from '../quickfix/publishedFixes';
import type { AnalysisScheduler } from '../worker/scheduler';
import { isSolution, JoinedCells, type SolutionReport } from './core';
import { sidecarPath } from './detect';
import { cellDiagnosticItems, readerCells } from './notebookContent';
import { hoverJobKey, solutionSchemes } from './solutionReports';

/** the notebook type of the built-in ipynb serializer (VS Code's own and code-server's) */
const JUPYTER = 'jupyter-notebook';

export interface NotebookSolutionsOptions {
  debounceMs(): number;
  analyzeOptions(): AnalyzeOptions;
  /** where analyses run (the .rnn files' pool); absent: on the host thread */
  scheduler?: AnalysisScheduler;
  /** the fixes of the problems published on each cell, for the quick fixes (register.ts) */
  fixes?: PublishedFixes;
}

export class NotebookSolutions implements vscode.Disposable {
  private readonly timers = new Debouncer();
  private readonly collection = vscode.languages.createDiagnosticCollection('unroll-notebooks');
  /** per notebook: the cells it published on, to clear them when it changes or closes */
  private readonly published = new Map<string, vscode.Uri[]>();
  /** per notebook: its last report (for tests: what the editor shows), and the joined text and sidecar it is of */
  private readonly last = new Map<string, { report: SolutionReport; text: string; sidecar: string | null }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.NotebookDocument>();
  /** a notebook's report changed (its lenses follow) */
  readonly onDidUpdate: vscode.Event<vscode.NotebookDocument> = this.emitter.event;

  constructor(private readonly options: NotebookSolutionsOptions) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenNotebookDocument((n) => this.schedule(n, 0)),
      // cells added, removed or moved, or a cell's text; not a run's outputs or metadata (a notebook run cell by cell
      // would be analysed again after each)
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.contentChanges.length > 0 || e.cellChanges.some((c) => c.document !== undefined))
          this.schedule(e.notebook, this.options.debounceMs());
      }),
      vscode.workspace.onDidCloseNotebookDocument((n) => this.forget(n)),
      // a cell's text edited, and a sidecar NAME.rnn edited (unsaved edits count, as for a Markdown solution)
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        for (const n of vscode.workspace.notebookDocuments)
          if (n.getCells().some((c) => c.document === e.document) || this.sidecarUri(n)?.toString() === e.document.uri.toString())
            this.schedule(n, this.options.debounceMs());
      }),
    );
    for (const n of vscode.workspace.notebookDocuments) this.schedule(n, 0);
  }

  /** the notebook a cell's document belongs to, and the cell's 1-based number in it */
  cellOf(document: vscode.TextDocument): { notebook: vscode.NotebookDocument; cell: number } | undefined {
    for (const notebook of vscode.workspace.notebookDocuments) {
      const cell = notebook.getCells().findIndex((c) => c.document === document);
      if (cell >= 0) return { notebook, cell: cell + 1 };
    }
    return undefined;
  }

  /** the notebook's last report, or undefined when it is not (yet) a solution */
  report(notebook: vscode.NotebookDocument): SolutionReport | undefined {
    return this.last.get(notebook.uri.toString())?.report;
  }

  /** the Markdown cells' joined text and the sidecar's text the last report is of (a hover reads its networks there) */
  source(notebook: vscode.NotebookDocument): { text: string; sidecar: string | null } | undefined {
    return this.last.get(notebook.uri.toString());
  }

  private schedule(notebook: vscode.NotebookDocument, delayMs: number): void {
    if (notebook.notebookType !== JUPYTER || !solutionSchemes().has(notebook.uri.scheme)) return;
    this.timers.schedule(notebook.uri.toString(), delayMs, () => {
      if (!notebook.isClosed) void this.analyse(notebook);
    });
  }

  private async analyse(notebook: vscode.NotebookDocument): Promise<void> {
    const cells = notebook.getCells();
    const reader = readerCells(
      cells.map((c) => ({
        markup: c.kind === vscode.NotebookCellKind.Markup,
        languageId: c.document.languageId,
        text: c.document.getText(),
      })),
    );
    const text = new JoinedCells(reader).text;
    const sidecar = await this.sidecarText(notebook);
    if (notebook.isClosed) return;
    const key = notebook.uri.toString();
    let report: SolutionReport | null = null;
    if (isSolution(text, 'markdown', sidecar !== null)) {
      const spec = { cells: reader, sidecar };
      const options = this.options.analyzeOptions();
      const job = this.options.scheduler?.analyseSolution(key, notebook.version, text, spec, options);
      if (job) {
        const answer = await job;
        // superseded by a newer state of the notebook (whose own analysis publishes), or closed meanwhile
        if (!answer || notebook.isClosed) return;
        report = answer;
      } else report = analyzeSolutionText(text, spec, options);
    }
    this.unpublish(key);
    if (!report) {
      if (this.last.delete(key)) this.emitter.fire(notebook);
      return;
    }
    this.last.set(key, { report, text, sidecar });
    const items = cellDiagnosticItems(report, { hintForHolding: readSettings(notebook.uri).hintForHoldingChecks });
    const uris: vscode.Uri[] = [];
    for (const [number, list] of items) {
      const cell = cells[number - 1];
      if (!cell) continue;
      this.collection.set(cell.document.uri, list.map(toDiagnostic));
      this.options.fixes?.set(cell.document.uri.toString(), list);
      uris.push(cell.document.uri);
    }
    this.published.set(key, uris);
    this.emitter.fire(notebook);
  }

  /** clears what the notebook published on its cells (problems and their fixes) */
  private unpublish(key: string): void {
    for (const uri of this.published.get(key) ?? []) {
      this.collection.delete(uri);
      this.options.fixes?.delete(uri.toString());
    }
    this.published.delete(key);
  }

  private sidecarUri(notebook: vscode.NotebookDocument): vscode.Uri | null {
    if (notebook.uri.scheme === 'untitled') return null;
    const path = sidecarPath(notebook.uri.path);
    return path ? notebook.uri.with({ path }) : null;
  }

  /** NAME.rnn beside the notebook (an open editor's text, unsaved edits included), or null */
  private async sidecarText(notebook: vscode.NotebookDocument): Promise<string | null> {
    const uri = this.sidecarUri(notebook);
    if (!uri) return null;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File) return null;
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return null;
    }
  }

  private forget(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    this.timers.cancel(key);
    this.options.scheduler?.forget(key);
    this.unpublish(key);
    this.last.delete(key);
    this.options.scheduler?.forget(hoverJobKey(key));
  }

  dispose(): void {
    this.timers.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
    this.emitter.dispose();
  }
}
