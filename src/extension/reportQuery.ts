// Lookups into a Report by source position and by name, shared by the hover, lens and command content.
// Pure (no 'vscode').

import type {
  CheckReport, DeriveReport, GraphNode, ParamReport, QuantityReport, Range, Report, SymbolOccurrence,
} from '../report';

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

export function quantityNamed(report: Report, name: string): QuantityReport | undefined {
  return report.quantities.find((q) => q.name === name);
}

export function paramNamed(report: Report, name: string): ParamReport | undefined {
  return report.params.find((p) => p.name === name);
}

/** The graph node of a name at a step (null: shared parameter or untimed quantity). */
export function nodeOf(report: Report, name: string, t: number | null): GraphNode | undefined {
  return report.graph?.nodes.find((n) => n.name === name && n.t === t);
}

/** Node ids as the graph names them: "h@2", "W_hh". */
export function nodeId(name: string, t: number | null): string {
  return t === null ? name : `${name}@${t}`;
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
