// The hover on a derivative inside a solution's display equation: the derivative as written is asked
// of its network with `derive` (every symbolic form and the value at every step), and the .rnn
// hover's own content is shown for it. Pure (no 'vscode'): register.ts is the adapter, which has the
// question's text analysed in a worker (solutionHoverQuestion, then solutionHoverAnswer); the
// host-thread path, solutionHoverContent, is both in one.

import type { AnalyzeOptions, Report } from '../../report';
import { commandLink, hoverContent, type HoverOptions } from '../hover/hoverContent';
import type { SolutionReport } from './core';
import { derivativeAt, type FoundDerivative } from './derivativeAt';
import { equationAtLine, networkAtLine } from './solutionContent';
import { COMMANDS } from '../commands/ids';
import { analyzeText } from '../worker/analyzeInWorker';
import type { AnalysisScheduler } from '../worker/scheduler';

export interface SolutionHover {
  markdown: string;
  /** 0-based offsets of the derivative in the document text */
  start: number;
  end: number;
  /** the derivative as asked of the network */
  derivative: string;
}

/** Offsets of the start of every line (0-based line i starts at starts[i]). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column → offset, clamped into the text. */
export function offsetOf(text: string, starts: readonly number[], line: number, column: number): number {
  const l = Math.min(Math.max(line - 1, 0), starts.length - 1);
  return Math.min(starts[l]! + Math.max(column - 1, 0), text.length);
}

/** The derivative under a 1-based position, searched only inside the display equation on that line. */
export function solutionDerivativeAt(
  text: string,
  sol: SolutionReport,
  line: number,
  column: number,
): (FoundDerivative & { network: number | null }) | null {
  const eq = equationAtLine(sol, line);
  if (!eq) return null;
  const starts = lineStarts(text);
  const from = offsetOf(text, starts, eq.range.line, eq.range.column);
  const to = offsetOf(text, starts, eq.range.endLine, eq.range.endColumn);
  const found = derivativeAt(text, offsetOf(text, starts, line, column), from, Math.max(from, to));
  if (!found) return null;
  return { ...found, network: eq.network ?? networkAtLine(sol, line) };
}

const MAX_CACHED = 64;
const deriveCache = new Map<string, Report>();

/** What a hover asks of its network: the derivative under the cursor, as a .rnn text ending in `derive` it. */
export interface HoverQuestion {
  found: FoundDerivative;
  /** the network's text with `derive DERIVATIVE` as its last line */
  text: string;
  /** that line (1-based) */
  line: number;
  options: AnalyzeOptions;
  /** the hovered line of the solution (1-based), which the panel link opens */
  at: number;
}

/** The question of a hover at a 1-based position of a solution, or null off a derivative (see solutionHoverContent). */
export function solutionHoverQuestion(
  text: string,
  sol: SolutionReport,
  networks: readonly string[],
  line: number,
  column: number,
  analyzeOptions: AnalyzeOptions,
): HoverQuestion | null {
  const found = solutionDerivativeAt(text, sol, line, column);
  if (!found || found.network === null) return null;
  const network = networks[found.network];
  if (network === undefined) return null;
  // a derivative written over several lines of an equation is one derive statement
  const query = found.text.replace(/\s*\n\s*/g, ' ');
  const deriveText = `${network.replace(/\s+$/, '')}\nderive ${query}\n`;
  const options = { ...analyzeOptions, gradcheck: false, graph: false };
  return { found, text: deriveText, line: deriveText.split('\n').length - 1, options, at: line };
}

const cacheKey = (q: HoverQuestion) => `${JSON.stringify(q.options)}\u0000${q.text}`;

/** The Report a question was answered with before (the last few, whoever analysed them), if any. */
function answeredBefore(q: HoverQuestion): Report | undefined {
  return deriveCache.get(cacheKey(q));
}

/** The question's Report from the answers kept, else analysed on this thread (and kept). */
function answerHere(q: HoverQuestion): Report {
  const before = answeredBefore(q);
  if (before) return before;
  const report = analyzeText(q.text, q.options);
  rememberAnswer(q, report);
  return report;
}

/** Keeps a question's Report: hovering over one version asks the same again and again. */
function rememberAnswer(q: HoverQuestion, report: Report): void {
  if (deriveCache.size >= MAX_CACHED) deriveCache.delete(deriveCache.keys().next().value as string);
  deriveCache.set(cacheKey(q), report);
}

/**
 * The Report of a hover's question: answered before, or analysed in a worker as job `key` (version `version` of
 * its document: a newer hover there supersedes an unanswered one, which then gets undefined), or on this thread
 * where there is no worker. A long network's derive never blocks the extension host.
 */
export async function askHoverQuestion(
  q: HoverQuestion,
  key: string,
  version: number,
  scheduler: AnalysisScheduler | undefined,
): Promise<Report | undefined> {
  const job = answeredBefore(q) ? undefined : scheduler?.analyse(key, version, q.text, q.options);
  if (!job) return answerHere(q);
  const report = await job;
  if (report) rememberAnswer(q, report);
  return report;
}

/**
 * The hover at a 1-based position of a solution, or null off a derivative. `networks` are the
 * networks' .rnn texts (networkSource.ts), numbered as the SolutionReport numbers them. The question is
 * analysed here, on the caller's thread.
 */
export function solutionHoverContent(
  text: string,
  sol: SolutionReport,
  networks: readonly string[],
  line: number,
  column: number,
  opts: HoverOptions & { analyze: AnalyzeOptions },
): SolutionHover | null {
  const q = solutionHoverQuestion(text, sol, networks, line, column, opts.analyze);
  if (!q) return null;
  return solutionHoverAnswer(q, answerHere(q), opts);
}

/**
 * The hover of a question from its Report (analysed wherever). `panelAtLine: false` opens the panel on the document
 * without a line to show (a notebook's cell: the panel shows its network in the lines of the network's own cell).
 */
export function solutionHoverAnswer(
  q: HoverQuestion,
  report: Report,
  opts: HoverOptions & { panelAtLine?: boolean },
): SolutionHover | null {
  const { found, line: deriveLine, at: line } = q;
  const problems = report.diagnostics.filter((d) => d.line === deriveLine && d.severity === 'error');
  if (problems.length > 0 && !report.derives.some((d) => d.line === deriveLine && d.results.length > 0)) {
    const why = problems.map((d) => d.message).join('; ');
    return {
      markdown: `**Unroll** cannot evaluate this derivative: ${escape(why)}`,
      start: found.start,
      end: found.end,
      derivative: found.text,
    };
  }
  const content = hoverContent(report, { line: deriveLine, column: 1 }, opts);
  if (!content) return null;
  // the .rnn hover's links point at the derive line of the generated text: point them at the equation
  const parts = content.markdown.split('\n\n');
  if (parts.length > 1 && parts[parts.length - 1]!.includes(`command:${COMMANDS.openPanel}`)) parts.pop();
  const copy = commandLink('Copy LaTeX', COMMANDS.copyLatex, { latex: content.latex });
  parts.push(
    `${commandLink('Open in Unroll panel', COMMANDS.openPanel, opts.panelAtLine === false ? { uri: opts.uri } : { uri: opts.uri, line })} · ${copy}`,
  );
  return { markdown: parts.join('\n\n'), start: found.start, end: found.end, derivative: found.text };
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!<>|]/g, (c) => `\\${c}`);
}
