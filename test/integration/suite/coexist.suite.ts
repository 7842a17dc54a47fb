/// <reference types="mocha" />
// Unroll beside the extensions a student already has on a solution: LaTeX Workshop (loaded as a stand-in
// that owns the latex language, hovers on display math and publishes its own lint diagnostics; the
// marketplace is out of reach here) and VS Code's built-in Markdown features. Neither side may hide the
// other's diagnostics or hovers. Expected numbers come from the library, never literals.
import * as vscode from 'vscode';
import { analyze } from '../../../src/index';
import { ok, show } from './check';
import { lineOf, NETWORK, SOLUTION, TEX } from './solutionFixture';
import { errorsOf, extension, hoverText, open, scratchFile, showsNumber, waitFor } from './util';

const STAND_IN = 'unroll-tests.latex-workshop-stand-in';

suite('beside LaTeX Workshop and the built-in Markdown features', () => {
  test('a .tex solution gets Unroll’s error and the LaTeX extension’s own warning, both hovers answer', async () => {
    await extension();
    const standIn = vscode.extensions.getExtension<{ stats: { hovers: number; linted: number } }>(STAND_IN);
    ok(standIn, `the runner loads the LaTeX Workshop stand-in (${STAND_IN})`);
    const stats = (await standIn.activate()).stats;
    await scratchFile('coexist.rnn', `${NETWORK}\n`);
    const uri = await scratchFile('coexist.tex', TEX);
    const editor = await open(uri);
    ok(editor.document.languageId === 'latex', `the .tex is a latex document: ${editor.document.languageId}`);
    const line = lineOf(TEX, '\\tag{8}');
    await waitFor(`Unroll's error on line ${line + 1}`, () =>
      errorsOf(uri).some((d) => d.range.start.line === line && d.source === 'unroll'),
    );
    await waitFor("the LaTeX extension's own warning", () =>
      errorsOf(uri, vscode.DiagnosticSeverity.Warning).some((d) => d.source === 'latex-stand-in'),
    );
    // the hover on ∂L/∂y_3 inside the equation: Unroll's value and the stand-in's math preview together
    const expected = analyze(`${NETWORK}\nderive ∂L/∂y_3\n`).derives[0]?.results[0]?.value;
    ok(typeof expected === 'number', 'the library derives ∂L/∂y_3');
    const col = TEX.split('\n')[line]!.indexOf('y_3}');
    const text = await waitFor('both hovers on ∂L/∂y_3', async () => {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col))) ?? [];
      const t = hoverText(hovers);
      return showsNumber(t, expected) && /stand-in math preview/.test(t) && t;
    });
    ok(stats.hovers > 0, `the stand-in answered a hover: ${show(text.slice(0, 200))}`);
  });

  test('a Markdown solution keeps the built-in outline and link features beside Unroll’s diagnostics', async () => {
    await extension();
    const text = `# Sheet 7\n\nSee [the network](#the-network).\n\n## The network\n\n${SOLUTION}`;
    const uri = await scratchFile('coexist.md', text);
    const editor = await open(uri);
    ok(editor.document.languageId === 'markdown', 'the solution is a markdown document');
    const line8 = lineOf(text, '\\tag{8}');
    await waitFor(`Unroll's error on eq. (8), line ${line8 + 1}`, () => errorsOf(uri).some((d) => d.range.start.line === line8));
    // VS Code's Markdown language features still answer on the same document
    const symbols = await waitFor('the built-in Markdown outline', async () => {
      const s = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      return s.length > 0 && s;
    });
    const names = JSON.stringify(symbols.map((s) => [s.name, ...(s.children ?? []).map((c) => c.name)]));
    ok(/Sheet 7/.test(names) && /The network/.test(names), `the outline lists the headings: ${names}`);
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri)) ?? [];
    ok(links.length > 0, 'the built-in link provider still finds the heading link');
  });
});
