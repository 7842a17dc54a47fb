// Problems panel and squiggles for .rnn files, refreshed whenever a new Report is announced, and before
// it, as soon as the new text's reading is known (twoPhase.ts: a fixed typo's squiggle goes at once).

import * as vscode from 'vscode';
import { isRnn, readSettings } from '../config';
import { toDiagnostic } from '../shared/convert';
import { diagnosticItems, type DiagnosticItem } from './diagnosticsContent';
import { afterRead, shownAfterReport, type Shown } from './twoPhase';
import type { ReadUpdate, Reports } from '../reports/documentReports';
import type { Report } from '../../report';
import type { PublishedFixes } from '../quickfix/publishedFixes';

export function registerDiagnostics(context: vscode.ExtensionContext, reports: Reports, fixes: PublishedFixes): void {
  const collection = vscode.languages.createDiagnosticCollection('unroll');
  /** per document: its latest reading, and what it shows (to place the analysis's problems after the next reading) */
  const state = new Map<string, { read?: ReadUpdate; shown?: Shown }>();
  const stateOf = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    let s = state.get(key);
    if (!s) state.set(key, (s = {}));
    return s;
  };
  const set = (document: vscode.TextDocument, items: DiagnosticItem[]): void => {
    fixes.set(document.uri.toString(), items);
    collection.set(
      document.uri,
      items.map((i) => {
        const d = toDiagnostic(i);
        if (i.code === 'unreachable' || /does not depend/.test(i.message)) d.tags = [vscode.DiagnosticTag.Unnecessary];
        return d;
      }),
    );
  };
  /** the Report's problems; `version`: the version it is of, when known (its reading then tells them apart) */
  const publish = (document: vscode.TextDocument, report: Report = reports.get(document), version?: number): void => {
    if (!isRnn(document) || document.isClosed) return;
    const settings = readSettings(document.uri);
    const items = diagnosticItems(report, { hintForHolding: settings.hintForHoldingChecks });
    const s = stateOf(document);
    const read = version !== undefined && s.read?.version === version ? s.read : undefined;
    s.shown = shownAfterReport(items, read?.diagnostics, read?.text);
    set(document, items);
  };
  context.subscriptions.push(
    collection,
    reports.onDidUpdate(({ document, report, version }) => publish(document, report, version)),
    reports.onDidRead((update) => {
      const { document } = update;
      if (!isRnn(document) || document.isClosed) return;
      const s = stateOf(document);
      s.read = update;
      const next = afterRead(s.shown, update.text, update.diagnostics);
      if (!next) return;
      s.shown = next.shown;
      set(document, next.items);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      collection.delete(d.uri);
      fixes.delete(d.uri.toString());
      state.delete(d.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unroll.diagnostics')) for (const d of vscode.workspace.textDocuments) publish(d);
    }),
  );
}
