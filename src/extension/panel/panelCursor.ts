// Which derive / check / graph node the editor cursor is on, from the Report alone.
// Pure (no 'vscode' import) so it is unit-tested and benchmarked without an editor.

import { nodeKey, type CursorContext } from '../../protocol';
import type { Range, Report } from '../../report';

function contains(r: Range, line: number, column: number): boolean {
  if (line < r.line || line > r.endLine) return false;
  if (line === r.line && column < r.column) return false;
  // the cursor just past the last character still counts as on it
  if (line === r.endLine && column > r.endColumn) return false;
  return true;
}

function onLines(r: Range, line: number): boolean {
  return line >= r.line && line <= r.endLine;
}

/**
 * Resolve the cursor (1-based line and column) against a Report.
 * A statement counts when the cursor is anywhere on its lines; a symbol when the cursor touches it.
 */
export function cursorContext(report: Report, line: number, column: number): CursorContext {
  const derive = report.derives.findIndex((d) => onLines(d.range, line));
  const check = report.checks.findIndex((c) => onLines(c.range, line));
  const sym = report.symbols.find((s) => s.role !== 'function' && contains(s, line, column)) ?? null;
  let symbol: CursorContext['symbol'] = null;
  let node: string | null = null;
  if (sym) {
    const step = typeof sym.step === 'number' ? sym.step : null;
    const name = sym.name;
    symbol = { name, step, relative: typeof sym.offset === 'number' };
    // h_2 → "h@2"; W_hh, L → "W_hh", "L"; h_t, h_{t-1} → no single node (the webview marks the row)
    const id = typeof sym.offset === 'number' && step === null ? null : nodeKey({ name, step });
    if (id !== null && report.graph?.nodes.some((n) => n.id === id)) node = id;
  }
  return { line, column, derive: derive < 0 ? null : derive, check: check < 0 ? null : check, symbol, node };
}

/** True when two contexts would draw the same panel (so a cursor move inside one token posts nothing). */
export function sameContext(a: CursorContext | null, b: CursorContext | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.derive === b.derive &&
    a.check === b.check &&
    a.node === b.node &&
    (a.symbol?.name ?? null) === (b.symbol?.name ?? null) &&
    (a.symbol?.step ?? null) === (b.symbol?.step ?? null)
  );
}
