// Every place of a notebook's SolutionReport put into its cell (LANGUAGE.md §9): the analysis ran on the Markdown
// cells joined (notebook.ts), so its lines are the joined text's; here each range and line becomes the cell's own,
// with `cell` beside it, and the places a message names ("on line 21", "at 17:20") too. One walk, at one place, so
// no consumer (the CLI's text and JSON, the library, the editor) maps a range of its own.
import type { SolutionReport } from './index';
import type { JoinedCells } from './notebook';

/**
 * A copy of `sol` (of the joined text `joined`) in cell coordinates: every object with a `line` gets `cell` and its
 * line (and column) in that cell; a range that ends in a later cell ends at its own cell's end. A sidecar network's
 * report keeps the sidecar's lines (as for a Markdown solution) and is not walked, but for the checks an equation
 * reads, which are the notebook's.
 */
export function inCells(sol: SolutionReport, joined: JoinedCells): SolutionReport {
  // structuredClone keeps shared objects shared (an equation's checks are its network's): each is mapped once
  const out = structuredClone(sol);
  const seen = new Set<object>();
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object' || seen.has(o)) return;
    seen.add(o);
    if (Array.isArray(o)) {
      // values (number[], number[][]) hold no place
      if (o.length && typeof o[0] !== 'object') return;
      for (const x of o) walk(x);
      return;
    }
    const r = o as Record<string, unknown>;
    // a sidecar's own lines are said as the sidecar's ("in the sidecar .rnn, line 3"): not the notebook's
    if (typeof r.message === 'string' && !r.message.startsWith('in the sidecar')) r.message = placesIn(r.message, joined);
    if (typeof r.line === 'number') place(r, joined);
    for (const v of Object.values(r)) if (v && typeof v === 'object') walk(v);
  };
  walk(out.diagnostics);
  walk(out.equations);
  for (const n of out.networks) {
    if (n.range) walk(n);
    // a sidecar network: only the checks read from the notebook's equations, reached through them above
  }
  return out;
}

/** one object's line (and column, and end) put into its cell, in place */
function place(r: Record<string, unknown>, joined: JoinedCells): void {
  const start = joined.position(r.line as number, typeof r.column === 'number' ? r.column : 1);
  r.line = start.line;
  if (typeof r.column === 'number') r.column = start.column;
  if (typeof r.endLine === 'number') {
    const e = joined.position(r.endLine, typeof r.endColumn === 'number' ? r.endColumn : 1);
    const end = e.cell === start.cell ? e : joined.end(start.cell);
    r.endLine = end.line;
    if (typeof r.endColumn === 'number') r.endColumn = end.column;
  }
  r.cell = start.cell;
}

/** a message's places ("on line 21", "at 17:20", "(line 6)"), which are the joined text's, as the cell's */
function placesIn(message: string, joined: JoinedCells): string {
  return message
    .replace(/\bat (\d+):(\d+)\b/g, (_all, l: string, c: string) => {
      const p = joined.position(+l, +c);
      return `at cell ${p.cell}:${p.line}:${p.column}`;
    })
    .replace(/\bon line (\d+)\b(?! of the sidecar)/g, (_all, l: string) => {
      const p = joined.position(+l, 1);
      return `on line ${p.line} of cell ${p.cell}`;
    })
    .replace(/\(line (\d+)(?! of the sidecar)([):])/g, (_all, l: string, end: string) => {
      const p = joined.position(+l, 1);
      return `(line ${p.line} of cell ${p.cell}${end}`;
    });
}
