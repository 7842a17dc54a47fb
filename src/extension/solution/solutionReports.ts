// One SolutionReport per open Markdown/LaTeX document that is a solution (LANGUAGE.md §8), computed on
// open and after each change once typing pauses (the same debounce as .rnn files), cached per
// (uri, version, sidecar text). A document that is not a solution costs a substring test and, for
// a saved file, one stat of NAME.rnn (remembered until a .rnn file is created, changed or deleted).
//
// The analysis runs in the .rnn files' worker pool (worker/scheduler.ts analyseSolution), off the host
// thread: a solution with a 5,000-step network never holds up a keystroke or another file's hover. As for
// .rnn files, a provider asking while a newer version is being analysed gets the last finished report (an
// older version), and waits only for a document's first one; without a worker (none in the environment, or
// one died) the analysis runs on the host thread as before.

import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../report';
import { Debouncer } from '../reports/debouncer';
import { analyzeSolutionText } from '../worker/analyzeInWorker';
import type { AnalysisScheduler } from '../worker/scheduler';
import { isSolution, type SolutionKind, type SolutionReport } from './core';
import { documentKind, mayHoldNetwork, sidecarPath } from './detect';

/** The scheduler's key of a solution's hover questions (register.ts): its own job beside the document's analysis. */
export const hoverJobKey = (uri: string): string => `${uri}#hover`;

export interface SolutionUpdate {
  document: vscode.TextDocument;
  solution: SolutionReport;
}

export interface SolutionReportsOptions {
  debounceMs(): number;
  analyzeOptions(): AnalyzeOptions;
  /** where analyses run (the .rnn files' pool); absent: on the host thread */
  scheduler?: AnalysisScheduler;
}

interface Entry {
  version: number;
  sidecar: string | null;
  solution: SolutionReport;
  announced: boolean;
}

/**
 * The schemes a solution may live in: saved files, new untitled buffers, and whatever scheme the
 * workspace's own folders use (vscode.dev's vscode-vfs, a web test host's) — never git:, output:, ….
 */
export function solutionSchemes(): Set<string> {
  return new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
}

export class SolutionReports implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly timers = new Debouncer();
  /** sidecar URI → whether it exists (stat results, dropped when a .rnn file changes) */
  private readonly sidecarExists = new Map<string, boolean>();
  private readonly emitter = new vscode.EventEmitter<SolutionUpdate>();
  /** documents whose text a preview rendered without marks, waiting for their report (reportOfText) */
  private readonly previewWaits = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidUpdate: vscode.Event<SolutionUpdate> = this.emitter.event;

  constructor(private readonly options: SolutionReportsOptions) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.rnn');
    const sidecarChanged = (uri: vscode.Uri): void => {
      this.sidecarExists.delete(uri.toString());
      for (const d of vscode.workspace.textDocuments) if (this.sidecarUri(d)?.toString() === uri.toString()) this.schedule(d, 0);
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(sidecarChanged),
      watcher.onDidChange(sidecarChanged),
      watcher.onDidDelete(sidecarChanged),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (e.document.languageId === 'rnn') {
          // an unsaved edit of a sidecar changes its solutions' network
          for (const d of vscode.workspace.textDocuments)
            if (this.sidecarUri(d)?.toString() === e.document.uri.toString()) this.schedule(d, this.options.debounceMs());
          return;
        }
        this.schedule(e.document, this.options.debounceMs());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Markdown or LaTeX in a scheme a solution may live in; null for everything else. */
  kind(document: vscode.TextDocument): SolutionKind | null {
    if (!solutionSchemes().has(document.uri.scheme)) return null;
    return documentKind(document.languageId, document.uri.path, () => document.getText());
  }

  private sidecarUri(document: vscode.TextDocument): vscode.Uri | null {
    if (document.uri.scheme === 'untitled' || !this.kind(document)) return null;
    const path = sidecarPath(document.uri.path);
    return path ? document.uri.with({ path }) : null;
  }

  /** The sidecar's text (an open editor's, unsaved edits included), or null when there is none. */
  private async sidecarText(document: vscode.TextDocument): Promise<string | null> {
    const uri = this.sidecarUri(document);
    if (!uri) return null;
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open) return open.getText();
    if (this.sidecarExists.get(key) === false) return null;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File) throw new Error('not a file');
      this.sidecarExists.set(key, true);
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.sidecarExists.set(key, false);
      return null;
    }
  }

  /**
   * The document's SolutionReport for a provider (lenses, hovers), or null when it is not a solution: the current
   * text's; while a worker is on a newer version than the last finished one (or about to be, typing having
   * paused), that last one; while its first analysis is in a worker, null (the providers are asked again when it
   * is announced). A provider never waits on a running analysis, as for a .rnn file (documentReports.ts).
   */
  async get(document: vscode.TextDocument): Promise<SolutionReport | null> {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    const scheduler = this.options.scheduler;
    if (hit?.version !== document.version && scheduler && (scheduler.busy(key) || (this.timers.pending(key) && scheduler.attached(key))))
      return hit?.solution ?? null;
    return this.current(document);
  }

  /** The SolutionReport of the document's current text (analysed now, in a worker when there is one), or null. */
  private async current(document: vscode.TextDocument): Promise<SolutionReport | null> {
    const kind = this.kind(document);
    if (!kind) return null;
    const text = document.getText();
    // the cheap test first: no fence and no sidecar → not a solution, nothing parsed (the sidecar's
    // stat is remembered, so a README costs one stat per session, not per keystroke)
    const fenced = mayHoldNetwork(text, kind);
    const sidecar = await this.sidecarText(document);
    if (!fenced && sidecar === null) {
      this.cache.delete(document.uri.toString());
      return null;
    }
    return this.compute(document, kind, text, sidecar);
  }

  /** The last SolutionReport computed for the document, whatever its version. */
  peek(document: vscode.TextDocument): SolutionReport | undefined {
    return this.cache.get(document.uri.toString())?.solution;
  }

  /**
   * The report for synchronous callers (the panel): the current version's if finished, else the last finished
   * one, computed on the host only where no worker is to be had (reusing the sidecar text last read). Undefined
   * when the document is not a solution, or none of its versions has been analysed yet.
   */
  getNow(document: vscode.TextDocument): SolutionReport | undefined {
    const kind = this.kind(document);
    const hit = this.cache.get(document.uri.toString());
    if (!kind || !hit) return undefined;
    if (hit.version === document.version || this.options.scheduler?.onHostThread === false) return hit.solution;
    return this.computeOnHost(document, kind, document.getText(), hit.sidecar) ?? undefined;
  }

  /**
   * For the Markdown preview (preview/markdownItPlugin.ts EditorReportOf): the report of the open Markdown solution
   * whose current text is `text`; 'pending' while its analysis is due or in a worker (the preview is refreshed
   * when it is announced); undefined when no open solution has that text, or analyses run on the host thread.
   */
  reportOfText(text: string): SolutionReport | 'pending' | undefined {
    for (const d of vscode.workspace.textDocuments) {
      if (this.kind(d) !== 'markdown' || d.getText() !== text) continue;
      const key = d.uri.toString();
      const hit = this.cache.get(key);
      if (hit && hit.version === d.version) return hit.solution;
      if (!this.options.scheduler || this.options.scheduler.onHostThread) return undefined;
      this.previewWaits.add(key);
      return 'pending';
    }
    return undefined;
  }

  /** Whether a worker is on the document (its first analysis, or a newer version than the report finished). */
  analysing(document: vscode.TextDocument): boolean {
    return this.options.scheduler?.busy(document.uri.toString()) ?? false;
  }

  /** The network texts need the sidecar too: the one the cached report was computed with. */
  sidecarOf(document: vscode.TextDocument): string | null {
    return this.cache.get(document.uri.toString())?.sidecar ?? null;
  }

  /**
   * The report of `text` (the document's current version): cached, or analysed in a worker (the job in flight
   * for it joined), or on the host when there is no worker. Null when the text is no solution, or a newer
   * version came while it was being analysed (that version's own analysis answers).
   */
  private async compute(
    document: vscode.TextDocument,
    kind: SolutionKind,
    text: string,
    sidecar: string | null,
  ): Promise<SolutionReport | null> {
    const known = this.known(document, kind, text, sidecar);
    if (known !== undefined) return known;
    const key = document.uri.toString();
    const version = document.version;
    const job = this.options.scheduler?.analyseSolution(key, version, text, { kind, sidecar }, this.options.analyzeOptions());
    if (!job) return this.analyseOnHost(document, kind, text, sidecar);
    const solution = await job;
    if (document.isClosed) return null;
    // superseded by a newer version (or sidecar) before it finished: the last finished report stands meanwhile
    if (!solution) return this.cache.get(key)?.solution ?? null;
    const now = this.cache.get(key);
    // another caller (or the host fallback) may have stored this version meanwhile: keep the first
    if (now && now.version >= version) return now.version === version ? now.solution : null;
    this.cache.set(key, { version, sidecar, solution, announced: false });
    return solution;
  }

  /**
   * What needs no analysis: the cached report of this version and sidecar, or null when the text is no solution
   * (its cache entry dropped); undefined when it must be analysed.
   */
  private known(
    document: vscode.TextDocument,
    kind: SolutionKind,
    text: string,
    sidecar: string | null,
  ): SolutionReport | null | undefined {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.sidecar === sidecar) return hit.solution;
    if (isSolution(text, kind, sidecar !== null)) return undefined;
    this.cache.delete(key);
    return null;
  }

  /** The report of the current version computed on this thread (no worker), or known without analysis. */
  private computeOnHost(document: vscode.TextDocument, kind: SolutionKind, text: string, sidecar: string | null): SolutionReport | null {
    const known = this.known(document, kind, text, sidecar);
    return known !== undefined ? known : this.analyseOnHost(document, kind, text, sidecar);
  }

  private analyseOnHost(document: vscode.TextDocument, kind: SolutionKind, text: string, sidecar: string | null): SolutionReport {
    const solution = analyzeSolutionText(text, { kind, sidecar }, this.options.analyzeOptions());
    this.cache.set(document.uri.toString(), { version: document.version, sidecar, solution, announced: false });
    return solution;
  }

  /** Analyse after `delayMs` unless another change comes first; then announce the result. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!this.kind(document)) return;
    this.timers.schedule(document.uri.toString(), delayMs, () => {
      if (!document.isClosed) void this.announce(document);
    });
  }

  /** Drop every cached report (settings changed) and analyse the open solutions again. */
  invalidateAll(): void {
    this.cache.clear();
    // analyses in flight ran with the old settings
    for (const d of vscode.workspace.textDocuments) if (this.kind(d)) this.options.scheduler?.forget(d.uri.toString());
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private async announce(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const had = this.cache.has(key);
    const version = document.version;
    const solution = await this.current(document);
    if (!solution) {
      // it stopped being a solution (the block or the sidecar was removed): clear what it showed; or a newer
      // version came while this one was analysed (its own announce follows)
      if (had && !this.cache.has(key) && !document.isClosed) this.emitter.fire({ document, solution: emptySolution() });
      return;
    }
    const entry = this.cache.get(key);
    if (!entry || entry.announced || entry.version !== version) return;
    entry.announced = true;
    this.emitter.fire({ document, solution });
    // the preview rendered this document's text without marks: render it again, now with them
    if (this.previewWaits.delete(key)) void vscode.commands.executeCommand('markdown.preview.refresh');
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.timers.cancel(key);
    this.cache.delete(key);
    this.previewWaits.delete(key);
    this.options.scheduler?.forget(key);
    this.options.scheduler?.forget(hoverJobKey(key));
  }

  dispose(): void {
    this.timers.dispose();
    this.cache.clear();
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}

export function emptySolution(): SolutionReport {
  return { networks: [], equations: [], diagnostics: [], checked: 0, skipped: 0 };
}
