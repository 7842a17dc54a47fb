/// <reference types="mocha" />
import * as vscode from 'vscode';
import { ok, show } from './check';
import { extension, open, sheet7, waitFor } from './util';

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

suite('panel', () => {
  test('unroll.openPanel opens the Unroll webview panel beside the editor', async () => {
    const ex = await sheet7();
    await extension();
    await open(ex.uri);
    await vscode.commands.executeCommand('unroll.openPanel');
    // the tab model updates asynchronously; the panel's view type is unroll.panel (the webview content itself
    // is not readable through the API: the Playwright driver reads it from the page)
    const tab = await waitFor('a webview tab of view type unroll.panel', () =>
      webviewTabs().find((t) => (t.input as vscode.TabInputWebview).viewType.endsWith('unroll.panel')));
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === ex.uri.toString());
    ok(editor, 'the .rnn editor stays visible');
    ok(editor.viewColumn !== tab.group.viewColumn,
      `the panel opens beside the editor, not over it (editor column ${editor.viewColumn}, panel column ${tab.group.viewColumn}, tabs ${show(webviewTabs().map((t) => t.label))})`);
    // left open: the web runner then reads the panel's content from the page
  });
});
