// `unroll check FOLDER` over worker threads (issue 11): the same output, in the same order, with the
// same exit status as one thread; the speed in files per second on stderr.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHEET7 } from '../language/helpers';
import { bundleCli } from '../cliBundle';

let dir = '';
let cli = '';
const unroll = (threads: number | undefined, ...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, UNROLL_THREADS: String(threads) };
  if (threads === undefined) delete env.UNROLL_THREADS;
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir, env });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unroll-par-'));
  cli = await bundleCli(dir);
  mkdirSync(join(dir, 'class', 'week2'), { recursive: true });
  for (let i = 0; i < 9; i++) {
    const body =
      i % 3 === 1 ? "check ∂h_t/∂W_xh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t\n" : `check ∂L/∂o_3 = -2(y_3 - o_3)\nderive ∂L/∂W_hh\n`;
    writeFileSync(join(dir, 'class', i < 5 ? '' : 'week2', `s${i}.rnn`), SHEET7.replace('T = 3', `T = ${3 + (i % 4)}`) + body);
  }
  // a mixed folder: Markdown and LaTeX solutions of the examples, a long file first (slow) then short ones
  mkdirSync(join(dir, 'mixed'), { recursive: true });
  for (const f of readdirSync('examples/solutions')) copyFileSync(join('examples/solutions', f), join(dir, 'mixed', f));
  writeFileSync(
    join(dir, 'mixed', '0-long.rnn'),
    SHEET7.replace('T = 3', 'T = 400')
      .replace(/^input\s+x = .*$/m, '')
      .replace(/^target\s+y = .*$/m, '') + 'derive ∂L/∂W_hh\n',
  );
  for (let i = 0; i < 6; i++)
    writeFileSync(join(dir, 'mixed', `s${i}.rnn`), SHEET7 + (i % 2 ? 'check ∂L/∂o_3 = 2(y_3 - o_3)\n' : 'derive ∂L/∂W_xh\n'));
  writeFileSync(join(dir, 'good-a.rnn'), SHEET7 + 'check ∂L/∂o_3 = -2(y_3 - o_3)\n');
  writeFileSync(join(dir, 'good-b.rnn'), SHEET7 + 'derive ∂L/∂W_hh\n');
}, 60_000);

describe('unroll check over several threads', { timeout: 120_000 }, () => {
  it('prints what one thread prints, in the same order, with the same status, and the speed', () => {
    const one = unroll(1, 'check', 'class');
    const two = unroll(2, 'check', 'class');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.indexOf('s0.rnn')).toBeLessThan(one.stdout.indexOf('s8.rnn'));
    expect(one.stderr).toMatch(/9 files in [\d.]+ s: [\d.]+ files\/s on 1 thread\n/);
    expect(two.stderr).toMatch(/9 files in [\d.]+ s: [\d.]+ files\/s on 2 threads\n/);
  });

  it('--json gives the same array on several threads', () => {
    const clean = (s: string) => (JSON.parse(s) as { elapsedMs: number }[]).map((r) => ({ ...r, elapsedMs: 0 }));
    const one = unroll(1, 'check', 'class', '--json');
    const two = unroll(2, 'check', 'class', '--json');
    expect(clean(two.stdout)).toEqual(clean(one.stdout));
    expect(clean(two.stdout)).toHaveLength(9);
  });

  it('a mixed folder (solutions, a slow file first) on 3 threads prints byte for byte what the sequential run prints', () => {
    const one = unroll(1, 'check', 'mixed');
    const three = unroll(3, 'check', 'mixed');
    expect(one.stdout.length).toBeGreaterThan(0);
    expect(three.stdout).toBe(one.stdout);
    expect(three.status).toBe(one.status);
    expect(one.status).toBe(1);
    expect(three.stderr).toMatch(/on 3 threads\n/);
    const clean = (s: string) => (JSON.parse(s) as { elapsedMs?: number }[]).map((r) => ({ ...r, elapsedMs: 0 }));
    expect(clean(unroll(3, 'check', 'mixed', '--json').stdout)).toEqual(clean(unroll(1, 'check', 'mixed', '--json').stdout));
  });

  it('without UNROLL_THREADS a small folder stays on one thread (a worker would not repay its start)', () => {
    const r = unroll(undefined, 'check', 'class');
    expect(r.stdout).toBe(unroll(1, 'check', 'class').stdout);
    expect(r.stderr).toMatch(/9 files in [\d.]+ s: [\d.]+ files\/s on 1 thread\n/);
  });

  it('every file holding gives status 0', () => {
    expect(unroll(2, 'check', 'good-a.rnn', 'good-b.rnn').status).toBe(0);
  });

  it('a missing file among several: status 2 naming it', () => {
    const r = unroll(2, 'check', 'good-a.rnn', 'missing.rnn');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing.rnn');
  });
});

describe('how many threads, and the figures for the benchmark', { timeout: 60_000 }, () => {
  it('starts a worker only for a folder that repays its warm-up, never more threads than cores', async () => {
    const { threadsFor, defaultThreads, FILES_PER_EXTRA_THREAD } = await import('../../src/cliParallel');
    const saved = process.env.UNROLL_THREADS;
    delete process.env.UNROLL_THREADS;
    try {
      expect(threadsFor(1)).toBe(1);
      expect(threadsFor(FILES_PER_EXTRA_THREAD - 1)).toBe(1);
      expect(threadsFor(FILES_PER_EXTRA_THREAD)).toBe(Math.min(2, defaultThreads()));
      expect(threadsFor(1000 * FILES_PER_EXTRA_THREAD)).toBe(defaultThreads());
      process.env.UNROLL_THREADS = '3';
      expect(threadsFor(1)).toBe(3);
    } finally {
      if (saved === undefined) delete process.env.UNROLL_THREADS;
      else process.env.UNROLL_THREADS = saved;
    }
  });

  it('UNROLL_CHECK_STATS gets the run’s figures as JSON, stdout unchanged', () => {
    const stats = join(dir, 'stats.json');
    const r = spawnSync(process.execPath, [cli, 'check', 'class'], {
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, UNROLL_THREADS: '2', UNROLL_CHECK_STATS: stats },
    });
    expect(r.stdout).toBe(unroll(2, 'check', 'class').stdout);
    const s = JSON.parse(readFileSync(stats, 'utf8')) as { ms: number; threads: number; cpuMs: number; threadCpuMs: unknown[] };
    expect(s.threads).toBe(2);
    expect(s.threadCpuMs).toHaveLength(2);
    expect(s.ms).toBeGreaterThan(0);
    expect(s.cpuMs).toBeGreaterThan(0);
  });
});

describe('checkFiles without an emit callback (the benchmark calls it so)', { timeout: 60_000 }, () => {
  it('returns every outcome in order instead of looping forever', async () => {
    const { checkFiles } = await import('../../src/cliParallel');
    const files = ['good-a.rnn', 'good-b.rnn', 'missing.rnn'].map((f) => join(dir, f));
    const run = await checkFiles(files, { json: false, threads: 1 });
    expect(run.outcomes.map((o) => o.file)).toEqual(files);
    expect(run.outcomes.map((o) => o.bad)).toEqual([false, false, true]);
  });
});
