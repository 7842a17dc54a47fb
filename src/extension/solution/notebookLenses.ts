// The verdict above each checked equation of a notebook's Markdown cell (in the cell's editor), as a Markdown
// solution has them: from the notebook's report (notebookSolutions.ts), the cell's own lenses (notebookContent.ts).

import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { readSettings } from '../config';
import { toRange } from '../shared/convert';
import { cellLensItems } from './notebookContent';
import type { NotebookSolutions } from './notebookSolutions';

export function registerNotebookLenses(context: vscode.ExtensionContext, notebooks: NotebookSolutions): void {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    notebooks.onDidUpdate(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(
      { scheme: 'vscode-notebook-cell', language: 'markdown' },
      {
        onDidChangeCodeLenses: changed.event,
        provideCodeLenses(document) {
          const settings = readSettings(document.uri);
          const at = notebooks.cellOf(document);
          const report = at && notebooks.report(at.notebook);
          // (the inlay-hint style is a Markdown solution's only: a cell gets no lenses then)
          if (!settings.inlineResults || settings.inlineStyle !== 'codeLens' || !at || !report) return [];
          return cellLensItems(report, at.cell, settings.digits).map((i) => {
            const line = toRange(i.range).start.line;
            // the panel on the cell (it moves to the cell of the network's ```rnn block, in whose lines its Report is)
            return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
              title: i.title,
              tooltip: i.tooltip,
              command: COMMANDS.openPanel,
              arguments: [{ uri: document.uri.toString() }],
            });
          });
        },
      },
    ),
  );
}
