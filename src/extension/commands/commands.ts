// "Unroll: Copy Derivation as LaTeX" and "Unroll: Insert Network Template".
// ("Unroll: Open Panel" is registered by panel/panel.ts.)

import * as vscode from 'vscode';
import { isRnn, readSettings } from '../config';
import { allDerivesLatex, checkLatex, deriveLatex } from './latexContent';
import type { Reports } from '../reports/documentReports';
import { checkAtLine, deriveAtLine } from '../reports/reportQuery';
import { snippetEscape, TEMPLATES } from './templates';
import { COMMANDS } from './ids';

/** `unroll.copyLatex`'s argument: ready LaTeX (hover links), or a document line (CodeLens). */
export interface CopyLatexArgs {
  latex?: string;
  uri?: string;
  line?: number;
}

export function registerCommands(context: vscode.ExtensionContext, reports: Reports): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.copyLatex, (arg?: CopyLatexArgs) => copyLatex(reports, arg)),
    vscode.commands.registerCommand(COMMANDS.insertTemplate, (id?: string) => insertTemplate(id)),
  );
}

/** Copies LaTeX to the clipboard and returns it (undefined when there was nothing to copy). */
async function copyLatex(reports: Reports, arg?: CopyLatexArgs): Promise<string | undefined> {
  let latex = typeof arg?.latex === 'string' ? arg.latex : undefined;
  if (latex === undefined) {
    const doc = arg?.uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.uri)
      : vscode.window.activeTextEditor?.document;
    if (!doc || !isRnn(doc)) {
      void vscode.window.showInformationMessage('Unroll: open a .rnn file to copy its derivations.');
      return undefined;
    }
    const report = reports.get(doc);
    const digits = readSettings(doc.uri).digits;
    const line =
      arg?.line ??
      (vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor.selection.active.line + 1 : undefined);
    const derive = line === undefined ? undefined : deriveAtLine(report, line);
    const check = line === undefined ? undefined : checkAtLine(report, line);
    latex = derive ? deriveLatex(derive, digits) : check ? checkLatex(check) : allDerivesLatex(report, digits);
    if (!latex) {
      void vscode.window.showInformationMessage('Unroll: this file has no derive line to copy.');
      return undefined;
    }
  }
  await vscode.env.clipboard.writeText(latex);
  vscode.window.setStatusBarMessage('$(check) Unroll: LaTeX copied', 2500);
  return latex;
}

/**
 * Inserts one of the seeds' networks: into the active .rnn editor when it is empty, else into a new
 * untitled .rnn document. Returns the inserted program.
 */
async function insertTemplate(id?: string): Promise<string | undefined> {
  let template = TEMPLATES.find((t) => t.id === id);
  if (!template) {
    const pick = await vscode.window.showQuickPick(
      TEMPLATES.map((t) => ({ label: t.label, detail: t.description, id: t.id })),
      { title: 'Unroll: Insert Network Template', matchOnDetail: true },
    );
    template = TEMPLATES.find((t) => t.id === pick?.id);
    if (!template) return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const text = template.text(readSettings(editor?.document.uri).defaultLoss);
  if (editor && isRnn(editor.document) && editor.document.getText().trim() === '') {
    await editor.insertSnippet(new vscode.SnippetString(snippetEscape(text)), new vscode.Position(0, 0));
  } else {
    const doc = await vscode.workspace.openTextDocument({ language: 'rnn', content: text });
    await vscode.window.showTextDocument(doc);
  }
  return text;
}
