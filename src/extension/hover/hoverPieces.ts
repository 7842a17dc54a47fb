// Pieces shared by the hovers: numbers per step, the gradient-flow hint, the sample-value note, forms. Pure.

import { sampledNames } from '../../display/sampled';
import type { Report, Value } from '../../report';
import {
  escapeHtml,
  formatNumber,
  isMatrix,
  isScalar,
  mathHtml,
  norm,
  sparkline,
  valueHtml,
  valueLatex,
  valueText,
} from '../shared/format';
import type { HoverOptions } from './hoverContent';

/** A hover carries its LaTeX in a command link: at most this many steps of it (the command copies them all). */
export const HOVER_LATEX_STEPS = 12;

/** A multi-line form (equation lines, then `where` lines) as HTML lines; alignment spaces dropped. */
export function formHtml(text: string): string {
  return text
    .split('\n')
    .map((l) => mathHtml(l.trim()))
    .filter((l) => l !== '')
    .join('<br>');
}

/** Lines of one symbolic form a hover shows before pointing to the panel for the rest. */
export const HOVER_FORM_LINES = 6;

/**
 * A form's lines as HTML, at most `max` of them; past that, how many more there are and `rest` (a
 * command link to the panel, where the whole form is).
 */
export function formHtmlCapped(text: string, max: number, rest: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .flatMap(breakAtTerms);
  if (lines.length <= max) return lines.map((l) => mathHtml(l)).join('<br>');
  return `${lines
    .slice(0, max)
    .map((l) => mathHtml(l))
    .join('<br>')}<br>_… ${lines.length - max} more lines: ${rest}_`;
}

/** A hover line longer than this is broken before each top-level + or − (one term per line). */
export const HOVER_LINE_CHARS = 90;

/** `a = b + c(d + e) − f` → ['a = b', '+ c(d + e)', '− f'] when longer than HOVER_LINE_CHARS. */
export function breakAtTerms(line: string): string[] {
  if (line.length <= HOVER_LINE_CHARS) return [line];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const eq = line.indexOf(' = ');
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i > eq && c === ' ' && /^ [+−-] /.test(line.slice(i, i + 3)) && i > start) {
      out.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(line.slice(start).trim());
  return out.filter((l) => l !== '');
}

/**
 * The δ-recursion's statement of the result — `∂L/∂u_z = Σ_t δ_t·∂h_t/∂z_t·∂⁺z_t/∂u_z` and its `= …`
 * lines — without the recursion for δ_t or the `where` lines: what to read first. It is the last
 * unindented line before `where` (the δ lines come first), with the indented lines that continue it.
 */
export function compactRecursionText(text: string): string | null {
  const lines = text.split('\n');
  const top = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() !== '' && !/^\s/.test(l));
  const where = top.findIndex(({ l }) => l.startsWith('where'));
  const before = where < 0 ? top : top.slice(0, where);
  if (before.length < 2) return null;
  const start = before[before.length - 1]!.i;
  let end = start + 1;
  while (end < lines.length && /^\s/.test(lines[end]!) && lines[end]!.trim() !== '') end++;
  return lines.slice(start, end).join('\n');
}

/** Values per step as HTML: scalars as a small t/value table, vectors one per line, matrices by norm. */
export function stepsHtml(
  entries: { t: number | null; value: Value }[],
  opts: Pick<HoverOptions, 'digits' | 'detail'>,
  horizon?: number | null,
): string {
  if (entries.length === 0) return '—';
  if (entries.length === 1 && entries[0]!.t === null) return valueHtml(entries[0]!.value, opts.digits);
  const max = opts.detail === 'full' ? 12 : 4;
  const shown = entries.length <= max ? entries : [...entries.slice(0, max - 1), null, entries[entries.length - 1]!];
  const note = stepsNote(entries, shown.length < entries.length ? max - 1 : entries.length, horizon);
  if (entries.every((e) => isScalar(e.value))) {
    const head = shown.map((e) => `<th>${e ? `t = ${e.t}` : ''}</th>`).join('');
    const body = shown.map((e) => `<td>${e ? formatNumber(e.value as number, opts.digits) : '…'}</td>`).join('');
    return `\n\n<table><tr>${head}</tr><tr>${body}</tr></table>${note ? `\n\n${note}` : ''}`;
  }
  const rows = shown.map((e) =>
    e === null
      ? '…'
      : isMatrix(e.value)
        ? `t = ${e.t}: ‖·‖ = ${formatNumber(norm(e.value), opts.digits)}`
        : `t = ${e.t}: <code>${escapeHtml(valueText(e.value, opts.digits))}</code>`,
  );
  return `<br>${rows.join('<br>')}${note ? `<br>${note}` : ''}`;
}

/**
 * What a truncated step list leaves out, in words: the steps skipped in the middle of the table, and
 * the steps past the last one the Report lists (it keeps per-step values for the first steps only).
 */
export function stepsNote(entries: { t: number | null }[], shownBefore: number, horizon?: number | null): string {
  const timed = entries.filter((e) => e.t !== null);
  const parts: string[] = [];
  if (shownBefore < entries.length - 1) {
    const from = entries[shownBefore]?.t;
    const to = entries[entries.length - 2]?.t;
    const listed = entries.length - shownBefore - 1;
    // a long sequence's Report keeps only its first and last steps: the gap counts steps, not list entries
    const span = from != null && to != null ? to - from + 1 : listed;
    const kept = span > listed ? `; the analysis lists ${listed} of them, the first and last steps of a long sequence` : '';
    parts.push(from != null && to != null ? `t = ${from}…${to} left out here (${span} steps${kept})` : `${listed} steps left out here`);
  }
  const last = timed.length ? timed[timed.length - 1]!.t! : null;
  if (horizon && last !== null && last < horizon) parts.push(`listed for t ≤ ${last} of T = ${horizon}: later steps are not listed`);
  return parts.length ? `_(${parts.join('; ')})_` : '';
}

export function nodeSeries(report: Report, name: string, what: 'value' | 'grad'): { t: number | null; value: Value }[] {
  const nodes = report.graph?.nodes.filter((n) => n.name === name) ?? [];
  const out: { t: number | null; value: Value }[] = [];
  for (const n of nodes) {
    const v = what === 'value' ? n.value : n.grad;
    if (v !== null) out.push({ t: n.t, value: v });
  }
  return out.sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
}

/** "vanishing"/"exploding" from the flow norms of a recurrent quantity. */
export function flowHint(report: Report, name: string, digits: number): string | null {
  const f = report.flow.find((x) => x.name === name);
  if (!f || f.norms.length < 2) return null;
  const first = f.norms[0]!;
  const last = f.norms[f.norms.length - 1]!;
  const n = f.norms.length;
  if (last === 0 && first === 0) return `_gradient flow:_ ‖∂L/∂${escapeHtml(name)}<sub>t</sub>‖ is 0 at every step.`;
  const ratio = last === 0 ? Infinity : first / last;
  const norms = `‖∂L/∂${escapeHtml(name)}<sub>1</sub>‖ = ${formatNumber(first, digits)}, ‖∂L/∂${escapeHtml(name)}<sub>${n}</sub>‖ = ${formatNumber(last, digits)}; t = 1…${n}: <code>${sparkline(f.norms)}</code>`;
  if (ratio < 0.1) return `_gradient flow:_ ↘ **vanishing** going back in time (${norms}; ×${formatNumber(ratio, 2)})`;
  if (ratio > 10) return `_gradient flow:_ ↗ **exploding** going back in time (${norms}; ×${formatNumber(ratio, 2)})`;
  return `_gradient flow:_ stable over these steps (${norms})`;
}

export function sampledNote(report: Report, showsNumbers: boolean, only?: string): string[] {
  if (!showsNumbers || report.sampled.length === 0) return [];
  const keep = (n: string): boolean => !only || !report.sampled.includes(only) || n === only;
  const { unwritten, refused } = sampledNames(report);
  const list = (names: string[]): string =>
    names
      .filter(keep)
      .map((n) => mathHtml(n))
      .join(', ');
  const out: string[] = [];
  if (unwritten.some(keep)) out.push(`_numbers use deterministic sample values for ${list(unwritten)} (no value given in the file)_`);
  if (refused.some(keep)) out.push(`_numbers use sample values for ${list(refused)}: the values given have errors (see Problems)_`);
  return out;
}

export function latexSteps(lhs: string, entries: { t: number | null; value: Value }[], digits: number): string {
  if (entries.length === 0) return lhs;
  if (entries.length === 1 && entries[0]!.t === null) return `${lhs} = ${valueLatex(entries[0]!.value, digits)}`;
  const shown = entries.slice(0, HOVER_LATEX_STEPS).map((e) => `t=${e.t}:\\ ${valueLatex(e.value, digits)}`);
  if (entries.length > shown.length) shown.push('\\dots');
  return `${lhs}:\\quad ${shown.join(',\\quad ')}`;
}
