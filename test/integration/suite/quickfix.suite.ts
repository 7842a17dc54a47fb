/// <reference types="mocha" />
// Quick fixes in the real editor: the code action provider is asked as the lightbulb asks it
// (vscode.executeCodeActionProvider on the diagnostic's range), its edit is applied as choosing the fix applies
// it, and the error must then go away. In a .rnn file (an unknown name) and in a Markdown solution (a transpose
// left out, written ^\top). The expected titles come from the pure quickFixContent functions' unit tests; here,
// that the editor offers them and that they mend the file.
import * as vscode from 'vscode';
import { analyze } from '../../../src/index';
import { analyzeSolution } from '../../../src/solution';
import { ok, show } from './check';
import { errorsOf, extension, open, scratchFile, waitFor } from './util';
import { TRANSPOSE_EQUATION_LINE, transposeSolution } from '../../fixtures/transposeSolution';

/** the quick fixes (with an edit) the editor offers on `d`'s range */
async function fixesFor(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  // an action's diagnostics do not come back through the command: the titles say whose fix it is
  return all.filter((a): a is vscode.CodeAction => 'edit' in a && !!a.edit);
}

/** waits for an error of Unroll on `line` whose message matches `re`, then for a quick fix titled `title` on it */
async function offered(uri: vscode.Uri, line: number, re: RegExp, title: string): Promise<vscode.CodeAction> {
  const d = await waitFor(`an error matching ${re} on line ${line + 1}`, () =>
    errorsOf(uri).find((x) => x.source === 'unroll' && x.range.start.line === line && re.test(x.message)),
  );
  return waitFor(`the quick fix "${title}" for ${show(d.message)}`, async () => {
    const all = await fixesFor(uri, d);
    const f = all.find((a) => a.title === title);
    if (!f) throw new Error(`offered: ${show(all.map((a) => a.title))}`);
    return f;
  });
}

suite('quick fixes', () => {
  test('an unknown name in a .rnn file: "Change to W_hh" is offered, applied, and the error goes away', async () => {
    await extension();
    const text = 'T = 2\nparam W_hh = 0.5\nh_0 = 0\nh_t = W_hx h_{t-1} + 1\nloss L = h_2\n';
    ok(
      analyze(text).diagnostics.some((d) => d.code === 'unknown-name'),
      'the library reports W_hx as unknown',
    );
    const uri = await scratchFile('quickfix-name.rnn', text);
    const editor = await open(uri);
    const fix = await offered(uri, 3, /W_hx/, 'Change to W_hh');
    ok(fix.isPreferred === true, 'the one suggestion is the preferred fix');
    ok(await vscode.workspace.applyEdit(fix.edit!), 'the fix applies');
    ok(editor.document.lineAt(3).text === 'h_t = W_hh h_{t-1} + 1', `the line is mended: ${show(editor.document.lineAt(3).text)}`);
    await waitFor('no error left in the file', () => errorsOf(uri).length === 0);
  });

  test('a transpose left out in a Markdown solution: "Transpose V" writes V^\\top, and the equation then holds', async () => {
    await extension();
    const solution = transposeSolution;
    const text = solution('V \\nabla_{o_2} L');
    ok(analyzeSolution(text, 'markdown').equations[0]?.status === 'fails', 'the library fails V ∇_{o_2} L');
    ok(
      analyzeSolution(solution('V^\\top \\nabla_{o_2} L'), 'markdown').equations[0]?.status === 'holds',
      'the library holds V^\\top ∇_{o_2} L',
    );
    const uri = await scratchFile('quickfix-transpose.md', text);
    const editor = await open(uri);
    const fix = await offered(uri, TRANSPOSE_EQUATION_LINE - 1, /shape mismatch/, 'Transpose V (write V^\\top)');
    ok(await vscode.workspace.applyEdit(fix.edit!), 'the fix applies');
    const now = editor.document.getText();
    ok(
      now === solution('V^\\top \\nabla_{o_2} L'),
      `the equation now writes V^\\top: ${show(now.split('\n')[TRANSPOSE_EQUATION_LINE - 1])}`,
    );
    await waitFor('no error left in the solution', () => errorsOf(uri).length === 0);
  });
});
