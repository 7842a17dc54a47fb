// Go to definition, find references, highlights and the outline, from the Report's symbol table.
// Pure (no 'vscode').

import type { NodeKind, Range, Report, SymbolOccurrence } from '../../report';
import { isIndexed, splitIndexed, symbolAt, symbolKey, type Position } from '../reports/reportQuery';
import { isReservedWord } from '../../language/lexer';

function rangeOnly(r: Range): Range {
  return { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** Occurrences naming the same thing: same base name, and for a name used both timed and untimed (L_t, loss L), the same kind of use. */
function sameEntity(report: Report, a: SymbolOccurrence, b: SymbolOccurrence): boolean {
  if (a.role === 'function' || b.role === 'function') return a.role === b.role && a.name === b.name;
  if (a.name !== b.name) return false;
  const shared = report.quantities.filter((q) => q.name === a.name).length > 1;
  return !shared || isIndexed(a) === isIndexed(b);
}

/** The step an occurrence names outright (h_0 → 0, h_T → T), or null for t-relative and untimed ones. */
function fixedStep(report: Report, s: SymbolOccurrence): number | null {
  const key = symbolKey(s) !== 'none' ? symbolKey(s) : splitIndexed(s.text, report.T).key;
  return key.startsWith('step:') ? Number(key.slice(5)) : null;
}

/** Where the thing at p is introduced: its declaration, or its defining equation (the one for that step if it has its own, like h_0). */
export function definitionAt(report: Report, p: Position): Range[] {
  const sym = symbolAt(report, p);
  if (!sym || sym.role === 'function') return [];
  const defs = report.symbols.filter((s) => (s.role === 'declaration' || s.role === 'definition') && sameEntity(report, s, sym));
  if (defs.length <= 1) return defs.map(rangeOnly);
  const step = fixedStep(report, sym);
  const own = step === null ? undefined : defs.find((d) => fixedStep(report, d) === step);
  if (own) return [rangeOnly(own)];
  const general = defs.filter((d) => fixedStep(report, d) === null);
  return (general.length ? general : defs).map(rangeOnly);
}

/** Every occurrence of the thing at p (definitions included). */
export function referencesAt(report: Report, p: Position): { range: Range; write: boolean }[] {
  const sym = symbolAt(report, p);
  if (!sym) return [];
  return report.symbols
    .filter((s) => sameEntity(report, s, sym))
    .map((s) => ({ range: rangeOnly(s), write: s.role === 'declaration' || s.role === 'definition' }));
}

export type OutlineKind = 'parameter' | 'data' | 'quantity' | 'loss' | 'horizon' | 'derive' | 'check';

export interface OutlineItem {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: Range;
  selection: Range;
}

/** The outline: horizon, declarations, equations, questions, in file order. */
export function outline(report: Report): OutlineItem[] {
  const kinds = new Map<string, NodeKind>();
  for (const r of report.graph?.rows ?? []) kinds.set(r.name, r.kind);
  for (const q of report.quantities) if (!kinds.has(q.name) || q.kind === 'loss') kinds.set(q.name, q.kind);
  for (const p of report.params) kinds.set(p.name, 'param');
  const items: OutlineItem[] = [];
  for (const s of report.symbols) {
    if (s.role !== 'declaration' && s.role !== 'definition') continue;
    const r = rangeOnly(s);
    if (s.name === 'T' && s.role === 'definition') {
      items.push({ name: 'T', detail: report.T === null ? '' : `= ${report.T}`, kind: 'horizon', range: r, selection: r });
      continue;
    }
    const name = s.name;
    const nk = kinds.get(name);
    const isLoss = report.loss?.name === name && !isIndexed(s);
    const kind: OutlineKind = isLoss ? 'loss' : nk === 'param' ? 'parameter' : nk === 'input' || nk === 'target' ? 'data' : 'quantity';
    const q = report.quantities.find((x) => x.name === name && x.timed === isIndexed(s));
    const detail = s.role === 'declaration' ? (nk ?? '') : q && fixedStep(report, s) === null ? `= ${q.equation}` : '';
    items.push({ name: s.text, detail, kind, range: r, selection: r });
  }
  for (const d of report.derives) items.push({ name: `derive ${d.query}`, detail: '', kind: 'derive', range: d.range, selection: d.range });
  for (const c of report.checks)
    items.push({ name: `check ${c.equation}`, detail: c.status, kind: 'check', range: c.range, selection: c.range });
  return items.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

export interface RenamePlan {
  /** the name being renamed and where it sits at the cursor */
  name: string;
  range: Range;
  /** every place the name is written (only the name: time indices stay as they are) */
  edits: Range[];
}

/**
 * Renaming the thing at p: the base name of every occurrence, never its time index (h_{t-1} keeps
 * `_{t-1}`). Null for functions, the horizon, and occurrences whose text does not start with the name
 * (a spelling the symbol table abbreviates).
 */
export function renamePlan(report: Report, p: Position, lineText: (line: number) => string): RenamePlan | null {
  const sym = symbolAt(report, p);
  if (!sym || sym.role === 'function' || sym.name === 'T') return null;
  const name = sym.name;
  const edits: Range[] = [];
  for (const r of referencesAt(report, p)) {
    const at = r.range;
    if (lineText(at.line).slice(at.column - 1, at.column - 1 + name.length) !== name) return null;
    edits.push({ line: at.line, column: at.column, endLine: at.line, endColumn: at.column + name.length });
  }
  return { name, range: { line: sym.line, column: sym.column, endLine: sym.line, endColumn: sym.column + name.length }, edits };
}

/** Why a new name cannot be used, or null if it can. */
export function renameProblem(report: Report, oldName: string, newName: string): string | null {
  if (!/^[A-Za-z\u0370-\u03FF][A-Za-z0-9\u0370-\u03FF]*(?:_[A-Za-z0-9\u0370-\u03FF]+)*$/.test(newName))
    return `${newName} is not a name (a letter, then letters, digits and _ parts)`;
  if (/_(?:t|T|\d+)$/.test(newName)) return `${newName} ends in a time index`;
  // T is the horizon and t the time variable, besides the words the lexer never reads as a name
  if (newName === 'T' || newName === 't' || isReservedWord(newName)) return `${newName} is reserved`;
  if (newName !== oldName && report.symbols.some((s) => s.name === newName)) return `${newName} is already used in this file`;
  return null;
}
