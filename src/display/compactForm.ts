// Readable derivations of gated networks (issue 13): the compact statement first, long forms folded,
// and the chain-rule paths that are 0 at the file's values counted instead of listed one by one.
// Pure string work on the Report's forms (no DOM), shared by the panel and the extension host (which
// typesets the panel's first formulas ahead of a report: src/extension/panel/typeset.ts), unit-tested.

import type { ChainTerm, DeriveReport, DeriveResult, Report } from '../report';

/** Rows of an `aligned` block: `\begin{aligned} a &= b \\ &= c \end{aligned}` → ['a &= b', '&= c']. */
export function alignedRows(latex: string): string[] | null {
  const m = /^\s*\\begin\{aligned\}([\s\S]*)\\end\{aligned\}\s*$/.exec(latex);
  if (!m) return null;
  const rows: string[] = [];
  let depth = 0;
  // environments inside a row (a bmatrix's own \\ rows) are not row breaks of the aligned block
  let env = 0;
  let start = 0;
  const body = m[1]!;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '\\' && body.startsWith('begin{', i + 1)) env++;
    else if (c === '\\' && body.startsWith('end{', i + 1)) env--;
    else if (c === '\\' && body[i + 1] === '\\' && depth === 0 && env === 0) {
      rows.push(body.slice(start, i).trim());
      start = i + 2;
      i++;
    } else if (c === '\\') i++; // an escaped character (\{ \} \\ inside a group)
  }
  rows.push(body.slice(start).trim());
  return rows.filter((r) => r !== '');
}

export function alignedLatex(rows: string[]): string {
  return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`;
}

/**
 * The δ-recursion's statement of the result itself — `∂L/∂u_z = Σ_t δ_t·∂h_t/∂z_t·∂⁺z_t/∂u_z = … = value`
 * — without the recursion that defines δ_t and without the `where` lines: the form to read first.
 * Null when the form has no such rows (or is short anyway).
 */
export function compactRecursion(_d: DeriveReport, r: DeriveResult): { latex: string; rows: number; of: number } | null {
  const rec = r.forms?.recursive?.latex;
  if (!rec) return null;
  const rows = alignedRows(rec);
  if (!rows || rows.length <= 4) return null;
  // the last statement before the `where` rows (the δ definitions come first); it and its `&= …` rows
  const where = rows.findIndex((row) => row.startsWith('\\text{where'));
  const before = where < 0 ? rows.length : where;
  let begin = -1;
  for (let i = before - 1; i > 0; i--)
    if (!rows[i]!.startsWith('&')) {
      begin = i;
      break;
    }
  if (begin <= 0) return null;
  let end = begin + 1;
  while (end < before && rows[end]!.startsWith('&')) end++;
  const head = rows.slice(begin, end);
  return { latex: alignedLatex(head), rows: head.length, of: rows.length };
}

/** Forms longer than this many display rows start folded in the panel (their summary says how long they are). */
export const FOLD_ROWS = 10;

/** Display rows of a form (an aligned block's rows, or 1). */
export function formRows(latex: string): number {
  return alignedRows(latex)?.length ?? 1;
}

export interface ZeroTerms {
  /** the terms that are not 0, in order, with their index in the full list */
  shown: { term: ChainTerm; index: number }[];
  zero: { term: ChainTerm; index: number }[];
  /** why they vanish, when the graph shows it: "h_0 = 0" */
  because: string | null;
}

/**
 * Splits the chain-rule terms into those that contribute and those that are exactly 0 at the file's
 * values. An initial state equal to 0 that is the start of every 0 path's step (h_0 = 0 makes
 * ∂⁺h_1/∂W_hh = σ′·h_0 vanish) is named as the reason.
 */
export function splitZeroTerms(report: Report, terms: ChainTerm[]): ZeroTerms {
  const shown: ZeroTerms['shown'] = [];
  const zero: ZeroTerms['zero'] = [];
  terms.forEach((term, index) => (typeof term.value === 'number' && term.value === 0 ? zero : shown).push({ term, index }));
  let because: string | null = null;
  if (zero.length) {
    const initial = (report.graph?.nodes ?? []).filter((n) => n.t === 0 && typeof n.value === 'number' && n.value === 0);
    // a zero initial state whose step-1 successor is every zero path's first step (∂⁺h_1/∂W carries h_0),
    // or a node that reads it directly (seed 001's h̃_1 = W_xh x_1 + W_hh h_0 + b_h, before h_1 = σ(h̃_1))
    const readers = (id: string) => new Set((report.graph?.edges ?? []).filter((e) => e.from === id).map((e) => e.to));
    const named = initial.find((n) => {
      const next = readers(n.id);
      return zero.every(({ term }) => term.path[1] === `${n.name}@1` || next.has(term.path[1]!) || term.path.includes(n.id));
    });
    if (named) because = `${named.name}_0 = 0`;
  }
  return { shown, zero, because };
}
