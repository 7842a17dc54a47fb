// An analysis's objects must die young: once it returns, nothing old may point at them, or V8's scavenger
// copies and then promotes them, and the old generation fills with dead analyses until a full GC (session 13:
// 2.3 MB promoted at every minor GC, a fifth of the warming regime's time in the GC). Two carriers were found:
// module-level WeakMaps (the scavenger keeps their values) — now Memos, emptied when an analysis starts — and
// object literals with their own `get x()` closures (V8's shared structures for the literal, which are old,
// point at the newest closures) — now defineLazy's one accessor pair per key. With either carrier back, the
// median minor GC below promotes ~1 MB or more.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Memo, startAnalysis } from '../../src/engine/memo';
import { defineLazy } from '../../src/language/lazy';

/** every .ts file under src/DIR */
function sources(dir: string): string[] {
  return readdirSync(join('src', dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src', dir, f));
}

describe('no module-level WeakMap in what analyze() runs', () => {
  it('src/language, src/engine and src/solution keep per-analysis caches in Memos (or on their objects)', () => {
    const found = ['language', 'engine', 'solution'].flatMap(sources).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((l, i) => (/^(export )?(const|let) \w+\b[^=]*= new WeakMap\b/.test(l) ? `${f}:${i + 1}` : null))
        .filter((x): x is string => x !== null),
    );
    expect(found).toEqual([]);
  });
});

describe('Memo', () => {
  it('keeps an entry within an analysis and forgets it when the next one starts', () => {
    const m = new Memo<object, number>();
    const k = {};
    m.set(k, 3);
    expect(m.get(k)).toBe(3);
    expect(m.has(k)).toBe(true);
    startAnalysis();
    expect(m.get(k)).toBeUndefined();
    expect(m.has(k)).toBe(false);
    m.set(k, 4);
    expect(m.get(k)).toBe(4);
    expect(m.delete(k)).toBe(true);
    expect(m.get(k)).toBeUndefined();
  });
});

describe('defineLazy', () => {
  it('makes the value once, on first read, as an enumerable property in its place', () => {
    let made = 0;
    const o = { a: 1 } as Record<string, unknown>;
    defineLazy(o, 'form', () => ({ made: ++made }));
    o.z = 2;
    expect(made).toBe(0);
    expect(Object.keys(o)).toEqual(['a', 'form', 'z']);
    expect(JSON.stringify(o)).toBe('{"a":1,"form":{"made":1},"z":2}');
    expect(o.form).toEqual({ made: 1 });
    expect(made).toBe(1);
    expect(structuredClone(o)).toEqual({ a: 1, form: { made: 1 }, z: 2 });
    expect(Object.getOwnPropertyDescriptor(o, 'form')).toMatchObject({ writable: true, enumerable: true });
  });

  it('takes an assignment before the first read, and then never calls its maker', () => {
    const o = {} as Record<string, unknown>;
    defineLazy(o, 'text', () => {
      throw new Error('not to be called');
    });
    o.text = 'given';
    expect(o.text).toBe('given');
    expect(JSON.parse(JSON.stringify(o))).toEqual({ text: 'given' });
  });
});

describe('the garbage of an analysis dies young (a V8 child process)', () => {
  it('over 40 rounds of the examples, the median minor GC promotes almost nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unroll-young-'));
    await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: join(dir, 'index.js'),
      logLevel: 'error',
    });
    const script = join(dir, 'probe.js');
    writeFileSync(
      script,
      `
const { analyze } = require(${JSON.stringify(join(dir, 'index.js'))});
const fs = require('fs');
const dir = ${JSON.stringify(join(process.cwd(), 'examples'))};
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.rnn')).map((f) => fs.readFileSync(dir + '/' + f, 'utf8'));
for (let r = 0; r < 40; r++) for (const t of texts) analyze(t);
`,
    );
    const r = spawnSync(process.execPath, ['--trace-gc-nvp', script], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(r.status, r.stderr).toBe(0);
    const promoted = r.stdout
      .split('\n')
      .filter((l) => l.includes('gc=s '))
      .map((l) => Number(/ promoted=(\d+)/.exec(l)![1]));
    expect(promoted.length).toBeGreaterThan(5);
    // the median minor GC: ~20 KB now, against ~2.3 MB when dead analyses were held
    const median = [...promoted].sort((x, y) => x - y)[promoted.length >> 1]!;
    expect(median).toBeLessThan(400_000);
  }, 120_000);
});
