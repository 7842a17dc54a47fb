// Several files (a class folder) end their text with one line per file: its mark and counts, the failing files
// counted in the heading (session 42). A teacher checking thirty solutions read every verdict to find whose
// solution fails; now the last lines say it. One thread and several print the same; --json is unchanged.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../cliBundle';
import { SHEET7 } from '../language/helpers';

let dir = '';
let cli = '';
const unroll = (threads: number, ...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, UNROLL_THREADS: String(threads), NO_COLOR: '1' },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unroll-summary-'));
  cli = await bundleCli(dir);
  mkdirSync(join(dir, 'class'));
  copyFileSync('examples/solutions/003-mlp-layers-as-steps.md', join(dir, 'class', 'a-holds.md'));
  copyFileSync('examples/solutions/002-vanilla-rnn-jacobians.md', join(dir, 'class', 'b-fails.md'));
  writeFileSync(join(dir, 'class', 'c-one-step.rnn'), SHEET7 + "check ∂h_t/∂W_xh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t\n");
  writeFileSync(join(dir, 'class', 'd-error.rnn'), SHEET7 + 'check ∂L/∂o_3 = q_3\n');
}, 60_000);

describe('the summary of several files', { timeout: 120_000 }, () => {
  it('ends unroll check FOLDER with one line per file, the failing ones counted', () => {
    const r = unroll(1, 'check', 'class');
    expect(r.status).toBe(1);
    const tail = r.stdout.slice(r.stdout.indexOf('summary of 4 files'));
    expect(tail.split('\n').filter((l) => l)).toEqual([
      'summary of 4 files: ✗ 2 fail, ⚠ 1 with warnings, ✓ 1 hold',
      '  ✓ class/a-holds.md: 3 equations: 3 checked (3 hold), 0 skipped',
      '  ✗ class/b-fails.md: 3 equations: 3 checked (1 holds, 1 fails, 1 holds as a one-step derivative), 0 skipped; first failing equation: line 102',
      '  ⚠ class/c-one-step.rnn: 1 check: 1 holds as a one-step derivative',
      '  ✗ class/d-error.rnn: no derive or check; 1 error',
    ]);
  });

  it('is the same on several threads, and for `unroll FOLDER`; --json has none', () => {
    const one = unroll(1, 'check', 'class');
    const two = unroll(2, 'check', 'class');
    expect(two.stdout).toBe(one.stdout);
    const text = unroll(1, 'class');
    expect(text.stdout.slice(text.stdout.indexOf('summary of'))).toBe(one.stdout.slice(one.stdout.indexOf('summary of')));
    const json = unroll(1, 'check', 'class', '--json');
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stdout).not.toContain('summary of');
  });

  it('one file has none', () => {
    expect(unroll(1, 'check', 'class/a-holds.md').stdout).not.toContain('summary of');
  });
});
