// Which problems a .rnn file shows: the Report's diagnostics plus the check verdicts
// (fails → error, holds only for these values → warning, holds → a hint if the setting asks),
// the same list `unroll check --json` gives (verdictDiagnostics.ts). Pure (no 'vscode'):
// diagnostics.ts maps these items onto vscode.Diagnostic.

import type { Diagnostic, Report } from '../../report';
import { diagnosticsWithVerdicts } from '../../verdictDiagnostics';

export type DiagnosticItem = Diagnostic;

export interface DiagnosticOptions {
  /** show a hint on checks that hold */
  hintForHolding: boolean;
}

export function diagnosticItems(report: Report, opts: DiagnosticOptions): DiagnosticItem[] {
  return diagnosticsWithVerdicts(report, opts.hintForHolding);
}
