/// <reference types="mocha" />
import * as vscode from 'vscode';
import { analyze } from '../../../src/index';
import { ok, show } from './check';
import { errorsOf, extension, open, scratchFile, sheet7, waitFor } from './util';

/**
 * 0-based lines where the editor must show an error for `text`, from the library's own answer:
 * its error diagnostics, and its failing checks (which the extension shows as errors too).
 */
function expectedErrorLines(text: string): number[] {
  const r = analyze(text);
  const lines = [
    ...r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line - 1),
    ...r.checks.filter((c) => c.status === 'fails').map((c) => c.range.line - 1),
  ];
  return [...new Set(lines)].sort((a, b) => a - b);
}

function editorErrorLines(uri: vscode.Uri): number[] {
  return [...new Set(errorsOf(uri).map((d) => d.range.start.line))].sort((a, b) => a - b);
}

async function replaceAll(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  ok(await editor.edit((e) => e.replace(all, text)), 'edit applied');
}

suite('diagnostics', () => {
  test('a broken file gets an error on the broken line, and it vanishes when the line is fixed', async () => {
    await extension();
    const good = (await sheet7()).text;
    // an unknown name in the recurrence's equation (W_hx is not declared); the example writes it as the seed
    // does, \tilde{h}_t = W_{xh}x_t + W_{hh}h_{t-1} + b_h, or plainly, h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)
    const lines = good.split('\n');
    const brokenLine = lines.findIndex((l) => /^\s*\S+_t\s*=.*W_\{?hh\}?/.test(l));
    ok(brokenLine >= 0, 'the sheet-7 example has a recurrence … = … W_hh …');
    lines[brokenLine] = lines[brokenLine]!.replace(/W_\{?hh\}?/, 'W_hx');
    const broken = lines.join('\n');
    const expectedBroken = expectedErrorLines(broken);
    ok(
      expectedBroken.includes(brokenLine),
      `the library reports the unknown name on line ${brokenLine + 1}: ${show(analyze(broken).diagnostics)}`,
    );

    const uri = await scratchFile('broken.rnn', broken);
    const editor = await open(uri);
    const seen = await waitFor('an error diagnostic on the line with W_hx', () => {
      const errs = errorsOf(uri).filter((d) => d.range.start.line === brokenLine);
      return errs.length > 0 && errs;
    });
    const d = seen[0]!;
    ok(/W_hx/.test(d.message), `the error names W_hx: ${show(d.message)}`);
    const lineText = editor.document.lineAt(brokenLine).text;
    ok(
      lineText.slice(d.range.start.character, d.range.end.character).includes('W_hx'),
      `the range covers W_hx, got ${show(lineText.slice(d.range.start.character, d.range.end.character))}`,
    );
    await waitFor(
      `the editor's error lines to equal the library's ${show(expectedBroken)}`,
      () => JSON.stringify(editorErrorLines(uri)) === JSON.stringify(expectedBroken),
    );

    // fix it by editing (as a user would), without saving
    await replaceAll(editor, good);
    const expectedGood = expectedErrorLines(good);
    await waitFor(
      `the error on line ${brokenLine + 1} to vanish (editor errors on lines ${show(editorErrorLines(uri))})`,
      () => !errorsOf(uri).some((e) => e.range.start.line === brokenLine && /W_hx/.test(e.message)),
    );
    await waitFor(
      `the editor's error lines to equal the library's ${show(expectedGood)} after the fix`,
      () => JSON.stringify(editorErrorLines(uri)) === JSON.stringify(expectedGood),
    );
  });

  test('a syntax error is reported and the rest of the file is still analysed', async () => {
    await extension();
    const good = (await sheet7()).text;
    // the first per-step equation with a sum gets a stray operator: … + * …
    const lines = good.split('\n');
    const at = lines.findIndex((l) => /^\s*\S+_t\s*=.*\+/.test(l));
    ok(at >= 0, 'the sheet-7 example has a per-step equation with a sum');
    lines[at] = lines[at]!.replace('+', '+ *');
    const broken = lines.join('\n');
    const expected = expectedErrorLines(broken);
    ok(expected.length > 0, 'the library reports an error for the syntax error');
    const uri = await scratchFile('syntax.rnn', broken);
    await open(uri);
    await waitFor(
      `the editor's error lines to equal the library's ${show(expected)}`,
      () => JSON.stringify(editorErrorLines(uri)) === JSON.stringify(expected),
    );
  });
});
