// The panel's reports for .rnn files and solutions together: for a solution, the Report of the
// network the cursor is in (the panel shows one network; moving the cursor into an equation about
// another network announces that network's Report, which the panel then draws).

import * as vscode from 'vscode';
import { emptyReport, type Report } from '../../report';
import { failedReport } from '../reports/failedReport';
import type { PanelReports } from '../panel/panel';
import type { Reports } from '../reports/documentReports';
import { mayHoldNetwork } from './detect';
import { networkSources } from './networkSource';
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
  ) {
    this.subscriptions = [
      this.emitter,
      reports.onDidUpdate((e) => this.emitter.fire(e)),
      solutions.onDidUpdate(({ document }) => this.announce(document, true)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.follows(e.textEditor.document)) this.announce(e.textEditor.document, false);
      }),
    ];
  }

  follows(document: vscode.TextDocument): boolean {
    if ((this.solutions.peek(document)?.networks.length ?? 0) > 0) return true;
    // a Markdown solution opened a moment ago may not be analysed yet: its ```rnn fence says enough
    const kind = this.solutions.kind(document);
    return kind !== null && mayHoldNetwork(document.getText(), kind);
  }

  get(document: vscode.TextDocument): Report {
    if (!this.solutions.kind(document)) return this.reports.get(document);
    return this.networkReport(document).report;
  }

  /** the .rnn text of the network shown: the solution's reading of its current text, numbered as its report's networks */
  networkText(document: vscode.TextDocument): string | undefined {
    const kind = this.solutions.kind(document);
    if (!kind) return document.getText();
    const { index } = this.networkReport(document);
    return index === null ? undefined : networkSources(document.getText(), kind, this.solutions.sidecarOf(document))[index];
  }

  private cursorLine(document: vscode.TextDocument): number {
    const editor =
      vscode.window.activeTextEditor?.document === document
        ? vscode.window.activeTextEditor
        : vscode.window.visibleTextEditors.find((e) => e.document === document);
    return (editor?.selection.active.line ?? 0) + 1;
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
