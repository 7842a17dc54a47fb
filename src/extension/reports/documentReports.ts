// One Report per open .rnn document: computed by analyze() on open, again after each change once
// the typing pauses (debounced; a newer change cancels the pending run), cached per (uri, version)
// so hovers, lenses, diagnostics, the status bar and the panel all read the same analysis.
// forms(document, line) gives one derive's symbolic forms from the same cached analysis (derived on
// the first request, then cached per version). Until the hover and the panel ask through it, the
// editor's analysis still carries every form ({ forms: true }, as before analyze() became numeric by
// default); `formsInReport: false` makes the cached Report numeric.
//
// The analysis runs in a worker (worker/scheduler.ts: a worker_threads Worker on the desktop host, a
// Web Worker in the browser), so the host thread only turns Reports into diagnostics, hovers and
// lenses. The worker answers with the numeric Report first, announced at once (diagnostics and lenses
// need nothing more), then with the same Report carrying the forms, announced again. get() stays synchronous: it returns the Report of the current version when the worker has
// finished it, else the last finished Report of the document (an older version: hovers and the panel
// never wait on a running analysis), and computes on the host only where no worker can be had (a provider
// asking before the open's analysis was handed over hands it over at once). While the very first analysis of a document is in flight in a
// worker, get() returns an empty Report (no diagnostics, no results) that is never cached nor
// announced, so a 10,000-step file being opened does not block the host either. Without a worker
// (none in the environment, or it died) everything runs on the host thread as before, silently.
// Before each Report the worker sends the diagnostics of reading the text (lexer, parser, resolver),
// announced through onDidRead (diagnostics.ts shows them at once, the numeric ones with the Report).

import * as vscode from 'vscode';
import { analyzeSession, type Analysis } from '../../analysis';
import { emptyReport, type AnalyzeOptions, type DeriveReport, type Diagnostic, type Report } from '../../report';
import { isRnn } from '../config';
import { Debouncer } from './debouncer';
import { failedReport } from './failedReport';
import { defaultWorkerFactory } from '../worker/factory';
import type { WorkerFactory } from '../worker/protocol';
import { AnalysisScheduler } from '../worker/scheduler';

export interface ReportUpdate {
  document: vscode.TextDocument;
  report: Report;
  /** the document version the Report is of */
  version: number;
}

/** The diagnostics of reading version `version` of a document (its text), ahead of its Report. */
export interface ReadUpdate {
  document: vscode.TextDocument;
  version: number;
  text: string;
  diagnostics: Diagnostic[];
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
  /** where analyses run (default: the extension's own worker bundle; tests pass a fake) */
  workers?: WorkerFactory;
  /** a pool shared with the solutions (activate.ts), which its owner disposes; replaces `workers` */
  scheduler?: AnalysisScheduler;
}

export class Reports implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly timers = new Debouncer();
  private readonly emitter = new vscode.EventEmitter<ReportUpdate>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidUpdate: vscode.Event<ReportUpdate> = this.emitter.event;
  private readonly readEmitter = new vscode.EventEmitter<ReadUpdate>();
  readonly onDidRead: vscode.Event<ReadUpdate> = this.readEmitter.event;
  private readonly scheduler: AnalysisScheduler;

  constructor(private readonly options: ReportsOptions) {
    this.scheduler = options.scheduler ?? new AnalysisScheduler(options.workers ?? defaultWorkerFactory());
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
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.report;
    if (this.scheduler.busy(key) || (this.timers.pending(key) && this.scheduler.attached(key))) {
      // a worker is (or is about to be) on the current version: answer with what is finished
      if (hit) return hit.report;
      if (this.scheduler.busy(key)) return BEING_ANALYSED;
    }
    // a provider asking between a document's open and its analysis's timer (not yet handed to a worker): hand it over
    // now, rather than analysing on this thread (seconds for a 10,000-step file)
    if (!hit && this.timers.pending(key) && !document.isClosed && !this.scheduler.onHostThread) {
      this.timers.cancel(key);
      this.analyse(document);
      const now = this.cache.get(key);
      if (now && now.version === document.version) return now.report;
      if (this.scheduler.busy(key)) return BEING_ANALYSED;
    }
    return this.entry(document).report;
  }

  /** Whether a worker is still on the document (its analysis, or the forms that follow the numeric Report). */
  analysing(document: vscode.TextDocument): boolean {
    return this.scheduler.busy(document.uri.toString());
  }

  /** The derive on `line` of the document as it is now, with its symbolic forms (or why they are absent). */
  forms(document: vscode.TextDocument, line: number): DeriveReport | undefined {
    const hit = this.cache.get(document.uri.toString());
    const cached = hit && (hit.version === document.version || this.scheduler.busy(document.uri.toString())) ? hit : undefined;
    // the worker's Report already carries every form (formsInReport): answer from it without analysing again
    if (cached && !cached.analysis && (this.options.formsInReport ?? true)) return cached.report.derives.find((d) => d.line === line);
    const e = cached?.analysis ? cached : this.entry(document, true);
    if (!e.analysis) return e.report.derives.find((d) => d.line === line);
    try {
      return e.analysis.forms(line);
    } catch {
      // as analyze(): a failure of the symbolic engine never takes the numbers with it
      return e.report.derives.find((d) => d.line === line);
    }
  }

  /** The current version's entry, computed on the host if need be (`withAnalysis`: one whose forms can be asked). */
  private entry(document: vscode.TextDocument, withAnalysis = false): Entry {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && (hit.analysis || !withAnalysis)) return hit;
    const { report, analysis } = this.compute(document);
    const e: Entry = { version: document.version, report, analysis, announced: hit?.version === document.version && hit.announced };
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
    this.timers.schedule(document.uri.toString(), delayMs, () => {
      if (!document.isClosed) this.analyse(document);
    });
  }

  /** Analyse the current version (in the worker when there is one), then announce it. */
  private analyse(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if ((hit && hit.version === document.version) || this.scheduler.onHostThread) {
      this.announce(document);
      return;
    }
    const version = document.version;
    // the numeric Report first (diagnostics and lenses at once), then the same with the forms, announced again
    const complete = (report: Report) => {
      const now = this.cache.get(key);
      if (document.isClosed || !now || now.analysis || now.version !== version) return;
      this.cache.set(key, { version, report, analysis: null, announced: false });
      this.fire(key, document);
    };
    const text = document.getText();
    const read = (diagnostics: Diagnostic[]) => {
      if (!document.isClosed) this.readEmitter.fire({ document, version, text, diagnostics });
    };
    const job = this.scheduler.analyse(key, version, text, this.analyzeOptions(), complete, read);
    if (!job) {
      this.announce(document);
      return;
    }
    void job.then((report) => {
      // undefined: superseded by a newer version, whose own job announces it
      if (!report || document.isClosed) return;
      const now = this.cache.get(key);
      // the host got there first (a get() on the host fallback path): keep its entry, announce it
      if (!now || now.version < version) this.cache.set(key, { version, report, analysis: null, announced: false });
      // fire, never announce(): that would analyse on the host if the document has moved on meanwhile
      this.fire(key, document);
    });
  }

  /** Drop every cached report (settings changed) and analyse the open documents again. */
  invalidateAll(): void {
    this.cache.clear();
    // analyses in flight ran with the old settings
    for (const d of vscode.workspace.textDocuments) this.scheduler.forget(d.uri.toString());
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  dispose(): void {
    this.timers.dispose();
    this.cache.clear();
    if (!this.options.scheduler) this.scheduler.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
    this.readEmitter.dispose();
  }

  private announce(document: vscode.TextDocument): void {
    this.entry(document);
    this.fire(document.uri.toString(), document);
  }

  private fire(key: string, document: vscode.TextDocument): void {
    const entry = this.cache.get(key);
    if (!entry || entry.announced) return;
    entry.announced = true;
    this.emitter.fire({ document, report: entry.report, version: entry.version });
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.timers.cancel(key);
    this.cache.delete(key);
    this.scheduler.forget(key);
  }

  private analyzeOptions(): AnalyzeOptions {
    return { forms: this.options.formsInReport ?? true, ...this.options.analyzeOptions() };
  }

  private compute(document: vscode.TextDocument): { report: Report; analysis: Analysis | null } {
    try {
      const analysis = analyzeSession(document.getText(), this.analyzeOptions());
      return { report: analysis.report, analysis };
    } catch (e) {
      // analyze() promises never to throw; if it does, say so on line 1 rather than going silent
      return { report: failedReport(e instanceof Error ? e.message : String(e)), analysis: null };
    }
  }
}

/** What get() answers while the first analysis of a document is still running in its worker (one object, so that
 *  callers comparing Reports by identity, like the panel, see no change until the real one arrives). */
const BEING_ANALYSED: Report = Object.freeze(emptyReport());
