// Go to definition, references, highlights and the outline for .rnn files (navigationContent.ts, pure).

import * as vscode from 'vscode';
import { toRange } from '../shared/convert';
import { definitionAt, outline, referencesAt, renamePlan, renameProblem, type OutlineKind } from './navigationContent';
import type { Reports } from '../reports/documentReports';

const KIND: Record<OutlineKind, vscode.SymbolKind> = {
  parameter: vscode.SymbolKind.Constant,
  data: vscode.SymbolKind.Field,
  quantity: vscode.SymbolKind.Variable,
  loss: vscode.SymbolKind.Function,
  horizon: vscode.SymbolKind.Number,
  derive: vscode.SymbolKind.Event,
  check: vscode.SymbolKind.Boolean,
};

export function registerNavigation(context: vscode.ExtensionContext, reports: Reports): void {
  const selector = { language: 'rnn' };
  const pos = (p: vscode.Position) => ({ line: p.line + 1, column: p.character + 1 });
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition: (doc, p) => definitionAt(reports.get(doc), pos(p)).map((r) => new vscode.Location(doc.uri, toRange(r))),
    }),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences: (doc, p, ctx) =>
        referencesAt(reports.get(doc), pos(p))
          .filter((r) => ctx.includeDeclaration || !r.write)
          .map((r) => new vscode.Location(doc.uri, toRange(r.range))),
    }),
    vscode.languages.registerDocumentHighlightProvider(selector, {
      provideDocumentHighlights: (doc, p) =>
        referencesAt(reports.get(doc), pos(p)).map(
          (r) =>
            new vscode.DocumentHighlight(
              toRange(r.range),
              r.write ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
            ),
        ),
    }),
    vscode.languages.registerRenameProvider(selector, {
      prepareRename(doc, p) {
        const plan = renamePlan(reports.get(doc), pos(p), (l) => doc.lineAt(l - 1).text);
        if (!plan) throw new Error('Only parameters, inputs, targets and quantities can be renamed.');
        return { range: toRange(plan.range), placeholder: plan.name };
      },
      provideRenameEdits(doc, p, newName) {
        const report = reports.get(doc);
        const plan = renamePlan(report, pos(p), (l) => doc.lineAt(l - 1).text);
        if (!plan) return undefined;
        const problem = renameProblem(report, plan.name, newName);
        if (problem) throw new Error(problem);
        const edit = new vscode.WorkspaceEdit();
        for (const r of plan.edits) edit.replace(doc.uri, toRange(r), newName);
        return edit;
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(selector, {
      provideDocumentSymbols: (doc) =>
        outline(reports.get(doc)).map(
          (i) => new vscode.DocumentSymbol(i.name, i.detail, KIND[i.kind], toRange(i.range), toRange(i.selection)),
        ),
    }),
  );
}
