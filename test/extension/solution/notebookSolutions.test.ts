// A Jupyter notebook in the editor (solution/notebookSolutions.ts, notebookContent.ts): its Markdown cells' current
// texts joined as the CLI joins the file's, and each problem published on its own cell's document at the cell's range.
// Driven through the fake VS Code (the code-server of this machine's integration runners is not installed here); the
// expected problems are the library's for the same notebook (analyzeNotebook of its JSON), never literals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellDiagnosticItems, readerCells } from '../../../src/extension/solution/notebookContent';
import { analyzeNotebook } from '../../../src/solution/index';
import { fake, FakeDocument, resetFake, Uri } from '../fake/vscode';

/** the diagnostic collection: cell uri → its diagnostics as "line:column-endLine:endColumn severity message" (1-based) */
const published = vi.hoisted(() => new Map<string, string[]>());
/** the CodeLens providers registered, with their selectors */
const lensProviders = vi.hoisted(() => [] as { selector: unknown; provider: { provideCodeLenses(d: unknown): unknown } }[]);

vi.mock('vscode', async () => {
  const { vscodeModule, workspace } = await import('../fake/vscode');
  type R = { start: { line: number; character: number }; end: { line: number; character: number } };
  const collection = {
    set: (uri: unknown, ds: { range: R; message: string; severity: unknown }[]) =>
      published.set(
        String(uri),
        ds.map(
          (d) =>
            `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.severity)} ${d.message}`,
        ),
      ),
    delete: (uri: unknown) => published.delete(String(uri)),
    dispose: () => undefined,
  };
  class Diagnostic {
    source = '';
    code: unknown;
    constructor(
      readonly range: R,
      readonly message: string,
      readonly severity: unknown,
    ) {}
  }
  const ws = new Proxy(workspace, {
    get: (t, p) => (p === 'workspaceFolders' ? [] : (t as Record<string | symbol, unknown>)[p]),
  });
  return new Proxy(vscodeModule, {
    get(target, prop) {
      if (prop === 'languages')
        return {
          createDiagnosticCollection: () => collection,
          registerCodeLensProvider: (selector: unknown, provider: { provideCodeLenses(d: unknown): unknown }) => (
            lensProviders.push({ selector, provider }),
            { dispose: () => undefined }
          ),
        };
      if (prop === 'CodeLens')
        return class {
          constructor(
            readonly range: R,
            readonly command: { title: string; command: string },
          ) {}
        };
      if (prop === 'Diagnostic') return Diagnostic;
      if (prop === 'DiagnosticSeverity') return { Error: 'error', Warning: 'warning', Information: 'information', Hint: 'hint' };
      if (prop === 'NotebookCellKind') return { Markup: 1, Code: 2 };
      if (prop === 'workspace') return ws;
      return (target as Record<string | symbol, unknown>)[prop];
    },
  });
});
const { NotebookSolutions } = await import('../../../src/extension/solution/notebookSolutions');
const { registerNotebookLenses } = await import('../../../src/extension/solution/notebookLenses');

const NET = '```rnn\nT = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n```';
const HOLDS = '$$\\frac{\\partial L}{\\partial w} = 2 w h_0$$';
const FAILS = 'So\n\n$$\\frac{\\partial L}{\\partial w} = 3 w h_0 \\tag{b}$$';

/** a notebook of the built-in ipynb serializer, its cells fake documents ([markup?, language, text]) */
function notebook(cells: [boolean, string, string][], path = '/w/sol.ipynb', notebookType = 'jupyter-notebook') {
  // (its sidecar is looked up beside it: uri.with({ path }))
  const uri = Object.assign(new Uri('file', path), { with: (c: { path: string }) => new Uri('file', c.path) });
  const nb = {
    uri,
    notebookType,
    isClosed: false,
    cells: cells.map(([markup, languageId, text], index) => ({
      index,
      kind: markup ? 1 : 2,
      document: new FakeDocument(text, { toString: () => `vscode-notebook-cell://${path}#${index}` }, languageId),
    })),
    getCells() {
      return this.cells;
    },
    /** the notebook's JSON as Jupyter saves it, for the library */
    json() {
      return JSON.stringify({
        cells: this.cells.map((c) => ({
          cell_type: c.kind === 1 ? 'markdown' : c.document.languageId === 'raw' ? 'raw' : 'code',
          metadata: {},
          source: c.document.getText(),
        })),
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      });
    },
  };
  return nb;
}

/** what the library says each cell shows, in the collection's terms */
function expected(nb: ReturnType<typeof notebook>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [cell, items] of cellDiagnosticItems(analyzeNotebook(nb.json()), { hintForHolding: false }))
    out.set(
      String(nb.cells[cell - 1]!.document.uri),
      items.map((i) => `${i.line}:${i.column}-${i.endLine}:${i.endColumn} ${i.severity} ${i.message}`),
    );
  return out;
}

/** the analyses run after a pause of 0 (and a sidecar's stat): wait until the collection says what `want` gives */
type R0 = { start: { line: number } };

async function settle(want: () => Map<string, string[]>): Promise<void> {
  for (let i = 0; i < 250 && JSON.stringify([...published]) !== JSON.stringify([...want()]); i++)
    await new Promise((r) => setTimeout(r, 20));
}

afterEach(() => {
  resetFake();
  published.clear();
});

describe('a notebook in the editor', () => {
  it('opened: each problem on its own cell, at the cell’s range, as the library gives them', async () => {
    fake.config['analysis.debounceMs'] = 0;
    const nb = notebook([
      [true, 'markdown', `${NET}\n\n${HOLDS}`],
      [false, 'python', `# ${FAILS}`],
      [true, 'markdown', FAILS],
    ]);
    fake.notebooks.push(nb);
    const solutions = new NotebookSolutions({ debounceMs: () => 0, analyzeOptions: () => ({}) });
    await settle(() => expected(nb));
    const want = expected(nb);
    expect(want.size).toBeGreaterThan(0);
    expect(published).toEqual(want);
    // the failing equation (b) is on line 3 of cell 3 (the code cell counted): an error there, none elsewhere
    const third = published.get(String(nb.cells[2]!.document.uri))!;
    expect(third.filter((d) => / error /.test(d))).toEqual([expect.stringMatching(/^3:\d+-3:\d+ error fails/)]);
    expect(published.has(String(nb.cells[1]!.document.uri))).toBe(false);
    expect(solutions.report(nb as never)?.equations.map((e) => [e.range.cell, e.status])).toEqual([
      [1, 'holds'],
      [3, 'fails'],
    ]);

    // an edit of a cell (its unsaved text) is read: the equation now holds, its error goes
    nb.cells[2]!.document.edit(FAILS.replace('3 w', '2 w'));
    await settle(() => expected(nb));
    expect([...published.values()].flat().filter((d) => / error /.test(d))).toEqual([]);
    expect(published).toEqual(expected(nb));

    // a cell added before it (the notebook changed): the error is published on the cell's document, wherever it is
    nb.cells[2]!.document.edit(FAILS);
    await settle(() => expected(nb));
    // (outputs of a run changed: nothing to read again)
    const before = solutions.report(nb as never);
    fake.events.changeNotebook.fire({
      notebook: nb,
      cellChanges: [{ cell: nb.cells[1], document: undefined, outputs: [] }],
      contentChanges: [],
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(solutions.report(nb as never)).toBe(before);
    nb.cells.splice(0, 0, {
      index: 0,
      kind: 1,
      document: new FakeDocument('# Sheet 7', { toString: () => 'vscode-notebook-cell:///w/sol.ipynb#new' }, 'markdown'),
    });
    fake.events.changeNotebook.fire({
      notebook: nb,
      cellChanges: [],
      contentChanges: [{ range: {}, addedCells: [nb.cells[0]], removedCells: [] }],
    });
    // (the failing cell's document and its lines are the same: the report says the cells moved)
    const cells = () => solutions.report(nb as never)?.equations.map((e) => e.range.cell);
    for (let i = 0; i < 250 && cells()?.[0] !== 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(cells()).toEqual([2, 4]);
    expect(published).toEqual(expected(nb));

    // closed: its problems go
    fake.events.closeNotebook.fire(nb);
    expect(published.size).toBe(0);
    solutions.dispose();
  });

  it('a notebook without a network, and one of another kind, show nothing', async () => {
    fake.notebooks.push(
      notebook([[true, 'markdown', FAILS]]),
      notebook([[true, 'markdown', `${NET}\n\n${FAILS}`]], '/w/x.ipynb', 'interactive'),
    );
    const solutions = new NotebookSolutions({ debounceMs: () => 0, analyzeOptions: () => ({}) });
    await new Promise((r) => setTimeout(r, 200));
    expect(published.size).toBe(0);
    solutions.dispose();
  });

  it('a notebook opened later is analysed when it opens', async () => {
    const solutions = new NotebookSolutions({ debounceMs: () => 0, analyzeOptions: () => ({}) });
    const nb = notebook([[true, 'markdown', `${NET}\n\n${FAILS}`]]);
    fake.notebooks.push(nb);
    fake.events.openNotebook.fire(nb);
    await settle(() => expected(nb));
    expect(published).toEqual(expected(nb));
    expect(published.size).toBe(1);
    solutions.dispose();
  });
});

describe('lenses on a notebook’s cells', () => {
  it('each checked equation’s verdict above its line, in its own cell only', async () => {
    const nb = notebook([
      [true, 'markdown', `${NET}\n\n${HOLDS}`],
      [false, 'python', 'pass'],
      [true, 'markdown', FAILS],
    ]);
    fake.notebooks.push(nb);
    const solutions = new NotebookSolutions({ debounceMs: () => 0, analyzeOptions: () => ({}) });
    registerNotebookLenses({ subscriptions: [] } as never, solutions);
    await settle(() => expected(nb));
    const [{ selector, provider }] = lensProviders.slice(-1);
    expect(selector).toEqual({ scheme: 'vscode-notebook-cell', language: 'markdown' });
    const lenses = (cell: number) =>
      (provider.provideCodeLenses(nb.cells[cell - 1]!.document) as { range: R0; command: { title: string } }[]).map(
        (l) => `${l.range.start.line + 1} ${l.command.title}`,
      );
    // the library's checked equations of each cell, at their lines in it
    const sol = analyzeNotebook(nb.json());
    for (const cell of [1, 2, 3]) {
      const want = sol.equations.filter((e) => e.range.cell === cell && e.status !== 'skipped').map((e) => e.range.line);
      expect(lenses(cell).map((l) => +l.split(' ')[0]!)).toEqual(want);
    }
    expect(lenses(3)).toEqual([expect.stringMatching(/^3 \(b\) ✗ fails/)]);
    expect(lenses(1)).toEqual([expect.stringMatching(/^9 ✓ holds/)]);
    solutions.dispose();
  });
});

describe('the cells as the reader takes them', () => {
  it('Markup cells are Markdown; the ipynb serializer’s raw cell (a code cell of language raw) is raw', () => {
    expect(
      readerCells([
        { markup: true, languageId: 'markdown', text: 'a' },
        { markup: false, languageId: 'python', text: 'b' },
        { markup: false, languageId: 'raw', text: 'c' },
      ]),
    ).toEqual([
      { kind: 'markdown', source: 'a' },
      { kind: 'code', source: 'b' },
      { kind: 'raw', source: 'c' },
    ]);
  });
});
