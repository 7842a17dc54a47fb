// One Report per open .rnn document: computed by analyze() on open, again after each change once
// the typing pauses (debounced; a newer change cancels the pending run), cached per (uri, version)
// so hovers, lenses, diagnostics, the status bar and the panel all read the same analysis.
// forms(document, line) gives one derive's symbolic forms from the same cached analysis (derived on
// the first request, then cached per version). Until the hover and the panel ask through it, the
// editor's analysis still carries every form ({ forms: true }, as before analyze() became numeric by
// default); `formsInReport: false` makes the cached Report numeric.

import * as vscode from 'vscode';
import { analyzeSession, type Analysis } from '../analysis';
import type { AnalyzeOptions, DeriveReport, Report } from '../report';
import { isRnn } from './config';
import { failedReport } from './failedReport';

export interface ReportUpdate {
  document: vscode.TextDocument;
  report: Report;
}

interface Entry {
  version: number;
  report: Report;
  /** the analysis behind it, for forms on demand (null for a failed analysis) */
  analysis: Analysis | null;
  /** whether onDidUpdate has announced this version */
  announced: boolean;
}

export interface ReportsOptions {
  debounceMs(): number;
  analyzeOptions(): AnalyzeOptions;
  /** whether the cached Report carries every derive's forms (default true, see above) */
  formsInReport?: boolean;
}

export class Reports implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<ReportUpdate>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidUpdate: vscode.Event<ReportUpdate> = this.emitter.event;

  constructor(private readonly options: ReportsOptions) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, this.options.debounceMs());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** The report of the document as it is now: cached, or computed on the spot. */
  get(document: vscode.TextDocument): Report {
    return this.entry(document).report;
  }

  /** The derive on `line` of the document as it is now, with its symbolic forms (or why they are absent). */
  forms(document: vscode.TextDocument, line: number): DeriveReport | undefined {
    const e = this.entry(document);
    if (!e.analysis) return e.report.derives.find((d) => d.line === line);
    try {
      return e.analysis.forms(line);
    } catch {
      // as analyze(): a failure of the symbolic engine never takes the numbers with it
      return e.report.derives.find((d) => d.line === line);
    }
  }

  private entry(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit;
    const { report, analysis } = this.compute(document);
    const e: Entry = { version: document.version, report, analysis, announced: false };
    this.cache.set(key, e);
    return e;
  }

  /** The cached report whatever its version (for display while a new one is pending), if any. */
  peek(document: vscode.TextDocument): Report | undefined {
    return this.cache.get(document.uri.toString())?.report;
  }

  /** Analyse after `delayMs` unless another change comes first; then announce the result. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isRnn(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (document.isClosed) return;
      this.announce(document);
    }, delayMs));
  }

  /** Drop every cached report (settings changed) and analyse the open documents again. */
  invalidateAll(): void {
    this.cache.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.cache.clear();
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }

  private announce(document: vscode.TextDocument): void {
    const report = this.get(document);
    const entry = this.cache.get(document.uri.toString());
    if (!entry || entry.announced) return;
    entry.announced = true;
    this.emitter.fire({ document, report });
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(key);
    this.cache.delete(key);
  }

  private compute(document: vscode.TextDocument): { report: Report; analysis: Analysis | null } {
    try {
      const analysis = analyzeSession(document.getText(), { forms: this.options.formsInReport ?? true, ...this.options.analyzeOptions() });
      return { report: analysis.report, analysis };
    } catch (e) {
      // analyze() promises never to throw; if it does, say so on line 1 rather than going silent
      return { report: failedReport(e instanceof Error ? e.message : String(e)), analysis: null };
    }
  }
}
