// Lookups into a Report by source position and by name, shared by the hover, lens and command content.
// Pure (no 'vscode').

import type { CheckReport, DeriveReport, GraphNode, ParamReport, QuantityReport, Range, Report, SymbolOccurrence } from '../../report';

/** 1-based line and column of a character (the one under the mouse or right of the cursor). */
export interface Position {
  line: number;
  column: number;
}

export function contains(r: Range, p: Position): boolean {
  if (p.line < r.line || p.line > r.endLine) return false;
  if (p.line === r.line && p.column < r.column) return false;
  if (p.line === r.endLine && p.column >= r.endColumn) return false;
  return true;
}

/** The innermost symbol occurrence at p (the shortest one that contains it). */
export function symbolAt(report: Report, p: Position): SymbolOccurrence | undefined {
  let best: SymbolOccurrence | undefined;
  for (const s of report.symbols) {
    if (!contains(s, p)) continue;
    if (!best || span(s) < span(best)) best = s;
  }
  return best;
}

function span(r: Range): number {
  return (r.endLine - r.line) * 1e6 + (r.endColumn - r.column);
}

/** The derive statement whose lines include `line`. */
export function deriveAtLine(report: Report, line: number): DeriveReport | undefined {
  return report.derives.find((d) => line >= d.range.line && line <= d.range.endLine) ?? report.derives.find((d) => d.line === line);
}

export function checkAtLine(report: Report, line: number): CheckReport | undefined {
  return report.checks.find((c) => line >= c.range.line && line <= c.range.endLine) ?? report.checks.find((c) => c.line === line);
}

/**
 * The quantity of a name. A timed quantity and an untimed one may share a name (`L_t` and `loss L`);
 * `timed` picks between them (a symbol says `timed: false` when it names the untimed one).
 */
export function quantityNamed(report: Report, name: string, timed?: boolean): QuantityReport | undefined {
  const all = report.quantities.filter((q) => q.name === name);
  return (timed === undefined ? undefined : all.find((q) => q.timed === timed)) ?? all[0];
}

/** Whether a symbol occurrence is written with a time index (h_t, h_{t-1}, L_3), as opposed to L or W_hh. */
export function isIndexed(sym: SymbolOccurrence): boolean {
  if (sym.timed === false) return false;
  return (sym.offset !== undefined && sym.offset !== null) || (sym.step !== undefined && sym.step !== null) || sym.text !== sym.name;
}

/** A time index as a comparable key: "off:-1" for t-1, "step:3" for 3 (and T±k), or null if it is not one. */
export function indexKey(idx: string, T: number | null): string | null {
  const s = idx.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1');
  let m = /^t([+-]\d+)?$/.exec(s);
  if (m) return `off:${m[1] ? Number(m[1]) : 0}`;
  m = /^(\d+)$/.exec(s);
  if (m) return `step:${Number(m[1])}`;
  m = /^T([+-]\d+)?$/.exec(s);
  if (m && T !== null) return `step:${T + (m[1] ? Number(m[1]) : 0)}`;
  return null;
}

/** Splits "h_{t-1}" into its name and index key ("h", "off:-1"); "W_hh" has no index ("W_hh", "none"). */
export function splitIndexed(text: string, T: number | null): { name: string; key: string } {
  const m = /^(.+?)(?:_\{([^{}]*)\}|_([A-Za-z0-9+-]+)|\^\{?\(([^()]*)\)\}?)$/.exec(text.trim());
  if (m) {
    const key = indexKey(m[2] ?? m[3] ?? m[4] ?? '', T);
    if (key) return { name: m[1]!, key };
  }
  return { name: text.trim(), key: 'none' };
}

/** The index key of a symbol occurrence, as splitIndexed() gives it for text. */
export function symbolKey(sym: SymbolOccurrence): string {
  if (sym.offset !== undefined && sym.offset !== null) return `off:${sym.offset}`;
  if (sym.step !== undefined && sym.step !== null) return `step:${sym.step}`;
  return 'none';
}

/** The immediate partial of `owner` with respect to what the symbol names (matching name and time index). */
export function partialFor(report: Report, owner: QuantityReport, sym: SymbolOccurrence): QuantityReport['partials'][number] | undefined {
  const name = sym.name;
  const key = symbolKey(sym);
  return (
    owner.partials.find((pr) => sameText(pr.wrt, sym.text)) ??
    owner.partials.find((pr) => {
      const w = splitIndexed(pr.wrt, report.T);
      return w.name === name && w.key === key;
    })
  );
}

export function paramNamed(report: Report, name: string): ParamReport | undefined {
  return report.params.find((p) => p.name === name);
}

/** The graph node of a name at a step (null: shared parameter or untimed quantity). */
export function nodeOf(report: Report, name: string, t: number | null): GraphNode | undefined {
  return report.graph?.nodes.find((n) => n.name === name && n.t === t);
}

/** Collapse spacing so "h_{t - 1}" and "h_{t-1}" compare equal. */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

/** The derive in the file asking exactly for ∂LOSS/∂name (any spelling of ∂), if there is one. */
export function lossDeriveFor(report: Report, name: string): DeriveReport | undefined {
  const loss = report.loss?.name;
  if (!loss) return undefined;
  const want = `∂${loss}/∂${name}`;
  return report.derives.find((d) => sameText(normalizeQuery(d.query), want));
}

function normalizeQuery(q: string): string {
  return q
    .replace(/\\partial\s*/g, '∂')
    .replace(/^d(?=[^/]+\/d)/, '∂')
    .replace(/\/d(?=[A-Za-z\u0370-\u03FF])/, '/∂');
}

/** The step a symbol refers to in the context of step t (h_{t-1} at t = 3 → 2), or null if untimed. */
export function stepOf(sym: SymbolOccurrence, t: number | null): number | null {
  if (sym.step !== undefined && sym.step !== null) return sym.step;
  if (sym.offset !== undefined && sym.offset !== null) return t === null ? null : t + sym.offset;
  return null;
}
