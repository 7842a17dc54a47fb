// SHIM until the solution reader (src/solution, branch `solution`) lands: its public types as
// agreed, so the editor side typechecks. Replaced by re-exports of '../../solution' on merge.

import type { AnalyzeOptions, CheckReport, CheckStatus, Diagnostic, Range, Report } from '../../report';

export type SolutionKind = 'markdown' | 'latex';

export interface EquationResult {
  range: Range;
  network: number | null;
  tag: string | null;
  status: CheckStatus | 'skipped';
  message: string;
  checks: CheckReport[];
}

export interface SolutionReport {
  networks: { report: Report; range: Range | null }[];
  equations: EquationResult[];
  diagnostics: Diagnostic[];
  checked: number;
  skipped: number;
}

export type AnalyzeSolution = (text: string, kind: SolutionKind, options?: { sidecar?: string | null; analyze?: AnalyzeOptions }) => SolutionReport;
