// One file that makes the analysis throw (a bug of Unroll's) must not stop the others: `unroll` and
// `unroll check` say it for that file on stderr, go on with the rest of the folder, and exit with status 2.
// The CLI is bundled with an analysis that throws on a marked text, so that no real bug is needed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });

let dir = '';
let cli = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead15-crash-'));
  const real = resolve('src/analysis.ts');
  const stub = join(dir, 'throwingAnalysis.ts');
  writeFileSync(
    stub,
    `import { analyze as real } from ${JSON.stringify(real)};\nexport * from ${JSON.stringify(real)};\n` +
      `export const analyze: typeof real = (text, options) => {\n  if (text.includes('CRASH-ME')) throw new TypeError('boom');\n  return real(text, options);\n};\n`,
  );
  cli = join(dir, 'cli.js');
  await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
    entryPoints: ['src/cli.ts'],
    outfile: cli,
    plugins: [
      {
        name: 'throwing-analysis',
        setup(b) {
          // cliFile.ts's own import of the analysis, nothing else's
          b.onResolve({ filter: /^\.\/analysis$/ }, (a) => (a.importer.endsWith('cliFile.ts') ? { path: stub } : undefined));
        },
      },
    ],
  });
  const folder = join(dir, 'class');
  mkdirSync(folder);
  const net = 'T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_2\n';
  writeFileSync(join(folder, 'a.rnn'), `${net}check ∂L/∂h_2 = 1\n`);
  writeFileSync(join(folder, 'b.rnn'), `${net}# CRASH-ME\n`);
  writeFileSync(join(folder, 'c.rnn'), `${net}check ∂L/∂h_1 = w\n`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, ...env } });

describe('a file whose analysis throws', () => {
  it('unroll FOLDER: the other files are printed, the crash named on stderr, exit 2', () => {
    const r = run(['class']);
    expect(r.stdout).toContain('a.rnn');
    expect(r.stdout).toContain('c.rnn');
    expect(r.stderr).toMatch(/unroll: class\/b\.rnn: internal error \(boom\): a bug in Unroll; please report it with this file/);
    expect(r.status).toBe(2);
  });

  it('unroll check FOLDER --json, one thread and two: every file has its entry, the crashed one its error', () => {
    for (const threads of ['1', '2']) {
      const r = run(['check', 'class', '--json'], { UNROLL_THREADS: threads });
      const out = JSON.parse(r.stdout) as { file: string; error?: string; checks?: { status: string }[] }[];
      expect(out.map((o) => o.file)).toEqual(['class/a.rnn', 'class/b.rnn', 'class/c.rnn']);
      expect(out[1]!.error).toMatch(/internal error \(boom\)/);
      expect(out[0]!.checks!.map((c) => c.status)).toEqual(['holds']);
      expect(out[2]!.checks!.map((c) => c.status)).toEqual(['holds']);
      expect(r.stderr).toContain('class/b.rnn: internal error (boom)');
      expect(r.status).toBe(2);
    }
  });

  it('the file alone: exit 2 with the message, no stack trace', () => {
    const r = run(['class/b.rnn']);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('unroll: class/b.rnn: internal error (boom): a bug in Unroll; please report it with this file');
    expect(r.status).toBe(2);
  });
});
