// The hover on a derivative in a notebook's Markdown cell, as a Markdown solution has it: the cell's equations from
// the notebook's report (notebookContent.ts cellSolution), the networks from the joined cells it is of, the question
// analysed in a worker (solutionHoverContent.ts askHoverQuestion). No panel link: the panel follows documents, and a
// cell is none.

import * as vscode from 'vscode';
import { readSettings } from '../config';
import { HOVER_COMMANDS } from '../hover/hover';
import type { AnalysisScheduler } from '../worker/scheduler';
import { networkSources } from './networkSource';
import { cellSolution } from './notebookContent';
import type { NotebookSolutions } from './notebookSolutions';
import { askHoverQuestion, solutionHoverAnswer, solutionHoverQuestion } from './solutionHoverContent';
import { hoverJobKey } from './solutionReports';

export function registerNotebookHover(context: vscode.ExtensionContext, notebooks: NotebookSolutions, scheduler?: AnalysisScheduler): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(
      { scheme: 'vscode-notebook-cell', language: 'markdown' },
      {
        async provideHover(document, position) {
          const at = notebooks.cellOf(document);
          const report = at && notebooks.report(at.notebook);
          const source = at && notebooks.source(at.notebook);
          if (!at || !report || !source) return undefined;
          const settings = readSettings(at.notebook.uri);
          const networks = networkSources(source.text, 'markdown', source.sidecar);
          const sol = cellSolution(report, at.cell);
          const question = solutionHoverQuestion(
            document.getText(),
            sol,
            networks,
            position.line + 1,
            position.character + 1,
            settings.analyze,
          );
          if (!question) return undefined;
          const answer = await askHoverQuestion(question, hoverJobKey(at.notebook.uri.toString()), at.notebook.version, scheduler);
          if (!answer) return undefined;
          const uri = document.uri.toString();
          const content = solutionHoverAnswer(question, answer, {
            digits: settings.digits,
            detail: settings.hoverDetail,
            uri,
            panelAtLine: false,
          });
          if (!content) return undefined;
          const md = new vscode.MarkdownString(content.markdown);
          md.supportHtml = true;
          md.isTrusted = { enabledCommands: HOVER_COMMANDS };
          return new vscode.Hover(md, new vscode.Range(document.positionAt(content.start), document.positionAt(content.end)));
        },
      },
    ),
  );
}
