// Results on derive and check lines — above them (CodeLens) or at their end (inlay hints), as the
// setting says — from lensItems() in inlineContent.ts (pure, unit-tested).

import * as vscode from 'vscode';
import { readSettings } from '../config';
import { toRange } from '../shared/convert';
import { COMMANDS } from '../commands/ids';
import { lensItems } from './inlineContent';
import type { Reports } from '../reports/documentReports';

export function registerCodeLens(context: vscode.ExtensionContext, reports: Reports): void {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    reports.onDidUpdate(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unroll')) changed.fire();
    }),
    vscode.languages.registerCodeLensProvider(
      { language: 'rnn' },
      {
        onDidChangeCodeLenses: changed.event,
        provideCodeLenses(document) {
          const settings = readSettings(document.uri);
          if (!settings.inlineResults || settings.inlineStyle !== 'codeLens') return [];
          return lensItems(reports.get(document), settings.digits, document.uri.toString()).map((i) => {
            const r = toRange(i.range);
            return new vscode.CodeLens(new vscode.Range(r.start.line, 0, r.start.line, 0), {
              title: i.title,
              tooltip: i.tooltip,
              command: i.command,
              arguments: [i.arg],
            });
          });
        },
      },
    ),
    vscode.languages.registerInlayHintsProvider(
      { language: 'rnn' },
      {
        onDidChangeInlayHints: changed.event,
        provideInlayHints(document, range) {
          const settings = readSettings(document.uri);
          if (!settings.inlineResults || settings.inlineStyle !== 'inlayHints') return [];
          return lensItems(reports.get(document), settings.digits, document.uri.toString())
            .filter((i) => i.command === COMMANDS.openPanel)
            .map((i) => {
              const end = document.lineAt(Math.min(document.lineCount - 1, i.range.endLine - 1)).range.end;
              const hint = new vscode.InlayHint(end, [
                { value: i.title, tooltip: i.tooltip, command: { title: i.title, command: i.command, arguments: [i.arg] } },
              ]);
              hint.paddingLeft = true;
              return hint;
            })
            .filter((h) => range.contains(h.position));
        },
      },
    ),
  );
}
