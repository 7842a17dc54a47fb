/// <reference types="mocha" />
import * as vscode from 'vscode';
import { ok, show } from './check';
import { extension, open, scratchFile, waitFor } from './util';

/** Types text the way a keyboard does: through the `type` command, one character at a time. */
async function type(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

suite('Unicode input', () => {
  test('typing \\sigma followed by a space yields σ, and undo restores the backslash text', async () => {
    await extension();
    const uri = await scratchFile('unicode.rnn', 'T = 1\nh_t = ');
    const editor = await open(uri);
    const end = editor.document.lineAt(1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await type('\\sigma ');
    const line = await waitFor(
      '\\sigma to become σ',
      () => {
        const l = editor.document.lineAt(1).text;
        return l.includes('σ') && l;
      },
      5000,
    );
    ok(!line.includes('\\sigma'), `the abbreviation is replaced, not kept: ${show(line)}`);
    ok(line.startsWith('h_t = σ'), `σ lands where the cursor was: ${show(line)}`);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore \\sigma', () => editor.document.lineAt(1).text.includes('\\sigma'), 5000);
  });

  test('\\partial and \\sum are replaced too', async () => {
    await extension();
    const uri = await scratchFile('unicode2.rnn', '');
    const editor = await open(uri);
    await type('derive \\partial L/\\partial W ');
    await waitFor('∂ twice', () => (editor.document.getText().match(/∂/g) ?? []).length === 2 || undefined, 5000).catch((e: Error) => {
      throw new Error(`${e.message}: text is ${show(editor.document.getText())}`);
    });
    await type('\\sum ');
    await waitFor('Σ', () => editor.document.getText().includes('Σ'), 5000);
  });
});
