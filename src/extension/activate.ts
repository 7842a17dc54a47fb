// Wires the extension's modules together. Loaded by extension.ts on activation only, so that
// requiring the bundle outside VS Code (for analyze()) never needs the 'vscode' module.

import * as vscode from 'vscode';
import { registerCodeLens } from './inline/inline';
import { registerCommands } from './commands/commands';
import { registerAbbreviationCompletion, registerNameCompletion } from './completion/completion';
import { readSettings } from './config';
import { registerDiagnostics } from './diagnostics/diagnostics';
import { registerHover } from './hover/hover';
import { registerNavigation } from './navigation/navigation';
import { registerPanel } from './panel/panel';
import { registerQuickFixes } from './quickfix/quickFix';
import { PublishedFixes } from './quickfix/publishedFixes';
import { Reports } from './reports/documentReports';
import { registerSemanticTokens } from './semantic/semanticTokens';
import { registerNotebookHover } from './solution/notebookHover';
import { registerNotebookLenses } from './solution/notebookLenses';
import { NotebookSolutions } from './solution/notebookSolutions';
import { CombinedPanelReports } from './solution/panelReports';
import { registerSolutions } from './solution/register';
import type { SolutionReports } from './solution/solutionReports';
import { registerStatusBar } from './status/statusBar';
import { registerUnicodeInput } from './unicode/unicodeInput';
import { defaultWorkerFactory } from './worker/factory';
import { AnalysisScheduler } from './worker/scheduler';
import { analyzeText } from './worker/analyzeInWorker';

export interface UnrollApi {
  /** the shared report cache (for tests: the same reports the editor shows) */
  reports: Reports;
  /** the Markdown/LaTeX solutions' report cache (for tests: what the editor shows for a solution) */
  solutions: SolutionReports;
  /** the Jupyter notebooks' reports (for tests: what the editor shows on a notebook's cells) */
  notebooks: NotebookSolutions;
}

export function activateUnroll(context: vscode.ExtensionContext): UnrollApi {
  // one pool of analysis workers for .rnn files, solutions and notebooks (each document its own job in it)
  const scheduler = new AnalysisScheduler(defaultWorkerFactory());
  context.subscriptions.push(scheduler);
  const reports = new Reports({
    debounceMs: () => readSettings().debounceMs,
    analyzeOptions: () => readSettings().analyze,
    scheduler,
  });
  context.subscriptions.push(
    reports,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unroll.checks')) reports.invalidateAll();
    }),
  );
  registerUnicodeInput(context);
  registerAbbreviationCompletion(context);
  registerNameCompletion(context, reports);
  // the fixes of the diagnostics shown, for the quick fixes (VS Code gives a provider plain diagnostics)
  const fixes = new PublishedFixes();
  registerDiagnostics(context, reports, fixes);
  registerQuickFixes(context, fixes);
  registerHover(context, reports);
  registerCodeLens(context, reports);
  registerNavigation(context, reports);
  registerSemanticTokens(context, reports);
  registerCommands(context, reports);
  registerStatusBar(context, reports);
  const solutions = registerSolutions(context, fixes, scheduler);
  // a notebook's Markdown cells, joined, are one solution: its problems on each cell
  const notebooks = new NotebookSolutions({
    debounceMs: () => readSettings().debounceMs,
    analyzeOptions: () => readSettings().analyze,
    scheduler,
    fixes,
  });
  context.subscriptions.push(notebooks);
  registerNotebookLenses(context, notebooks);
  registerNotebookHover(context, notebooks, scheduler);
  // the panel follows .rnn files, solutions and notebooks (it shows the network at the cursor)
  const panelReports = new CombinedPanelReports(reports, solutions, notebooks);
  context.subscriptions.push(panelReports);
  // the panel's gradient check and slider are analyses too: in the same pool, each under its own key
  registerPanel(context, panelReports, {
    analyse: (key, version, text, options) => scheduler.analyse(key, version, text, options) ?? Promise.resolve(analyzeText(text, options)),
    forget: (key) => scheduler.forget(key),
  });
  return { reports, solutions, notebooks };
}
