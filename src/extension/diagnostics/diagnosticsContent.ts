// Which problems a .rnn file shows: the Report's diagnostics plus the check verdicts
// (fails → error, holds only for these values → warning, holds → a hint if the setting asks).
// Pure (no 'vscode'): diagnostics.ts maps these items onto vscode.Diagnostic.

import type { CheckReport, Range, Report, Severity } from '../../report';

export interface DiagnosticItem extends Range {
  severity: Severity;
  message: string;
  code?: string;
}

export interface DiagnosticOptions {
  /** show a hint on checks that hold */
  hintForHolding: boolean;
}

const CHECK_SEVERITY: Record<CheckReport['status'], Severity | null> = {
  fails: 'error',
  'holds-at-given-values': 'warning',
  'holds-as-one-step': 'warning',
  holds: null,
};

export function diagnosticItems(report: Report, opts: DiagnosticOptions): DiagnosticItem[] {
  const items: DiagnosticItem[] = report.diagnostics.map((d) => ({ ...d }));
  for (const c of report.checks) {
    const severity = CHECK_SEVERITY[c.status] ?? (opts.hintForHolding ? 'hint' : null);
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
