// Report ranges (1-based, end exclusive) and severities → VS Code's (0-based).

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
