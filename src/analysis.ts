// analyze(text): the one entry point. The CLI, the extension, the panel and the tests all go
// through it, so they can never disagree. By default the Report is numeric (diagnostics, CodeLens and
// the status bar need nothing more); the symbolic forms of one derive are derived on demand through
// an Analysis (analyzeSession(text).forms(line), or formsFor(text, line)), or for every derive with
// { forms: true }. Every limit that decides what a Report contains is counted in operations, so the
// same text gets the same Report on any machine; the clock is only a last guard (engine/budget.ts).

import { runsText } from './display/checkStep';
import { diag } from './language/diagnostics';
import { compile, type Compiled } from './language/index';
import { LIMITS } from './language/limits';
import { nameOfKey } from './ids';
import { refText } from './language/print';
import { entries } from './language/shapes';
import { flowReport, graphReport, quantityReports } from './engine/graph';
import { gradCheck } from './engine/gradcheck';
import { buildPlan, PlanError, type Plan } from './engine/plan';
import { answerCheck, answerDerive, Draws, type QuestionContext } from './engine/questions';
import { nonFiniteCause, nonFiniteQuantities } from './engine/check/nonFinite';
import { forward, RunError, type Run } from './engine/run';
import { Budget, LimitError, WALL_GUARD_MS } from './engine/budget';
import { startAnalysis } from './engine/memo';
import { symbolicHooks, type SymbolicHooks } from './engine/symbolic-hooks';
import type { Decl, DeriveQuestion, Model } from './language/model';
import type { AnalyzeOptions, DeriveReport, Diagnostic, ParamReport, Report } from './report';
import { emptyReport } from './report';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  return analyzeSession(text, options).report;
}

/** What a finished analysis keeps to answer one derive's forms later. */
interface Kept {
  model: Model;
  ctx: QuestionContext;
  hooks: SymbolicHooks;
  budget: Budget;
}

/** One analysis of one text: its Report and, on demand, the symbolic forms of one derive (cached). */
export class Analysis {
  private readonly cache = new Map<number, DeriveReport | undefined>();
  /** `withForms`: the Report already has every derive's forms ({ forms: true }), forms() returns them */
  constructor(
    readonly report: Report,
    private readonly kept: Kept | null,
    private readonly withForms = false,
  ) {}

  /**
   * The derive on `line` (DeriveReport.line) with its symbolic forms, or the reason they are absent
   * (DeriveResult.formsOmitted); undefined when no derive of the Report is on that line. The same
   * results as analyze(text, { forms: true }) gives for that derive.
   */
  forms(line: number): DeriveReport | undefined {
    if (this.cache.has(line)) return this.cache.get(line);
    const numeric = this.report.derives.find((d) => d.line === line);
    let out: DeriveReport | undefined;
    if (numeric && this.withForms) out = numeric;
    else if (numeric) {
      const q = this.kept?.model.questions.find((x): x is DeriveQuestion => x.kind === 'derive' && x.line === line);
      out = q && this.kept ? withForms(q, this.kept) : numeric;
    }
    this.cache.set(line, out);
    return out;
  }
}

/** Forms of the derive on `line`: from a finished Analysis (cached there) or from text (analysed now). */
export function formsFor(source: string | Analysis, line: number, options: AnalyzeOptions = {}): DeriveReport | undefined {
  return (typeof source === 'string' ? analyzeSession(source, options) : source).forms(line);
}

function withForms(q: DeriveQuestion, kept: Kept): DeriveReport | undefined {
  kept.hooks.begin(true);
  // a request can come long after the analysis: the wall guard counts from the request
  kept.budget.deadline = Date.now() + WALL_GUARD_MS;
  try {
    const r = answerDerive(q, { ...kept.ctx, symbolic: kept.hooks.derive, diagnostics: [], termResults: 0 });
    markOmitted(r, kept.hooks.reasons);
    return r;
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    return undefined;
  }
}

/** results without forms get the reason the hook recorded (one reason per hook call, in result order) */
function markOmitted(r: DeriveReport, reasons: (string | null)[]): void {
  if (reasons.length !== r.results.length) return;
  r.results.forEach((res, i) => {
    const why = reasons[i];
    if (!res.forms && why) res.formsOmitted = why;
  });
  const general = generalOmitted(r);
  if (general) r.generalOmitted = general;
}

/**
 * Why a free-t derive has no general line (LANGUAGE.md §5) when a limit left out the forms of some of its
 * steps but not all: which steps and the reason their results give. A derive with no form at any step says
 * so on its results already ("only the number: …"), and one whose steps all have forms needs no reason.
 */
export function generalOmitted(r: DeriveReport): string | null {
  if (r.general || r.results.length < 2) return null;
  const missing = r.results.filter((res) => !res.forms && res.formsOmitted && res.t !== null);
  if (!missing.length || missing.length === r.results.length || r.results.some((res) => !res.forms && !res.formsOmitted)) return null;
  const steps = runsText(missing.map((res) => res.t!));
  const verb = missing.length === 1 ? 'has' : 'have';
  return `written step by step, not once for a general step t: t = ${steps} ${verb} only ${missing.length === 1 ? 'its number' : 'their numbers'} — ${missing[0]!.formsOmitted}`;
}

/** `read`: `compile(text)` already done by the caller (the editor's worker publishes its diagnostics first). */
export function analyzeSession(text: string, options: AnalyzeOptions = {}, read?: Compiled): Analysis {
  // the engine's caches of the analysis before are dropped whole, young (src/engine/memo.ts says why)
  startAnalysis();
  const t0 = now();
  const { model, diagnostics, symbols, fatal } = read ?? compile(text);
  const report: Report = emptyReport(diagnostics, fatal ? null : model.T, symbols);
  const done = () => {
    report.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    report.elapsedMs = now() - t0;
    return report;
  };
  for (const d of model.decls.values()) {
    if (d.kind !== 'param') continue;
    const p: ParamReport = { name: d.name, shape: d.shape, count: entries(d.shape) * (d.perStep ? model.T : 1) };
    report.params.push(p);
    report.paramCount += p.count;
  }
  report.sampled = [...model.decls.values()].filter((d) => !d.values).map((d) => d.name);
  if (fatal) return new Analysis(done(), null);

  let plan: Plan;
  let run: Run;
  // operations decide; the clock is only a guard far above them (from the start: reading counts too)
  const deadline = Date.now() - (now() - t0) + WALL_GUARD_MS;
  const budget = new Budget(LIMITS.maxOperations, deadline);
  try {
    plan = buildPlan(model);
    run = forward(model, undefined, { plan, scale: options.scale, budget });
  } catch (e) {
    if (e instanceof PlanError || e instanceof RunError || e instanceof LimitError) {
      const line = e instanceof PlanError && e.line ? e.line : 1;
      report.diagnostics.push(
        diag(
          'error',
          e.message,
          { line, column: 1, endLine: line, endColumn: Math.max(2, lineLength(text, line) + 1) },
          e instanceof PlanError ? e.code : 'runtime',
        ),
      );
      return new Analysis(done(), null);
    }
    throw e;
  }
  const wantForms = options.forms ?? options.symbolic ?? false;
  const hooks = symbolicHooks(model, run);

  if (run.loss) {
    report.loss = { name: nameOfKey(model.loss!), value: run.loss.data[0]!, line: model.quantities.get(model.loss!)!.line };
    if (!Number.isFinite(report.loss.value)) {
      const line = report.loss.line;
      report.diagnostics.push(
        diag(
          'warning',
          `the loss ${report.loss.name} is not a finite number (NaN or ∞)${lossCause(model, run)}`,
          { line, column: 1, endLine: line, endColumn: lineLength(text, line) + 1 },
          'nan',
        ),
      );
    }
  }
  // where a NaN or ∞ is made, when the loss's warning above does not already say it
  if (!report.loss || Number.isFinite(report.loss.value)) {
    for (const { name, t, cause, reads } of nonFiniteQuantities(run)) {
      const q = model.quantities.get(name)!;
      const override = t !== null ? q.overrideLines.get(t) : undefined;
      const line = override ?? q.line;
      // an override's own step (h_0 = log(0)), a general equation's name as written with the step named after it
      const what =
        t === null
          ? nameOfKey(name)
          : override !== undefined
            ? refText(name, { v: null, k: t })
            : `${refText(name, { v: 't', k: 0 })} at t = ${t}`;
      report.diagnostics.push(
        diag(
          'warning',
          `${what} is not a finite number (NaN or ∞)${cause ? `: ${cause}` : ''}${sampledNote(reads, report.sampled)}`,
          { line, column: 1, endLine: line, endColumn: lineLength(text, line) + 1 },
          'nan',
        ),
      );
    }
  }
  // a declaration whose written value was refused has its own error: it is not "no value given"
  const unwritten = report.sampled.filter((n) => !model.decls.get(n)?.valueRefused);
  if (unwritten.length) {
    const first = model.decls.get(unwritten[0]!)!;
    report.diagnostics.push(
      diag(
        'information',
        `no value given for ${unwritten.map((n) => sampledName(model.decls.get(n), n)).join(', ')}: numbers shown use deterministic sample values`,
        first.nameRange,
        'sampled',
      ),
    );
  }

  const ctx: QuestionContext = {
    model,
    run,
    draws: new Draws(model, plan, new Map(), options.scale, budget),
    drawCount: options.draws ?? 4,
    symbolic: wantForms ? hooks.derive : null,
    diagnostics: report.diagnostics,
    termResults: 0,
  };
  // an error (LANGUAGE.md §6: "a clear error naming the limit"): as a warning, `unroll check` exited 0 for a
  // file whose check was never judged
  const limited = (range: Diagnostic | import('./report').Range, why: string) =>
    report.diagnostics.push(diag('error', `not analysed: ${why}`, range, 'limit'));
  for (const q of model.questions) {
    const before = budget.ops;
    try {
      if (q.kind === 'derive') {
        hooks.begin();
        const r = answerDerive(q, ctx);
        if (wantForms) markOmitted(r, hooks.reasons);
        report.derives.push(r);
      } else report.checks.push(answerCheck(q, ctx));
    } catch (e) {
      if (!(e instanceof LimitError)) throw e;
      limited(q.range, e.message);
      leaveHalf(budget, before);
    }
  }

  // what the editor and the panel add is bounded by its own counted limits (graph window, partial
  // steps, probed entries), not by what the questions left; the clock stays a guard
  budget.limit = Infinity;
  try {
    report.flow = flowReport(model, run);
    report.quantities = quantityReports(model, run, hooks.partial, Infinity);
    if (options.graph !== false) report.graph = graphReport(model, plan, run);
    if (options.gradcheck === true) report.gradcheck = gradCheck(model, plan, run, options.scale);
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
  }
  return new Analysis(done(), { model, ctx, hooks, budget }, wantForms);
}

/**
 * A question stopped by a limit is charged at most half of what was left when it began: the questions after
 * it still get answers (LANGUAGE.md §6: one bad line never hides the others), and however many questions run
 * away, the whole analysis stays under twice the operation limit. Counted, so the same file gets the same Report.
 */
function leaveHalf(budget: Budget, before: number): void {
  if (!Number.isFinite(budget.limit) || before >= budget.limit) return;
  budget.ops = Math.min(budget.ops, before + Math.ceil((budget.limit - before) / 2));
}

/** the characters of a line, its breaks \r\n, \r or \n as the lexer counts lines (a lone \r too: the fuzzer's
 * `Σ_{i,j}-1e308\rσ` put the loss's NaN squiggle past the end of its line); asked only for a diagnostic's range */
function lineLength(text: string, line: number): number {
  return text.split(/\r\n|\r|\n/)[line - 1]?.length ?? 0;
}

export type { Diagnostic };

/** a name given no value, with the kind its samples have when the file says one */
function sampledName(d: Decl | undefined, n: string): string {
  if (d?.sample === 'onehot') return `${n} (one-hot, as a cross-entropy target)`;
  if (d?.classes !== undefined) return `${n} (whole numbers 1..${d.classes}, as a class label)`;
  return n;
}

/** that the values an equation reads are sample values (the file gives them none): other values may be fine */
function sampledNote(reads: readonly string[], sampled: readonly string[]): string {
  const which = reads.filter((n) => sampled.includes(n));
  if (!which.length) return '';
  const names = which.map(nameOfKey).join(', ');
  return ` (${names} ${which.length === 1 ? 'has' : 'have'} sample values: the file gives ${which.length === 1 ? 'it' : 'them'} none)`;
}

/**
 * where the loss became NaN or ∞ (LANGUAGE.md §6: a diagnostic names exactly what is wrong): the first part of its
 * equation, followed into the quantities it uses, that is not finite ("z_2 is NaN, by its definition: log(x_2): …")
 */
function lossCause(model: Model, run: Run): string {
  const q = model.quantities.get(model.loss!);
  if (!q) return '';
  try {
    const ref = { k: 'ref', name: model.loss!, idx: null, shape: q.shape, range: q.range } as const;
    const why = nonFiniteCause(ref, {}, run);
    // "L is NaN, by its definition: …" repeats what the warning says of L: its definition's part is the news
    const shown = nameOfKey(model.loss!);
    const own = `${shown} is `;
    const cut = why?.startsWith(own) ? why.indexOf(', by its definition: ') : -1;
    return why ? `: ${cut > 0 ? why.slice(cut + ', by its definition: '.length) : why}` : '';
  } catch {
    return '';
  }
}
