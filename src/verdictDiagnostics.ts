// A .rnn file's problems with its check verdicts among them (LANGUAGE.md §5: a check that fails is an error on its
// line, one that holds only for the file's values or only as a one-step derivative a warning). analyze() keeps the
// verdicts in `checks`; the editor and `unroll check --json` show them as diagnostics too, as a solution's
// Report does (solution/analyze.ts). Pure: the extension maps these onto vscode.Diagnostic.

import type { CheckReport, Diagnostic, Report, Severity } from './report';

const CHECK_SEVERITY: Record<CheckReport['status'], Severity | null> = {
  fails: 'error',
  'holds-at-given-values': 'warning',
  'holds-as-one-step': 'warning',
  holds: null,
};

/** a verdict's severity as a diagnostic: fails an error, the two partial verdicts warnings, holds none (solutions too) */
export const verdictSeverity = (status: CheckReport['status']): Severity | null => CHECK_SEVERITY[status];

/** the Report's diagnostics, then one per check that does not hold (a hint per holding check when asked) */
export function diagnosticsWithVerdicts(report: Report, hintForHolding = false): Diagnostic[] {
  const items: Diagnostic[] = report.diagnostics.map((d) => ({ ...d }));
  for (const c of report.checks) {
    const severity = verdictSeverity(c.status) ?? (hintForHolding ? 'hint' : null);
    if (!severity) continue;
    const message = c.status === 'holds' && !c.message ? 'check holds' : c.message;
    // analyze() may already report a verdict as a diagnostic on the same line: show it once
    const dup = items.some((d) => d.line >= c.range.line && d.line <= c.range.endLine && d.message === message);
    if (dup) continue;
    // a wrong term the engine names is underlined itself; otherwise the whole check
    items.push({ ...(c.culprit ?? c.range), severity, message, code: `check-${c.status}` });
  }
  return items;
}
