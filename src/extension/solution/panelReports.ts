// The panel's reports for .rnn files and solutions together: for a solution, the Report of the
// network the cursor is in (the panel shows one network; moving the cursor into an equation about
// another network announces that network's Report, which the panel then draws). A notebook's cell shows
// the network of the place being edited, and the panel follows the cell that holds that network's ```rnn
// block (shownDocument): the network's Report is in that cell's lines, so its rows reveal there and the
// cursor in it selects their nodes.

import * as vscode from 'vscode';
import { emptyReport, type Report } from '../../report';
import { failedReport } from '../reports/failedReport';
import type { PanelReports } from '../panel/panel';
import type { Reports } from '../reports/documentReports';
import { mayHoldNetwork } from './detect';
import { networkSources } from './networkSource';
import { networkAtCell } from './notebookContent';
import type { NotebookSolutions } from './notebookSolutions';
import { networkAtLine } from './solutionContent';
import type { SolutionReports } from './solutionReports';

export class CombinedPanelReports implements PanelReports, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<{ document: vscode.TextDocument; report: Report }>();
  readonly onDidUpdate = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  /** per solution URI: the network the panel was last given */
  private readonly shown = new Map<string, number | null>();

  constructor(
    private readonly reports: Reports,
    private readonly solutions: SolutionReports,
    private readonly notebooks?: NotebookSolutions,
  ) {
    this.subscriptions = [
      this.emitter,
      reports.onDidUpdate((e) => this.emitter.fire(e)),
      solutions.onDidUpdate(({ document }) => this.announce(document, true)),
      // a notebook analysed again
      ...(notebooks ? [notebooks.onDidUpdate((n) => this.announceNotebook(n))] : []),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        // (a notebook cell's network is told when the notebook is analysed; the panel moves between cells itself)
        if (!this.notebooks?.cellOf(e.textEditor.document) && this.follows(e.textEditor.document))
          this.announce(e.textEditor.document, false);
      }),
    ];
  }

  follows(document: vscode.TextDocument): boolean {
    const at = this.notebooks?.cellOf(document);
    if (at) {
      const sol = this.notebooks!.report(at.notebook);
      // analysed: a network of its own; not yet: a Markdown cell with an ```rnn block
      if (sol) return sol.networks.length > 0;
      return at.notebook
        .getCells()
        .some((c) => c.kind === vscode.NotebookCellKind.Markup && mayHoldNetwork(c.document.getText(), 'markdown'));
    }
    if ((this.solutions.peek(document)?.networks.length ?? 0) > 0) return true;
    // a Markdown solution opened a moment ago may not be analysed yet: its ```rnn fence says enough
    const kind = this.solutions.kind(document);
    return kind !== null && mayHoldNetwork(document.getText(), kind);
  }

  get(document: vscode.TextDocument): Report {
    const at = this.notebooks?.cellOf(document);
    if (at) return this.cellNetwork(document, at).report;
    if (!this.solutions.kind(document)) return this.reports.get(document);
    return this.networkReport(document).report;
  }

  /** a notebook cell's place: the cell holding the ```rnn block of the network it is about; any other document itself */
  shownDocument(document: vscode.TextDocument): vscode.TextDocument {
    const at = this.notebooks?.cellOf(document);
    if (!at) return document;
    const { index } = this.cellNetwork(document, at);
    const sol = this.notebooks!.report(at.notebook);
    const cell = index === null ? undefined : sol?.networks[index]?.range?.cell;
    return (cell !== undefined && at.notebook.getCells()[cell - 1]?.document) || document;
  }

  /** the .rnn text of the network shown: the solution's reading of its current text, numbered as its report's networks */
  networkText(document: vscode.TextDocument): string | undefined {
    const at = this.notebooks?.cellOf(document);
    if (at) {
      const { index } = this.cellNetwork(document, at);
      const source = this.notebooks!.source(at.notebook);
      return index === null || !source ? undefined : networkSources(source.text, 'markdown', source.sidecar)[index];
    }
    const kind = this.solutions.kind(document);
    if (!kind) return document.getText();
    const { index } = this.networkReport(document);
    return index === null ? undefined : networkSources(document.getText(), kind, this.solutions.sidecarOf(document))[index];
  }

  /** the network a notebook cell's cursor is about, from the notebook's last report */
  private cellNetwork(
    document: vscode.TextDocument,
    at: { notebook: vscode.NotebookDocument; cell: number },
  ): { index: number | null; report: Report } {
    const sol = this.notebooks!.report(at.notebook);
    // its first analysis still in a worker (or no network): nothing to draw yet (the panel is told when it is done)
    if (!sol) return { index: null, report: emptyReport() };
    const index = networkAtCell(sol, at.cell, this.editorOf(document) ? this.cursorLine(document) : null);
    const net = index === null ? undefined : sol.networks[index];
    if (!net) return { index: null, report: { ...failedReport(''), diagnostics: sol.diagnostics } };
    return { index, report: net.report };
  }

  /** each Markdown cell told its network's Report: the panel draws the one of the cell it follows (a network's own, or
   *  with a network in a NAME.rnn beside the notebook, the cell it was opened on) */
  private announceNotebook(notebook: vscode.NotebookDocument): void {
    for (const c of notebook.getCells())
      if (c.kind === vscode.NotebookCellKind.Markup) this.emitter.fire({ document: c.document, report: this.get(c.document) });
  }

  private editorOf(document: vscode.TextDocument): vscode.TextEditor | undefined {
    return vscode.window.activeTextEditor?.document === document
      ? vscode.window.activeTextEditor
      : vscode.window.visibleTextEditors.find((e) => e.document === document);
  }

  private cursorLine(document: vscode.TextDocument): number {
    return (this.editorOf(document)?.selection.active.line ?? 0) + 1;
  }

  private networkReport(document: vscode.TextDocument): { index: number | null; report: Report } {
    const sol = this.solutions.getNow(document);
    // its first analysis still in a worker: nothing to draw yet (the panel is told again when it is done)
    if (!sol && this.solutions.analysing(document)) return { index: null, report: emptyReport() };
    if (!sol)
      return { index: null, report: failedReport('this document is not a solution: it has no ```rnn block and no .rnn file beside it') };
    const index = networkAtLine(sol, this.cursorLine(document));
    const net = index === null ? undefined : sol.networks[index];
    if (!net) return { index: null, report: { ...failedReport(''), diagnostics: sol.diagnostics } };
    return { index, report: net.report };
  }

  /** Tell the panel about the solution's report: always after an analysis, on a cursor move only when the network changes. */
  private announce(document: vscode.TextDocument, always: boolean): void {
    const key = document.uri.toString();
    const { index, report } = this.networkReport(document);
    if (!always && this.shown.has(key) && this.shown.get(key) === index) return;
    this.shown.set(key, index);
    this.emitter.fire({ document, report });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
