// The fixes of the diagnostics published last, per document. VS Code hands a code action provider the
// diagnostics back as plain ones (range, message, code): the fix each carried (report.ts) is found here
// by its range and message, rather than read again off the message's words. Pure (no 'vscode').
import type { DiagnosticFix, Range } from '../../report';

type Placed = Range & { message: string };

const key = (d: Placed): string => `${d.line}:${d.column}:${d.endLine}:${d.endColumn}:${d.message}`;

export class PublishedFixes {
  private readonly byDocument = new Map<string, Map<string, DiagnosticFix>>();

  /** the diagnostics now shown for the document (each publication replaces the last) */
  set(document: string, items: readonly (Placed & { fix?: DiagnosticFix })[]): void {
    const fixes = new Map<string, DiagnosticFix>();
    for (const i of items) if (i.fix) fixes.set(key(i), i.fix);
    if (fixes.size) this.byDocument.set(document, fixes);
    else this.byDocument.delete(document);
  }

  get(document: string, d: Placed): DiagnosticFix | undefined {
    return this.byDocument.get(document)?.get(key(d));
  }

  delete(document: string): void {
    this.byDocument.delete(document);
  }
}
