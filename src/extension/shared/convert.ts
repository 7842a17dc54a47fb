// Report ranges (1-based, end exclusive), severities and diagnostics → VS Code's (0-based).

import * as vscode from 'vscode';
import type { Range, Severity } from '../../report';

export function toRange(r: Range): vscode.Range {
  const line = Math.max(0, r.line - 1);
  const endLine = Math.max(line, r.endLine - 1);
  const col = Math.max(0, r.column - 1);
  const endCol = endLine === line ? Math.max(col, r.endColumn - 1) : Math.max(0, r.endColumn - 1);
  return new vscode.Range(line, col, endLine, endCol);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[s];
}

/** a problem of a Report (a .rnn file's or a solution's) as a VS Code diagnostic of the source `unroll` */
export function toDiagnostic(i: Range & { severity: Severity; message: string; code?: string }): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(i), i.message, toSeverity(i.severity));
  d.source = 'unroll';
  if (i.code) d.code = i.code;
  return d;
}
