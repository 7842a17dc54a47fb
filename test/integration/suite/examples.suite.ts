/// <reference types="mocha" />
import * as vscode from 'vscode';
import { ok, show } from './check';
import { examples, extension, hoverText, mathKey, open, plain, positionOf, showsNumber, waitFor } from './util';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

suite('every example', () => {
  test('the editor shows exactly the errors the library finds (diagnostics and failing checks)', async () => {
    await extension();
    for (const ex of await examples()) {
      const expected = [
        ...new Set([
          ...ex.report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line - 1),
          ...ex.report.checks.filter((c) => c.status === 'fails').map((c) => c.range.line - 1),
        ]),
      ].sort((a, b) => a - b);
      await open(ex.uri);
      const actual = () =>
        [
          ...new Set(
            vscode.languages
              .getDiagnostics(ex.uri)
              .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
              .map((d) => d.range.start.line),
          ),
        ].sort((a, b) => a - b);
      await waitFor(
        `${ex.name}: error lines ${show(expected.map((l) => l + 1))} (editor: ${show(actual().map((l) => l + 1))})`,
        () => JSON.stringify(actual()) === JSON.stringify(expected),
      );
    }
  });

  test("hovering each shared scalar parameter's declaration shows ∂loss/∂parameter with the library's value", async () => {
    await extension();
    let hovered = 0;
    for (const ex of await examples()) {
      const loss = ex.report.loss?.name;
      if (!loss || !ex.report.graph) continue;
      await open(ex.uri);
      for (const n of ex.report.graph.nodes) {
        if (n.kind !== 'param' || n.t !== null || typeof n.grad !== 'number') continue;
        const pos = positionOf(ex.text, new RegExp(`^\\s*param\\s+${escapeRe(n.name)}\\b`), n.name);
        const text = await waitFor(`${ex.name}: a hover on param ${n.name}`, async () => {
          const t = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ex.uri, pos)) ?? []);
          return t.trim().length > 0 && t;
        });
        ok(
          mathKey(text).includes(mathKey(`∂${loss}/∂${n.name}`)),
          `${ex.name}: hover on ${n.name} names ∂${loss}/∂${n.name}: ${show(plain(text))}`,
        );
        ok(showsNumber(text, n.grad), `${ex.name}: hover on ${n.name} shows ${n.grad}: ${show(plain(text))}`);
        hovered++;
      }
    }
    ok(hovered >= 10, `hovered at least 10 parameters across the examples (hovered ${hovered})`);
  });
});
