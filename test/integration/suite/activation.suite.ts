/// <reference types="mocha" />
import * as vscode from 'vscode';
import { equal, ok } from './check';
import { extension, open, sheet7 } from './util';

suite('activation', () => {
  test('a .rnn example opens in the rnn language mode and the extension activates', async () => {
    const ex = await sheet7();
    const editor = await open(ex.uri);
    equal(editor.document.languageId, 'rnn', 'language mode of ' + ex.name);
    const ext = await extension();
    ok(ext.isActive, 'extension is active after activate()');
  });

  test('the extension contributes its commands', async () => {
    await extension();
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['unroll.openPanel', 'unroll.copyLatex', 'unroll.insertTemplate']) {
      ok(commands.includes(c), `command ${c} is registered`);
    }
  });
});
