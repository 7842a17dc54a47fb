// A Jupyter notebook handed in as it is (`unroll check sol.ipynb`, a folder of them): a file error that says how to make
// it a solution (LANGUAGE.md §8 reads Markdown and LaTeX). Session 30: "not a solution: it has no ```rnn block" of a
// notebook whose first cell had one, and a folder of notebooks "no .rnn file or solution found".
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../cliBundle';

let dir = '';
let cli = '';
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });

const MD = '```rnn\nT = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n```\n\n$$\\frac{\\partial L}{\\partial w} = 2 w h_0$$\n';
const NOTEBOOK = JSON.stringify(
  { cells: [{ cell_type: 'markdown', metadata: {}, source: MD.split(/(?<=\n)/) }], metadata: {}, nbformat: 4, nbformat_minor: 5 },
  null,
  1,
);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unroll-notebook-'));
  cli = await bundleCli(dir);
  writeFileSync(join(dir, 'sol.ipynb'), NOTEBOOK);
  writeFileSync(join(dir, 'sol.json'), NOTEBOOK);
  mkdirSync(join(dir, 'class', '.ipynb_checkpoints'), { recursive: true });
  writeFileSync(join(dir, 'class', 'anna.ipynb'), NOTEBOOK);
  writeFileSync(join(dir, 'class', 'ben.ipynb'), NOTEBOOK);
  writeFileSync(join(dir, 'class', '.ipynb_checkpoints', 'anna-checkpoint.ipynb'), NOTEBOOK);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Jupyter notebook', { timeout: 60_000 }, () => {
  it('given by name (or saved as .json) is a file error saying to export it as Markdown', () => {
    for (const f of ['sol.ipynb', 'sol.json']) {
      const r = run('check', f);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`unroll: ${f} is a Jupyter notebook: export it as Markdown (jupyter nbconvert --to markdown ${f}`);
    }
  });

  it('a folder of notebooks says what it holds', () => {
    const r = run('check', 'class');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no .rnn file or solution found in class (it holds 2 Jupyter notebooks: export them as Markdown');
  });

  it('the Markdown it exports is a solution', () => {
    writeFileSync(join(dir, 'sol.md'), MD);
    const r = run('check', 'sol.md');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 equation: 1 checked (1 holds), 0 skipped');
  });
});
