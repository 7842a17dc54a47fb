// A class folder of hand-ins saved as `.txt` (the seeds' own extension; a course site's export): `unroll check FOLDER`
// said "no .rnn file or solution found" for a folder of the seeds beside their networks, although each file named
// alone was read by what it holds. A `.txt` of a folder is now one of its solutions when it reads as one; notes, a
// README and display math with no network are passed over, as a Markdown file that is no solution is.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliFolder } from '../cliBundle';

const at = new CliFolder('unroll-txt-');
const run = at.run;

const NET = 'T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n';
const FAILS = 'So\n\n$$\\frac{\\partial L}{\\partial w} = 3 w h_0$$\n';
const HOLDS = '$$\\frac{\\partial L}{\\partial w} = 2 w h_0$$\n';
const nb = (source: string) =>
  JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: [source] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });

beforeAll(() => {
  const cls = at.path('class');
  mkdirSync(cls);
  // an ```rnn block in the text
  writeFileSync(join(cls, 'anna.txt'), `\`\`\`rnn\n${NET}\`\`\`\n\n${HOLDS}`);
  // the seed's case: the network in NAME.rnn beside it
  writeFileSync(join(cls, 'ben.txt'), FAILS);
  writeFileSync(join(cls, 'ben.rnn'), NET);
  // a notebook saved as .txt, with its network in a Markdown cell
  writeFileSync(join(cls, 'cleo.txt'), nb(`\`\`\`rnn\n${NET}\`\`\`\n\n${FAILS}`));
  // no hand-ins: notes, display math with no network, a notebook with no network
  writeFileSync(join(cls, 'README.txt'), 'Hand-ins of week 7.\n');
  writeFileSync(join(cls, 'draft.txt'), HOLDS);
  writeFileSync(join(cls, 'plots.txt'), nb('# Plots'));
  // seed 001 verbatim beside the network of its example
  mkdirSync(at.path('seeds'));
  copyFileSync(join(__dirname, '../../examples/solutions/001-rnn-three-steps-latex.tex'), at.path('seeds', 'tex.txt'));
  copyFileSync(join(__dirname, '../../examples/solutions/001-rnn-three-steps-latex.rnn'), at.path('seeds', 'tex.rnn'));
});

describe('a folder’s .txt files', { timeout: 60_000 }, () => {
  it('are its solutions when they read as one, and only then', () => {
    const r = run('check', 'class');
    expect(r.stderr).toMatch(/files in/);
    expect(r.status).toBe(1);
    const summary = r.stdout.slice(r.stdout.indexOf('summary of'));
    expect(summary).toMatch(/^summary of 3 files: ✗ 2 fail, ✓ 1 hold/);
    expect(summary).toMatch(/✓ class\/anna\.txt: 1 equation: 1 checked \(1 holds\)/);
    expect(summary).toMatch(/✗ class\/ben\.txt: 1 equation: 1 checked \(1 fails\)/);
    expect(summary).toContain('class/cleo.txt');
    // ben.rnn is ben.txt's network, read in its report (folderSidecar.test.ts)
    expect(r.stdout).not.toContain('ben.rnn');
    for (const no of ['README.txt', 'draft.txt', 'plots.txt']) expect(r.stdout).not.toContain(no);
  });

  it('a LaTeX document saved as .txt beside its network is read as LaTeX', () => {
    const folder = run('check', '--json', 'seeds');
    const alone = run('check', '--json', 'seeds/tex.txt');
    const files = JSON.parse(folder.stdout) as { file: string }[];
    expect(files.map((f) => f.file)).toEqual(['seeds/tex.txt']);
    expect(files[0]).toEqual(JSON.parse(alone.stdout));
  });

  it('a folder of notes only is still "no solution found"', () => {
    mkdirSync(at.path('notes'));
    writeFileSync(at.path('notes', 'todo.txt'), 'read chapter 10\n');
    const r = run('check', 'notes');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no .rnn file or solution found in notes');
  });
});
