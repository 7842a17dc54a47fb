// `unroll check -` reads standard input, as command-line tools do (`xclip -o | unroll check -`, an editor's "run on
// selection"): it was "cannot read -: no such file or folder". The text is read by what it holds, as a file of
// another extension is (a network, or a Markdown solution with its ```rnn block); it is printed as <stdin>.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleCli } from '../cliBundle';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
const run = (input: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input });
const NET = 'T = 2\nparam w = 1.5\nloss L = w^2\ncheck ∂L/∂w = 2 w\n';

beforeAll(async () => {
  cli = await bundleCli(mkdtempSync(join(tmpdir(), 'stdin25-')));
});

describe('unroll … - reads standard input', () => {
  it('a network: its checks, exit 0 when they hold and 1 when one fails', () => {
    const ok = run(NET, 'check', '-');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('<stdin>');
    expect(ok.stdout).toMatch(/holds/);
    const bad = run(NET.replace('2 w', '3 w'), 'check', '-');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('The 3 should be 2');
  });

  it('--json names the file <stdin>; the same object as for the file itself', () => {
    const text = readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8');
    const piped = JSON.parse(run(text, 'check', '-', '--json').stdout) as { file: string; checks: unknown[] };
    const file = JSON.parse(
      spawnSync(process.execPath, [cli, 'check', 'examples/sheet7-vanilla-rnn.rnn', '--json'], { encoding: 'utf8' }).stdout,
    ) as { file: string; checks: unknown[] };
    expect(piped.file).toBe('<stdin>');
    expect(piped.checks).toEqual(file.checks);
  });

  it('a Markdown solution piped in is read as one', () => {
    const md = '```rnn\nT = 2\nparam w = 1.5\nloss L = w^2\n```\n\n$$\\frac{\\partial L}{\\partial w} = 2 w$$\n';
    const r = run(md, '-');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 checked (1 holds');
  });

  it('a LaTeX document or display math with no network piped in: says the network must come with a file (session 30: "no <stdin>.rnn beside it")', () => {
    const tex = run('\\documentclass{article}\\begin{document}\\[ a = b \\]\\end{document}\n', 'check', '-');
    expect(tex.status).toBe(2);
    expect(tex.stderr).toBe(
      'unroll: <stdin> is not a solution: it has no network (a LaTeX solution has its network in a NAME.rnn beside it: give its file, unroll check NAME.tex)\n',
    );
    const md = run('# notes\n$$a = b$$\n', 'check', '-');
    expect(md.stderr).toMatch(/it has no ```rnn block \(a solution whose network is a NAME\.rnn beside it: give its file/);
  });

  it('- with other files is a usage error (exit 2)', () => {
    const r = run(NET, 'check', '-', 'examples');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('- (standard input) is read alone');
  });
});
