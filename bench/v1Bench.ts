// Issue 9, "no slowdown of analyze()": v1's code (0468a0e, the last commit before the v2 language) against
// today's, on the eight texts of that time (bench/fixtures/pre-v2). Each version runs in its own fresh processes,
// alternating: in one process the two copies of the engine share the JIT and the heap, and that comparison
// swung by ±25% from run to run; separate processes agree pair by pair.
//
// Three regimes per process, because the ratio depends on how warm V8's JIT is (session 8): today's engine is
// more code (the v2 reading, the culprit hints), so it takes more analyses to be optimised. After 30 rounds of
// the eight texts binary addition ran 1.2–1.45× v1, after 300 rounds 0.9–1.0×. "cold" is each text's first
// analysis in a fresh process (the CLI's case: one file, one analysis), "warming" rounds 31–70 (the section's
// regime until then), "warm" rounds 301–340 (the editor's worker after a few minutes of typing). A fourth table
// is the cold regime with today's code loaded as the CLI loads it (session 9): through V8's code cache
// (src/codeCache.ts), which holds the bytecode a first run compiled, so that a fresh process does not compile
// the engine's functions again (v1 had no such loader; its row is the same as in the cold table).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from './timing';

const V1 = '0468a0e';
const ROOT = join(__dirname, '..');
const PRE_V2_DIR = join(ROOT, 'bench', 'fixtures', 'pre-v2');
/** fresh processes per version (UNROLL_BENCH_V1_PROCESSES, default 7), each warmed, then ROUNDS rounds of every text */
const PROCESSES = Math.max(1, Number(process.env.UNROLL_BENCH_V1_PROCESSES) || 7);
/** the regimes: rounds before each one's measured rounds (the first round counts as warm-up for the next) */
const REGIMES = [
  { name: 'cold', after: 0, rounds: 1 },
  { name: 'warming', after: 30, rounds: 40 },
  { name: 'warm', after: 300, rounds: 40 },
] as const;
type Regime = (typeof REGIMES)[number]['name'];

/** A script that times analyze() of every pre-v2 text and prints {file: median ms} (min(wall, CPU) per run). */
function runner(indexPath: string, options: string): string {
  return `
import { readFileSync, readdirSync } from 'node:fs';
import { analyze } from ${JSON.stringify(indexPath)};
const dir = ${JSON.stringify(PRE_V2_DIR)};
const texts = readdirSync(dir).filter((f) => f.endsWith('.rnn')).sort().map((f) => ({ f, t: readFileSync(dir + '/' + f, 'utf8') }));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = (fn: () => void) => { const c = cpu(), w = performance.now(); fn(); return Math.min(cpu() - c, performance.now() - w); };
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]!; };
const run = (t: string) => analyze(t, ${options} as never);
const out: Record<string, Record<string, number>> = {};
let done = 0;
const only = process.env.UNROLL_BENCH_REGIME;
for (const g of ${JSON.stringify(REGIMES)}) {
  if (only && g.name !== only) continue;
  for (; done < g.after; done++) for (const { t } of texts) run(t);
  const ts: Record<string, number[]> = {};
  for (let r = 0; r < g.rounds; r++, done++) for (const { f, t } of texts) (ts[f] ??= []).push(time(() => run(t)));
  out[g.name] = Object.fromEntries(texts.map(({ f }) => [f, med(ts[f]!)]));
}
console.log(JSON.stringify(out));
`;
}

const git = (...args: string[]) => spawnSync('git', ['-C', ROOT, ...args], { encoding: 'buffer', maxBuffer: 1 << 28 });

/** v1's src/ extracted where its imports find this repository's node_modules; null with the reason it cannot be */
function extractV1(dir: string): string | null {
  if (git('cat-file', '-e', `${V1}^{commit}`).status !== 0) return `commit ${V1} is not in this clone's history (a shallow clone?)`;
  const tar = git('archive', '--format=tar', V1, 'src');
  if (tar.status !== 0) return `git archive ${V1} failed: ${tar.stderr.toString().split('\n')[0]}`;
  mkdirSync(dir, { recursive: true });
  const x = spawnSync('tar', ['-x', '-C', dir], { input: tar.stdout });
  return x.status === 0 ? null : `tar failed: ${x.stderr.toString().split('\n')[0]}`;
}

function bundle(source: string, file: string): string | null {
  writeFileSync(`${file}.ts`, source);
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  const r = spawnSync(esbuild, [`${file}.ts`, '--bundle', '--platform=node', `--outfile=${file}.js`, '--log-level=error'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? null : `esbuild failed: ${r.stderr.split('\n')[0]}`;
}

function timesOf(script: string, regime?: Regime): Record<Regime, Record<string, number>> {
  const env = regime ? { ...process.env, UNROLL_BENCH_REGIME: regime } : process.env;
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 24, env });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr.split('\n')[0]}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<Regime, Record<string, number>>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export function benchV1SideBySide(): void {
  const title = `analyze() of the pre-v2 texts: v1's code (${V1}) against today's, ${PROCESSES} fresh processes each, alternating — the fastest process's median`;
  // inside node_modules, so that v1's imports (and the runners') resolve to this repository's packages
  const work = join(ROOT, 'node_modules', '.cache', 'unroll-bench-v1');
  rmSync(work, { recursive: true, force: true });
  try {
    const failed =
      extractV1(join(work, 'v1')) ??
      bundle(runner(join(work, 'v1', 'src', 'index'), '{ symbolic: false, graph: false }'), join(work, 'run-v1')) ??
      bundle(runner(join(ROOT, 'src', 'index'), '{ graph: false }'), join(work, 'run-now'));
    if (failed || !existsSync(join(work, 'run-now.js'))) {
      console.log(`\n${title}\n  not measured: ${failed ?? 'no runner was built'}`);
      return;
    }
    // today's runner loaded as the CLI loads its bundle, through V8's code cache (src/codeCache.ts); its first
    // process writes the cache, as the build does for dist/cli-core.js
    const cachedRunner = join(work, 'run-now-cached');
    let noCache = bundle(
      `import { loadWithCodeCache } from ${JSON.stringify(join(ROOT, 'src', 'codeCache'))};\nloadWithCodeCache(${JSON.stringify(join(work, 'run-now.js'))});\n`,
      cachedRunner,
    );
    if (!noCache) {
      timesOf(`${cachedRunner}.js`, 'cold');
      if (!existsSync(join(work, 'run-now.js.cache'))) noCache = 'no code cache was written';
    }
    const v1: Record<Regime, Record<string, number>>[] = [];
    const now: Record<Regime, Record<string, number>>[] = [];
    const shipped: Record<Regime, Record<string, number>>[] = [];
    for (let p = 0; p < PROCESSES; p++) {
      v1.push(timesOf(join(work, 'run-v1.js')));
      now.push(timesOf(join(work, 'run-now.js')));
      if (!noCache) shipped.push(timesOf(`${cachedRunner}.js`, 'cold'));
    }
    const regimes: { name: Regime; after: number; rounds: number; label?: string; of: Record<Regime, Record<string, number>>[] }[] = [
      ...REGIMES.map((g) => ({ ...g, of: now })),
      ...(noCache
        ? []
        : [{ name: 'cold' as const, after: 0, rounds: 1, label: 'cold, today loaded through its code cache as the CLI is', of: shipped }]),
    ];
    if (noCache) console.log(`\n  (the code-cache row is not measured: ${noCache})`);
    for (const g of regimes) {
      const a1 = v1.map((r) => r[g.name]);
      const b1 = g.of.map((r) => r[g.name]);
      const rows = Object.keys(b1[0]!).map((f) => {
        const a = Math.min(...a1.map((r) => r[f]!));
        const b = Math.min(...b1.map((r) => r[f]!));
        const ma = median(a1.map((r) => r[f]!));
        const mb = median(b1.map((r) => r[f]!));
        const pairs = a1.map((r, i) => b1[i]![f]! / r[f]!);
        return [
          f,
          `${a.toFixed(2)} ms`,
          `${b.toFixed(2)} ms`,
          `${(b / a).toFixed(2)}×`,
          `${(mb / ma).toFixed(2)}×`,
          pairs.map((x) => x.toFixed(2)).join(' '),
          b / a <= 1.0 ? 'yes' : 'NO',
        ];
      });
      const when = g.label
        ? `${g.label}: each text's first analysis in a fresh process`
        : g.rounds === 1
          ? "cold: each text's first analysis in a fresh process"
          : `${g.name}: rounds ${g.after + 1}–${g.after + g.rounds} of the eight texts, medians`;
      printTable(
        `${title} — ${when}`,
        ['text (2026-11-22)', 'v1', 'today', 'today / v1', 'medians of all', 'each pair', 'no slowdown'],
        rows,
      );
    }
    console.log(
      `  v1 as it answered then, { symbolic: false, graph: false }; today { graph: false } (numeric, its default).\n` +
        `  One process per version and run goes through the three regimes in turn: min(wall, CPU) per analysis.\n` +
        "  The ratio depends on the JIT's warmth: today's engine is more code and is optimised later (see the file's header).\n" +
        "  A process as a whole runs fast or slow (the JIT's choices, the heap's layout, the machine): on this 2-core\n" +
        '  machine two or three of seven ran ~1.4× slower on every text at once ("each pair"), so the verdict uses each\n' +
        "  version's fastest process, and the median ratio over all processes is shown beside it.",
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
