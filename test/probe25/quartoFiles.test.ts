// Quarto (.qmd) and R Markdown (.Rmd) solutions are Markdown whose network chunk is ```{rnn} (spec24 reads such a
// chunk). Their files were not solutions by name: a class folder of .qmd hand-ins was "no .rnn file or solution
// found", and the editor gave them nothing (the Quarto extension's language id is `quarto`, the R extension's
// `rmd`). One test of a file name for the CLI and the editor: src/solution/fenceInfo.ts solutionKindOf.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { documentKind } from '../../src/extension/solution/detect';
import { solutionKindOf } from '../../src/solution';
import { bundleCli } from '../cliBundle';

vi.setConfig({ testTimeout: 60_000 });

const SOLUTION = (gradient: string) =>
  `---\ntitle: "Sheet 7"\n---\n\n\`\`\`{rnn}\nT = 2\nparam w = 1.5\nloss L = w^2\n\`\`\`\n\n$$\\frac{\\partial L}{\\partial w} = ${gradient}$$\n`;

let cli = '';
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quarto25-'));
  cli = await bundleCli(dir);
  mkdirSync(join(dir, 'class'));
  writeFileSync(join(dir, 'class', 'anna.qmd'), SOLUTION('2 w'));
  writeFileSync(join(dir, 'class', 'ben.Rmd'), SOLUTION('3 w'));
  writeFileSync(join(dir, 'class', 'notes.qmd'), '# no network here\n\n$$a = b$$\n');
});

describe('Quarto and R Markdown solutions', () => {
  it('are Markdown by their names, for the CLI and for the editor', () => {
    expect(['a.qmd', 'a.Rmd', 'a.RMD', 'a.md', 'a.markdown', 'a.tex', 'a.txt', 'a.rnn'].map(solutionKindOf)).toEqual([
      'markdown',
      'markdown',
      'markdown',
      'markdown',
      'markdown',
      'latex',
      null,
      null,
    ]);
    expect(documentKind('quarto', '/w/a.qmd')).toBe('markdown');
    expect(documentKind('rmd', '/w/a.Rmd')).toBe('markdown');
    expect(documentKind('plaintext', '/w/a.qmd')).toBe('markdown');
  });

  it('a folder of them is checked, each solution once, the file without a network left alone', () => {
    const r = spawnSync(process.execPath, [cli, 'check', join(dir, 'class'), '--json'], {
      encoding: 'utf8',
      env: { ...process.env, UNROLL_THREADS: '1' },
    });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; equations?: { status: string }[] }[];
    expect(out.map((o) => o.file.split('/').pop())).toEqual(['anna.qmd', 'ben.Rmd']);
    expect(out.map((o) => o.equations?.map((e) => e.status))).toEqual([['holds'], ['fails']]);
  });
});
