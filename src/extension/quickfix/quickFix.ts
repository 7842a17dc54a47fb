// Quick fixes (lightbulb) for Unroll's diagnostics, from quickFixes() (pure, unit-tested).

import * as vscode from 'vscode';
import { toRange } from '../shared/convert';
import { quickFixes } from './quickFixContent';

export function registerQuickFixes(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      { language: 'rnn' },
      {
        provideCodeActions(document, _range, ctx) {
          const actions: vscode.CodeAction[] = [];
          let lines: string[] | undefined;
          for (const diag of ctx.diagnostics) {
            if (diag.source !== 'unroll') continue;
            const item = {
              line: diag.range.start.line + 1,
              column: diag.range.start.character + 1,
              endLine: diag.range.end.line + 1,
              endColumn: diag.range.end.character + 1,
              severity: 'error' as const,
              message: diag.message,
            };
            lines ??= document.getText().split(/\r?\n/);
            for (const fix of quickFixes(item, document.lineAt(diag.range.start.line).text, lines)) {
              const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
              action.diagnostics = [diag];
              action.isPreferred = fix.preferred;
              action.edit = new vscode.WorkspaceEdit();
              action.edit.replace(document.uri, toRange(fix.range), fix.newText);
              actions.push(action);
            }
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}
