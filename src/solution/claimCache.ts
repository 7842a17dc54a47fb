// A solution edited in the editor: most edits change one equation, or only prose. analyze() of the whole
// generated text (the network and one check line per claim) every time cost 25–56 ms for a seed; most of it
// re-checking claims that had not changed. So each claim's part of the Report (the items of every Report
// list that sit on its check line: its checks, diagnostics, symbol occurrences) is kept, keyed by the
// network's text, the analysis options, the claim's text and the failing claims before it (a failing claim
// may name one whose mistake it carries over); an edit analyses the network with the claims from the first one
// not seen before, and puts the kept parts of the others back at their lines. Each check draws its sample values
// from the network alone, by seed, so the merged Report is the one analyze() of the whole text gives
// (test/solution/claimCache.test.ts compares them).

import { analyze } from '../analysis';
import type { AnalyzeOptions, Report } from '../report';

/** The items of one claim's check line, in every Report list, with line 0 standing for the claim's line. */
type ClaimPart = Record<string, unknown[]>;

interface NetworkEntry {
  claims: Map<string, ClaimPart>;
}

/** networks remembered (an editor has a few solutions open), and claims per network */
const MAX_NETWORKS = 8;
const MAX_CLAIMS = 4000;
const cache = new Map<string, NetworkEntry>();

/** The generated text of a network and its claims: the network's lines, then one check line per claim. */
export interface GeneratedNetwork {
  /** the network's own lines (each ending in a newline) */
  network: string;
  /** each claim's check line without its newline, in order */
  claims: string[];
}

/**
 * The Report of `network` followed by its claims, as analyze() of that text gives it, with the claims
 * seen before (same network, same options) taken from the cache. Throws when analyze() throws.
 */
export function analyzeClaims(g: GeneratedNetwork, options: AnalyzeOptions | undefined): Report {
  // a claim whose brackets do not close continues onto the next check line (LANGUAGE.md §1), so the claims are
  // not independent: analyse the whole text, keeping nothing (a '+' typed over seed 000's "(12)" did this)
  if (g.claims.some((c) => !balanced(c))) return analyze(g.network + g.claims.map((c) => c + '\n').join(''), options);
  const key = `${JSON.stringify(options ?? {})}\n${g.network}`;
  let entry = cache.get(key);
  if (entry) cache.delete(key); // most recently used last
  entry ??= { claims: new Map() };
  cache.set(key, entry);
  while (cache.size > MAX_NETWORKS) cache.delete(cache.keys().next().value!);

  const networkLines = countLines(g.network);
  // A failing claim's message may name an earlier failing claim whose mistake it carries over (check/carried.ts),
  // so a failing claim's part is kept under its text and the failing claims before it (with their places, which
  // its message names). A claim with no failing link names none (a verdict never depends on the other claims):
  // its part is kept under its text alone and used in any context. So an edit re-analyses the claims not seen,
  // and, after the first of them, the failing ones (whose context it may change), not every claim after it; each
  // is analysed with the earlier failing claims, at its own line (the others' lines left blank, so every line
  // number is the whole text's).
  const failing: number[] = [];
  const keyOf = (i: number) =>
    failing.length ? `${g.claims[i]!}\u0001${failing.map((j) => `${j}:${g.claims[j]!}`).join('\u0002')}` : g.claims[i]!;
  /** each claim's part, as kept or as analysed now (the map may be emptied past MAX_CLAIMS meanwhile) */
  const parts: ClaimPart[] = [];
  const analysed: number[] = [];
  for (let i = 0; i < g.claims.length; i++) {
    const plain = entry.claims.get(g.claims[i]!);
    if (plain && !fails(plain)) {
      parts[i] = plain;
      continue;
    }
    // after a claim analysed now, which may fail, the failing claims before a later one are not known yet
    const part = analysed.length ? undefined : entry.claims.get(keyOf(i));
    if (part) {
      parts[i] = part;
      failing.push(i);
    } else analysed.push(i);
  }
  lastAnalysed = analysed.length;
  if (analysed.length) {
    const now = new Set(analysed);
    const context = new Set(failing);
    const lines = g.claims.map((c, i) => (now.has(i) || context.has(i) ? c : ''));
    const report = analyze(g.network + lines.map((c) => c + '\n').join(''), options);
    // the analysed claims' parts, line 0 = their own check line (the context's are kept already)
    for (const i of analysed) parts[i] = {};
    const lists = Object.keys(report).filter((k) => Array.isArray((report as unknown as Record<string, unknown>)[k]));
    for (const k of lists) {
      const all = (report as unknown as Record<string, unknown[]>)[k]!;
      const kept: unknown[] = [];
      for (const item of all) {
        const line = lineOf(item);
        const i = line === undefined ? -1 : line - networkLines - 1;
        if (i < 0 || i >= g.claims.length) kept.push(item);
        else if (now.has(i)) (parts[i]![k] ??= []).push(shiftLines(item, line!, -line!));
      }
      (report as unknown as Record<string, unknown[]>)[k] = kept;
    }
    if (entry.claims.size + analysed.length > MAX_CLAIMS) entry.claims.clear();
    // each analysed part under its key: the failing claims before it, in the whole text, are known now
    failing.length = 0;
    for (let i = 0; i < g.claims.length; i++) {
      const failed = fails(parts[i]!);
      if (now.has(i)) entry.claims.set(failed ? keyOf(i) : g.claims[i]!, parts[i]!);
      if (failed) failing.push(i);
    }
    return restore(report, parts, networkLines);
  }
  return restore(analyze(g.network, options), parts, networkLines);
}

/** whether a claim's part has a link that fails (a later claim may carry its mistake over) */
function fails(part: ClaimPart): boolean {
  return (part.checks ?? []).some((c) => (c as { status?: unknown }).status === 'fails');
}

/**
 * every claim's part back at its line in the whole text: after the network's items, in the claims' order, which is
 * analyze()'s order (its lists follow the statements; diagnostics are sorted by line)
 */
function restore(report: Report, parts: readonly ClaimPart[], networkLines: number): Report {
  parts.forEach((part, i) => {
    const line = networkLines + 1 + i;
    for (const [k, items] of Object.entries(part)) {
      const list = ((report as unknown as Record<string, unknown[]>)[k] ??= []);
      for (const item of items) list.push(shiftLines(structuredClone(item), 0, line));
    }
  });
  return report;
}

let enabled = true;
/** claims analysed by the last analyzeClaims() that used the cache (tests: an edit re-analyses only what it must) */
let lastAnalysed = 0;

/** how many claims the last analysis with the cache analysed (the others were taken from it) */
export function claimsAnalysedLast(): number {
  return lastAnalysed;
}

/** Whether analyzeSolution() uses the cache (tests compare with it off: analyze() of the whole text). */
export function claimCacheEnabled(): boolean {
  return enabled;
}

/** Forgets every kept claim and turns the cache on or off (tests). */
export function resetClaimCache(on = true): void {
  cache.clear();
  enabled = on;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOf(item: unknown): number | undefined {
  const line = (item as { line?: unknown } | null)?.line;
  return typeof line === 'number' ? line : undefined;
}

/**
 * `item` with every line number on generated line `from` moved by `by` (ranges, bare lines, and the
 * places messages name: "at 12:5", "on line 12"). Numbers naming other lines (the network's) stay.
 * Changes `item` in place and returns it.
 */
function shiftLines<T>(item: T, from: number, by: number): T {
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) {
      for (const x of o) walk(x);
      return;
    }
    const r = o as Record<string, unknown>;
    if (r.line === from) r.line = from + by;
    if (r.endLine === from) r.endLine = from + by;
    if (typeof r.message === 'string') {
      r.message = r.message
        .replace(/\bat (\d+):(\d+)\b/g, (all, l: string, c: string) => (+l === from ? `at ${from + by}:${c}` : all))
        .replace(/\bon line (\d+)\b/g, (all, l: string) => (+l === from ? `on line ${from + by}` : all));
    }
    for (const v of Object.values(r)) if (v && typeof v === 'object') walk(v);
  };
  walk(item);
  return item;
}

/** whether every ( [ { and every \begin{…} of a claim's check line is closed on it (an open matrix environment
 *  continues the statement onto the next line as an open bracket does: a '+' typed over a bmatrix's \end did this) */
function balanced(line: string): boolean {
  let depth = 0;
  for (const ch of line) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth === 0 && count(line, '\\begin{') === count(line, '\\end{');
}

function count(s: string, what: string): number {
  let n = 0;
  for (let i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length)) n++;
  return n;
}
