// LANGUAGE.md §7: the command line — text, check with exit status and JSON, latex; exit 2 for usage/file errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHEET7 } from './helpers';

let dir = '';
let cli = '';
const unroll = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unroll-cli-'));
  cli = join(dir, 'cli.js');
  await build({ entryPoints: ['src/cli.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error' });
  writeFileSync(join(dir, 'good.rnn'), SHEET7 + 'derive ∂L/∂W_hh\ncheck ∂L/∂o_3 = -2(y_3 - o_3)\n');
  // wrong from t = 2 (h_0 = 0 hides the extra term at t = 1); with ∂ it would hold as a one-step derivative (v2)
  writeFileSync(join(dir, 'bad.rnn'), SHEET7 + "check ∂⁺h_t/∂W_xh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t + h_{t-1}\n");
  writeFileSync(join(dir, 'broken.rnn'), SHEET7 + 'derive ∂L/∂W_zz\n');
}, 60_000);

describe('§7 unroll', () => {
  it('unroll FILE prints every derive and check as text', () => {
    const r = unroll('good.rnn');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('derive ∂L/∂W_hh');
    expect(r.stdout).toMatch(/✓ holds/);
  });

  it('unroll check: exit 0 when every check holds, 1 when one fails or an error is reported', () => {
    expect(unroll('check', 'good.rnn').status).toBe(0);
    const bad = unroll('check', 'bad.rnn');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('✗ fails at t = 2');
    expect(unroll('check', 'broken.rnn').status).toBe(1);
  });

  it('unroll check --json prints the §7 object', () => {
    const r = unroll('check', 'bad.rnn', '--json');
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).slice(0, 6)).toEqual(['file', 'diagnostics', 'derives', 'checks', 'params', 'flow']);
    expect(j.file).toBe('bad.rnn');
    expect(j.checks[0]).toMatchObject({ line: 14, status: 'fails' });
    expect(j.params.map((p: { name: string }) => p.name)).toEqual(['W_xh', 'W_hh', 'b_h', 'W_hy', 'b_y']);
    expect(j.flow[0].name).toBe('h');
    expect(j.flow[0].norms).toHaveLength(3);
    const g = JSON.parse(unroll('check', 'good.rnn', '--json').stdout);
    expect(g.derives[0]).toMatchObject({ line: 14, query: '∂L/∂W_hh' });
    expect(g.derives[0].results[0].t).toBeNull();
    expect(typeof g.derives[0].results[0].value).toBe('number');
    const d = JSON.parse(unroll('check', 'broken.rnn', '--json').stdout).diagnostics[0];
    expect(d).toMatchObject({ severity: 'error', line: 14, column: 12, endLine: 14, endColumn: 16 });
  });

  it('a folder stands for every .rnn file in it', () => {
    const r = unroll('check', '.');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('good.rnn');
    expect(r.stdout).toContain('bad.rnn');
  });

  it('unroll latex prints derivations that typeset', () => {
    const r = unroll('latex', 'good.rnn');
    expect(r.status).toBe(0);
    const blocks = [...r.stdout.matchAll(/\\\[\n([\s\S]*?)\n\\\]/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(() => katex.renderToString(b, { throwOnError: true, displayMode: true })).not.toThrow();
  });

  it('exit 2 for usage and file errors', () => {
    expect(unroll().status).toBe(2);
    expect(unroll('check', 'missing.rnn').status).toBe(2);
    expect(unroll('check', 'good.rnn', '--bogus').status).toBe(2);
  });
});
