// The desktop analysis worker (dist/worker.js) loads its bundle through V8's code cache (workerEntry.ts,
// src/codeCache.ts): a worker with no cache writes one once its first complete Report is out (never before,
// never in the way of an answer), the next worker starts from it, and the Reports are the same with the cache,
// without it, and with it turned off.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResponse } from '../../../src/extension/worker/protocol';
import type { Report } from '../../../src/report';

let dir = '';
const text = readFileSync(join(process.cwd(), 'examples', 'binary-addition-rnn.rnn'), 'utf8');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unroll-worker-cache-'));
  const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' } as const;
  await build({ ...common, entryPoints: ['src/extension/worker/workerEntry.ts'], outfile: join(dir, 'worker.js') });
  await build({ ...common, entryPoints: ['src/extension/worker/entry.ts'], outfile: join(dir, 'worker-core.js') });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Session {
  use: string | undefined;
  report: Report;
  /** whether the cache file existed when the numeric Report (before the forms) arrived */
  cacheAtNumeric: boolean;
}

/** the cache file's state: absent, or its size and time */
function stamp(cache: string): string {
  if (!existsSync(cache)) return 'absent';
  const s = statSync(cache);
  return `${s.size}:${s.mtimeMs}`;
}

/**
 * one worker: a job with forms (numeric Report, taken, complete Report); `writes`: the worker is expected to
 * write the cache, so it is given the idle turns to do so (until the file changes) before it is stopped
 */
function session(env: Record<string, string> = {}, writes = false): Promise<Session> {
  const cache = join(dir, 'worker-core.js.cache');
  const before = stamp(cache);
  return new Promise((resolve, reject) => {
    const w = new Worker(join(dir, 'worker.js'), { env: { ...process.env, UNROLL_CODE_CACHE_REPORT: '1', ...env }, stderr: true });
    let err = '';
    w.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let cacheAtNumeric = false;
    w.on('error', reject);
    w.on('message', (m: AnalysisResponse) => {
      if (!('report' in m)) return;
      if (m.complete === false) {
        cacheAtNumeric = existsSync(cache);
        w.postMessage({ id: m.id, taken: true });
        return;
      }
      const t0 = Date.now();
      const wait = setInterval(() => {
        if (!writes || stamp(cache) !== before || Date.now() - t0 > 10_000) {
          clearInterval(wait);
          void w.terminate().then(() => {
            const { elapsedMs: _, ...report } = m.report;
            resolve({ use: /unroll: code cache (\w+)/.exec(err)?.[1], report: report as Report, cacheAtNumeric });
          });
        }
      }, 10);
    });
    w.postMessage({ id: 1, text, options: { forms: true } });
  });
}

describe('the analysis worker through its code cache', () => {
  it('writes the cache after its first complete Report, starts from it next time, and answers the same', async () => {
    const cache = join(dir, 'worker-core.js.cache');
    const off = await session({ UNROLL_CODE_CACHE: '0' });
    expect(off.use).toBe('off');
    expect(existsSync(cache)).toBe(false);
    const first = await session({}, true);
    expect(first.use).toBe('absent');
    expect(first.cacheAtNumeric).toBe(false);
    expect(existsSync(cache)).toBe(true);
    const second = await session();
    expect(second.use).toBe('accepted');
    for (const s of [first, second]) expect(s.report).toEqual(off.report);
  }, 60_000);

  it('a damaged cache is refused, the worker answers as usual, and the cache is written again', async () => {
    const cache = join(dir, 'worker-core.js.cache');
    const off = await session({ UNROLL_CODE_CACHE: '0' });
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const damaged = await session({}, true);
    expect(damaged.use).toBe('rejected');
    expect(damaged.report).toEqual(off.report);
    expect(readFileSync(cache).subarray(0, 16).equals(Buffer.alloc(16, 7))).toBe(false);
    expect((await session()).use).toBe('accepted');
  }, 60_000);
});
