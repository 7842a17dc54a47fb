// The status bar item of the active .rnn editor: loss value and check tally (statusContent(), pure).

import * as vscode from 'vscode';
import { isRnn, readSettings } from '../config';
import type { Reports } from '../reports/documentReports';
import { statusContent } from './statusBarContent';
import { COMMANDS } from '../commands/ids';

export function registerStatusBar(context: vscode.ExtensionContext, reports: Reports): void {
  const item = vscode.window.createStatusBarItem('unroll.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Unroll';
  item.command = COMMANDS.openPanel;
  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isRnn(doc)) {
      item.hide();
      return;
    }
    // never analyse here (this runs during activation): show the last report, or wait for the first one
    const report = reports.peek(doc);
    if (!report) {
      item.hide();
      return;
    }
    const s = statusContent(report, readSettings(doc.uri).digits);
    item.text = s.text;
    item.tooltip = s.tooltip;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    reports.onDidUpdate(({ document }) => {
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unroll')) update();
    }),
  );
  update();
}
