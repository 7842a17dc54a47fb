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
  // A failing claim's message may name an earlier failing claim whose mistake it carries over (check/carried.ts):
  // a claim's part depends on the failing claims before it, so it is kept under its text and theirs (with their
  // places, which its message names). The kept parts are used up to the first claim not seen in its context; it and
  // every claim after it are analysed with the earlier failing claims, each at its own line (the others' lines left
  // blank, so every line number is the whole text's).
  const failing: number[] = [];
  const keyOf = (i: number) =>
    failing.length ? `${g.claims[i]!}\u0001${failing.map((j) => `${j}:${g.claims[j]!}`).join('\u0002')}` : g.claims[i]!;
  const keys: string[] = [];
  let first = g.claims.length;
  for (let i = 0; i < g.claims.length; i++) {
    const k = keyOf(i);
    const part = entry.claims.get(k);
    if (!part) {
      first = i;
      break;
    }
    keys.push(k);
    if (fails(part)) failing.push(i);
  }
  if (first < g.claims.length) {
    const context = new Set(failing);
    const lines = g.claims.map((c, i) => (i >= first || context.has(i) ? c : ''));
    const report = analyze(g.network + lines.map((c) => c + '\n').join(''), options);
    // the analysed claims' parts, line 0 = their own check line (the context's are kept already)
    const parts = new Map<number, ClaimPart>();
    for (let i = first; i < g.claims.length; i++) parts.set(networkLines + 1 + i, {});
    const lists = Object.keys(report).filter((k) => Array.isArray((report as unknown as Record<string, unknown>)[k]));
    for (const k of lists) {
      const all = (report as unknown as Record<string, unknown[]>)[k]!;
      const kept: unknown[] = [];
      for (const item of all) {
        const line = lineOf(item);
        const i = line === undefined ? -1 : line - networkLines - 1;
        if (i < 0 || i >= g.claims.length) kept.push(item);
        else if (i >= first) (parts.get(line!)![k] ??= []).push(shiftLines(item, line!, -line!));
      }
      (report as unknown as Record<string, unknown[]>)[k] = kept;
    }
    if (entry.claims.size + parts.size > MAX_CLAIMS) entry.claims.clear();
    for (let i = first; i < g.claims.length; i++) {
      const part = parts.get(networkLines + 1 + i)!;
      const k = keyOf(i);
      keys.push(k);
      entry.claims.set(k, part);
      if (fails(part)) failing.push(i);
    }
    return restore(report, g, keys, entry, networkLines);
  }
  return restore(analyze(g.network, options), g, keys, entry, networkLines);
}

/** whether a claim's part has a link that fails (a later claim may carry its mistake over) */
function fails(part: ClaimPart): boolean {
  return (part.checks ?? []).some((c) => (c as { status?: unknown }).status === 'fails');
}

/**
 * every claim's part back at its line in the whole text: after the network's items, in the claims' order, which is
 * analyze()'s order (its lists follow the statements; diagnostics are sorted by line)
 */
function restore(report: Report, g: GeneratedNetwork, keys: string[], entry: NetworkEntry, networkLines: number): Report {
  g.claims.forEach((_, i) => {
    const line = networkLines + 1 + i;
    for (const [k, items] of Object.entries(entry.claims.get(keys[i]!)!)) {
      const list = ((report as unknown as Record<string, unknown[]>)[k] ??= []);
      for (const item of items) list.push(shiftLines(structuredClone(item), 0, line));
    }
  });
  return report;
}

let enabled = true;

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

/** whether every ( [ { of a claim's check line is closed on it */
function balanced(line: string): boolean {
  let depth = 0;
  for (const ch of line) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth === 0;
}
