// A Jupyter notebook handed in as it is (`unroll check sol.ipynb`, a class folder of them): its Markdown cells are the
// solution, every place said by its cell (`cell 3:4:7`, and `cell` in the JSON). Session 30 refused it ("export it as
// Markdown"); session 49 reads it (solution/notebook.ts).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliFolder } from '../cliBundle';

const at = new CliFolder('unroll-notebook-');
const run = at.run;

const NET = '```rnn\nT = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n```';
const HOLDS = '$$\\frac{\\partial L}{\\partial w} = 2 w h_0$$';
const FAILS = 'So\n\n$$\\frac{\\partial L}{\\partial w} = 3 w h_0 \\tag{b}$$';
const cell = (cell_type: string, text: string) => ({
  cell_type,
  metadata: {},
  source: text.split(/(?<=\n)/),
  ...(cell_type === 'code' ? { outputs: [], execution_count: null } : {}),
});
const nb = (...cells: object[]) => JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
/** the network and a holding equation in cell 1, a code cell, the failing equation (b) on line 3 of cell 3 */
const FAILING = nb(cell('markdown', `${NET}\n\n${HOLDS}`), cell('code', 'import numpy as np'), cell('markdown', FAILS));
const HOLDING = nb(cell('markdown', NET), cell('markdown', HOLDS));

/** each line of a text without its places (the column of places is as wide as the widest: `cell 7:12` is wider than `line 98`) */
const placeless = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/(?:on )?(?:line \d+ of cell \d+|cell \d+:\d+|line \d+)|(?<=^ {2})\d+(?=:\d+ )/g, 'P').replace(/\s+/g, ' '));

beforeAll(() => {
  writeFileSync(at.path('sol.ipynb'), FAILING);
  writeFileSync(at.path('sol.json'), FAILING);
  writeFileSync(at.path('sol.md'), `${NET}\n\n${HOLDS}\n\n${FAILS}\n`);
  mkdirSync(at.path('class', '.ipynb_checkpoints'), { recursive: true });
  mkdirSync(at.path('class', '.hidden'), { recursive: true });
  writeFileSync(at.path('class', 'anna.ipynb'), HOLDING);
  writeFileSync(at.path('class', 'ben.ipynb'), FAILING);
  // Jupyter's autosaved copy, and a hidden folder's notebook: no hand-in of the student's
  writeFileSync(at.path('class', '.ipynb_checkpoints', 'anna-checkpoint.ipynb'), FAILING);
  writeFileSync(at.path('class', '.hidden', 'x.ipynb'), FAILING);
  // a notebook of the folder with no network (a data notebook) is no solution, as a Markdown file without one is not
  writeFileSync(at.path('class', 'plots.ipynb'), nb(cell('markdown', '# Plots'), cell('code', 'plot()')));
  // the network in NAME.rnn beside the notebook
  mkdirSync(at.path('side'));
  writeFileSync(at.path('side', 'sol.ipynb'), nb(cell('markdown', '# Exercise 1'), cell('markdown', FAILS)));
  writeFileSync(at.path('side', 'sol.rnn'), NET.split('\n').slice(1, -1).join('\n') + '\n');
  copyFileSync(join(__dirname, '../fixtures/notebooks/001-rnn-three-steps.ipynb'), at.path('seed.ipynb'));
  copyFileSync(join(__dirname, '../../examples/solutions/001-rnn-three-steps.md'), at.path('seed.md'));
});

describe('a Jupyter notebook', { timeout: 60_000 }, () => {
  it('is a solution: its failing equation said at its cell, line and column', () => {
    const r = run('check', 'sol.ipynb');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const md = run('check', 'sol.md');
    // the same lines as the .md's, with each place said by its cell
    expect(r.stdout).toContain('  network (cell 1:1): T = 2');
    expect(md.stdout).toContain('  network (line 1): T = 2');
    expect(r.stdout).toMatch(/\n {2}cell 1:9 +✓ holds/);
    expect(r.stdout).toMatch(/\n {2}cell 3:3 +\(b\) +✗ fails/);
    expect(md.stdout).toMatch(/\n {2}line 13 +\(b\) +✗ fails/);
    expect(r.stdout).toContain('2 equations: 2 checked (1 holds, 1 fails), 0 skipped; first failing equation: cell 3:3 (b)');
    expect(placeless(r.stdout)).toEqual(placeless(md.stdout.replace('sol.md', 'sol.ipynb')));
  });

  it('saved as .json is read by what it holds', () => {
    const r = run('check', 'sol.json');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('first failing equation: cell 3:3 (b)');
  });

  it('--json: the Markdown solution’s object, with `cell` beside every place', () => {
    const r = run('check', 'sol.ipynb', '--json');
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    const md = JSON.parse(run('check', 'sol.md', '--json').stdout);
    expect(Object.keys(j)).toEqual(Object.keys(md));
    expect(j.equations.map((e: { cell: number; line: number; status: string }) => [e.cell, e.line, e.status])).toEqual([
      [1, 9, 'holds'],
      [3, 3, 'fails'],
    ]);
    const error = j.diagnostics.find((d: { code?: string }) => d.code === 'check-fails');
    // on the wrong term, the 3, as the .md's
    const column = FAILS.split('\n')[2]!.indexOf('3 w') + 1;
    expect(error).toMatchObject({ cell: 3, line: 3, column, endLine: 3, endColumn: column + 1 });
    expect(md.diagnostics.find((d: { code?: string }) => d.code === 'check-fails')).toMatchObject({ line: 13, column });
    expect(j.checks.map((c: { cell: number; range: { cell: number } }) => [c.cell, c.range.cell])).toEqual([
      [1, 1],
      [3, 3],
    ]);
    expect(j.equations[1].links[0]).toMatchObject({ cell: 3, line: 3 });
    expect(j.networks[0]).toMatchObject({ line: 1, cell: 1 });
    // the .md's object has no cell anywhere
    expect(JSON.stringify(md)).not.toContain('"cell"');
  });

  it('seed 001 split over cells gives the .md’s verdicts', () => {
    const r = run('check', 'seed.ipynb');
    const md = run('check', 'seed.md');
    expect(r.status).toBe(md.status);
    expect(placeless(r.stdout).slice(1)).toEqual(placeless(md.stdout).slice(1));
    expect(r.stdout).toMatch(/\n {2}cell 7:5 +\(21\) +✗ fails/);
  });

  it('with its network in NAME.rnn beside it', () => {
    const r = run('check', join('side', 'sol.ipynb'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('network (sidecar)');
    expect(r.stdout).toMatch(/\n {2}cell 2:3 +\(b\) +✗ fails/);
  });

  it('unroll FILE and unroll latex read it too', () => {
    expect(run('sol.ipynb').stdout).toMatch(/cell 3:3 +\(b\) +✗ fails/);
    const latex = run('latex', 'sol.ipynb');
    expect(latex.status).toBe(0);
    expect(latex.stdout).toContain('% Unroll: derivations of sol.ipynb');
  });

  it('a folder: its notebooks are solutions, Jupyter’s checkpoints and hidden folders passed over', () => {
    const r = run('check', 'class');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('summary of 2 files: ✗ 1 fail, ✓ 1 hold');
    expect(r.stdout).toContain(`✓ ${join('class', 'anna.ipynb')}: 1 equation: 1 checked (1 holds), 0 skipped`);
    expect(r.stdout).toContain(
      `✗ ${join('class', 'ben.ipynb')}: 2 equations: 2 checked (1 holds, 1 fails), 0 skipped; first failing equation: cell 3:3 (b)`,
    );
    expect(r.stdout).not.toMatch(/checkpoint|hidden|plots/);
    const json = JSON.parse(run('check', 'class', '--json').stdout);
    expect(json.map((f: { file: string }) => f.file)).toEqual([join('class', 'anna.ipynb'), join('class', 'ben.ipynb')]);
  });

  it('a broken notebook is a file error naming what is wrong, in a folder too', () => {
    writeFileSync(at.path('v3.ipynb'), JSON.stringify({ nbformat: 3, nbformat_minor: 0, worksheets: [], metadata: {} }));
    writeFileSync(at.path('bad.ipynb'), '{"cells": [');
    writeFileSync(at.path('code.ipynb'), nb(cell('code', 'print(1)')));
    writeFileSync(at.path('prose.ipynb'), nb(cell('markdown', '# Notes\n\n' + HOLDS)));
    const v3 = run('check', 'v3.ipynb');
    expect(v3.status).toBe(2);
    expect(v3.stderr).toContain(
      'unroll: v3.ipynb is an nbformat 3 notebook (its cells are in "worksheets"): Unroll reads nbformat 4; upgrade it with jupyter nbconvert --to notebook --inplace',
    );
    expect(run('check', 'bad.ipynb').stderr).toContain('unroll: bad.ipynb is not a Jupyter notebook: its JSON does not parse (');
    expect(run('check', 'code.ipynb').stderr).toContain('unroll: code.ipynb has no Markdown cell');
    const prose = run('check', 'prose.ipynb');
    expect(prose.status).toBe(2);
    expect(prose.stderr).toContain(
      'unroll: prose.ipynb is not a solution: no Markdown cell has a ```rnn block, and there is no prose.rnn beside it',
    );
    mkdirSync(at.path('mixed'));
    copyFileSync(at.path('bad.ipynb'), at.path('mixed', 'bad.ipynb'));
    writeFileSync(at.path('mixed', 'good.ipynb'), HOLDING);
    const mixed = run('check', 'mixed');
    expect(mixed.status).toBe(2);
    expect(mixed.stdout).toContain('summary of 2 files: ✗ 1 fail, ✓ 1 hold');
    expect(mixed.stderr).toContain(`${join('mixed', 'bad.ipynb')} is not a Jupyter notebook`);
  });
});
