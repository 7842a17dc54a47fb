// The extension side of the panel (src/extension/panel/panel.ts) against the shared fake of the VS Code API:
// registration, the webview's options and CSP, following the editor and cursor, and the requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import { chainTerms, type ToWebview } from '../../../src/protocol';
import type { Report } from '../../../src/report';
import { EventEmitter as Emitter, fake, resetFake, Uri, createWebviewPanel, type FakePanel } from '../fake/vscode';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);

const { registerPanel } = await import('../../../src/extension/panel/panel');

const TEXT = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'sheet7-vanilla-rnn.rnn'), 'utf8');
/** 0-based editor line of `derive ∂L/∂W_hh`; the next two lines derive ∂L/∂W_xh and ∂h_t/∂h_{t-1} */
const D = TEXT.split('\n').findIndex((l) => l.startsWith('derive ∂L/∂W_hh'));

class Doc {
  languageId = 'rnn';
  isClosed = false;
  lineCount: number;
  constructor(
    public text: string,
    public version = 1,
    public uri = Uri.parse('file:///w/sheet7.rnn'),
  ) {
    this.lineCount = text.split('\n').length;
  }
  getText(): string {
    return this.text;
  }
  lineAt(l: number) {
    return { range: { start: { line: l, character: 0 }, end: { line: l, character: 1 } } };
  }
}

function editor(doc: Doc, line: number, character = 0) {
  return { document: doc, selection: { active: { line, character } }, viewColumn: 1 };
}

let reportOf: Map<string, Report>;
const updates = new Emitter<{ document: unknown; report: Report }>();
const context = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.parse('file:///ext') };

beforeEach(() => {
  vi.useFakeTimers();
  resetFake();
  reportOf = new Map();
  context.subscriptions = [];
  updates.listeners = [];
  registerPanel(context as never, {
    // like Reports: analysed on demand, cached per (uri, version), with every derive's forms (as the editor's)
    get: (d) => {
      const doc = d as unknown as Doc;
      const key = `${doc.uri}#${doc.version}`;
      if (!reportOf.has(key)) reportOf.set(key, analyze(doc.getText(), { forms: true }));
      return reportOf.get(key)!;
    },
    onDidUpdate: updates.event as never,
  });
});

afterEach(() => {
  for (const d of context.subscriptions) d.dispose();
  vi.useRealTimers();
});

async function openOn(doc: Doc, line: number) {
  fake.documents = [doc];
  fake.activeTextEditor = editor(doc, line);
  fake.visibleTextEditors = [fake.activeTextEditor];
  await fake.commands.get('unroll.openPanel')!();
  const panel = fake.panels[fake.panels.length - 1] as FakePanel;
  // the page is written a task after the panel's creation; its script then says 'ready' (this one without
  // saying it has the report the page carries: the host posts it)
  await pageWritten(panel);
  panel.webview.receive.fire({ type: 'ready' });
  return panel;
}

/** Runs the task that writes the panel's page (after its files are read). */
async function pageWritten(panel: FakePanel): Promise<void> {
  for (let i = 0; i < 20 && !panel.webview.html; i++) {
    vi.advanceTimersByTime(0);
    await Promise.resolve();
  }
}

/** lets the answers of the aside analyses (gradient check, slider) reach the page */
async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

const lastOf = <T extends ToWebview['type']>(panel: FakePanel, type: T) =>
  panel.webview.posted.filter((m) => m.type === type).pop() as Extract<ToWebview, { type: T }> | undefined;

describe('panel host', () => {
  test('registers the command, the timing command and the serializer', () => {
    expect(fake.commands.has('unroll.openPanel')).toBe(true);
    expect(fake.commands.has('unroll.panelTimings')).toBe(true);
    expect(fake.serializers.has('unroll.panel')).toBe(true);
  });

  test('opens a webview with scripts, local roots limited to dist/ and media/, and a nonce CSP', async () => {
    const panel = await openOn(new Doc(TEXT), D);
    expect(panel.viewType).toBe('unroll.panel');
    expect(panel.title).toBe('Unroll: sheet7.rnn');
    expect(panel.webview.options.enableScripts).toBe(true);
    expect(panel.webview.options.enableCommandUris).toBe(false);
    expect(panel.webview.options.localResourceRoots!.map(String)).toEqual(['file:///ext/dist', 'file:///ext/media']);
    const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(panel.webview.html)![1];
    expect(panel.webview.html).toContain(`script-src 'nonce-${nonce}'`);
    // the bundle and the styles are in the page (a cold open fetches nothing but fonts), under the nonce
    expect(panel.webview.html).toContain(`<script nonce="${nonce}">/* /ext/dist/webview.js */`);
    expect(panel.webview.html).toContain(`<style nonce="${nonce}">/* /ext/media/katex/katex.min.css */</style>`);
    expect(panel.webview.html).toContain(`<style nonce="${nonce}">/* /ext/media/panel.css */</style>`);
    expect(panel.webview.html).not.toContain(' src=');
  });

  test('in VS Code for the web (the extension served over http) the files are fetched into the page; failing that, linked', async () => {
    for (const answer of ['files', 'fails'] as const) {
      for (const d of context.subscriptions) d.dispose();
      resetFake();
      const fetched: string[] = [];
      vi.stubGlobal('fetch', async (url: string) => {
        fetched.push(url);
        if (answer === 'fails') throw new Error('offline');
        return { ok: true, status: 200, text: async () => `/* ${new URL(url).pathname} */` };
      });
      const web = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.parse('http://localhost/static/ext') };
      registerPanel(web as never, { get: (d) => analyze((d as unknown as Doc).getText()), onDidUpdate: updates.event as never });
      const panel = await openOn(new Doc(TEXT), D);
      for (let i = 0; i < 10 && !panel.webview.html; i++) await Promise.resolve();
      const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(panel.webview.html)![1];
      expect(fetched.map((u) => new URL(u).pathname).sort()).toEqual([
        '/static/ext/dist/webview.js',
        '/static/ext/media/katex/katex.min.css',
        '/static/ext/media/panel.css',
      ]);
      if (answer === 'files') {
        expect(panel.webview.html).toContain(`<script nonce="${nonce}">/* /static/ext/dist/webview.js */`);
        expect(panel.webview.html).not.toContain(' src=');
      } else {
        expect(panel.webview.html).toContain(`<script nonce="${nonce}" src="`);
        expect(panel.webview.html).toContain('katex.min.css');
      }
      for (const d of web.subscriptions) d.dispose();
      vi.unstubAllGlobals();
    }
  });

  test('posts the report with the cursor context of the active editor', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, D); // line D + 1: derive ∂L/∂W_hh
    const m = lastOf(panel, 'report')!;
    expect(m.doc).toEqual({ uri: 'file:///w/sheet7.rnn', fileName: 'sheet7.rnn', version: 1 });
    expect(m.report.derives.length).toBeGreaterThan(0);
    expect(m.cursor!.derive).toBe(m.report.derives.findIndex((d) => d.line === D + 1));
  });

  test('follows the cursor, debounced, and only when the context changes', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, D);
    const before = panel.webview.posted.length;
    const move = (line: number, character = 0) => fake.events.selection.fire({ textEditor: { ...editor(doc, line, character) } });
    move(D + 1);
    move(D + 2);
    expect(panel.webview.posted.length).toBe(before); // debounced
    vi.advanceTimersByTime(60);
    const cursor = lastOf(panel, 'cursor')!;
    expect(cursor.cursor.line).toBe(D + 3);
    expect(cursor.cursor.derive).toBe(lastOf(panel, 'report')!.report.derives.findIndex((d) => d.line === D + 3));
    const n = panel.webview.posted.length;
    move(D + 2, 3); // same derive line, no symbol: nothing new to draw
    vi.advanceTimersByTime(60);
    expect(panel.webview.posted.length).toBe(n);
  });

  test('a new report for the followed document is posted; the edit → post latency is measured', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, 0);
    doc.version = 2;
    doc.text = TEXT.replace('param  W_hh = 0.8', 'param  W_hh = 0.5');
    fake.events.change.fire({ document: doc, contentChanges: [{}] });
    updates.fire({ document: doc, report: analyze(doc.text) });
    const m = lastOf(panel, 'report')!;
    expect(m.doc.version).toBe(2);
    expect(m.report.params.find((p) => p.name === 'W_hh')).toBeDefined();
    const t = (await fake.commands.get('unroll.panelTimings')!()) as { postLatencyMs: number[]; posted: number };
    expect(t.postLatencyMs).toHaveLength(1);
    expect(t.posted).toBeGreaterThanOrEqual(2);
    // another document's update is not this panel's business
    const other = new Doc(TEXT, 1, Uri.parse('file:///w/other.rnn'));
    const count = panel.webview.posted.length;
    updates.fire({ document: other, report: analyze(TEXT) });
    expect(panel.webview.posted.length).toBe(count);
  });

  test('an edit is posted ~25 ms later, before the extension announces it; the announcement is not posted twice', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, 0);
    const count = () => panel.webview.posted.filter((m) => m.type === 'report').length;
    const before = count();
    doc.version = 2;
    doc.text = TEXT.replace('param  W_hh = 0.8', 'param  W_hh = 0.5');
    fake.events.change.fire({ document: doc, contentChanges: [{}] });
    vi.advanceTimersByTime(10);
    expect(count()).toBe(before);
    vi.advanceTimersByTime(Math.max(25, 1.5 * lastOf(panel, 'report')!.report.elapsedMs));
    expect(count()).toBe(before + 1);
    const posted = lastOf(panel, 'report')!;
    expect(posted.doc.version).toBe(2);
    expect(posted.report.graph!.nodes.find((n) => n.id === 'W_hh')!.value).toBe(0.5);
    // the extension's debounced analysis announces the same (cached) report: nothing new to post
    updates.fire({ document: doc, report: reportOf.get(`${doc.uri}#2`)! });
    expect(count()).toBe(before + 1);
    const t = (await fake.commands.get('unroll.panelTimings')!()) as { postLatencyMs: number[] };
    expect(t.postLatencyMs).toHaveLength(1);
    expect(t.postLatencyMs[0]).toBeGreaterThanOrEqual(25);
  });

  test('a new panel renders its report once: nothing is posted before ready, the page is kept while hidden; open time measured', async () => {
    const doc = new Doc(TEXT);
    fake.documents = [doc];
    fake.activeTextEditor = editor(doc, D);
    fake.visibleTextEditors = [fake.activeTextEditor];
    await fake.commands.get('unroll.openPanel')!();
    const panel = fake.panels[fake.panels.length - 1] as FakePanel;
    expect((panel.options as { retainContextWhenHidden?: boolean }).retainContextWhenHidden).toBe(true);
    // before 'ready' the webview is not listening: posting then rendered the report twice (issue 13)
    expect(panel.webview.posted).toEqual([]);
    panel.webview.receive.fire({ type: 'ready' });
    expect(panel.webview.posted.filter((m) => m.type === 'report')).toHaveLength(1);
    vi.advanceTimersByTime(40);
    panel.webview.receive.fire({ type: 'rendered', postedAt: Date.now(), latencyMs: 12, graphMs: 3, totalMs: 20 });
    const t = (await fake.commands.get('unroll.panelTimings')!()) as { openMs: number[]; reshowMs: number[] };
    expect(t.openMs).toHaveLength(1);
    expect(t.openMs[0]).toBeGreaterThanOrEqual(40);
  });

  test('the page carries its first report and formulas; a page that says it has them is not posted them again (issue 13)', async () => {
    const doc = new Doc(TEXT);
    fake.documents = [doc];
    fake.activeTextEditor = editor(doc, D);
    fake.visibleTextEditors = [fake.activeTextEditor];
    await fake.commands.get('unroll.openPanel')!();
    const panel = fake.panels[fake.panels.length - 1] as FakePanel;
    await pageWritten(panel);
    // the messages in the page: JSON data under <script type="application/json">, every < escaped
    const json = /<script type="application\/json" id="unroll-initial">([^<]*)<\/script>/.exec(panel.webview.html)![1]!;
    const initial = JSON.parse(json) as ToWebview[];
    expect(initial.map((m) => m.type)).toEqual(['math', 'report']);
    const inPage = initial[1] as Extract<ToWebview, { type: 'report' }>;
    expect(inPage.doc).toMatchObject({ uri: 'file:///w/sheet7.rnn', version: 1 });
    expect(inPage.cursor?.derive).toBe(inPage.report.derives.findIndex((x) => x.line === D + 1));
    const d = inPage.report.derives[inPage.cursor!.derive!]!;
    expect((initial[0] as Extract<ToWebview, { type: 'math' }>).formulas[0]).toMatchObject({ latex: d.queryLatex, error: null });
    // the cursor moving before the page is listening: nothing posted yet
    fake.activeTextEditor = editor(doc, D + 1);
    fake.visibleTextEditors = [fake.activeTextEditor];
    fake.events.selection.fire({ textEditor: fake.activeTextEditor });
    vi.advanceTimersByTime(60);
    expect(panel.webview.posted).toEqual([]);
    // the page drew it and says so: nothing posted again but where the cursor is now; the rest of the
    // derivation and the gradient check follow
    panel.webview.receive.fire({
      type: 'ready',
      pageAt: Date.now(),
      scriptAt: Date.now(),
      has: { uri: 'file:///w/sheet7.rnn', version: 1 },
    });
    expect(panel.webview.posted.filter((m) => m.type === 'report' || m.type === 'math')).toEqual([]);
    expect(lastOf(panel, 'cursor')!.cursor.line).toBe(D + 2);
    vi.advanceTimersByTime(1);
    // for the derive under the cursor now (the next one)
    const rest = lastOf(panel, 'math')!;
    expect(rest.formulas.length).toBeGreaterThan(0);
    expect(chainTerms(d.results[0]!)).not.toBeNull();
    expect(rest.formulas.map((f) => f.latex)).not.toContain(chainTerms(d.results[0]!)?.[0]?.latex);
    vi.advanceTimersByTime(400);
    await settled();
    expect(lastOf(panel, 'gradcheck')).toBeDefined();
    // the open time runs to the page's paint (its own clock), the hop back is apart; no ready/report round trip
    const painted = Date.now();
    vi.advanceTimersByTime(30);
    panel.webview.receive.fire({ type: 'rendered', postedAt: inPage.postedAt, latencyMs: 1, graphMs: 1, totalMs: 1, paintedAt: painted });
    const t = (await fake.commands.get('unroll.panelTimings')!()) as { openMs: number[]; openPhases: Record<string, number>[] };
    expect(t.openMs).toHaveLength(1);
    expect(t.openPhases[0]!.ack).toBe(30);
    expect(t.openPhases[0]).not.toHaveProperty('ready');
    expect(t.openPhases[0]).not.toHaveProperty('report');
    // a page that reloads with an older report than the document's is posted the current one
    doc.version = 2;
    doc.text = TEXT.replace('param  W_hh = 0.8', 'param  W_hh = 0.5');
    panel.webview.receive.fire({ type: 'ready', has: { uri: 'file:///w/sheet7.rnn', version: 1 } });
    expect(lastOf(panel, 'report')!.doc.version).toBe(2);
    expect(lastOf(panel, 'report')!.report.graph!.nodes.find((n) => n.id === 'W_hh')!.value).toBe(0.5);
  });

  test('a panel whose tab was closed, before its dispose arrives, is replaced on openPanel, not revealed (issue 13)', async () => {
    const doc = new Doc(TEXT);
    const first = await openOn(doc, D);
    let disposed = 0;
    first.onDidDispose(() => disposed++);
    // the editor: the tab is there, then closed; the panel's own dispose is still on its way
    const tab = { label: 'Unroll: sheet7.rnn', input: { viewType: 'mainThreadWebview-unroll.panel' } };
    fake.tabs.push(tab);
    fake.events.tabs.fire({ opened: [tab], closed: [], changed: [] });
    fake.tabs.length = 0;
    fake.events.tabs.fire({ opened: [], closed: [tab], changed: [] });
    await fake.commands.get('unroll.openPanel')!();
    expect(disposed).toBe(1);
    expect(fake.panels).toHaveLength(2);
    const second = fake.panels[1] as FakePanel;
    second.webview.receive.fire({ type: 'ready' });
    expect(lastOf(second, 'report')).toBeDefined();
    // a panel that is open (its tab there) is revealed, not replaced
    fake.tabs.push({ ...tab });
    fake.events.tabs.fire({ opened: [fake.tabs[0]], closed: [], changed: [] });
    await fake.commands.get('unroll.openPanel')!();
    expect(fake.panels).toHaveLength(2);
    // another webview's tab closing (a Markdown preview) says nothing about the panel
    const other = { label: 'Preview', input: { viewType: 'mainThreadWebview-markdown.preview' } };
    fake.events.tabs.fire({ opened: [], closed: [other], changed: [] });
    await fake.commands.get('unroll.openPanel')!();
    expect(fake.panels).toHaveLength(2);
  });

  test('openPanel with a node: the selection reaches a webview that only now says ready', async () => {
    const doc = new Doc(TEXT);
    fake.documents = [doc];
    fake.activeTextEditor = editor(doc, 0);
    fake.visibleTextEditors = [fake.activeTextEditor];
    await fake.commands.get('unroll.openPanel')!({ node: 'h@2' });
    const panel = fake.panels[fake.panels.length - 1] as FakePanel;
    panel.webview.posted.length = 0; // the webview was not listening yet
    panel.webview.receive.fire({ type: 'ready' });
    expect(panel.webview.posted.map((m) => m.type)).toEqual(['math', 'report', 'select']);
    expect(lastOf(panel, 'select')!.node).toBe('h@2');
    // with a line: the cursor context of that line
    await fake.commands.get('unroll.openPanel')!({ line: D + 1 });
    expect(lastOf(panel, 'cursor')!.cursor.derive).toBe(lastOf(panel, 'report')!.report.derives.findIndex((d) => d.line === D + 1));
  });

  test('the gradient check follows the report, once per version', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, 0);
    expect(lastOf(panel, 'gradcheck')).toBeUndefined();
    vi.advanceTimersByTime(100);
    expect(lastOf(panel, 'gradcheck')).toBeUndefined();
    vi.advanceTimersByTime(250);
    await settled();
    const g = lastOf(panel, 'gradcheck')!;
    expect(g.version).toBe(1);
    expect(g.gradcheck.map((x) => x.name).sort()).toEqual(['W_hh', 'W_hy', 'W_xh', 'b_h', 'b_y']);
    expect(g.gradcheck.every((x) => x.relError < 1e-6)).toBe(true);
  });

  test('formulas: the first ones go ahead of the report, once per page; a typeset request is answered (issue 13)', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, D);
    const types = panel.webview.posted.map((m) => m.type);
    expect(types.indexOf('math')).toBeLessThan(types.indexOf('report'));
    const report = lastOf(panel, 'report')!.report;
    const d = report.derives.find((x) => x.line === D + 1)!;
    const ahead = lastOf(panel, 'math')!.formulas;
    expect(ahead[0]).toMatchObject({ latex: d.queryLatex, display: false, error: null });
    expect(ahead.every((f) => f.tree !== null)).toBe(true);
    // the same report again (a re-show): nothing sent twice to the same page
    const sent = panel.webview.posted.length;
    panel.webview.receive.fire({
      type: 'typeset',
      formulas: [
        { latex: 'x_{t}', display: false },
        { latex: '\\frac{', display: true },
      ],
    });
    const answer = panel.webview.posted.slice(sent).filter((m) => m.type === 'math');
    expect(answer).toHaveLength(1);
    const [ok, bad] = (answer[0] as Extract<ToWebview, { type: 'math' }>).formulas;
    expect(ok).toMatchObject({ latex: 'x_{t}', display: false, error: null });
    expect(bad!.tree).toBeNull();
    expect(bad!.error).toMatch(/KaTeX parse error/);
    // the rest of the derivation (its later forms and chain terms) follows in a task of its own
    const before = panel.webview.posted.length;
    vi.advanceTimersByTime(1);
    const rest = panel.webview.posted.slice(before).filter((m) => m.type === 'math') as Extract<ToWebview, { type: 'math' }>[];
    expect(rest).toHaveLength(1);
    const term = chainTerms(d.results[0]!)![0]!;
    expect(rest[0]!.formulas.some((f) => f.latex === term.latex && !f.display)).toBe(true);
    // asked for at once (the page asked before that message reached it): not sent again; a second later, it is
    const n = panel.webview.posted.length;
    panel.webview.receive.fire({ type: 'typeset', formulas: [{ latex: term.latex, display: false }] });
    expect(panel.webview.posted.length).toBe(n);
    vi.advanceTimersByTime(1001);
    panel.webview.receive.fire({ type: 'typeset', formulas: [{ latex: term.latex, display: false }] });
    expect(lastOf(panel, 'math')!.formulas.map((f) => f.latex)).toEqual([term.latex]);
    // a page that loads again has none of them: they go ahead of the report again
    panel.webview.posted.length = 0;
    panel.webview.receive.fire({ type: 'ready' });
    expect(panel.webview.posted.map((m) => m.type).slice(0, 2)).toEqual(['math', 'report']);
    // a malformed request is dropped
    panel.webview.posted.length = 0;
    panel.webview.receive.fire({ type: 'typeset', formulas: [{ latex: 3, display: false }] });
    panel.webview.receive.fire({ type: 'typeset', formulas: 'x' });
    expect(panel.webview.posted).toHaveLength(0);
  });

  test('the slider: a scale request is answered with the scaled report', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, 0);
    panel.webview.receive.fire({ type: 'scale', requestId: 7, scale: { W_hh: 3 } });
    await settled();
    const r = lastOf(panel, 'scaled')!;
    expect(r.requestId).toBe(7);
    expect(r.error).toBeNull();
    const base = lastOf(panel, 'report')!.report.flow[0].norms;
    expect(r.report!.flow[0].norms).not.toEqual(base);
    expect(r.report!.flow[0].norms).toEqual(analyze(TEXT, { scale: { W_hh: 3 } }).flow[0].norms);
  });

  test('reveal, copy and export; malformed messages are ignored', async () => {
    const doc = new Doc(TEXT);
    const panel = await openOn(doc, 0);
    panel.webview.receive.fire({ type: 'copy', text: '\\frac{a}{b}', what: 'x' });
    panel.webview.receive.fire({ type: 'copy', text: 5, what: 'x' });
    panel.webview.receive.fire({ type: 'exportSvg', svg: '<svg/>' });
    panel.webview.receive.fire({ type: 'reveal', line: 31 });
    panel.webview.receive.fire({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    await vi.runAllTimersAsync();
    expect(fake.clipboard).toEqual(['\\frac{a}{b}']);
    expect(fake.written).toHaveLength(1);
    expect(new TextDecoder().decode(fake.written[0][1])).toBe('<svg/>');
    expect((fake.shown[fake.shown.length - 1] as { selection: { anchor: { line: number } } }).selection.anchor.line).toBe(30);
  });

  test('the serializer restores a panel for the document in its state', async () => {
    const doc = new Doc(TEXT);
    fake.documents = [doc];
    fake.activeTextEditor = undefined;
    fake.visibleTextEditors = [];
    // a panel as VS Code hands it to the serializer after a reload
    const panel = createWebviewPanel('unroll.panel', 'Unroll', 1, {});
    await fake.serializers
      .get('unroll.panel')!
      .deserializeWebviewPanel(panel, { uri: 'file:///w/sheet7.rnn', selected: 'h@2', scaleParam: null, scaleFactor: 1 });
    await pageWritten(panel as FakePanel);
    expect(panel.webview.html).toContain('Content-Security-Policy');
    expect(panel.title).toBe('Unroll: sheet7.rnn');
    panel.webview.receive.fire({ type: 'ready' });
    expect(lastOf(panel, 'report')!.doc.uri).toBe('file:///w/sheet7.rnn');
  });
});
