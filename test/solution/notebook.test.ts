// A Jupyter notebook as a solution (solution/notebook.ts, cellPlaces.ts): its Markdown cells joined are read as a
// Markdown solution, and every place comes back in its cell. The fixture is seed 001 (examples/solutions) split over
// five Markdown cells, with a code cell and a raw cell between them (a cell with CRLF line ends, sources as strings
// and as lists of lines): the same equations, the same verdicts, each at its own text in its cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';
import type { Range } from '../../src/report';
import {
  analyzeCells,
  analyzeNotebook,
  analyzeSolution,
  JoinedCells,
  MAX_NOTEBOOK_CHARS,
  NotebookError,
  readNotebook,
  type NotebookCell,
  type SolutionReport,
} from '../../src/solution/index';
import { example, slice } from './helpers';

const FIXTURE = readFileSync(join(__dirname, '../fixtures/notebooks/001-rnn-three-steps.ipynb'), 'utf8');
const MD = example('001-rnn-three-steps.md');

/** the text a range of the notebook's report covers, in its cell's own source */
function cellText(cells: readonly NotebookCell[], r: Range): string {
  expect(r.cell, 'a notebook range has its cell').toBeTypeOf('number');
  return slice(cells[r.cell! - 1]!.source.replace(/\r\n/g, '\n'), r);
}

/** a report as JSON, its timing left out (two analyses of one text differ only there) */
const timeless = (sol: SolutionReport) => JSON.stringify(sol, (k, v: unknown) => (k === 'elapsedMs' ? 0 : v));

const notebook = (...cells: (string | string[] | { kind: string; source: string | string[] })[]) =>
  JSON.stringify({
    cells: cells.map((c) =>
      typeof c === 'object' && !Array.isArray(c)
        ? { cell_type: c.kind, metadata: {}, source: c.source, ...(c.kind === 'code' ? { outputs: [], execution_count: null } : {}) }
        : { cell_type: 'markdown', metadata: {}, source: c },
    ),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });

const NET = ['```rnn\n', 'T = 2\n', 'param w = 0.5\n', 'h_0 = 1\n', 'h_t = w h_{t-1}\n', 'loss L = h_T\n', '```'];
/** ∂L/∂w = 2 w h_0 holds (L = w² h_0); 3 w h_0 fails */
const HOLDS = '$$\\frac{\\partial L}{\\partial w} = 2 w h_0$$';
const FAILS = '$$\\frac{\\partial L}{\\partial w} = 3 w h_0 \\tag{b}$$';

describe('seed 001 as a notebook', () => {
  const cells = readNotebook(FIXTURE);
  const nb = analyzeNotebook(FIXTURE);
  const md = analyzeSolution(MD, 'markdown');

  it('has the .md’s equations with the same verdicts and labels', () => {
    expect(nb.equations.length).toBeGreaterThan(30);
    expect(nb.equations.map((e) => [e.status, e.tag])).toEqual(md.equations.map((e) => [e.status, e.tag]));
    expect([nb.checked, nb.skipped]).toEqual([md.checked, md.skipped]);
  });

  it('puts each equation, check, culprit and diagnostic on the same text, in its own cell', () => {
    nb.equations.forEach((e, i) => expect(cellText(cells, e.range)).toBe(slice(MD, md.equations[i]!.range)));
    const checks = (s: SolutionReport) => s.equations.flatMap((e) => e.checks);
    checks(nb).forEach((c, i) => {
      const m = checks(md)[i]!;
      expect(cellText(cells, c.range)).toBe(slice(MD, m.range));
      expect(c.cell).toBe(c.range.cell);
      if (m.culprit) expect(cellText(cells, c.culprit!)).toBe(slice(MD, m.culprit));
    });
    expect(nb.diagnostics.map((d) => [d.severity, d.code])).toEqual(md.diagnostics.map((d) => [d.severity, d.code]));
    nb.diagnostics.forEach((d, i) => expect(cellText(cells, d)).toBe(slice(MD, md.diagnostics[i]!)));
  });

  it('says the mistake of (21) at its cell and line: line 5 of cell 7 (cells count the code and raw cells)', () => {
    const eq = nb.equations.find((e) => e.tag === '21')!;
    expect(eq.status).toBe('fails');
    expect([eq.range.cell, eq.range.line]).toEqual([7, 5]);
    expect(cells[6]!.source.split('\n')[4]).toContain('\\frac{\\partial y_1}{\\partial h_1}');
    const error = nb.diagnostics.find((d) => d.code === 'check-fails')!;
    expect([error.cell, error.line]).toEqual([7, 5]);
    // a later equation that carries the mistake over names it by its cell, as the .md's names its line
    const carried = nb.equations.find((e) => e.tag === '29')!;
    expect(carried.message).toContain('(21) on line 3 of cell 7');
    expect(md.equations.find((e) => e.tag === '29')!.message).toContain('(21) on line 98');
  });

  it('reads the network in the cell with CRLF line ends, at its cell’s lines', () => {
    expect(cells[1]!.source).toContain('\r\n');
    expect(nb.networks[0]!.range).toMatchObject({ cell: 2, line: 2 });
    expect(nb.networks[0]!.report.loss).toMatchObject({ cell: 2, line: 22 });
  });

  it('leaves out the code cell and the raw cell', () => {
    expect(cells.map((c) => c.kind)).toEqual(['markdown', 'markdown', 'code', 'markdown', 'raw', 'markdown', 'markdown']);
    expect(nb.equations.some((e) => e.range.cell === 3 || e.range.cell === 5)).toBe(false);
    expect(nb.equations.some((e) => e.tag === 'raw')).toBe(false);
  });
});

describe('cells', () => {
  it('a source as a string and as a list of lines are one notebook', () => {
    const list = analyzeNotebook(notebook(NET, ['Then\n', '\n', HOLDS + '\n', '\n', FAILS]));
    const string = analyzeNotebook(notebook(NET.join(''), `Then\n\n${HOLDS}\n\n${FAILS}`));
    expect(timeless(string)).toBe(timeless(list));
    expect(list.equations.map((e) => [e.status, e.range.cell, e.range.line])).toEqual([
      ['holds', 2, 3],
      ['fails', 2, 5],
    ]);
  });

  it('a cell with CRLF line ends: lines and columns are the cell’s own', () => {
    const src = `Prose\r\n\r\n${FAILS}\r\n`;
    const sol = analyzeNotebook(notebook(NET, src));
    const eq = sol.equations[0]!;
    expect(eq.status).toBe('fails');
    expect(eq.range).toMatchObject({ cell: 2, line: 3, column: 1, endLine: 3, endColumn: FAILS.length + 1 });
    expect(
      cellText(
        [
          { kind: 'markdown', source: '' },
          { kind: 'markdown', source: src },
        ],
        eq.range,
      ),
    ).toBe(FAILS);
  });

  it('a code cell between is no solution text, but is counted', () => {
    const sol = analyzeNotebook(
      notebook(NET, { kind: 'code', source: ['import numpy as np\n', `# ${FAILS}\n`, 'dL_dw = 2 * 0.5 * 1'] }, HOLDS),
    );
    expect(sol.equations.map((e) => [e.status, e.range.cell])).toEqual([['holds', 3]]);
    expect(sol.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a fence or a $$ left open ends with its cell', () => {
    // Jupyter shows an unclosed fence ending with its cell: the next cell's equation is still read (and checked)
    const open = analyzeNotebook(notebook(NET.slice(0, -1), FAILS));
    expect(open.equations.map((e) => [e.status, e.range.cell])).toEqual([['fails', 2]]);
    const dollars = analyzeNotebook(notebook(NET, '$$\\frac{\\partial L}{\\partial w} =', FAILS));
    expect(dollars.equations.map((e) => [e.status, e.range.cell])).toEqual([['fails', 3]]);
    expect(dollars.diagnostics.find((d) => /never closed/.test(d.message))).toMatchObject({ cell: 2, line: 1 });
  });

  it('a place a message names is the cell’s: "at cell 3:3:35" where the .md says "at 11:35"', () => {
    const open = '$$\\frac{\\partial L}{\\partial w} = (2 w h_0$$';
    const sol = analyzeNotebook(notebook(NET, { kind: 'code', source: 'x = 1' }, `text\n\n${open}`));
    const md = analyzeSolution(`${NET.join('')}\n\ntext\n\n${open}\n`, 'markdown');
    const column = open.indexOf('(') + 1;
    expect(md.equations[0]!.message).toContain(`the '(' at 11:${column}`);
    expect(sol.equations[0]!.message).toBe(md.equations[0]!.message.replace(`at 11:${column}`, `at cell 3:3:${column}`));
  });

  it('a range is never past its cell: the join’s own lines are the cell’s end', () => {
    const j = new JoinedCells([
      { kind: 'markdown', source: 'ab\r\ncd' },
      { kind: 'code', source: 'x = 1' },
      { kind: 'markdown', source: 'ef' },
    ]);
    expect(j.text).toBe('ab\r\ncd\n\nef\n');
    expect(j.position(2, 2)).toEqual({ cell: 1, line: 2, column: 2 });
    expect(j.position(3, 1)).toEqual({ cell: 1, line: 2, column: 3 });
    expect(j.position(4, 2)).toEqual({ cell: 3, line: 1, column: 2 });
  });

  it('the editor’s cells give what the file gives', () => {
    const json = notebook(NET, ['Then\n', HOLDS], { kind: 'code', source: 'pass' }, FAILS);
    expect(timeless(analyzeCells(readNotebook(json)))).toBe(timeless(analyzeNotebook(json)));
  });

  it('a network in NAME.rnn beside it (the sidecar): the cells hold only equations', () => {
    const sidecar = NET.slice(1, -1).join('') + 'derive ∂L/∂w\n';
    const sol = analyzeNotebook(notebook('# Exercise', FAILS), { sidecar });
    expect(sol.networks[0]!.range).toBeNull();
    expect(sol.equations.map((e) => [e.status, e.range.cell, e.range.line])).toEqual([['fails', 2, 1]]);
    // the sidecar's own derive keeps the sidecar's line, with no cell
    const derive = sol.networks[0]!.report.derives[0]!;
    expect([derive.line, derive.cell]).toEqual([6, undefined]);
  });
});

describe('a notebook that cannot be read is said so', () => {
  const error = (json: string) => {
    try {
      analyzeNotebook(json, { name: 'sol.ipynb' });
    } catch (e) {
      expect(e).toBeInstanceOf(NotebookError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('not JSON: where it stops parsing', () => {
    expect(error('{\n "nbformat": 4,\n "cells": [] "metadata": {}}')).toBe(
      "sol.ipynb is not a Jupyter notebook: its JSON does not parse (Expected ',' or '}' after property value at line 3, column 14)",
    );
    expect(error('{\n "cells": [\n }')).toBe("sol.ipynb is not a Jupyter notebook: its JSON does not parse (Unexpected token '}')");
  });

  it('nbformat 3 (cells in worksheets): its version and how to upgrade', () => {
    const v3 = JSON.stringify({ nbformat: 3, nbformat_minor: 0, worksheets: [{ cells: [] }], metadata: {} });
    expect(error(v3)).toBe(
      'sol.ipynb is an nbformat 3 notebook (its cells are in "worksheets"): Unroll reads nbformat 4; upgrade it with jupyter nbconvert --to notebook --inplace, or open and save it in Jupyter',
    );
  });

  it('no nbformat, no cells, a cell without a type or with a source of numbers', () => {
    expect(error('[1, 2]')).toBe('sol.ipynb is not a Jupyter notebook: its JSON is not an object');
    expect(error('{"cells": []}')).toBe('sol.ipynb is not a Jupyter notebook: it has no "nbformat" version');
    expect(error('{"nbformat": 4, "cells": {}}')).toBe('sol.ipynb is not a Jupyter notebook: it has no "cells" list');
    expect(error('{"nbformat": 4, "cells": [{"source": "x"}]}')).toBe('sol.ipynb: cell 1 has no "cell_type"');
    expect(error('{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x"}, {"cell_type": "markdown", "source": [1]}]}')).toBe(
      'sol.ipynb: cell 2: its "source" is neither a string nor a list of strings',
    );
  });

  it('no Markdown cell', () => {
    expect(error(notebook({ kind: 'code', source: 'print(1)' }))).toMatch(/^sol\.ipynb has no Markdown cell/);
  });

  it('past the size limit, naming it', () => {
    expect(error(' '.repeat(MAX_NOTEBOOK_CHARS + 1))).toBe('sol.ipynb is larger than 50,000,000 characters: not read (limit)');
  });
});

describe('the library', () => {
  it('analyze() of a notebook’s JSON is its solution, places by cell', () => {
    const r = analyze(notebook(NET, HOLDS, FAILS));
    expect(r.equations!.map((e) => [e.status, e.cell, e.line])).toEqual([
      ['holds', 2, 1],
      ['fails', 3, 1],
    ]);
    expect(r.diagnostics.find((d) => d.code === 'check-fails')).toMatchObject({ cell: 3, line: 1 });
  });

  it('analyze() of a broken notebook is an error saying why', () => {
    const r = analyze('{"nbformat": 3, "cells": []}', { kind: 'notebook' });
    expect(r.diagnostics).toMatchObject([{ severity: 'error', code: 'notebook', message: expect.stringContaining('nbformat 3') }]);
  });
});
