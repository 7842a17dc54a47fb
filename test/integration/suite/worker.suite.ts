/// <reference types="mocha" />
// The analysis runs in a worker: while a 10,000-step file is analysed, a hover on another file answers
// (its latency is measured and logged), and an edit made during that analysis gives final diagnostics
// that match the latest text, not the version the worker had started on. An error fixed in that file
// loses its squiggle as soon as the new text is read, before the analysis ends (issue 13, two phases). A Markdown
// solution is analysed in the same workers: a hover answers while a 10,000-step solution is analysed.
import * as vscode from 'vscode';
import { analyze } from '../../../src/index';
import { analyzeSolution } from '../../../src/solution';
import { LONG_RNN_QUESTIONS, longRnn } from '../../fixtures/longRnn';
import { ok, show } from './check';
import { errorsOf, extension, hoverText, open, plain, positionOf, scratchFile, sheet7, showsNumber, sleep, waitFor } from './util';

const T = 10000;

/** A scalar RNN over T steps with every input and target written out: seconds of analysis, not milliseconds. */
const bigRnn = (extra = '') => longRnn(T, [...LONG_RNN_QUESTIONS, extra]);

function errorLines(uri: vscode.Uri): number[] {
  return [...new Set(errorsOf(uri).map((d) => d.range.start.line))].sort((a, b) => a - b);
}

/** The sheet-7 example open, and a hover on its W_hh declaration, once its Report is in the cache. */
async function smallFileHover(): Promise<{ name: string; hover: () => Promise<string> }> {
  const small = await sheet7();
  await open(small.uri);
  const pos = positionOf(small.text, /^\s*param\s+W_hh\b/, 'W_hh');
  const hover = async () =>
    hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', small.uri, pos)) ?? []);
  await waitFor('a hover on the small file', async () => (await hover()).includes('W_hh'));
  return { name: small.name, hover };
}

/** Logs timing lines and adds them to worker-timings.txt, which the code-server runner prints (reported, never asserted). */
async function reportTimings(...lines: string[]): Promise<void> {
  for (const l of lines) console.log(l);
  const timings = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'worker-timings.txt');
  let before = '';
  try {
    before = new TextDecoder().decode(await vscode.workspace.fs.readFile(timings));
  } catch {
    // the first timings of the run
  }
  await vscode.workspace.fs.writeFile(timings, new TextEncoder().encode(`${before}${lines.map((l) => `${l}\n`).join('')}`));
}

suite('analysis worker', () => {
  test('a hover on another file answers while a 10,000-step file is analysed, and an edit during it wins', async function () {
    this.timeout(180000);
    await extension();
    // the small file's Report is in the cache before the big analysis starts
    const small = await smallFileHover();
    const hover = small.hover;

    const bigUri = await scratchFile('worker-big.rnn', bigRnn());
    const opened = Date.now();
    const editor = await open(bigUri);
    // the extension starts analysing on open; give the worker a moment to be busy with it
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const text = await hover();
    const latency = Date.now() - t0;
    const bigDone = vscode.languages.getDiagnostics(bigUri).length > 0;
    const line = `[worker timings] hover on ${small.name} during the ${T}-step analysis answered in ${latency} ms (${Date.now() - opened} ms after opening the big file)`;
    ok(text.includes('W_hh'), `the hover answers with ∂L/∂W_hh: ${show(plain(text).slice(0, 200))}`);
    ok(!bigDone, `the hover answered (${latency} ms) before the ${T}-step analysis finished (its diagnostics are not in yet)`);

    // an edit while the worker is still on the first version: a line that is an error only in the new text
    const badLine = editor.document.lineCount - 1;
    ok(await editor.edit((e) => e.insert(new vscode.Position(badLine, 0), 'derive ∂L/∂W_zz')), 'edit applied');
    const latest = editor.document.getText();
    ok(vscode.languages.getDiagnostics(bigUri).length === 0, 'the edit came before the first analysis finished');

    const expected = (() => {
      const r = analyze(latest);
      return [
        ...new Set([
          ...r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line - 1),
          ...r.checks.filter((c) => c.status === 'fails').map((c) => c.range.line - 1),
        ]),
      ].sort((a, b) => a - b);
    })();
    ok(expected.includes(badLine), `the library finds the error on the new line ${badLine + 1}: ${show(expected)}`);
    const started = Date.now();
    const got = await waitFor(
      'the diagnostics of the latest text',
      () => {
        const lines = errorLines(bigUri);
        return JSON.stringify(lines) === JSON.stringify(expected) && lines;
      },
      150000,
    );
    const line2 = `[worker timings] diagnostics of the edited ${T}-step file matched the latest text ${Date.now() - started} ms after the library's own analysis of it (${Date.now() - opened} ms after opening)`;
    await reportTimings(line, line2);
    ok(editor.document.getText() === latest, 'the text did not change meanwhile');
    ok(JSON.stringify(got) === JSON.stringify(expected), `errors on ${show(got)}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a fixed error in a 10,000-step file loses its squiggle before the analysis of the fix ends', async function () {
    this.timeout(240000);
    await extension();
    const uri = await scratchFile('worker-fix.rnn', bigRnn('derive ∂L/∂W_zz'));
    const editor = await open(uri);
    const badLine = editor.document.getText().split('\n').indexOf('derive ∂L/∂W_zz');
    ok(badLine > 0, 'the broken line is in the file');
    await waitFor('the unknown name W_zz flagged', () => errorLines(uri).includes(badLine), 150000);
    // the fix, with a new check whose verdict only the analysis can give: it fails (the library says so below)
    const fixed = editor.document.getText().replace('derive ∂L/∂W_zz', 'derive ∂L/∂W_hh\ncheck ∂o_t/∂h_t = W_hy');
    const checkLine = badLine + 1;
    const expected = [
      ...new Set([
        ...analyze(fixed)
          .diagnostics.filter((d) => d.severity === 'error')
          .map((d) => d.line - 1),
        ...analyze(fixed)
          .checks.filter((c) => c.status === 'fails')
          .map((c) => c.range.line - 1),
      ]),
    ].sort((a, b) => a - b);
    ok(expected.includes(checkLine) && !expected.includes(badLine), `the library fails the new check only: ${show(expected)}`);
    const t0 = Date.now();
    ok(
      await editor.edit((e) =>
        e.replace(new vscode.Range(badLine, 0, badLine, 'derive ∂L/∂W_zz'.length), 'derive ∂L/∂W_hh\ncheck ∂o_t/∂h_t = W_hy'),
      ),
      'edit applied',
    );
    ok(editor.document.getText() === fixed, 'the fixed text is as planned');
    // polled finely: the squiggle goes with the reading's diagnostics, the new check's verdict comes with the Report
    let cleared: number[] | undefined;
    for (const deadline = Date.now() + 150000; !cleared && Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      const lines = errorLines(uri);
      if (!lines.includes(badLine)) cleared = lines;
    }
    const clearMs = Date.now() - t0;
    ok(cleared !== undefined, 'the squiggle of the fixed line went');
    ok(!cleared!.includes(checkLine), `it went before the analysis ended (the new check's verdict not in yet): errors on ${show(cleared)}`);
    const got = await waitFor(
      'the diagnostics of the fixed text',
      () => {
        const lines = errorLines(uri);
        return JSON.stringify(lines) === JSON.stringify(expected) && lines;
      },
      150000,
    );
    const line = `[worker timings] an error fixed in the ${T}-step file: squiggle gone ${clearMs} ms after the edit, the analysis's diagnostics ${Date.now() - t0} ms after`;
    await reportTimings(line);
    ok(JSON.stringify(got) === JSON.stringify(expected), `errors on ${show(got)}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a hover on another file answers while a 10,000-step Markdown solution is analysed', async function () {
    this.timeout(180000);
    await extension();
    const small = await smallFileHover();
    const hover = small.hover;

    // the network in a ```rnn block, one equation that holds and one that fails (its error is what the editor shows)
    const text = [
      '# A long sequence',
      '',
      '```rnn',
      longRnn(T, []),
      '```',
      '',
      '$$\\frac{\\partial L_t}{\\partial o_t} = 2 (o_t - y_t)$$',
      '',
      '$$\\frac{\\partial o_t}{\\partial h_t} = W_{hy}$$',
      '',
    ].join('\n');
    const sol = analyzeSolution(text, 'markdown');
    const expected = [...new Set(sol.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line - 1))].sort((a, b) => a - b);
    ok(expected.length > 0, `the library fails the last equation: ${show(sol.equations.map((e) => e.message))}`);
    const uri = await scratchFile('worker-big-solution.md', text);
    const opened = Date.now();
    await open(uri);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const answer = await hover();
    const latency = Date.now() - t0;
    const done = errorsOf(uri).length > 0;
    const line = `[worker timings] hover on ${small.name} during the ${T}-step solution's analysis answered in ${latency} ms (${Date.now() - opened} ms after opening the solution)`;
    ok(answer.includes('W_hh'), `the hover answers with ∂L/∂W_hh: ${show(plain(answer).slice(0, 200))}`);
    ok(!done, `the hover answered (${latency} ms) before the solution's analysis finished (its problems are not in yet)`);
    const got = await waitFor(
      "the solution's problems",
      () => {
        const lines = [...new Set(errorsOf(uri).map((d) => d.range.start.line))].sort((a, b) => a - b);
        return JSON.stringify(lines) === JSON.stringify(expected) && lines;
      },
      150000,
    );
    const line2 = `[worker timings] the ${T}-step solution's problems were shown ${Date.now() - opened} ms after opening it`;

    // a hover on a derivative of the solution asks its network a `derive` (seconds at 10,000 steps), in a worker:
    // a hover on the small file asked meanwhile answers first
    const at = positionOf(text, /^\$\$\\frac\{\\partial L_t\}/, 'L_t');
    const order: string[] = [];
    const big = Promise.resolve(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)).then((h) => {
      order.push('solution');
      return hoverText(h ?? []);
    });
    await new Promise((r) => setTimeout(r, 100));
    const smallAgain = await hover();
    order.push('small');
    const bigText = await big;
    ok(smallAgain.includes('W_hh'), 'the small file hovers meanwhile');
    const dLdo = analyze(`${longRnn(T, [])}\nderive ∂L_t/∂o_t\n`).derives[0]?.results[0]?.value;
    ok(typeof dLdo === 'number', 'the library derives ∂L_t/∂o_t');
    ok(showsNumber(bigText, dLdo), `the solution's hover shows ∂L_t/∂o_t at step 1 (${dLdo}): ${show(plain(bigText).slice(0, 200))}`);
    ok(order[0] === 'small', `the small file's hover answered before the derive of the ${T}-step network: ${show(order)}`);
    await reportTimings(line, line2);
    ok(JSON.stringify(got) === JSON.stringify(expected), `errors on ${show(got)}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test("the panel's gradient check of a 10,000-step file runs in a worker: a hover on another file answers meanwhile", async function () {
    // the gradient check (central differences, 0.7 s of a 10,000-step file) ran on the host's thread after every
    // report the panel showed, so that the small file's hover waited for it
    this.timeout(240000);
    await extension();
    const small = await smallFileHover();
    // a failing check: its error comes with the Report, when the analysis is done
    const bigUri = await scratchFile('worker-panel-big.rnn', bigRnn('check ∂L/∂W_xh = 0'));
    await open(bigUri);
    await waitFor('the 10,000-step file analysed', () => errorsOf(bigUri).length > 0, 150000);
    const timings = async () => (await vscode.commands.executeCommand('unroll.panelTimings')) as { posted: number; gradchecks: number };
    const before = await timings();
    await vscode.commands.executeCommand('unroll.openPanel', bigUri);
    // the report posted to the page; its gradient check is asked 300 ms later and takes about a second
    await waitFor("the panel's report of the 10,000-step file", async () => (await timings()).posted > before.posted, 100000);
    await sleep(450);
    const t0 = Date.now();
    const text = await small.hover();
    const latency = Date.now() - t0;
    const during = await timings();
    ok(text.includes('W_hh'), `the hover answers with ∂L/∂W_hh: ${show(plain(text).slice(0, 200))}`);
    ok(
      during.gradchecks === before.gradchecks,
      `the hover answered (${latency} ms) before the panel's gradient check of the ${T}-step file was done (${during.gradchecks - before.gradchecks} posted)`,
    );
    await waitFor("the panel's gradient check posted", async () => (await timings()).gradchecks > before.gradchecks, 100000);
    await reportTimings(
      `[worker timings] hover on ${small.name} during the panel's gradient check of the ${T}-step file answered in ${latency} ms`,
    );
    // later suites open the panel themselves
    const panels = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('unroll.panel'));
    await vscode.window.tabGroups.close(panels);
    await vscode.window.showTextDocument(bigUri);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
