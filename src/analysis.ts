// analyze(text): the one entry point. The CLI, the extension, the panel and the tests all go
// through it, so they can never disagree.

import { diag } from './language/diagnostics';
import { compile } from './language/index';
import { LIMITS } from './language/limits';
import { nameOfKey } from './ids';
import { entries } from './language/shapes';
import { flowReport, graphReport, quantityReports } from './engine/graph';
import { gradCheck } from './engine/gradcheck';
import { buildPlan, PlanError, type Plan } from './engine/plan';
import { answerCheck, answerDerive, Draws, type QuestionContext } from './engine/questions';
import { forward, RunError, type Run } from './engine/run';
import { Budget, LimitError } from './engine/tape';
import { symbolicHooks } from './engine/symbolic-hooks';
import type { AnalyzeOptions, Diagnostic, ParamReport, Report } from './report';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  const t0 = now();
  const { model, diagnostics, symbols, fatal } = compile(text);
  const report: Report = {
    diagnostics, derives: [], checks: [], params: [], flow: [],
    T: fatal ? null : model.T, loss: null, sampled: [], quantities: [], symbols, graph: null, gradcheck: [],
    paramCount: 0, elapsedMs: 0,
  };
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
  if (fatal) return done();

  let plan: Plan;
  let run: Run;
  // the budget counts from the start: reading a huge file uses it up too
  const deadline = Date.now() - (now() - t0) + LIMITS.timeBudgetMs;
  const budget = new Budget(LIMITS.maxOperations, deadline);
  try {
    plan = buildPlan(model);
    run = forward(model, undefined, { plan, scale: options.scale, budget });
  } catch (e) {
    if (e instanceof PlanError || e instanceof RunError || e instanceof LimitError) {
      const line = e instanceof PlanError && e.line ? e.line : 1;
      report.diagnostics.push(diag('error', e.message, { line, column: 1, endLine: line, endColumn: Math.max(2, lineLength(text, line) + 1) }, e instanceof PlanError ? e.code : 'runtime'));
      return done();
    }
    throw e;
  }
  const hooks = options.symbolic === false ? null : symbolicHooks(model, run, deadline);

  if (run.loss) {
    report.loss = { name: nameOfKey(model.loss!), value: run.loss.data[0]!, line: model.quantities.get(model.loss!)!.line };
    if (!Number.isFinite(report.loss.value)) {
      const line = report.loss.line;
      report.diagnostics.push(diag('warning', `the loss ${report.loss.name} is not a finite number (NaN or ∞)`, { line, column: 1, endLine: line, endColumn: lineLength(text, line) + 1 }, 'nan'));
    }
  }
  if (report.sampled.length) {
    const first = model.decls.get(report.sampled[0]!)!;
    report.diagnostics.push(diag('information', `no value given for ${report.sampled.join(', ')}: numbers shown use deterministic sample values`, first.nameRange, 'sampled'));
  }

  const ctx: QuestionContext = {
    model, run, draws: new Draws(model, plan, new Map(), options.scale, budget), drawCount: options.draws ?? 4,
    symbolic: hooks?.derive ?? null, diagnostics: report.diagnostics, termResults: 0,
  };
  const limited = (range: Diagnostic | import('./report').Range, why: string) =>
    report.diagnostics.push(diag('warning', `not analysed: ${why}`, range, 'limit'));
  for (const q of model.questions) {
    if (Date.now() > deadline) {
      limited(q.range, `the time budget of ${LIMITS.timeBudgetMs} ms for one analysis was used up (limit)`);
      continue;
    }
    try {
      if (q.kind === 'derive') report.derives.push(answerDerive(q, ctx));
      else report.checks.push(answerCheck(q, ctx));
    } catch (e) {
      if (!(e instanceof LimitError)) throw e;
      limited(q.range, e.message);
    }
  }

  // what the editor and the panel add is worth less than the answers: it gets what budget is left
  budget.limit = Infinity;
  budget.deadline = Infinity;
  try {
    report.flow = flowReport(model, run);
    report.quantities = quantityReports(model, run, hooks?.partial ?? null, deadline);
    if (options.graph !== false && Date.now() < deadline) report.graph = graphReport(model, plan, run);
    if (options.gradcheck === true && Date.now() < deadline) report.gradcheck = gradCheck(model, plan, run, options.scale);
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
  }
  return done();
}

function lineLength(text: string, line: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const i = text.indexOf('\n', start);
    if (i < 0) return 0;
    start = i + 1;
  }
  const end = text.indexOf('\n', start);
  return (end < 0 ? text.length : end) - start;
}

export type { Diagnostic };
