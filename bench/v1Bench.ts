// Issue 9, "no slowdown of analyze()": v1's code (0468a0e, the last commit before the v2 language) against
// today's, on the eight texts of that time (bench/fixtures/pre-v2). Each version runs in its own fresh processes,
// alternating: in one process the two copies of the engine share the JIT and the heap, and that comparison
// swung by ±25% from run to run; separate processes agree pair by pair.
//
// Three regimes, because the ratio depends on how warm V8's JIT is (session 8): today's engine is more code
// (the v2 reading, the culprit hints), so it takes more analyses to be optimised. After 30 rounds of the eight
// texts binary addition ran 1.2–1.45× v1, after 300 rounds 0.9–1.0×.
// - "cold" is the CLI's case, `unroll FILE`: a fresh process that loads the engine and analyses that one text.
//   Each text is analysed alone in processes of its own (session 10; until then each text's first analysis
//   was timed in one process after the texts before it, so a text's row depended on its place in the list).
//   Today's code is timed twice: loaded plainly, and loaded as the CLI loads it, through V8's code cache
//   (src/codeCache.ts: the bytecode a first run compiled, so that a fresh process does not compile the
//   engine's functions again; v1 had no such loader). Since session 11 the extension's analysis worker loads
//   its bundle so too (src/extension/worker/workerEntry.ts).
// - "warming", rounds 31–70 of the eight texts (the section's regime until session 8), and "warm", rounds
//   301–340 (the editor's worker after a few minutes of typing), in processes that analyse every text in turn.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JIT_REGIMES, median, printTable } from './timing';

const V1 = '0468a0e';
const ROOT = join(__dirname, '..');
/** the examples as they were before the seeds' notation rewrite (git 2d9ee42, 2026-11-22): issue 9 asks for no slowdown */
export const PRE_V2_DIR = join(ROOT, 'bench', 'fixtures', 'pre-v2');
/** fresh processes per version (UNROLL_BENCH_V1_PROCESSES, default 7), each warmed, then ROUNDS rounds of every text */
const PROCESSES = Math.max(1, Number(process.env.UNROLL_BENCH_V1_PROCESSES) || 7);
type Regime = (typeof JIT_REGIMES)[number]['name'] | 'cold';

/** A script that times analyze() of every text of `dir` and prints {regime: {file: median ms}} (min(wall, CPU) per run). */
export function runner(indexPath: string, options: string, dir = PRE_V2_DIR): string {
  return `
import { readFileSync, readdirSync } from 'node:fs';
import { analyze } from ${JSON.stringify(indexPath)};
const dir = ${JSON.stringify(dir)};
const texts = readdirSync(dir).filter((f) => f.endsWith('.rnn')).sort().map((f) => ({ f, t: readFileSync(dir + '/' + f, 'utf8') }));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = (fn: () => void) => { const c = cpu(), w = performance.now(); fn(); return Math.min(cpu() - c, performance.now() - w); };
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]!; };
const run = (t: string) => analyze(t, ${options} as never);
const out: Record<string, Record<string, number>> = {};
// the cold regime: this one text, analysed once, first thing in this process
const alone = process.env.UNROLL_BENCH_ALONE;
if (alone) {
  const cold: Record<string, number> = {};
  for (const { f, t } of texts) if (alone === '*' || f === alone) cold[f] = time(() => run(t));
  console.log(JSON.stringify({ cold }));
  process.exit(0);
}
let done = 0;
for (const g of ${JSON.stringify(JIT_REGIMES)}) {
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

export function bundle(source: string, file: string): string | null {
  writeFileSync(`${file}.ts`, source);
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  const r = spawnSync(esbuild, [`${file}.ts`, '--bundle', '--platform=node', `--outfile=${file}.js`, '--log-level=error'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? null : `esbuild failed: ${r.stderr.split('\n')[0]}`;
}

export function timesOf(script: string, alone?: string): Record<Regime, Record<string, number>> {
  const env = alone ? { ...process.env, UNROLL_BENCH_ALONE: alone } : process.env;
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 24, env });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr.split('\n')[0]}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<Regime, Record<string, number>>;
}

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
      // every text once, as the build's run over the examples writes dist/cli-core.js.cache
      timesOf(`${cachedRunner}.js`, '*');
      if (!existsSync(join(work, 'run-now.js.cache'))) noCache = 'no code cache was written';
    }
    const texts = readdirSync(PRE_V2_DIR)
      .filter((f) => f.endsWith('.rnn'))
      .sort();
    type Times = Record<string, number>;
    const v1: Record<Regime, Times>[] = [];
    const now: Record<Regime, Times>[] = [];
    // cold: per process index, the times of the texts each analysed alone (v1, today, today through the cache)
    const cold = { v1: [] as Times[], now: [] as Times[], shipped: [] as Times[] };
    for (let p = 0; p < PROCESSES; p++) {
      v1.push(timesOf(join(work, 'run-v1.js')));
      now.push(timesOf(join(work, 'run-now.js')));
      const row = { v1: {} as Times, now: {} as Times, shipped: {} as Times };
      for (const f of texts) {
        row.v1[f] = timesOf(join(work, 'run-v1.js'), f).cold[f]!;
        row.now[f] = timesOf(join(work, 'run-now.js'), f).cold[f]!;
        if (!noCache) row.shipped[f] = timesOf(`${cachedRunner}.js`, f).cold[f]!;
      }
      cold.v1.push(row.v1);
      cold.now.push(row.now);
      cold.shipped.push(row.shipped);
    }
    const tables: { when: string; a1: Times[]; b1: Times[] }[] = [
      {
        when: 'cold: each text alone in a fresh process, its first analysis (`unroll FILE`), today loaded plainly',
        a1: cold.v1,
        b1: cold.now,
      },
      ...(noCache
        ? []
        : [
            {
              when: "cold, today loaded through its code cache as the CLI (dist/cli.js) and the desktop extension's analysis worker (dist/worker.js) load it",
              a1: cold.v1,
              b1: cold.shipped,
            },
          ]),
      ...JIT_REGIMES.map((g) => ({
        when: `${g.name}: rounds ${g.after + 1}–${g.after + g.rounds} of the eight texts in one process, medians`,
        a1: v1.map((r) => r[g.name]),
        b1: now.map((r) => r[g.name]),
      })),
    ];
    if (noCache) console.log(`\n  (the code-cache table is not measured: ${noCache})`);
    for (const { when, a1, b1 } of tables) {
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
      printTable(
        `${title} — ${when}`,
        ['text (2026-11-22)', 'v1', 'today', 'today / v1', 'medians of all', 'each pair', 'no slowdown'],
        rows,
      );
    }
    console.log(
      `  v1 as it answered then, { symbolic: false, graph: false }; today { graph: false } (numeric, its default).\n` +
        `  Cold: one process per version, text and run, analysing that text once. Warming and warm: one process per version\n` +
        `  and run goes through the rounds of every text in turn. min(wall, CPU) per analysis.\n` +
        "  The ratio depends on the JIT's warmth: today's engine is more code and is optimised later (see the file's header).\n" +
        "  A process as a whole runs fast or slow (the JIT's choices, the heap's layout, the machine): on this 2-core\n" +
        '  machine two or three of seven ran ~1.4× slower on every text at once ("each pair"), so the verdict uses each\n' +
        "  version's fastest process, and the median ratio over all processes is shown beside it.",
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
