// The results shown above derive and check lines (CodeLens): the number or the per-step numbers,
// and the verdict. Pure (no 'vscode'): inline.ts turns these into vscode.CodeLens.

import type { CheckReport, DeriveReport, Range, Report, Value } from '../../report';
import { formatNumber, isMatrix, isScalar, norm, shapeText, valueText } from '../shared/format';
import { COMMANDS } from '../commands/ids';
import { stepLabel } from '../../display/checkStep';

export interface LensItem {
  range: Range;
  title: string;
  tooltip: string;
  command: typeof COMMANDS.openPanel | typeof COMMANDS.copyLatex;
  /** the single argument of the command */
  arg: Record<string, unknown>;
}

export function lensItems(report: Report, digits: number, uri: string): LensItem[] {
  const items: LensItem[] = [];
  for (const d of report.derives) {
    items.push({
      range: d.range,
      title: deriveTitle(d, digits),
      tooltip: `Open ${d.query} in the Unroll panel`,
      command: COMMANDS.openPanel,
      arg: { uri, line: d.line },
    });
    if (d.results.length > 0)
      items.push({
        range: d.range,
        title: 'Copy LaTeX',
        tooltip: 'Copy this derivation as LaTeX',
        command: COMMANDS.copyLatex,
        arg: { uri, line: d.line },
      });
  }
  for (const c of report.checks) {
    items.push({
      range: c.range,
      title: checkTitle(c, digits),
      tooltip: c.message,
      command: COMMANDS.openPanel,
      arg: { uri, line: c.line },
    });
  }
  return items.sort((a, b) => a.range.line - b.range.line);
}

/** "= 0.0421", "3 steps: 0.12 · 0.05 · 0.01", "2×2 matrix, ‖·‖ = 0.5". */
export function deriveTitle(d: DeriveReport, digits: number): string {
  const rs = d.results;
  if (rs.length === 0) return 'no result';
  if (rs.length === 1 && rs[0]!.t === null) return `= ${compact(rs[0]!.value, digits)}`;
  const vals = rs.map((r) => compact(r.value, digits));
  const shown = vals.length <= 6 ? vals : [...vals.slice(0, 3), '…', ...vals.slice(-2)];
  return `${rs.length} ${rs.length === 1 ? 'step' : 'steps'}: ${shown.join(' · ')}`;
}

function compact(v: Value, digits: number): string {
  if (isScalar(v)) return formatNumber(v, digits);
  if (isMatrix(v)) return `${shapeText([v.length, v[0]!.length])}, ‖·‖ = ${formatNumber(norm(v), digits)}`;
  return v.length <= 4 ? valueText(v, digits) : `vector of ${v.length}, ‖·‖ = ${formatNumber(norm(v), digits)}`;
}

/** what holds where a bound's relation does not */
const NEGATED = { '≤': '>', '<': '≥', '≥': '<', '>': '≤' } as const;

/** "✓ holds", "✗ fails at t = 2: 0.3 ≠ 0.5", "⚠ holds only for these values". */
export function checkTitle(c: CheckReport, digits: number): string {
  if (c.status === 'holds') return '✓ holds';
  if (c.status === 'holds-at-given-values') return '⚠ holds only for these values';
  if (c.status === 'holds-as-one-step') return '⚠ holds as a one-step derivative';
  const bad =
    c.steps.find((s) => !s.ok && (c.failingStep === undefined || c.failingStep === null || s.t === c.failingStep)) ??
    c.steps.find((s) => !s.ok);
  if (!bad) return '✗ fails';
  const where = stepLabel(bad);
  const at = where ? ` at ${where}` : '';
  // a bound's numbers with the relation that holds between them instead (0.78 < 0.8 where ≥ was claimed)
  const not = c.relation ? NEGATED[c.relation] : '≠';
  const both = isScalar(bad.lhs) && isScalar(bad.rhs) ? `: ${formatNumber(bad.lhs, digits)} ${not} ${formatNumber(bad.rhs, digits)}` : '';
  return `✗ fails${at}${both}`;
}
