// Unicode input: `\sigma` + space/Tab → σ, on any text change (keyboard, `type` command, editor.edit),
// as its own undo step so that undo brings the backslash text back. The matching is in unicodeInputContent.ts.

import * as vscode from 'vscode';
import { findReplacement, triggerOfChange, type Replacement } from './unicodeInputContent';
import { isRnn, readSettings } from '../config';

const RETRIES = 5;

export function registerUnicodeInput(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (!isRnn(doc) || e.contentChanges.length === 0) return;
      // undoing our replacement re-inserts "\sigma ": that must stay as it is
      if (e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo) return;
      if (!readSettings(doc.uri).unicodeInput) return;
      const found: { line: number; rep: Replacement }[] = [];
      for (const change of e.contentChanges) {
        const trig = triggerOfChange(change.text, change.range.start.character);
        if (!trig) continue;
        const line = change.range.start.line;
        if (line >= doc.lineCount) continue;
        const rep = findReplacement(doc.lineAt(line).text, trig.end, trig.triggerLength);
        if (rep) found.push({ line, rep });
      }
      // right to left, so earlier replacements do not shift later ones
      found.sort((a, b) => b.line - a.line || b.rep.start - a.rep.start);
      for (const f of found) void replace(doc, f.line, f.rep, doc.lineAt(f.line).text.slice(f.rep.start, f.rep.end), RETRIES);
    }),
  );
}

/**
 * Replace `expected` at (line, start) by the symbol, if it is still there. An edit made against an
 * older version is refused by the editor (the user typed on meanwhile): check again and retry.
 */
async function replace(doc: vscode.TextDocument, line: number, rep: Replacement, expected: string, retries: number): Promise<void> {
  if (doc.isClosed || line >= doc.lineCount) return;
  if (doc.lineAt(line).text.slice(rep.start, rep.start + expected.length) !== expected) return;
  const range = new vscode.Range(line, rep.start, line, rep.start + expected.length);
  const editor = vscode.window.visibleTextEditors.find((ed) => ed.document === doc);
  let ok: boolean;
  if (editor) {
    ok = await editor.edit((b) => b.replace(range, rep.symbol), { undoStopBefore: true, undoStopAfter: true });
  } else {
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, range, rep.symbol);
    ok = await vscode.workspace.applyEdit(we);
  }
  if (!ok && retries > 0) {
    await new Promise((r) => setTimeout(r, 10));
    await replace(doc, line, rep, expected, retries - 1);
  }
}
