// `unroll` loads its bundle through V8's code cache (src/codeCache.ts): the first run writes the cache as it
// exits, later runs use it, a cache V8 refuses (another Node, a damaged file) is replaced — and the output and
// exit status are the same in every case as with the cache turned off.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

let dir = '';
const example = join(process.cwd(), 'examples', 'binary-addition-rnn.rnn');
const unroll = (env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [join(dir, 'cli.js'), 'check', example], {
    encoding: 'utf8',
    env: { ...process.env, UNROLL_CODE_CACHE_REPORT: '1', ...env },
  });
  const use = /unroll: code cache (\w+)/.exec(r.stderr)?.[1];
  return { out: r.stdout, status: r.status, use };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unroll-cache-'));
  const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' } as const;
  await build({ ...common, entryPoints: ['src/cliEntry.ts'], outfile: join(dir, 'cli.js') });
  await build({ ...common, entryPoints: ['src/cli.ts'], outfile: join(dir, 'cli-core.js') });
}, 60_000);

describe('the CLI through its code cache', () => {
  it('writes the cache on its first run, uses it after, and answers the same as without it', () => {
    const cache = join(dir, 'cli-core.js.cache');
    const off = unroll({ UNROLL_CODE_CACHE: '0' });
    expect(off.use).toBe('off');
    expect(existsSync(cache)).toBe(false);
    expect(off.out).toMatch(/check/);
    const first = unroll();
    expect(first.use).toBe('absent');
    expect(existsSync(cache)).toBe(true);
    const second = unroll();
    expect(second.use).toBe('accepted');
    for (const r of [first, second]) {
      expect(r.out).toBe(off.out);
      expect(r.status).toBe(off.status);
    }
  }, 60_000);

  it('a damaged cache is refused, the run answers as usual, and the cache is written again', () => {
    const cache = join(dir, 'cli-core.js.cache');
    const off = unroll({ UNROLL_CODE_CACHE: '0' });
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const damaged = unroll();
    expect(damaged.use).toBe('rejected');
    expect(damaged.out).toBe(off.out);
    expect(damaged.status).toBe(off.status);
    expect(statSync(cache).size).toBeGreaterThan(4096);
    expect(readFileSync(cache).subarray(0, 16).equals(Buffer.alloc(16, 7))).toBe(false);
    expect(unroll().use).toBe('accepted');
  }, 60_000);
});
