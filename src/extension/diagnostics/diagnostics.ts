// Problems panel and squiggles for .rnn files, refreshed whenever a new Report is announced.

import * as vscode from 'vscode';
import { isRnn, readSettings } from '../config';
import { toDiagnostic } from '../shared/convert';
import { diagnosticItems } from './diagnosticsContent';
import type { Reports } from '../reports/documentReports';

export function registerDiagnostics(context: vscode.ExtensionContext, reports: Reports): void {
  const collection = vscode.languages.createDiagnosticCollection('unroll');
  const publish = (document: vscode.TextDocument): void => {
    if (!isRnn(document) || document.isClosed) return;
    const settings = readSettings(document.uri);
    const items = diagnosticItems(reports.get(document), { hintForHolding: settings.hintForHoldingChecks });
    collection.set(
      document.uri,
      items.map((i) => {
        const d = toDiagnostic(i);
        if (i.code === 'unreachable' || /does not depend/.test(i.message)) d.tags = [vscode.DiagnosticTag.Unnecessary];
        return d;
      }),
    );
  };
  context.subscriptions.push(
    collection,
    reports.onDidUpdate(({ document }) => publish(document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unroll.diagnostics')) for (const d of vscode.workspace.textDocuments) publish(d);
    }),
  );
}
