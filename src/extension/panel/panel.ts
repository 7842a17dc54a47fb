// The extension-side host of the unrolled-graph panel: one webview beside the editor that follows the
// active .rnn editor and its cursor, posts the Report analyze() returned, and answers the webview's
// requests (scaled re-analysis for the gradient-flow slider, reveal a line, copy LaTeX, save SVG).

import * as vscode from 'vscode';
import type { GradCheckReport, Report } from '../../report';
import {
  asPanelState,
  isFromWebview,
  type CursorContext,
  type FromWebview,
  type MathMessage,
  type OpenPanelArgs,
  type ReportMessage,
  type ToWebview,
} from '../../protocol';
import { isRnn } from '../config';
import { analyzeText } from '../worker/analyzeInWorker';
import { gradcheckError, gradcheckKey, GRADCHECK_OPTIONS, placedAs, scaleKey, scaleOptions, type AsideAnalyses } from './asideAnalyses';
import { cursorContext, sameContext } from './panelCursor';
import { makeNonce, panelHtml, type PanelHtmlInput } from './panelHtml';
import { COMMANDS } from '../commands/ids';
import { firstFormulas, formulaKey, FormulaCache, laterFormulas } from './typeset';

/** The part of the extension's report cache the panel needs (src/extension/reports/documentReports.ts implements it). */
export interface PanelReports {
  get(document: vscode.TextDocument): Report;
  onDidUpdate: vscode.Event<{ document: vscode.TextDocument; report: Report }>;
  /** documents other than .rnn files the panel follows too (Markdown/LaTeX solutions) */
  follows?(document: vscode.TextDocument): boolean;
  /**
   * the .rnn text of the network the panel shows for such a document (a solution's: its ```rnn blocks or its sidecar),
   * which the gradient check and the slider analyse; undefined when it shows none
   */
  networkText?(document: vscode.TextDocument): string | undefined;
  /**
   * the document whose lines the panel's report of `document` is in, which the panel follows: a notebook cell's, the
   * cell holding its network's ```rnn block; any other document itself
   */
  shownDocument?(document: vscode.TextDocument): vscode.TextDocument;
}

/** without a worker pool (the tests of this host alone): each aside analysis on this thread, at once */
const ON_THIS_THREAD: AsideAnalyses = {
  analyse: (_key, _version, text, options) => Promise.resolve(analyzeText(text, options)),
  forget: () => undefined,
};

/** What `unroll.panelTimings` returns (for the editor tests and the bench). */
export interface PanelTimings {
  /** ms from a document edit to the panel's report message being posted, most recent last */
  postLatencyMs: number[];
  /** ms from posting to the webview having rendered it (the webview reports it back) */
  renderLatencyMs: number[];
  /** ms the webview spent building the graph SVG */
  graphRenderMs: number[];
  /** number of report messages posted */
  posted: number;
  /** ms from `unroll.openPanel` creating the panel to the webview having painted its first report (graph, derivation's first form) */
  openMs: number[];
  /** ms from `unroll.openPanel` revealing a hidden panel to it being visible again (its page is kept) */
  reshowMs: number[];
  /** where a cold open's time goes, one entry per open (ms; see OpenPhases) */
  openPhases: OpenPhases[];
  /** gradient checks posted to the page (each computed in the analysis pool after its report) */
  gradchecks: number;
}

/**
 * A cold open split at the points both sides can time (one machine, one clock). The page normally carries
 * its first report (panelHtml's `initial`): then `ready` and `report` are absent and `render` runs from the
 * script's start. Should the page lack it (a report newer than the page), they are the round trip.
 */
export interface OpenPhases {
  /** createWebviewPanel → the page starts loading (the editor creating the webview frame) */
  frame: number;
  /** page start → the panel's script runs (loading the HTML, styles and bundle) */
  load: number;
  /** of `load`: page start → its document arrived (in VS Code the editor's own blank frame page; absent if unknown) */
  html?: number;
  /** script start → 'ready' received by the host (building the panel, the message hop) — only when the report is posted */
  ready?: number;
  /** 'ready' → the report posted (the host getting the Report) — only when the report is posted */
  report?: number;
  /** the script's start (or the report posted) → the page has painted the graph and the derivation's first form */
  render: number;
  /** painted → the host hears of it (the message hop back: not part of what the user waits for, not in openMs) */
  ack: number;
}

export const VIEW_TYPE = 'unroll.panel';

/** The webview's own files, as text. */
interface PanelFiles {
  script: string;
  panelCss: string;
  katexCss: string;
}
const CURSOR_DEBOUNCE_MS = 50;
/**
 * After an edit of the followed document the panel asks for its report sooner than the extension's
 * analysis debounce (150 ms by default) would deliver it — but never sooner than 1.5× the last analysis
 * took, so typing into a large network does not queue analyses back to back.
 */
const EDIT_DEBOUNCE_MS = 25;
/** the gradient check waits for a pause in typing: each edit's report cancels the pending one */
const GRADCHECK_DELAY_MS = 300;
const KEEP = 200;

function push(list: number[], x: number): void {
  list.push(x);
  if (list.length > KEEP) list.shift();
}

/** A tab showing an Unroll panel (the editor prefixes the view type: mainThreadWebview-unroll.panel). */
function isPanelTab(tab: vscode.Tab): boolean {
  const viewType = (tab.input as { viewType?: unknown } | undefined)?.viewType;
  return typeof viewType === 'string' && (viewType === VIEW_TYPE || viewType.endsWith(`-${VIEW_TYPE}`));
}

function baseName(uri: vscode.Uri): string {
  const parts = uri.path.split('/');
  return parts[parts.length - 1] || uri.toString();
}

class PanelHost implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private doc: vscode.TextDocument | undefined;
  /** Date.now() of the first edit of each (uri, version) not yet posted: the start of the edit → post latency */
  private editAt = new Map<string, number>();
  private lastReport: Report | undefined;
  private lastCursor: CursorContext | null = null;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  /** what the last `unroll.openPanel` asked to show, until a later cursor move supersedes it */
  private pendingTarget: { node?: string; line?: number } | undefined;
  /** the gradient check of the last (uri#version) it was computed for; computed after posting the report */
  private gradcheck: { key: string; text: string; gradcheck: GradCheckReport[]; error: string | null } | undefined;
  private gradcheckTimer: ReturnType<typeof setTimeout> | undefined;
  /** the slider's requests numbered, each a newer version of the scale job than the last (scaleKey) */
  private scaleRequests = 0;
  private readonly stats: PanelTimings = {
    postLatencyMs: [],
    renderLatencyMs: [],
    graphRenderMs: [],
    posted: 0,
    openMs: [],
    reshowMs: [],
    openPhases: [],
    gradchecks: 0,
  };
  /** the cold open being measured: when 'ready' came, what the page said, when the report went out */
  private opening: { pageAt?: number; scriptAt?: number; htmlAt?: number; readyAt?: number; postedAt?: number; inPage?: boolean } = {};
  /** the report written into the current page (panelHtml's `initial`) and the formulas sent with it */
  private inPage: { uri: string; version: number; report: Report; formulas: string[] } | undefined;
  /**
   * The webview said 'ready': until then nothing is posted, 'ready' posts the report. (Posting at
   * creation too made a new panel render the report twice — half of the open time, issue 13.)
   */
  private ready = false;
  /** the editor closed the panel's tab (its dispose may still be on its way): see open() */
  private tabClosed = false;
  /** Date.now() when openPanel created the panel / revealed a hidden one, until it is rendered / visible */
  private openAt: number | undefined;
  private reshowAt: number | undefined;

  /** the formulas typeset here for the page (it carries no KaTeX), and the ones the current page was sent */
  private readonly formulas = new FormulaCache();
  private sentFormulas = new Set<string>();
  /** Date.now() when each formula was sent unasked (laterFormulas): a request for it soon after is answered by that message */
  private pushedAt = new Map<string, number>();
  private laterTimer: ReturnType<typeof setTimeout> | undefined;

  /** the webview's bundle and styles, read at activation to go into its page (null: link them instead) */
  private readonly files: { promise: Promise<PanelFiles | null>; done: boolean; value: PanelFiles | null };

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly reports: PanelReports,
    private readonly aside: AsideAnalyses = ON_THIS_THREAD,
  ) {
    const ext = context.extensionUri;
    const uri = (...path: string[]): vscode.Uri => vscode.Uri.joinPath(ext, ...path);
    // from the local disk; in VS Code for the web the extension is served over http(s), where reading its
    // files through workspace.fs may never answer: there they are fetched like any static file of the
    // workbench (saving the webview three fetches through its service worker and the editor). Never waiting
    // long: without them the page links the files, as before.
    const web = ext.scheme === 'http' || ext.scheme === 'https';
    const read =
      ext.scheme === 'file'
        ? async (...path: string[]): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(...path)))
        : async (...path: string[]): Promise<string> => {
            const r = await fetch(uri(...path).toString(true));
            if (!r.ok) throw new Error(`${r.status}`);
            return r.text();
          };
    const files = { promise: Promise.resolve<PanelFiles | null>(null), done: false, value: null as PanelFiles | null };
    const giveUp = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow')), 2000));
    const reads =
      ext.scheme === 'file' || (web && typeof fetch === 'function')
        ? Promise.race([
            Promise.all([read('dist', 'webview.js'), read('media', 'panel.css'), read('media', 'katex', 'katex.min.css')]),
            giveUp,
          ])
        : Promise.reject(new Error('neither on the local disk nor on the web'));
    files.promise = reads
      .then(
        ([script, panelCss, katexCss]) => ({ script, panelCss, katexCss }),
        () => null,
      )
      .then((v) => {
        files.done = true;
        files.value = v;
        return v;
      });
    this.files = files;
  }

  private follows(doc: vscode.TextDocument): boolean {
    return isRnn(doc) || this.reports.follows?.(doc) === true;
  }

  /** drops the aside analyses in flight for `doc` (their answers would be stale) */
  private forgetAside(doc: vscode.TextDocument): void {
    this.aside.forget(gradcheckKey(doc.uri.toString()));
    this.aside.forget(scaleKey(doc.uri.toString()));
  }

  /** the document the panel follows for `doc` (PanelReports.shownDocument) */
  private shown(doc: vscode.TextDocument): vscode.TextDocument {
    return this.reports.shownDocument?.(doc) ?? doc;
  }

  /** the .rnn text of the network shown for `doc`: a .rnn file's own, a solution's network's */
  private networkText(doc: vscode.TextDocument): string | undefined {
    return isRnn(doc) ? doc.getText() : this.reports.networkText?.(doc);
  }

  // ---- opening, restoring ----------------------------------------------------------------------

  async open(arg?: OpenPanelArgs | vscode.Uri): Promise<void> {
    const target = arg instanceof vscode.Uri ? { uri: arg.toString() } : (arg ?? {});
    const doc = await this.findDocument(target.uri);
    if (doc) this.doc = this.follows(doc) ? this.shown(doc) : doc;
    // a panel whose tab was closed but whose dispose has not reached this host yet (the editor sends it
    // later; closing and opening at once, as a script or a quick user does, hits it): revealing it
    // would show nothing, so it is let go and a new one opened (issue 13: a reopened panel never drew)
    if (this.panel && this.tabClosed) this.panel.dispose();
    if (this.panel) {
      this.updateTitle();
      if (!this.panel.visible) this.reshowAt = Date.now();
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    } else {
      this.openAt = Date.now();
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        'Unroll',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          enableFindWidget: true,
          // re-showing a hidden panel keeps its page: no reload, no re-render (it took 1.4 s, issue 13)
          retainContextWhenHidden: true,
          localResourceRoots: this.roots(),
        },
      );
      this.attach(panel);
    }
    // a new webview may not be listening yet: keep the target and send it again on 'ready'
    this.pendingTarget = target.node || typeof target.line === 'number' ? { node: target.node, line: target.line } : undefined;
    this.postReport();
    this.postTarget();
  }

  /** The node or line `unroll.openPanel` was asked to show. */
  private postTarget(): void {
    const target = this.pendingTarget;
    // before 'ready' the target waits: 'ready' posts it after the report
    if (!target || !this.doc || !this.ready) return;
    if (target.node) this.post({ type: 'select', node: target.node });
    else if (typeof target.line === 'number' && this.lastReport) {
      const ctx = cursorContext(this.lastReport, target.line, 1);
      this.lastCursor = ctx;
      this.post({ type: 'cursor', uri: this.doc.uri.toString(), cursor: ctx });
    }
  }

  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const s = asPanelState(state);
    if (!this.doc && s.uri) this.doc = await this.findDocument(s.uri);
    if (this.panel) {
      // one panel at a time: a second restored one is redundant
      panel.dispose();
      return;
    }
    this.attach(panel);
  }

  private roots(): vscode.Uri[] {
    return [vscode.Uri.joinPath(this.context.extensionUri, 'dist'), vscode.Uri.joinPath(this.context.extensionUri, 'media')];
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.sentFormulas = new Set();
    this.pushedAt = new Map();
    this.tabClosed = false;
    const webview = panel.webview;
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: this.roots() };
    const ext = this.context.extensionUri;
    const html = (files: PanelFiles | null): PanelHtmlInput => ({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'panel.css')).toString(),
      katexCssUri: webview.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'katex', 'katex.min.css')).toString(),
      ...(files
        ? { inline: { ...files, fontsUri: webview.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'katex', 'fonts')).toString() } }
        : {}),
    });
    // the page carries its script and styles (read once, from activation on) and its first report with
    // that report's first formulas: nothing to fetch and no round trip on a cold open. Written in a task
    // of its own, so that the panel's creation goes out to the editor first (it builds the frame meanwhile).
    const write = (f: PanelFiles | null): void => {
      if (this.panel !== panel) return;
      const initial = this.initialMessages();
      webview.html = panelHtml({ ...html(f), initial });
    };
    if (this.files.done) setTimeout(() => write(this.files.value), 0);
    else void this.files.promise.then(write);
    panel.iconPath = vscode.Uri.joinPath(ext, 'media', 'unroll.svg');
    this.updateTitle();
    // the page is kept while hidden (retainContextWhenHidden); a restored panel without it reloads and
    // says 'ready', which posts the current report. Becoming visible again posts what changed meanwhile.
    this.panelDisposables.push(
      panel.onDidChangeViewState((e) => {
        // a panel hidden before its first render is not a cold open any more: its time is not counted
        if (!e.webviewPanel.visible) {
          this.openAt = undefined;
          return;
        }
        if (this.reshowAt !== undefined) push(this.stats.reshowMs, Date.now() - this.reshowAt);
        this.reshowAt = undefined;
        // edits made while it was hidden were not posted (postReport skips a hidden panel)
        if (this.doc && this.ready && this.reports.get(this.doc) !== this.lastReport) this.postReport();
      }),
      webview.onDidReceiveMessage((m: unknown) => {
        if (isFromWebview(m)) void this.onMessage(m);
      }),
      panel.onDidDispose(() => {
        if (this.doc) this.forgetAside(this.doc);
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
        this.lastReport = undefined;
        this.openAt = undefined;
      }),
    );
  }

  private async findDocument(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
    if (uri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (open) return open;
      try {
        return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
      } catch {
        // the file is gone (renamed, deleted since the reload): fall back to the active editor
      }
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && this.follows(active)) return this.shown(active);
    const visible = vscode.window.visibleTextEditors.map((e) => e.document).find((d) => this.follows(d));
    if (visible) return this.shown(visible);
    // a notebook whose Markdown cells are rendered (no cell's editor open): its selected cell, else any cell of it
    const notebook = vscode.window.activeNotebookEditor;
    if (notebook) {
      const cells = notebook.notebook.getCells();
      const selected = cells[notebook.selection.start]?.document;
      const cell = selected && this.follows(selected) ? selected : cells.map((c) => c.document).find((d) => this.follows(d));
      if (cell) return this.shown(cell);
    }
    return this.doc;
  }

  /** A tab of the panel's view type was closed and none is left: the panel is gone, or going. */
  onTabsChanged(e: vscode.TabChangeEvent): void {
    if (!this.panel || !e.closed.some(isPanelTab)) return;
    if (!vscode.window.tabGroups.all.some((g) => g.tabs.some(isPanelTab))) this.tabClosed = true;
  }

  // ---- following the editor ----------------------------------------------------------------------

  onActiveEditor(editor: vscode.TextEditor | undefined): void {
    // focus moving into the panel (or the output pane) leaves the followed document as it was
    if (!editor || !this.follows(editor.document)) return;
    const doc = this.shown(editor.document);
    if (doc === this.doc) return;
    // the page will not show what the gradient check and the slider were working out for the other document
    if (this.doc) this.forgetAside(this.doc);
    this.doc = doc;
    this.updateTitle();
    this.postReport();
  }

  onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!this.panel) return;
    const edited = e.textEditor.document;
    if (edited !== this.doc) {
      // a notebook cell about another network than the one shown: the panel moves to that network's cell
      if (e.textEditor === vscode.window.activeTextEditor && this.follows(edited)) {
        const doc = this.shown(edited);
        if (doc !== edited && doc !== this.doc) this.onActiveEditor(e.textEditor);
      }
      return;
    }
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = undefined;
      this.postCursor(e.textEditor);
    }, CURSOR_DEBOUNCE_MS);
  }

  onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (!this.follows(e.document) || e.contentChanges.length === 0) return;
    const key = `${e.document.uri.toString()}#${e.document.version}`;
    if (!this.editAt.has(key)) this.editAt.set(key, Date.now());
    if (this.editAt.size > 64) this.editAt.delete(this.editAt.keys().next().value as string);
    // what the gradient check and the slider are working out is of the text before this edit
    if (e.document === this.doc) this.forgetAside(e.document);
    if (!this.panel?.visible || e.document !== this.doc) return;
    if (this.editTimer) clearTimeout(this.editTimer);
    const wait = Math.max(EDIT_DEBOUNCE_MS, 1.5 * (this.lastReport?.elapsedMs ?? 0));
    this.editTimer = setTimeout(() => {
      this.editTimer = undefined;
      // reports.get analyses the current version now and caches it; the extension's own debounced
      // run then finds it in the cache and announces that same report, which onReport skips
      if (this.doc !== e.document || e.document.isClosed) return;
      const report = this.reports.get(e.document);
      if (report !== this.lastReport) this.postReport(report);
    }, wait);
  }

  onReport(document: vscode.TextDocument, report: Report): void {
    if (!this.panel || document !== this.doc || report === this.lastReport) return;
    this.postReport(report);
  }

  private editorOf(doc: vscode.TextDocument): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active?.document === doc) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document === doc);
  }

  private cursorOf(report: Report, editor: vscode.TextEditor | undefined): CursorContext | null {
    if (!editor) return null;
    const p = editor.selection.active;
    return cursorContext(report, p.line + 1, p.character + 1);
  }

  private postCursor(editor: vscode.TextEditor): void {
    // before 'ready' the page is not listening (it may carry a report already): 'ready' sends the cursor
    if (!this.lastReport || !this.doc || !this.ready) return;
    this.pendingTarget = undefined;
    const ctx = this.cursorOf(this.lastReport, editor);
    if (!ctx || sameContext(ctx, this.lastCursor)) return;
    this.lastCursor = ctx;
    this.post({ type: 'cursor', uri: this.doc.uri.toString(), cursor: ctx });
  }

  private postReport(given?: Report): void {
    const panel = this.panel;
    const doc = this.doc;
    if (!panel || !panel.visible || !this.ready) return;
    if (!doc) {
      this.post({ type: 'empty', reason: 'Open a .rnn file to see its unrolled graph.' });
      return;
    }
    const { math, message } = this.reportMessages(doc, given ?? this.reports.get(doc));
    // the formulas its first render shows go first: the page then asks only for the rest
    if (math) this.post(math);
    this.post(message);
    if (this.openAt !== undefined && this.opening.readyAt !== undefined && this.opening.postedAt === undefined)
      this.opening.postedAt = message.postedAt;
    this.afterReport(doc, message.report, message.cursor);
  }

  /**
   * The report message for `doc` and the 'math' message of the formulas its first render shows (not those
   * this page was sent already), with the bookkeeping of a report going out: edit latency, last report and cursor.
   */
  private reportMessages(doc: vscode.TextDocument, report: Report): { math: MathMessage | null; message: ReportMessage } {
    const cursor = this.cursorOf(report, this.editorOf(doc));
    const key = `${doc.uri.toString()}#${doc.version}`;
    const now = Date.now();
    const editAt = this.editAt.get(key);
    if (editAt !== undefined) {
      this.editAt.delete(key);
      push(this.stats.postLatencyMs, now - editAt);
    }
    this.lastReport = report;
    this.lastCursor = cursor;
    this.stats.posted++;
    const math = this.formulasMessage(firstFormulas(report, cursor), false);
    const message: ReportMessage = {
      type: 'report',
      doc: { uri: doc.uri.toString(), fileName: baseName(doc.uri), version: doc.version },
      report,
      cursor,
      editAt: editAt ?? now,
      postedAt: now,
    };
    return { math: math && math.message, message };
  }

  /** After a report reached the page: the rest of its derivation's formulas, in a task of its own; its gradient check. */
  private afterReport(doc: vscode.TextDocument, report: Report, cursor: CursorContext | null): void {
    const panel = this.panel;
    if (this.laterTimer) clearTimeout(this.laterTimer);
    this.laterTimer = setTimeout(() => {
      this.laterTimer = undefined;
      if (this.panel !== panel || this.lastReport !== report) return;
      const sent = this.postFormulas(laterFormulas(report, cursor), false);
      const at = Date.now();
      for (const k of sent) this.pushedAt.set(k, at);
    }, 0);
    this.scheduleGradcheck(doc, report, `${doc.uri.toString()}#${doc.version}`);
  }

  /**
   * What the page is written with (panelHtml's `initial`): the current report and its first formulas, so
   * that the page draws at once; 'ready' then says the page has it. Nothing for a panel without a document.
   */
  private initialMessages(): ToWebview[] {
    const doc = this.doc;
    this.inPage = undefined;
    if (!doc || doc.isClosed) return [];
    // a page (re)written has none of the formulas
    this.sentFormulas = new Set();
    this.pushedAt = new Map();
    const { math, message } = this.reportMessages(doc, this.reports.get(doc));
    this.inPage = { uri: message.doc.uri, version: message.doc.version, report: message.report, formulas: [...this.sentFormulas] };
    if (this.openAt !== undefined) this.opening = { postedAt: message.postedAt, inPage: true };
    return math ? [math, message] : [message];
  }

  /**
   * The extension's reports leave out the central-difference check (two forward passes per entry);
   * the panel shows it, so it is computed here once per document version, after the report is posted.
   */
  private scheduleGradcheck(doc: vscode.TextDocument, report: Report, key: string): void {
    if (this.gradcheckTimer) clearTimeout(this.gradcheckTimer);
    this.gradcheckTimer = undefined;
    // nothing to check: no loss, no parameter, or a model that could not be unrolled (no graph)
    if (report.gradcheck.length > 0 || !report.loss || report.params.length === 0 || !report.graph) return;
    // the network's text too: a solution's sidecar, or a notebook's other cell, changes it under the same version
    const text = this.networkText(doc);
    if (text === undefined) return;
    const post = (): void => {
      const g = this.gradcheck;
      if (!g || g.key !== key || g.text !== text) return;
      this.stats.gradchecks++;
      this.post({ type: 'gradcheck', uri: doc.uri.toString(), version: doc.version, gradcheck: g.gradcheck, error: g.error });
    };
    if (this.gradcheck?.key === key && this.gradcheck.text === text) {
      post();
      return;
    }
    this.gradcheckTimer = setTimeout(() => {
      this.gradcheckTimer = undefined;
      if (doc.isClosed || `${doc.uri.toString()}#${doc.version}` !== key) return;
      this.aside.analyse(gradcheckKey(doc.uri.toString()), doc.version, text, GRADCHECK_OPTIONS).then(
        (r) => {
          // superseded: the version it was of is no longer the document's
          if (!r || doc.isClosed || `${doc.uri.toString()}#${doc.version}` !== key) return;
          this.gradcheck = { key, text, gradcheck: r.gradcheck, error: gradcheckError(r) };
          post();
        },
        (err: unknown) => {
          this.gradcheck = { key, text, gradcheck: [], error: err instanceof Error ? err.message : String(err) };
          post();
        },
      );
    }, GRADCHECK_DELAY_MS);
  }

  /**
   * Typeset formulas for the page: those it asked for (`asked`; but not those sent unasked within the last
   * second — the page asked before that message reached it), or those it will show (never sent twice).
   * Returns the keys sent.
   */
  private postFormulas(list: { latex: string; display: boolean }[], asked: boolean): string[] {
    const made = this.formulasMessage(list, asked);
    if (!made) return [];
    this.post(made.message);
    return made.keys;
  }

  /** The 'math' message postFormulas sends (null: nothing to send), its formulas counted as sent. */
  private formulasMessage(list: { latex: string; display: boolean }[], asked: boolean): { message: MathMessage; keys: string[] } | null {
    const now = Date.now();
    const todo = list.filter((f) => {
      const k = formulaKey(f.latex, f.display);
      if (!asked) return !this.sentFormulas.has(k);
      const pushed = this.pushedAt.get(k);
      return pushed === undefined || now - pushed > 1000;
    });
    if (todo.length === 0) return null;
    if (this.sentFormulas.size > 5000) this.sentFormulas.clear();
    if (this.pushedAt.size > 5000) this.pushedAt.clear();
    const keys = todo.map((f) => formulaKey(f.latex, f.display));
    for (const k of keys) this.sentFormulas.add(k);
    return { message: { type: 'math', formulas: todo.map((f) => this.formulas.get(f.latex, f.display)) }, keys };
  }

  private updateTitle(): void {
    if (this.panel) this.panel.title = this.doc ? `Unroll: ${baseName(this.doc.uri)}` : 'Unroll';
  }

  private post(m: ToWebview): void {
    void this.panel?.webview.postMessage(m);
  }

  // ---- requests from the webview -----------------------------------------------------------------

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        const doc = this.doc;
        const page = this.inPage;
        // the page drew the report it was written with, and that is still the document's: nothing to post
        const has = m.has && typeof m.has.uri === 'string' && typeof m.has.version === 'number' ? m.has : undefined;
        const current =
          has !== undefined &&
          page !== undefined &&
          doc !== undefined &&
          has.uri === page.uri &&
          has.version === page.version &&
          doc.uri.toString() === page.uri &&
          doc.version === page.version &&
          this.reports.get(doc) === page.report;
        if (this.openAt !== undefined)
          this.opening = current
            ? { ...this.opening, pageAt: m.pageAt, scriptAt: m.scriptAt, htmlAt: m.htmlAt }
            : { pageAt: m.pageAt, scriptAt: m.scriptAt, htmlAt: m.htmlAt, readyAt: Date.now() };
        if (current && doc && page) {
          // the page (re)loaded with the formulas it was written with, and no other
          this.sentFormulas = new Set(page.formulas);
          this.pushedAt = new Map();
          this.lastReport = page.report;
          // the cursor may have moved since the page was written; the formulas that follow are for where it is
          const editor = this.editorOf(doc);
          if (editor) this.postCursor(editor);
          this.afterReport(doc, page.report, this.lastCursor);
        } else {
          this.lastCursor = null;
          // a page (re)loaded has none of the formulas
          this.sentFormulas = new Set();
          this.pushedAt = new Map();
          this.postReport();
        }
        this.postTarget();
        return;
      }
      case 'scale':
        await this.answerScale(m.requestId, m.scale);
        return;
      case 'typeset':
        this.postFormulas(m.formulas, true);
        return;
      case 'reveal':
        await this.reveal(m.line);
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        vscode.window.setStatusBarMessage(`Unroll: copied ${m.what}`, 2500);
        return;
      case 'exportSvg':
        await this.saveSvg(m.svg);
        return;
      case 'rendered':
        if (this.openAt !== undefined) {
          const heard = Date.now();
          // the page's own clock says when it painted (same machine); without it, when the host heard of it
          const end = m.paintedAt ?? heard;
          push(this.stats.openMs, end - this.openAt);
          const o = this.opening;
          if (o.pageAt !== undefined && o.scriptAt !== undefined && o.postedAt !== undefined) {
            const posted = o.inPage ? undefined : o.readyAt;
            this.stats.openPhases.push({
              frame: o.pageAt - this.openAt,
              load: o.scriptAt - o.pageAt,
              ...(o.htmlAt !== undefined ? { html: o.htmlAt - o.pageAt } : {}),
              ...(posted !== undefined ? { ready: posted - o.scriptAt, report: o.postedAt - posted } : {}),
              render: end - (posted !== undefined ? o.postedAt : o.scriptAt),
              ack: heard - end,
            });
            if (this.stats.openPhases.length > KEEP) this.stats.openPhases.shift();
          }
          this.opening = {};
        }
        this.openAt = undefined;
        push(this.stats.renderLatencyMs, m.latencyMs);
        push(this.stats.graphRenderMs, m.graphMs);
        return;
    }
  }

  private async answerScale(requestId: number, scale: Record<string, number>): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const text = this.networkText(doc);
    if (text === undefined) {
      this.post({ type: 'scaled', requestId, scale, report: null, error: 'no network is shown' });
      return;
    }
    const shown = this.lastReport;
    let report: Report | undefined;
    try {
      report = await this.aside.analyse(scaleKey(doc.uri.toString()), ++this.scaleRequests, text, scaleOptions(scale));
    } catch (err) {
      this.post({ type: 'scaled', requestId, scale, report: null, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    // superseded by a newer request (whose answer the page waits for), or the page moved to another document
    if (!report || this.doc !== doc) return;
    this.post({ type: 'scaled', requestId, scale, report: placedAs(report, shown), error: null });
  }

  private async reveal(line: number): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const l = Math.min(Math.max(line - 1, 0), Math.max(doc.lineCount - 1, 0));
    const range = doc.lineAt(l).range;
    const column = this.editorOf(doc)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: column,
      selection: new vscode.Selection(range.start, range.start),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async saveSvg(svg: string): Promise<void> {
    const doc = this.doc;
    const name = doc ? baseName(doc.uri).replace(/\.rnn$/i, '') : 'graph';
    const defaultUri = doc && doc.uri.scheme !== 'untitled' ? vscode.Uri.joinPath(doc.uri, '..', `${name}.graph.svg`) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: { SVG: ['svg'] }, title: 'Export the unrolled graph as SVG' });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
    vscode.window.setStatusBarMessage(`Unroll: saved ${baseName(target)}`, 2500);
  }

  timings(): PanelTimings {
    return {
      postLatencyMs: [...this.stats.postLatencyMs],
      renderLatencyMs: [...this.stats.renderLatencyMs],
      graphRenderMs: [...this.stats.graphRenderMs],
      posted: this.stats.posted,
      openMs: [...this.stats.openMs],
      reshowMs: [...this.stats.reshowMs],
      openPhases: [...this.stats.openPhases],
      gradchecks: this.stats.gradchecks,
    };
  }

  dispose(): void {
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    if (this.gradcheckTimer) clearTimeout(this.gradcheckTimer);
    if (this.editTimer) clearTimeout(this.editTimer);
    if (this.laterTimer) clearTimeout(this.laterTimer);
    this.panel?.dispose();
  }
}

/**
 * Register the panel: the `unroll.openPanel` command (editor-title button for .rnn files), the
 * serializer that restores it after a reload, and the listeners that make it follow the editor.
 * `unroll.panelTimings` (not in the palette) returns the measured latencies for tests and the bench.
 */
export function registerPanel(context: vscode.ExtensionContext, reports: PanelReports, aside?: AsideAnalyses): void {
  const host = new PanelHost(context, reports, aside);
  context.subscriptions.push(
    host,
    vscode.commands.registerCommand(COMMANDS.openPanel, (arg?: OpenPanelArgs | vscode.Uri) => host.open(arg)),
    vscode.commands.registerCommand(COMMANDS.panelTimings, () => host.timings()),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => host.restore(panel, state),
    }),
    vscode.window.tabGroups.onDidChangeTabs((e) => host.onTabsChanged(e)),
    vscode.window.onDidChangeActiveTextEditor((e) => host.onActiveEditor(e)),
    vscode.window.onDidChangeTextEditorSelection((e) => host.onSelection(e)),
    vscode.workspace.onDidChangeTextDocument((e) => host.onEdit(e)),
    reports.onDidUpdate((e) => host.onReport(e.document, e.report)),
  );
}
