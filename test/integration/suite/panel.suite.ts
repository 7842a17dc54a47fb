/// <reference types="mocha" />
import * as vscode from 'vscode';
import { ok, show } from './check';
import { extension, open, sheet7, sleep, waitFor } from './util';
import { blankWebviewOpen, describeOpen } from './panelBaseline';

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

function panelTabs(): vscode.Tab[] {
  return webviewTabs().filter((t) => (t.input as vscode.TabInputWebview).viewType.endsWith('unroll.panel'));
}

type Phases = { frame: number; load: number; html?: number; ready?: number; report?: number; render: number; ack?: number };
type Timings = { openMs: number[]; reshowMs: number[]; openPhases?: Phases[] };
const timings = async (): Promise<Timings> => (await vscode.commands.executeCommand('unroll.panelTimings')) as Timings;

suite('panel', () => {
  /** opens measured before this suite's own cold open */
  let opensBefore = 0;

  test('unroll.openPanel opens the Unroll webview panel beside the editor', async () => {
    const ex = await sheet7();
    await extension();
    await open(ex.uri);
    opensBefore = (await timings()).openMs.length;
    // a panel left open by an earlier suite (the solutions follow it) is closed and, at once, opened again:
    // a cold open, and the race a quick user or a script hits (the host hears of the dispose after the close)
    const before = panelTabs();
    if (before.length) ok(await vscode.window.tabGroups.close(before), 'the open panel closes');
    await vscode.commands.executeCommand('unroll.openPanel');
    // the tab model updates asynchronously; the panel's view type is unroll.panel (the webview content itself
    // is not readable through the API: the Playwright driver reads it from the page)
    const tab = await waitFor('a webview tab of view type unroll.panel', () => panelTabs()[0]);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === ex.uri.toString());
    ok(editor, 'the .rnn editor stays visible');
    ok(
      editor.viewColumn !== tab.group.viewColumn,
      `the panel opens beside the editor, not over it (editor column ${editor.viewColumn}, panel column ${tab.group.viewColumn}, tabs ${show(webviewTabs().map((t) => t.label))})`,
    );
    // left open: the web runner then reads the panel's content from the page
  });

  test('a panel closed and opened again at once draws its report (issue 13: in the web host it never drew)', async function () {
    // the webview frame alone took up to 28 s in code-server on a loaded machine: room for it
    this.timeout(120000);
    await waitFor(
      'the reopened panel to render its first report (its open time measured)',
      async () => (await timings()).openMs.length > opensBefore,
      100000,
    );
  });

  test('panel open and re-show times are measured (reported, not asserted: issue 13)', async function () {
    this.timeout(150000);
    // a second cold open, once the first page has loaded its fonts: in code-server every webview shares one
    // service worker, and a webview closed while its resources were loading (the solution suite's Markdown
    // preview) leaves fetches in it that end only at its 30 s timeout — the next webview's frame waits for
    // them (the first open above); this one shows a cold open without another webview's leftovers
    await sleep(5000);
    // VS Code's own cost first: an empty webview opened cold in the same column (the panel closed meanwhile)
    ok(await vscode.window.tabGroups.close(panelTabs()), 'the panel closes');
    const blank1 = await blankWebviewOpen();
    const second = (await timings()).openMs.length;
    await vscode.commands.executeCommand('unroll.openPanel');
    await waitFor('the second cold open to render', async () => (await timings()).openMs.length > second, 100000).catch(() => undefined);
    const opened = await timings();
    const cold = opened.openMs.slice(opensBefore);
    const coldPhases = (opened.openPhases ?? []).slice(-cold.length);
    // hide it behind a text editor in its own column, then show it again
    const tab = panelTabs()[0];
    ok(tab, 'the panel tab');
    const ex = await sheet7();
    await vscode.window.showTextDocument(ex.uri, { viewColumn: tab.group.viewColumn, preview: false, preserveFocus: false });
    await waitFor('the panel to be hidden', () => !tab.isActive || undefined, 5000).catch(() => undefined);
    const t0 = Date.now();
    await vscode.commands.executeCommand('unroll.openPanel');
    const shown = await waitFor(
      'the panel to report its re-show time',
      async () => {
        const t = await timings();
        return t.reshowMs.length > opened.reshowMs.length && t.reshowMs.slice(opened.reshowMs.length);
      },
      15000,
    ).catch(() => null);
    const wall = Date.now() - t0;
    // and again after the panel's opens, in the same window (it opens over the panel, which stays open behind it)
    const blank2 = await blankWebviewOpen();
    await vscode.commands.executeCommand('unroll.openPanel');
    const unroll = cold.map((ms, i) => {
      const p = coldPhases[i];
      // the panel's own part: its page (load after the editor's blank frame page arrived) and its render to the paint
      const own = p ? p.load - (p.html ?? 0) + (p.ready ?? 0) + (p.report ?? 0) + p.render : undefined;
      return `${describeOpen(ms, p ?? {})}${own !== undefined ? ` → Unroll's own ${own} ms` : ''}`;
    });
    const blanks = [blank1, blank2].map((b) =>
      b ? describeOpen(b.open, { frame: b.frame, load: b.load, html: b.html, render: b.render }) : 'not measured',
    );
    const line =
      `[panel timings] cold open ${unroll.length ? unroll.join('; second: ') : 'not measured'} (openPanel → graph and derivation painted); ` +
      `VS Code's empty webview in the same window: ${blanks.join('; second: ')}; ` +
      `re-show ${shown ? shown.join(', ') : 'not measured'} ms (reveal → visible), ${wall} ms wall`;
    console.log(line);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'panel-timings.txt'),
      new TextEncoder().encode(`${line}\n`),
    );
  });
});
