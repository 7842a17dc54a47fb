// The editor side of Markdown and LaTeX solutions (LANGUAGE.md §8): problems, result lenses above
// each checked equation, and hovers on derivatives — for documents that are solutions only. Every
// provider asks SolutionReports first, which answers null for an ordinary Markdown/LaTeX file after
// a substring test (and one remembered stat for a sidecar), so such files get no work at all.

import * as vscode from 'vscode';
import { readSettings } from '../config';
import { toDiagnostic, toRange } from '../shared/convert';
import { HOVER_COMMANDS } from '../hover/hover';
import { registerSolutionQuickFixes } from '../quickfix/quickFix';
import type { PublishedFixes } from '../quickfix/publishedFixes';
import { MARKDOWN_LANGUAGES, PLAIN_TEXT } from './detect';
import { networkSources } from './networkSource';
import { solutionDiagnosticItems, solutionLensItems } from './solutionContent';
import { askHoverQuestion, solutionHoverAnswer, solutionHoverQuestion } from './solutionHoverContent';
import { hoverJobKey, SolutionReports, solutionSchemes } from './solutionReports';
import type { AnalysisScheduler } from '../worker/scheduler';

/**
 * Markdown (built-in, Quarto, R Markdown), LaTeX (LaTeX Workshop's language id) and plain text (a `.txt` hand-in, read
 * by what it holds: detect.ts documentKind), saved (in the workspace's scheme too) or untitled.
 */
function solutionSelector(): vscode.DocumentFilter[] {
  return [...MARKDOWN_LANGUAGES, 'latex', PLAIN_TEXT].flatMap((language) => [...solutionSchemes()].map((scheme) => ({ language, scheme })));
}

export function registerSolutions(context: vscode.ExtensionContext, fixes: PublishedFixes, scheduler?: AnalysisScheduler): SolutionReports {
  const solutions = new SolutionReports({
    debounceMs: () => readSettings().debounceMs,
    analyzeOptions: () => readSettings().analyze,
    scheduler,
  });
  context.subscriptions.push(
    solutions,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unroll.checks')) solutions.invalidateAll();
    }),
  );
  const selector = solutionSelector();
  registerSolutionDiagnostics(context, solutions, fixes);
  registerSolutionLenses(context, solutions, selector);
  registerSolutionHover(context, solutions, selector, scheduler);
  // a notebook's Markdown cells too: their problems' fixes are published per cell (notebookSolutions.ts)
  registerSolutionQuickFixes(context, [...selector, { scheme: 'vscode-notebook-cell', language: 'markdown' }], fixes);
  return solutions;
}

function registerSolutionDiagnostics(context: vscode.ExtensionContext, solutions: SolutionReports, fixes: PublishedFixes): void {
  const collection = vscode.languages.createDiagnosticCollection('unroll-solutions');
  context.subscriptions.push(
    collection,
    solutions.onDidUpdate(({ document, solution }) => {
      if (document.isClosed) return;
      const settings = readSettings(document.uri);
      const items = solutionDiagnosticItems(solution, { hintForHolding: settings.hintForHoldingChecks });
      fixes.set(document.uri.toString(), items);
      collection.set(document.uri, items.map(toDiagnostic));
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      collection.delete(d.uri);
      fixes.delete(d.uri.toString());
    }),
  );
}

function registerSolutionLenses(context: vscode.ExtensionContext, solutions: SolutionReports, selector: vscode.DocumentSelector): void {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    solutions.onDidUpdate(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unroll')) changed.fire();
    }),
    vscode.languages.registerCodeLensProvider(selector, {
      onDidChangeCodeLenses: changed.event,
      async provideCodeLenses(document) {
        const settings = readSettings(document.uri);
        if (!settings.inlineResults || settings.inlineStyle !== 'codeLens') return [];
        const solution = await solutions.get(document);
        if (!solution) return [];
        return solutionLensItems(solution, settings.digits, document.uri.toString()).map((i) => {
          const line = toRange(i.range).start.line;
          return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
            title: i.title,
            tooltip: i.tooltip,
            command: i.command,
            arguments: [i.arg],
          });
        });
      },
    }),
    // the same results at the end of each equation when the setting asks for inlay hints
    vscode.languages.registerInlayHintsProvider(selector, {
      onDidChangeInlayHints: changed.event,
      async provideInlayHints(document, range) {
        const settings = readSettings(document.uri);
        if (!settings.inlineResults || settings.inlineStyle !== 'inlayHints') return [];
        const solution = await solutions.get(document);
        if (!solution) return [];
        return solutionLensItems(solution, settings.digits, document.uri.toString())
          .map((i) => {
            const end = document.lineAt(Math.min(document.lineCount - 1, Math.max(0, i.range.endLine - 1))).range.end;
            const hint = new vscode.InlayHint(end, [
              { value: i.title, tooltip: i.tooltip, command: { title: i.title, command: i.command, arguments: [i.arg] } },
            ]);
            hint.paddingLeft = true;
            return hint;
          })
          .filter((h) => range.contains(h.position));
      },
    }),
  );
}

/**
 * The hover on a derivative: its `derive` question is analysed in a worker (keyed by the document: a newer hover
 * supersedes an unanswered one), so that a long network's derive never blocks the host; on the host only where
 * there is no worker. The last answers are kept, whoever computed them.
 */
function registerSolutionHover(
  context: vscode.ExtensionContext,
  solutions: SolutionReports,
  selector: vscode.DocumentSelector,
  scheduler: AnalysisScheduler | undefined,
): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position) {
        const solution = await solutions.get(document);
        if (!solution || solution.equations.length === 0) return undefined;
        const kind = solutions.kind(document);
        if (!kind) return undefined;
        const settings = readSettings(document.uri);
        const text = document.getText();
        const networks = networkSources(text, kind, solutions.sidecarOf(document));
        const question = solutionHoverQuestion(text, solution, networks, position.line + 1, position.character + 1, settings.analyze);
        if (!question) return undefined;
        const report = await askHoverQuestion(question, hoverJobKey(document.uri.toString()), document.version, scheduler);
        // superseded by a later hover of the document: that one answers
        if (!report) return undefined;
        const content = solutionHoverAnswer(question, report, {
          digits: settings.digits,
          detail: settings.hoverDetail,
          uri: document.uri.toString(),
        });
        if (!content) return undefined;
        const md = new vscode.MarkdownString(content.markdown);
        md.supportHtml = true;
        md.isTrusted = { enabledCommands: HOVER_COMMANDS };
        return new vscode.Hover(md, new vscode.Range(document.positionAt(content.start), document.positionAt(content.end)));
      },
    }),
  );
}
