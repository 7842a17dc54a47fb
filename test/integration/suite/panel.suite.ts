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
    // a panel left open by an earlier suite (the solutions follow it) is closed: this open is a cold one. Not in
    // VS Code for the web, where a panel closed and opened again did not draw within the web runner's 30 s
    // wait (not investigated further); there the open is measured on the panel already there
    const before = webviewTabs().filter((t) => (t.input as vscode.TabInputWebview).viewType.endsWith('unroll.panel'));
    if (before.length && vscode.env.uiKind !== vscode.UIKind.Web) await vscode.window.tabGroups.close(before);
    await vscode.commands.executeCommand('unroll.openPanel');
    // the tab model updates asynchronously; the panel's view type is unroll.panel (the webview content itself
    // is not readable through the API: the Playwright driver reads it from the page)
    const tab = await waitFor('a webview tab of view type unroll.panel', () =>
      webviewTabs().find((t) => (t.input as vscode.TabInputWebview).viewType.endsWith('unroll.panel')),
    );
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === ex.uri.toString());
    ok(editor, 'the .rnn editor stays visible');
    ok(
      editor.viewColumn !== tab.group.viewColumn,
      `the panel opens beside the editor, not over it (editor column ${editor.viewColumn}, panel column ${tab.group.viewColumn}, tabs ${show(webviewTabs().map((t) => t.label))})`,
    );
    // left open: the web runner then reads the panel's content from the page
  });

  test('panel open and re-show times are measured (reported, not asserted: issue 13)', async function () {
    // the waits below add up to 45 s: a slow webview frame (27 s seen in code-server) is a figure, not a failure
    this.timeout(90000);
    type Timings = { openMs: number[]; reshowMs: number[]; openPhases?: Record<string, number>[] };
    const timings = async (): Promise<Timings> => (await vscode.commands.executeCommand('unroll.panelTimings')) as Timings;
    // the first test opened it: wait for the webview's first rendered report
    // a measurement, not a verdict: a host whose webview never reports back (e.g. a web worker without
    // webview support) gets "not measured", not a failure
    const opened = await waitFor(
      'the panel to report its open time',
      async () => ((await timings()).openMs.length ? timings() : undefined),
      30000,
    ).catch(() => null);
    // hide it behind a text editor in its own column, then show it again
    const tab = webviewTabs().find((t) => (t.input as vscode.TabInputWebview).viewType.endsWith('unroll.panel'));
    ok(tab, 'the panel tab');
    const ex = await sheet7();
    await vscode.window.showTextDocument(ex.uri, { viewColumn: tab.group.viewColumn, preview: false, preserveFocus: false });
    await waitFor('the panel to be hidden', () => !tab.isActive || undefined, 5000).catch(() => undefined);
    const t0 = Date.now();
    await vscode.commands.executeCommand('unroll.openPanel');
    const shown = await waitFor(
      'the panel to report its re-show time',
      async () => ((await timings()).reshowMs.length ? timings() : undefined),
      15000,
    ).catch(() => null);
    const wall = Date.now() - t0;
    const phases = (opened?.openPhases ?? [])
      .map((p) =>
        Object.entries(p)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      )
      .join('; ');
    const line = `[panel timings] open ${opened ? opened.openMs.join(', ') : 'not measured'} ms (openPanel → first report rendered${phases ? `: ${phases}` : ''}); re-show ${shown ? shown.reshowMs.join(', ') : 'not measured'} ms (reveal → visible), ${wall} ms wall`;
    console.log(line);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'panel-timings.txt'),
      new TextEncoder().encode(`${line}\n`),
    );
  });
});
