// Semantic tokens for .rnn files from semanticTokens() (pure, unit-tested).

import * as vscode from 'vscode';
import type { Reports } from '../reports/documentReports';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from './semanticTokensContent';

export function registerSemanticTokens(context: vscode.ExtensionContext, reports: Reports): void {
  const legend = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    reports.onDidUpdate(() => changed.fire()),
    vscode.languages.registerDocumentSemanticTokensProvider(
      { language: 'rnn' },
      {
        onDidChangeSemanticTokens: changed.event,
        provideDocumentSemanticTokens(document) {
          const b = new vscode.SemanticTokensBuilder(legend);
          for (const t of semanticTokens(reports.get(document))) {
            b.push(new vscode.Range(t.line, t.char, t.line, t.char + t.length), t.type, t.modifiers);
          }
          return b.build();
        },
      },
      legend,
    ),
  );
}
