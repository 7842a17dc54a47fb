/// <reference types="mocha" />
// A Jupyter notebook in a real VS Code (LANGUAGE.md §9), opened through the built-in ipynb serializer: its Markdown
// cells, joined, are one solution, analysed in the analysis workers; a wrong equation's error is published on its
// own cell's document at the library's line, and an edit of that cell (as typed, unsaved) clears it.
import * as vscode from 'vscode';
import { analyze } from '../../../src/index';
import { analyzeNotebook } from '../../../src/solution';
import { ok, show } from './check';
import { EQ7, EQ8, NETWORK } from './solutionFixture';
import { errorsOf, extension, hoverText, scratchFile, showsNumber, waitFor } from './util';
import { TRANSPOSE_EQUATION_LINE, transposeSolution } from '../../fixtures/transposeSolution';

/** nbformat 4 source lines: each line keeps its newline, as Jupyter writes them */
const sourceLines = (text: string) => text.split(/(?<=\n)/);

const markdown = (text: string) => ({ cell_type: 'markdown', metadata: {}, source: sourceLines(text) });

function notebookJson(equations: string): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      markdown(`# Sheet 7 in a notebook\n\n\`\`\`rnn\n${NETWORK}\n\`\`\``),
      { cell_type: 'code', metadata: {}, source: ['print("the network above, in numpy")'], outputs: [], execution_count: null },
      markdown(equations),
    ],
  });
}

/** the library's error lines (0-based) on cell `cell` (1-based) of the notebook */
function expectedErrors(json: string, cell: number): number[] {
  const sol = analyzeNotebook(json);
  return [...new Set(sol.diagnostics.filter((d) => d.severity === 'error' && d.cell === cell).map((d) => d.line - 1))].sort(
    (a, b) => a - b,
  );
}

const errorLines = (uri: vscode.Uri) => [...new Set(errorsOf(uri).map((d) => d.range.start.line))].sort((a, b) => a - b);

suite('notebooks', () => {
  test("a notebook's wrong equation gets its error on its own cell, at the library's line, and an edit of the cell clears it", async function () {
    this.timeout(120000);
    await extension();
    const equations = `${EQ7}\n\n${EQ8}\n`;
    const json = notebookJson(equations);
    const expected = expectedErrors(json, 3);
    ok(expected.length > 0, 'the library fails eq. (8) in the third cell');
    ok(expectedErrors(json, 1).length === 0, "the library finds no error in the network's cell");
    const uri = await scratchFile('solution.ipynb', json);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    ok(notebook.notebookType === 'jupyter-notebook', `the built-in serializer opened it: ${notebook.notebookType}`);
    const cell = notebook.cellAt(2);
    ok(cell.kind === vscode.NotebookCellKind.Markup, 'the third cell is Markdown');
    const got = await waitFor(`errors on the third cell at ${show(expected)}`, () => {
      const lines = errorLines(cell.document.uri);
      return JSON.stringify(lines) === JSON.stringify(expected) && lines;
    });
    ok(JSON.stringify(got) === JSON.stringify(expected), `errors on ${show(got)}`);
    ok(errorLines(notebook.cellAt(0).document.uri).length === 0, "no error on the network's cell");

    // a hover on the derivative of eq. (7) in the cell: the value the library derives (asked in a worker)
    const dLdy3 = analyze(`${NETWORK}\nderive ∂L/∂y_3\n`).derives[0]?.results[0]?.value;
    ok(typeof dLdy3 === 'number', 'the library derives ∂L/∂y_3');
    const eq7 = cell.document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('\\tag{7}'));
    const at = new vscode.Position(eq7, cell.document.lineAt(eq7).text.indexOf('y_3}') + 1);
    const hovered = await waitFor('a hover on ∂L/∂y_3 in the cell', async () => {
      const h = hoverText(
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cell.document.uri, at)) ?? [],
      );
      return showsNumber(h, dLdy3) && h;
    });
    ok(hovered.includes('command:unroll.openPanel'), 'the hover links to the panel, which draws the network of the cell');

    // the student corrects the sign, in the cell, unsaved
    const wrong = cell.document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('\\tag{8}'));
    ok(wrong >= 0, 'eq. (8) is in the cell');
    const fixedLine = String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = -2(t_3 - y_3) \tag{8}$$`;
    ok(expectedErrors(notebookJson(`${EQ7}\n\n${fixedLine}\n`), 3).length === 0, 'the library holds the corrected eq. (8)');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(cell.document.uri, cell.document.lineAt(wrong).range, fixedLine);
    ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    await waitFor('the error of eq. (8) to go', () => errorLines(cell.document.uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test("the panel draws a notebook's network: opened on an equation's cell, it follows the network's cell and checks its gradient", async function () {
    this.timeout(180000);
    await extension();
    const json = notebookJson(`${EQ7}\n\n${EQ8}\n`);
    const uri = await scratchFile('panel-notebook.ipynb', json);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(2);
    await waitFor("the notebook's analysis (the error of eq. (8))", () => errorsOf(cell.document.uri).length > 0);
    type Timings = { posted: number; gradchecks: number };
    const timings = async () => (await vscode.commands.executeCommand('unroll.panelTimings')) as Timings;
    const before = await timings();
    // as the cell's lens and hover ask it: the panel on the cell, no line
    await vscode.commands.executeCommand('unroll.openPanel', { uri: cell.document.uri.toString() });
    const panelTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('unroll.panel'));
    try {
      // (a panel left open by an earlier suite is retitled when it moves to the notebook)
      await waitFor('the panel titled by the notebook', () => panelTabs().find((t) => t.label === 'Unroll: panel-notebook.ipynb'), 100000);
      // a gradient check is asked only of a report with a loss, parameters and a graph: the network's, reached the page
      await waitFor(
        "the panel's gradient check of the notebook's network",
        async () => (await timings()).gradchecks > before.gradchecks,
        100000,
      );
    } finally {
      // later suites open the panel on their own documents, with no notebook left to follow
      await vscode.window.tabGroups.close(panelTabs());
      await vscode.window.showNotebookDocument(notebook);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('a transpose left out in a notebook\'s cell: "Transpose V" is offered on the cell, applied, and the error goes', async function () {
    this.timeout(120000);
    await extension();
    const solution = transposeSolution;
    const json = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [markdown(solution('V \\nabla_{o_2} L'))],
    });
    ok(analyzeNotebook(json).equations[0]?.status === 'fails', 'the library fails V ∇_{o_2} L');
    const uri = await scratchFile('quickfix-transpose.ipynb', json);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(0, 1)] });
    // the cell in edit mode, as a student fixing it has it (a rendered Markdown cell has no editor, hence no lightbulb)
    await vscode.commands.executeCommand('notebook.cell.edit');
    const cell = notebook.cellAt(0).document;
    const line = TRANSPOSE_EQUATION_LINE - 1;
    const d = await waitFor(`a shape mismatch on the cell's line ${line + 1}`, () =>
      errorsOf(cell.uri).find((x) => x.range.start.line === line && /shape mismatch/.test(x.message)),
    );
    const title = 'Transpose V (write V^\\top)';
    const fix = await waitFor(`the quick fix "${title}" on the cell`, async () => {
      const all =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          cell.uri,
          d.range,
          vscode.CodeActionKind.QuickFix.value,
        )) ?? [];
      return all.find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && a.title === title);
    });
    ok(await vscode.workspace.applyEdit(fix.edit!), 'the fix applies');
    ok(cell.getText().includes('V^\\top \\nabla_{o_2} L'), `the cell now writes V^\\top: ${show(cell.lineAt(line).text)}`);
    await waitFor('no error left in the cell', () => errorsOf(cell.uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
