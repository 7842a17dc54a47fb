/// <reference types="mocha" />
import * as vscode from 'vscode';
import { ok, show } from './check';
import { examples, extension, open, waitFor } from './util';

suite('check verdicts', () => {
  test("the examples' wrong `check` lines show their errors, and only those lines", async () => {
    await extension();
    let failing = 0;
    for (const ex of await examples()) {
      const fails = ex.report.checks.filter((c) => c.status === 'fails');
      const partial = ex.report.checks.filter((c) => c.status === 'holds-at-given-values');
      const holds = ex.report.checks.filter((c) => c.status === 'holds');
      failing += fails.length;
      await open(ex.uri);
      const at = (line: number, sev: vscode.DiagnosticSeverity) =>
        vscode.languages
          .getDiagnostics(ex.uri)
          .filter((d) => d.severity === sev && d.range.start.line <= line - 1 && line - 1 <= d.range.end.line);
      for (const c of fails) {
        const errs = await waitFor(`${ex.name}:${c.line}: an error for the failing check "${c.equation}"`, () => {
          const e = at(c.line, vscode.DiagnosticSeverity.Error);
          return e.length > 0 && e;
        });
        // the message a student reads must say which step fails (the library names it)
        if (c.failingStep != null) {
          ok(
            errs.some((e) => e.message.includes(String(c.failingStep))),
            `${ex.name}:${c.line}: message names step ${c.failingStep}: ${show(errs.map((e) => e.message))}`,
          );
        }
      }
      for (const c of partial) {
        await waitFor(
          `${ex.name}:${c.line}: a warning for the check that holds only for these values`,
          () => at(c.line, vscode.DiagnosticSeverity.Warning).length > 0,
        );
      }
      for (const c of holds) {
        const wrong = at(c.line, vscode.DiagnosticSeverity.Error).concat(at(c.line, vscode.DiagnosticSeverity.Warning));
        ok(wrong.length === 0, `${ex.name}:${c.line}: a holding check has no error/warning, got ${show(wrong.map((d) => d.message))}`);
      }
    }
    ok(failing > 0, "the examples contain failing checks on purpose (the seeds' mistakes)");
  });
});
