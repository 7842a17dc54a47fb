// The status bar item for the active .rnn file: the loss value and the tally of check verdicts.
// Pure (no 'vscode').

import type { Report } from '../../report';
import { formatNumber } from '../shared/format';

export interface StatusContent {
  text: string;
  tooltip: string;
}

export function statusContent(report: Report, digits: number): StatusContent {
  const parts: string[] = [];
  const tips: string[] = [];
  if (report.loss) {
    parts.push(`${report.loss.name} = ${formatNumber(report.loss.value, digits)}`);
    tips.push(`loss ${report.loss.name} = ${formatNumber(report.loss.value, 15)}`);
  } else {
    tips.push('no loss declared');
  }
  const tally = { holds: 0, fails: 0, 'holds-at-given-values': 0, 'holds-as-one-step': 0 };
  for (const c of report.checks) tally[c.status]++;
  const checks: string[] = [];
  if (tally.holds) checks.push(`✓${tally.holds}`);
  if (tally.fails) checks.push(`✗${tally.fails}`);
  if (tally['holds-at-given-values'] + tally['holds-as-one-step'])
    checks.push(`⚠${tally['holds-at-given-values'] + tally['holds-as-one-step']}`);
  if (checks.length) parts.push(checks.join(' '));
  if (report.checks.length) {
    tips.push(
      `checks: ${tally.holds} hold, ${tally.fails} fail, ${tally['holds-at-given-values']} hold only for the file's values${tally['holds-as-one-step'] ? `, ${tally['holds-as-one-step']} hold as one-step derivatives` : ''}`,
    );
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) {
    parts.push(`$(error) ${errors}`);
    tips.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  }
  if (report.T !== null) tips.push(`T = ${report.T}, ${report.paramCount} parameter ${report.paramCount === 1 ? 'number' : 'numbers'}`);
  tips.push(`analysed in ${report.elapsedMs.toFixed(1)} ms — click to open the Unroll panel`);
  return { text: `$(pulse) ${parts.join('  ') || 'Unroll'}`, tooltip: tips.join('\n') };
}
