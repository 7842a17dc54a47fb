// Quick fixes (lightbulb) for Unroll's diagnostics, from quickFixes() (pure, unit-tested): every fix in a .rnn file,
// and in a Markdown or LaTeX solution the transpose put in or taken out, written as LaTeX (`^\top`).

import * as vscode from 'vscode';
import { toRange } from '../shared/convert';
import { type QuickFix, quickFixes, transposeFix } from './quickFixContent';
import type { PublishedFixes } from './publishedFixes';
import type { DiagnosticItem } from '../diagnostics/diagnosticsContent';

type Fixes = (d: DiagnosticItem, lineText: string, lines: () => string[]) => QuickFix[];

function provider(fixesFor: Fixes, published: PublishedFixes): vscode.CodeActionProvider {
  return {
    provideCodeActions(document, _range, ctx) {
      const actions: vscode.CodeAction[] = [];
      let lines: string[] | undefined;
      for (const diag of ctx.diagnostics) {
        if (diag.source !== 'unroll') continue;
        const placed = {
          line: diag.range.start.line + 1,
          column: diag.range.start.character + 1,
          endLine: diag.range.end.line + 1,
          endColumn: diag.range.end.character + 1,
          message: diag.message,
        };
        const item = { ...placed, severity: 'error' as const, fix: published.get(document.uri.toString(), placed) };
        const all = () => (lines ??= document.getText().split(/\r?\n/));
        for (const fix of fixesFor(item, document.lineAt(diag.range.start.line).text, all)) {
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
  };
}

const kinds = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

export function registerQuickFixes(context: vscode.ExtensionContext, published: PublishedFixes): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      { language: 'rnn' },
      provider((d, text, lines) => quickFixes(d, text, lines()), published),
      kinds,
    ),
  );
}

/** a solution's own text is LaTeX: only the fix that edits an equation where it is written applies there */
export function registerSolutionQuickFixes(
  context: vscode.ExtensionContext,
  selector: vscode.DocumentSelector,
  published: PublishedFixes,
): void {
  const fixes: Fixes = (d, text) => {
    const fix = transposeFix(d, text, '^\\top');
    return fix ? [fix] : [];
  };
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(selector, provider(fixes, published), kinds));
}
