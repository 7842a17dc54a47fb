// What a .rnn file shows between an edit and its Report (issue 13: a fixed error's squiggle goes at once).
// The worker sends the diagnostics of reading the new text (lexer, parser, resolver) before it analyses it;
// they are shown at once, beside the analysis's own problems of the last Report (check verdicts, runtime
// errors, limits), each moved to where its line now is, or dropped when its line was changed: a numeric
// verdict is about a statement as written, so it stays only while that statement's text does. The Report
// then replaces everything. Pure (no 'vscode'): diagnostics.ts publishes what these functions give.

import type { Diagnostic } from '../../report';
import type { DiagnosticItem } from './diagnosticsContent';

/** What a document shows: the reading's problems and the analysis's, in the text they are placed in. */
export interface Shown {
  text: string;
  read: DiagnosticItem[];
  analysed: DiagnosticItem[];
}

const sameItem = (a: DiagnosticItem, b: DiagnosticItem): boolean =>
  a.line === b.line &&
  a.column === b.column &&
  a.endLine === b.endLine &&
  a.endColumn === b.endColumn &&
  a.severity === b.severity &&
  a.message === b.message &&
  a.code === b.code;

function sameItems(a: DiagnosticItem[], b: DiagnosticItem[]): boolean {
  return a.length === b.length && a.every((x, i) => sameItem(x, b[i]!));
}

/**
 * A Report's items split into its reading's (those equal to one of `read`, the reading of the same text)
 * and the analysis's. Undefined when the reading is not known (a Report computed on the host thread): the
 * next reading then shows only its own problems until its Report.
 */
export function shownAfterReport(items: DiagnosticItem[], read: Diagnostic[] | undefined, text: string | undefined): Shown | undefined {
  if (read === undefined || text === undefined) return undefined;
  const isRead = (i: DiagnosticItem) => read.some((d) => sameItem(i, d));
  return { text, read: items.filter(isRead), analysed: items.filter((i) => !isRead(i)) };
}

/**
 * What to show once the reading of `text` is known, ahead of its Report: its problems and the analysis's
 * from `shown`, moved with their lines. Undefined when that changes nothing (the reading's problems are
 * those shown, at the same places): then nothing is published, as before reading came first.
 */
export function afterRead(
  shown: Shown | undefined,
  text: string,
  read: Diagnostic[],
): { items: DiagnosticItem[]; shown: Shown } | undefined {
  const readItems = read.map((d) => ({ ...d }));
  if (shown && sameItems(shown.read, readItems)) return undefined;
  const analysed = shown ? moveWithLines(shown.analysed, shown.text, text) : [];
  const items = [...readItems, ...analysed].sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, shown: { text, read: readItems, analysed } };
}

/**
 * Each item moved to where its lines are in `after` (the nearest place whose lines read exactly as the
 * item's lines did in `before`); an item whose lines are nowhere in `after` is dropped.
 */
export function moveWithLines(items: DiagnosticItem[], before: string, after: string): DiagnosticItem[] {
  if (before === after || items.length === 0) return items;
  const old = before.split('\n');
  const now = after.split('\n');
  const where = new Map<string, number[]>();
  now.forEach((l, i) => {
    const at = where.get(l);
    if (at) at.push(i);
    else where.set(l, [i]);
  });
  const out: DiagnosticItem[] = [];
  for (const item of items) {
    const from = item.line - 1;
    const lines = old.slice(from, item.endLine);
    if (lines.length === 0 || lines.length !== item.endLine - from) continue;
    let best: number | undefined;
    for (const j of where.get(lines[0]!) ?? []) {
      if (!lines.every((l, k) => now[j + k] === l)) continue;
      if (best === undefined || Math.abs(j - from) < Math.abs(best - from)) best = j;
    }
    if (best === undefined) continue;
    const shift = best - from;
    out.push(shift === 0 ? item : { ...item, line: item.line + shift, endLine: item.endLine + shift });
  }
  return out;
}
