// The command line's contract with bad input (LANGUAGE.md §7), probed in session 14: a file saved with a
// byte-order mark, a folder with a cycle of links, output into a pipe closed early, invisible characters,
// and a check stopped by a limit (an error: exit 1, never 0).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// the machine is shared: a limit answers in about a second alone, several under load (a hang took minutes)
vi.setConfig({ testTimeout: 60_000 });
import { runFile } from '../../src/cliFile';
import { analyze } from '../../src/analysis';
import { bundleCli } from '../cliBundle';

let dir = '';
let cli = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'errors14-cli-'));
  cli = await bundleCli(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NET = 'T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\n';
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });

describe('a file saved with a byte-order mark (Windows editors write one)', () => {
  it('a .rnn file: its first line T = 3 is read (was "unexpected character", then "no horizon given")', () => {
    const f = join(dir, 'bom.rnn');
    writeFileSync(f, `\uFEFFT = 5\nparam w = 1\ncheck w + w = 2 w\n`);
    const o = runFile(f, 'check', true, false);
    const j = o.json as { T: number; diagnostics: unknown[]; checks: { status: string }[] };
    expect(j.T).toBe(5);
    expect(j.diagnostics).toEqual([]);
    expect(j.checks.map((c) => c.status)).toEqual(['holds']);
    expect(o.bad).toBe(false);
  });

  it('a Markdown solution whose first line opens its ```rnn block', () => {
    const f = join(dir, 'bomsol.md');
    writeFileSync(f, '\uFEFF```rnn\nT = 3\nparam w = 1\n```\n\n$$ w + w = 2 w $$\n');
    const o = runFile(f, 'check', true, false);
    expect(o.error).toBeUndefined();
    const j = o.json as { checks: { status: string; line: number }[]; networks: { line: number }[] };
    expect(j.networks.map((n) => n.line)).toEqual([1]);
    expect(j.checks.map((c) => [c.line, c.status])).toEqual([[6, 'holds']]);
  });

  it('the analysis itself reads a BOM, a thin space and a zero-width space as spaces', () => {
    const r = analyze('\uFEFFT = 3\nparam w = 1\ncheck w\u2009+\u200Bw = 2 w\n');
    expect(r.T).toBe(3);
    expect(r.diagnostics).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
  });

  it('a character that prints as nothing is named by its code point', () => {
    const r = analyze('T = 3\nparam w = 1\ncheck w\u0000 = 1\ncheck w \uFFFD = 1\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.column, d.message])).toEqual([
      [3, 8, 'unexpected character U+0000 (a control character)'],
      [4, 9, 'unexpected character U+FFFD (�: the file has bytes that are not UTF-8 text)'],
    ]);
  });
});

describe('the CLI', () => {
  it('--help exits 0 with the usage; --version names the version', () => {
    const h = run(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^usage:\n {2}unroll FILE/);
    const v = run(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^unroll \d+\.\d+\.\d+\n$/);
  });

  it('a folder with a cycle of links: each file once (was exit 2 after loopd/self/self/…)', () => {
    const d = join(dir, 'loop');
    mkdirSync(d);
    writeFileSync(join(d, 'a.rnn'), `${NET}check h_1 = tanh(w h_0 + x_1)\n`);
    symlinkSync('.', join(d, 'self'));
    symlinkSync(join(dir, 'nowhere'), join(d, 'dangling'));
    const r = run(['check', 'loop']);
    // nothing on stderr but the speed a folder check reports (cli17: also for a folder of one file)
    expect(r.stderr).toMatch(/^unroll: 1 file in [\d.]+ s: [\d.]+ files\/s on 1 thread\n$/);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/a\.rnn/g)).toHaveLength(1);
  });

  it('output into a pipe its reader closed ends quietly (was an unhandled EPIPE and a stack trace)', () => {
    const f = join(dir, 'long.rnn');
    writeFileSync(f, NET + 'check h_1 = tanh(w h_0 + x_1) + 0.000001 - 0.000001 + 0 + 0 + 0 + 0 + 0 + 0 + 0\n'.repeat(1500));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" long.rnn | head -c 100 > /dev/null`], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a check stopped by the operation limit is an error, so `unroll check` exits 1 (it exited 0)', () => {
    const f = join(dir, 'limit.rnn');
    writeFileSync(f, `${NET}check Σ_{i=1}^{3000} Σ_{j=1}^{3000} 1 = 0\n`);
    const r = run(['check', 'limit.rnn']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/7:1 error: not analysed: more than 2,500,000 operations for one analysis \(limit\)/);
  });
});
