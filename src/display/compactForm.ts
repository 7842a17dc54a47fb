// Readable derivations of gated networks (issue 13): the compact statement first, long forms folded,
// and the chain-rule paths that are 0 at the file's values counted instead of listed one by one.
// Pure string work on the Report's forms (no DOM), shared by the panel and the extension host (which
// typesets the panel's first formulas ahead of a report: src/extension/panel/typeset.ts), unit-tested.

import type { ChainTerm, DeriveReport, DeriveResult, Report } from '../report';
import { factoredFirst } from './forms';
import { valueLatex } from './number';

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

// ---- one derivation's layout: what the panel shows, in order, and what it typesets when ------------

export type FormKey = 'chain' | 'factored' | 'explicit' | 'recursive';

const FORM_LABELS: [key: FormKey, label: string][] = [
  ['chain', 'Chain rule'],
  ['factored', 'Chain rule, factored'],
  ['explicit', 'Explicit'],
  ['recursive', 'δ-recursion'],
];

export interface Formula {
  latex: string;
  display: boolean;
}

export type LayoutBlock =
  /**
   * A symbolic form. `first`: the form read first, typeset with the first paint; `folded`: long and not
   * first, shown as a closed <details> and typeset when opened; `terms`: the chain-rule terms follow it.
   */
  | { kind: 'form'; key: FormKey; label: string; latex: string; first: boolean; folded: boolean; terms: boolean }
  /** the δ-recursion's statement of the result (compactRecursion), typeset with the first paint */
  | { kind: 'compact'; latex: string }
  /** no symbolic form: the result's own LaTeX, and the reason only the number is shown */
  | { kind: 'only-number'; latex: string };

export interface ResultLayout {
  /** the derive's query (inline) */
  query: Formula;
  blocks: LayoutBlock[];
  /** the value (display for a vector or matrix) */
  value: Formula;
}

/** The result a derive shows for a chosen step (null: or none chosen, or none at that step): the first. */
export function pickResult(d: DeriveReport, step: number | null | undefined): DeriveResult | undefined {
  return d.results.find((x) => step !== null && step !== undefined && x.t === step) ?? d.results[0];
}

/**
 * The layout of one derivation result, which the panel renders (src/webview/derivation.ts) and the
 * extension host typesets ahead of it (src/extension/panel/typeset.ts) — one function, so the two agree.
 * A short factored chain form (∂L₃/∂o₃·∂o₃/∂h₃·(∂⁺h₃/∂W + ∂h₃/∂h₂·(…))) is read first when the sum over
 * paths is long; else the compact statement ∂L/∂u_z = Σ_t δ_t·… (the δ-recursion follows); else the
 * first form. The forms after the first that are longer than FOLD_ROWS rows start folded.
 */
export function resultLayout(d: DeriveReport, r: DeriveResult): ResultLayout {
  const forms = r.forms;
  const blocks: LayoutBlock[] = [];
  const factored = factoredFirst(forms) ? forms!.factored! : null;
  if (factored)
    blocks.push({
      kind: 'form',
      key: 'factored',
      label: 'Chain rule, factored',
      latex: factored.latex,
      first: true,
      folded: false,
      terms: false,
    });
  const compact = factored ? null : compactRecursion(d, r);
  if (compact) blocks.push({ kind: 'compact', latex: compact.latex });
  let any = factored !== null;
  for (const [key, label] of FORM_LABELS) {
    const f = forms?.[key];
    if (!f || f === factored) continue;
    const first = !any && !compact;
    blocks.push({
      kind: 'form',
      key,
      label,
      latex: f.latex,
      first,
      folded: !first && formRows(f.latex) > FOLD_ROWS,
      terms: key === 'chain',
    });
    any = true;
  }
  if (!any) blocks.push({ kind: 'only-number', latex: r.latex });
  return {
    query: { latex: d.queryLatex || d.query, display: false },
    blocks,
    value: { latex: valueLatex(r.value, 6), display: typeof r.value !== 'number' },
  };
}

/**
 * A free-t derive written once for a general step t (DeriveReport.general, LANGUAGE.md §5): one block per run
 * of steps sharing a form, a boundary step whose form differs on its own; the panel shows them above the
 * chosen step's derivation and typesets them with the first paint. Empty without general lines.
 */
export function generalLayout(d: DeriveReport): { label: string; from: number; to: number; formula: Formula }[] {
  return (d.general ?? []).map((g) => ({
    label: g.from === g.to ? `At t = ${g.from}, whose form differs` : `For a general step t (t = ${g.from}..${g.to})`,
    from: g.from,
    to: g.to,
    formula: { latex: g.latex, display: true },
  }));
}

/** The formulas of a layout typeset with its first paint: the query, the first block, the value. */
export function firstLayoutFormulas(layout: ResultLayout): Formula[] {
  const first = layout.blocks.filter((b) => b.kind !== 'form' || b.first).map((b) => ({ latex: b.latex, display: true }));
  return [layout.query, ...first, layout.value];
}
