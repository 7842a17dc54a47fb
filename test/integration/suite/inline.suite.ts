/// <reference types="mocha" />
import * as vscode from 'vscode';
import { ok, show } from './check';
import { extension, open, plain, sheet7, showsNumber, waitFor } from './util';

interface Inline {
  line: number;
  text: string;
}

/** Inline results from both CodeLens and inlay hints (the extension may use either), as plain text per line. */
async function inlineResults(uri: vscode.Uri, doc: vscode.TextDocument): Promise<Inline[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000)) ?? [];
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, all)) ?? [];
  return [
    ...lenses.filter((l) => l.command).map((l) => ({ line: l.range.start.line, text: plain(l.command!.title) })),
    ...hints.map((h) => ({
      line: h.position.line,
      text: plain(typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')),
    })),
  ];
}

suite('inline results (CodeLens / inlay hints)', () => {
  test('every derive and check line of the sheet-7 example has an inline result', async () => {
    const ex = await sheet7();
    await extension();
    const editor = await open(ex.uri);
    const lines = [...ex.report.derives.map((d) => d.line - 1), ...ex.report.checks.map((c) => c.line - 1)];
    ok(lines.length > 0, 'the example has derive/check lines');
    const items = await waitFor('inline results on every derive/check line', async () => {
      const got = await inlineResults(ex.uri, editor.document);
      return lines.every((l) => got.some((g) => g.line === l)) && got;
    });
    // derive ∂L/∂W_hh (no free t): its inline result shows the library's number
    const d = ex.report.derives.find((q) => q.results.length === 1 && q.results[0]!.t === null && typeof q.results[0]!.value === 'number')!;
    ok(d, 'a derive with one scalar result');
    const onLine = items
      .filter((i) => i.line === d.line - 1)
      .map((i) => i.text)
      .join(' | ');
    ok(showsNumber(onLine, d.results[0]!.value as number), `line ${d.line} (${d.query}) shows ${d.results[0]!.value}: ${show(onLine)}`);
    // check lines: the verdict is visible (✓ / ✗ / ⚠ or words)
    for (const c of ex.report.checks) {
      const t = items
        .filter((i) => i.line === c.line - 1)
        .map((i) => i.text)
        .join(' | ');
      const mark = c.status === 'holds' ? /✓|holds/i : c.status === 'fails' ? /✗|fail/i : /⚠|only|these values/i;
      ok(mark.test(t), `check on line ${c.line} (${c.status}) shows its verdict: ${show(t)}`);
    }
  });
});
