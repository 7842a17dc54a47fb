/// <reference types="mocha" />
// Markdown and LaTeX solutions in the editor (LANGUAGE.md §8): problems on a wrong equation's own line,
// hovers on derivatives in display math, verdict lenses, the preview's marks, a .tex with its sidecar,
// and silence on an ordinary README. The expected numbers come from the library (analyze()), never literals.
import * as vscode from 'vscode';
import { analyze } from '../../../src/index';
import { analyzeSolution } from '../../../src/solution';
import { ok, show } from './check';
import { lineOf, NETWORK, SOLUTION, TEX } from './solutionFixture';
import { errorsOf, extension, hoverText, open, plain, readText, scratchFile, showsNumber, sleep, waitFor, workspaceRoot } from './util';

/** the library's answer: ∂L/∂y_3, and whether `check ∂L/∂y_3 = 2(t_3 − y_3)` fails */
function oracle(): { dLdy3: number; eq8Fails: boolean } {
  const r = analyze(`${NETWORK}\nderive ∂L/∂y_3\ncheck ∂L/∂y_3 = 2(t_3 - y_3)\ncheck ∂L/∂y_3 = ∂L/∂L_3 · ∂L_3/∂y_3\n`);
  const v = r.derives[0]?.results[0]?.value;
  ok(typeof v === 'number', `the library derives ∂L/∂y_3: ${show(r.diagnostics)}`);
  ok(r.checks[1]?.status === 'holds', `the library holds eq. (7): ${show(r.checks[1])}`);
  return { dLdy3: v, eq8Fails: r.checks[0]?.status === 'fails' };
}

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

suite('solutions (Markdown and LaTeX)', () => {
  test('a wrong equation of a Markdown solution gets an error on its own line, the right ones none', async () => {
    await extension();
    const { eq8Fails } = oracle();
    ok(eq8Fails, 'the library says ∂L/∂y_3 = 2(t_3 − y_3) fails');
    const uri = await scratchFile('solution.md', SOLUTION);
    await open(uri);
    const line8 = lineOf(SOLUTION, '\\tag{8}');
    const errs = await waitFor(`an error on eq. (8), line ${line8 + 1}`, () => {
      const e = errorsOf(uri).filter((d) => d.range.start.line === line8);
      return e.length > 0 && e;
    });
    ok(
      errs.every((d) => d.source === 'unroll'),
      `the error comes from Unroll: ${show(errs.map((d) => d.source))}`,
    );
    const others = errorsOf(uri).filter((d) => d.range.start.line !== line8);
    ok(others.length === 0, `no error elsewhere: ${show(others.map((d) => [d.range.start.line + 1, d.message]))}`);
  });

  test("seed 001 as a solution (examples/solutions): the editor shows the library's problems on their own lines", async () => {
    await extension();
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'examples', 'solutions', '001-rnn-three-steps.md');
    const text = await readText(uri);
    const sol = analyzeSolution(text, 'markdown');
    ok(sol.networks.length === 1, `the library reads seed 001's network: ${show(sol.diagnostics.slice(0, 3))}`);
    const expected = (severity: string) =>
      [...new Set(sol.diagnostics.filter((d) => d.severity === severity).map((d) => d.line - 1))].sort((a, b) => a - b);
    const seen = (severity: vscode.DiagnosticSeverity) =>
      [...new Set(errorsOf(uri, severity).map((d) => d.range.start.line))].sort((a, b) => a - b);
    await open(uri);
    // every equation the library skips gets its information diagnostic, so there is always something to wait for
    ok(expected('information').length > 0, 'the library explains the skipped equations');
    await waitFor(
      `the information lines ${show(expected('information'))}`,
      () => JSON.stringify(seen(vscode.DiagnosticSeverity.Information)) === JSON.stringify(expected('information')),
    );
    await waitFor(
      `the error lines ${show(expected('error'))}`,
      () => JSON.stringify(seen(vscode.DiagnosticSeverity.Error)) === JSON.stringify(expected('error')),
    );
    const eq32 = lineOf(text, '\\tag{32}');
    const flagged = sol.equations.find((e) => e.range.line - 1 === eq32 && e.status === 'fails');
    ok(flagged, 'the library flags eq. (32)');
    ok(seen(vscode.DiagnosticSeverity.Error).includes(eq32), `eq. (32) is an error on its own line ${eq32 + 1}`);
    // a derivative in the seed's own display math: the hover gives the library's ∂𝓛/∂W_xh
    const network = /```rnn\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const dLdWxh = analyze(`${network}derive \\frac{\\partial \\mathcal{L}}{\\partial W_{xh}}\n`).derives[0]?.results[0]?.value;
    ok(typeof dLdWxh === 'number', "the library derives ∂𝓛/∂W_xh from the seed's network");
    const line = lineOf(text, '$$\\frac{\\partial \\mathcal{L}}{\\partial W_{xh}} =');
    const col = text.split('\n')[line]!.indexOf('W_{xh}}');
    await waitFor('a hover on ∂𝓛/∂W_xh in the seed', async () => {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col))) ?? [];
      return showsNumber(hoverText(hovers), dLdWxh) || undefined;
    });
  });

  test('the lenses give each checked equation its label and verdict', async () => {
    await extension();
    const uri = await scratchFile('solution-lens.md', SOLUTION);
    await open(uri);
    const all = await waitFor('verdict lenses on the solution', async () => {
      const ls = await lenses(uri);
      return ls.some((l) => /\(8\)/.test(l.command?.title ?? '')) && ls;
    });
    const at = (needle: string) => all.filter((l) => l.range.start.line === lineOf(SOLUTION, needle)).map((l) => l.command?.title ?? '');
    ok(
      at('\\tag{8}').some((t) => t.includes('(8)') && t.includes('✗')),
      `eq. (8) is marked ✗: ${show(at('\\tag{8}'))}`,
    );
    ok(
      at('\\tag{7}').some((t) => t.includes('(7)') && t.includes('✓')),
      `eq. (7) is marked ✓: ${show(at('\\tag{7}'))}`,
    );
    ok(
      at('\\tag{9}').some((t) => t.includes('(9)') && /[✓⚠]/.test(t)),
      `eq. (9) holds: ${show(at('\\tag{9}'))}`,
    );
  });

  test('with unroll.inlineResults.style = inlayHints the verdicts sit at the end of the equations instead', async () => {
    await extension();
    const uri = await scratchFile('solution-inlay.md', SOLUTION);
    const editor = await open(uri);
    const config = vscode.workspace.getConfiguration('unroll');
    await config.update('inlineResults.style', 'inlayHints', vscode.ConfigurationTarget.Workspace);
    try {
      const line8 = lineOf(SOLUTION, '\\tag{8}');
      const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
      const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
      const hints = await waitFor('an inlay hint ✗ (8) at the end of eq. (8)', async () => {
        const hs = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, all)) ?? [];
        return hs.some((h) => h.position.line === line8 && label(h).includes('(8)') && label(h).includes('✗')) && hs;
      });
      const h8 = hints.find((h) => h.position.line === line8)!;
      ok(h8.position.character === editor.document.lineAt(line8).text.length, `the hint is at the end of the line: ${show(h8.position)}`);
      await waitFor('no verdict lens while inlay hints are chosen', async () => (await lenses(uri)).length === 0);
    } finally {
      await config.update('inlineResults.style', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('hovering a derivative in display math shows its value', async () => {
    await extension();
    const { dLdy3 } = oracle();
    const uri = await scratchFile('solution-hover.md', SOLUTION);
    await open(uri);
    const line = lineOf(SOLUTION, '\\tag{7}');
    const col = SOLUTION.split('\n')[line]!.indexOf('y_3}');
    const text = await waitFor('a hover on ∂L/∂y_3 in eq. (7)', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(line, col),
      );
      const t = hoverText(hovers ?? []);
      return showsNumber(t, dLdy3) && t;
    });
    ok(/derive/.test(plain(text)), `the hover is the derive hover: ${show(plain(text))}`);
    // off any derivative (on the = sign) there is no Unroll hover
    const eqCol = SOLUTION.split('\n')[line]!.indexOf(' = ');
    const off = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(line, eqCol + 1),
    );
    ok(!showsNumber(hoverText(off ?? []), dLdy3), `no derivative hover on "=": ${show(plain(hoverText(off ?? [])))}`);
  });

  test('the Markdown preview marks the equations ✓/✗ and highlights the rnn block', async () => {
    await extension();
    const uri = await scratchFile('solution-preview.md', SOLUTION);
    await open(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    // the preview's webview DOM is not reachable from here: markdown.api.render renders with every contributed plugin
    const html = await waitFor('the rendered solution with marks', async () => {
      const h = await vscode.commands.executeCommand<string>('markdown.api.render', SOLUTION);
      return typeof h === 'string' && h.includes('unroll-eq-fails') && h;
    });
    const fails = /<div class="unroll-eq unroll-eq-fails" title="([^"]*)">/.exec(html);
    ok(fails && fails[1]!.includes('(8)') && fails[1]!.includes('✗'), `the failing mark carries eq. (8)'s verdict: ${show(fails?.[1])}`);
    ok(/unroll-eq-holds" title="[^"]*\(7\)/.test(html), 'eq. (7) is marked as holding');
    ok(html.includes('class="katex'), `the math is still typeset by the Markdown math plugin (KaTeX): ${show(html.slice(0, 300))}`);
    ok(html.includes('<span class="unroll-keyword">param</span>'), 'the rnn block is highlighted');
    const plainReadme = await vscode.commands.executeCommand<string>('markdown.api.render', '# Title\n\n$$ x = 1 $$\n');
    ok(!plainReadme.includes('unroll-eq'), `an ordinary Markdown text gets no mark: ${show(plainReadme)}`);
  });

  test('a .tex solution with a sidecar .rnn gets its diagnostics', async () => {
    await extension();
    await scratchFile('sheet7.rnn', `${NETWORK}\n`);
    const tex = TEX;
    const uri = await scratchFile('sheet7.tex', tex);
    await open(uri);
    const line = lineOf(tex, '\\tag{8}');
    await waitFor(`an error on the wrong equation, line ${line + 1}`, () => errorsOf(uri).some((d) => d.range.start.line === line));
    ok(!errorsOf(uri).some((d) => d.range.start.line === lineOf(tex, '% a comment')), 'the comment is not checked');
  });

  test('a .txt hand-in (the seeds are .txt) is read by what it holds; plain notes are left alone', async () => {
    const ext = await extension();
    const md = await scratchFile('hand-in.txt', SOLUTION);
    await open(md);
    const line8 = lineOf(SOLUTION, '\\tag{8}');
    await waitFor(`an error on eq. (8) of the .txt, line ${line8 + 1}`, () => errorsOf(md).some((d) => d.range.start.line === line8));
    ok((await lenses(md)).length > 0, 'its checked equations get their lenses');
    // a LaTeX document saved as .txt, its network beside it
    await scratchFile('sheet7-tex.rnn', `${NETWORK}\n`);
    const tex = await scratchFile('sheet7-tex.txt', TEX);
    await open(tex);
    const line = lineOf(TEX, '\\tag{8}');
    await waitFor(`an error on the LaTeX .txt's wrong equation, line ${line + 1}`, () =>
      errorsOf(tex).some((d) => d.range.start.line === line),
    );
    ok(!errorsOf(tex).some((d) => d.range.start.line === lineOf(TEX, '% a comment')), 'read as LaTeX: the comment is not checked');
    const notes = await scratchFile('notes.txt', 'todo: $$\\frac{\\partial L}{\\partial h} = 1$$\n');
    const editor = await open(notes);
    await sleep(500);
    ok(vscode.languages.getDiagnostics(notes).length === 0, 'notes with no network get no problems');
    const api = ext.exports as { solutions?: { peek(d: vscode.TextDocument): unknown } };
    ok(api.solutions && api.solutions.peek(editor.document) === undefined, 'the notes were never analysed');
  });

  test('an ordinary README.md gets no diagnostics, lenses or hovers', async () => {
    const ext = await extension();
    const readme = '# A project\n\nSome maths: $$\\frac{\\partial L}{\\partial h} = 1$$\n\n```js\nconsole.log(1)\n```\n';
    const uri = await scratchFile('README.md', readme);
    const editor = await open(uri);
    // give the analysis a solution would get time to run (debounce 150 ms by default), then look
    const solution = await scratchFile('solution-control.md', SOLUTION);
    await open(solution);
    await waitFor('the control solution to be analysed', () => errorsOf(solution).length > 0);
    await sleep(500);
    ok(
      vscode.languages.getDiagnostics(uri).length === 0,
      `no problems: ${show(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`,
    );
    ok((await lenses(uri)).length === 0, 'no lenses');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(2, readme.split('\n')[2]!.indexOf('L}')),
    );
    ok(!/derive/.test(hoverText(hovers ?? [])), `no Unroll hover: ${show(hoverText(hovers ?? []))}`);
    const api = ext.exports as { solutions?: { peek(d: vscode.TextDocument): unknown } };
    ok(api.solutions && api.solutions.peek(editor.document) === undefined, 'the README was never analysed');
  });

  test('the panel follows a solution', async () => {
    await extension();
    const uri = await scratchFile('solution-panel.md', SOLUTION);
    const editor = await open(uri);
    await waitFor('the solution to be analysed', () => errorsOf(uri).length > 0);
    const line = lineOf(SOLUTION, '\\tag{8}');
    editor.selection = new vscode.Selection(line, 3, line, 3);
    await vscode.commands.executeCommand('unroll.openPanel');
    const tab = await waitFor('the Unroll panel titled after the solution', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('solution-panel.md')),
    );
    ok(tab, 'panel tab');
  });
});
