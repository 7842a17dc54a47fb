// One SolutionReport per open Markdown/LaTeX document that is a solution (LANGUAGE.md §8), computed on
// open and after each change once typing pauses (the same debounce as .rnn files), cached per
// (uri, version, sidecar text). A document that is not a solution costs a substring test and, for
// a saved file, one stat of NAME.rnn (remembered until a .rnn file is created, changed or deleted).

import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../report';
import { Debouncer } from '../reports/debouncer';
import { analyzeSolution, isSolution, type SolutionKind, type SolutionReport } from './core';
import { documentKind, mayHoldNetwork, sidecarPath } from './detect';

export interface SolutionUpdate {
  document: vscode.TextDocument;
  solution: SolutionReport;
}

export interface SolutionReportsOptions {
  debounceMs(): number;
  analyzeOptions(): AnalyzeOptions;
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
    return documentKind(document.languageId, document.uri.path);
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

  /** The document's SolutionReport for its current text, or null when it is not a solution. */
  async get(document: vscode.TextDocument): Promise<SolutionReport | null> {
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

  /** The report for the current version now, reusing the sidecar text last read (for synchronous callers). */
  getNow(document: vscode.TextDocument): SolutionReport | undefined {
    const kind = this.kind(document);
    const hit = this.cache.get(document.uri.toString());
    if (!kind || !hit) return undefined;
    if (hit.version === document.version) return hit.solution;
    return this.compute(document, kind, document.getText(), hit.sidecar) ?? undefined;
  }

  /** The network texts need the sidecar too: the one the cached report was computed with. */
  sidecarOf(document: vscode.TextDocument): string | null {
    return this.cache.get(document.uri.toString())?.sidecar ?? null;
  }

  private compute(document: vscode.TextDocument, kind: SolutionKind, text: string, sidecar: string | null): SolutionReport | null {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.sidecar === sidecar) return hit.solution;
    if (!isSolution(text, kind, sidecar !== null)) {
      this.cache.delete(key);
      return null;
    }
    let solution: SolutionReport;
    try {
      solution = analyzeSolution(text, kind, { sidecar, analyze: this.options.analyzeOptions() });
    } catch (e) {
      // analyzeSolution promises never to throw; if it does, say so rather than going silent
      const message = `Unroll could not analyse this solution: ${e instanceof Error ? e.message : String(e)}`;
      solution = {
        networks: [],
        equations: [],
        diagnostics: [{ line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', message, code: 'internal' }],
        checked: 0,
        skipped: 0,
      };
    }
    this.cache.set(key, { version: document.version, sidecar, solution, announced: false });
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
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private async announce(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const had = this.cache.has(key);
    const solution = await this.get(document);
    if (!solution) {
      // it stopped being a solution (the block or the sidecar was removed): clear what it showed
      if (had) this.emitter.fire({ document, solution: emptySolution() });
      return;
    }
    const entry = this.cache.get(key);
    if (!entry || entry.announced) return;
    entry.announced = true;
    this.emitter.fire({ document, solution });
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.timers.cancel(key);
    this.cache.delete(key);
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
