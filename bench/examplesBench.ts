// analyze() of every bundled example: numeric by default (target < 2 ms each), and one derive's
// symbolic forms on demand on a fresh analysis (target < 5 ms), against every form at once.

import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeSession } from '../src/analysis';
import { fmtMs, fmtT, JIT_REGIMES, median, printTable, timeInterleaved, timePrepared, type Timing } from './timing';
import { bundle, PRE_V2_DIR, runner, timesOf } from './v1Bench';

export const EXAMPLES_DIR = join(__dirname, '..', 'examples');

export function loadExamples(): { name: string; text: string }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.rnn'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(EXAMPLES_DIR, name), 'utf8') }));
}

/** fresh processes for the regimes (UNROLL_BENCH_EXAMPLE_PROCESSES, default 5) */
const PROCESSES = Math.max(1, Number(process.env.UNROLL_BENCH_EXAMPLE_PROCESSES) || 5);

/**
 * analyze() of every example in turn, in the two JIT regimes, each in PROCESSES fresh processes: per example and
 * regime, every process's median (a process as a whole runs fast or slow, as v1Bench.ts found; one process of
 * this section once put the vector RNN at 2.18 ms where five others gave 1.5). A string: why it was not measured.
 */
function regimesInProcesses(): { name: string; per: Record<string, number>[] }[] | string {
  const work = join(__dirname, '..', 'node_modules', '.cache', 'unroll-bench-examples');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const failed = bundle(runner(join(__dirname, '..', 'src', 'index'), '{}', EXAMPLES_DIR), join(work, 'run'));
    if (failed) return failed;
    const runs = Array.from({ length: PROCESSES }, () => timesOf(join(work, 'run.js')));
    return JIT_REGIMES.map((g) => ({ name: g.name, per: runs.map((r) => r[g.name]) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function benchExamples(): void {
  const rows: string[][] = [];
  const examples = loadExamples();
  // the numeric analysis as the editor's worker runs it, one analysis after another (every example in turn), in
  // the two JIT regimes; until session 20 the only figure was each example's runs alternated with analyses of
  // every form (below, "beside { forms: true }"), a sequence no user makes that kept the JIT and the GC in the
  // forms' state
  const regimes = regimesInProcesses();
  const inTurn = (g: number, name: string): string => {
    if (typeof regimes === 'string') return '—';
    const per = regimes[g]!.per.map((r) => r[name]!);
    const fastest = Math.min(...per);
    return `${fmtMs(fastest)} (${fmtMs(median(per))}) ${fastest < 2 ? 'yes' : 'NO'}`;
  };
  // warm the forms' code on every example too: the first section of the process otherwise pays for compiling
  for (let i = 0; i < 10; i++) for (const { text } of examples) analyze(text, { forms: i % 2 === 0 });
  for (const { name, text } of examples) {
    const r = analyze(text);
    const [numeric, full] = timeInterleaved([() => analyze(text), () => analyze(text, { forms: true })], 25, 5);
    // one derive's forms on a fresh Analysis (the editor's hover or panel request): the slowest derive of the file
    let slowest: Timing | null = null;
    for (const d of r.derives) {
      const t = timePrepared(
        () => analyzeSession(text),
        (a) => a.forms(d.line),
        9,
        1,
      );
      if (!slowest || t.ownMs > slowest.ownMs) slowest = t;
    }
    const fails = r.checks.filter((c) => c.status === 'fails').length;
    const under = (t: Timing) => (t.ownMs < 2 ? 'yes' : 'NO');
    rows.push([
      name,
      String(r.T ?? '?'),
      `${r.derives.length}/${r.checks.length}/${fails}`,
      inTurn(0, name),
      inTurn(1, name),
      `${fmtT(numeric)} ${under(numeric)}`,
      slowest ? fmtT(slowest) : '—',
      !slowest || slowest.ownMs < 5 ? 'yes' : 'NO',
      fmtT(full),
    ]);
  }
  const [w0, w1] = JIT_REGIMES.map((g) => `${g.after + 1}–${g.after + g.rounds}`);
  printTable(
    `analyze() of each example — median; numeric (the default) target < 2 ms: every example in turn, rounds ${w0} (warming) and ${w1} (warm), in ${PROCESSES} fresh processes (the fastest process's median, the median of all in brackets), and in this process each example's runs alternated with analyses of every form; one derive's forms on demand target < 5 ms`,
    [
      'example',
      'T',
      'derive/check/fail',
      `analyze() warming < 2 ms`,
      `warm < 2 ms`,
      'beside { forms: true } < 2 ms',
      'forms of 1 derive (slowest)',
      '< 5 ms',
      'every form ({ forms: true })',
    ],
    rows,
  );
  if (typeof regimes === 'string') console.log(`  (every example in turn was not measured: ${regimes})`);
}

/**
 * What bench/RESULTS.md recorded for those texts then (0468a0e, 2026-11-22 06:11 UTC, load 2.0): a range over
 * the eight examples, per configuration; no per-example figure was kept.
 */
const RECORDED_PRE_V2 = { lean: '1.3–2.9 ms', defaults: '4.3–10.2 ms' };

/**
 * Like for like (issue 9, "no slowdown of analyze() on the examples"): the same texts as then, analysed by
 * today's code. Then the default analysis derived every symbolic form and drew the graph, and the lean
 * one did neither; today the default is numeric with the graph, so three columns: no forms and no graph
 * (then's lean), today's default, and every form with the graph (then's default).
 */
export function benchExamplesPreV2(): void {
  const texts = readdirSync(PRE_V2_DIR)
    .filter((f) => f.endsWith('.rnn'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(PRE_V2_DIR, name), 'utf8') }));
  const lean = { graph: false } as const;
  for (let i = 0; i < 5; i++) for (const { text } of texts) analyze(text, i % 2 ? lean : { forms: true });
  const rows: string[][] = [];
  const all: number[][] = [[], [], []];
  for (const { name, text } of texts) {
    const r = analyze(text);
    const times = timeInterleaved([() => analyze(text, lean), () => analyze(text), () => analyze(text, { forms: true })], 25, 3);
    times.forEach((t, k) => all[k]!.push(t.ownMs));
    rows.push([name, `${r.derives.length}/${r.checks.length}`, ...times.map(fmtT)]);
  }
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} ms`;
  rows.push(['range now', '', range(all[0]!), range(all[1]!), range(all[2]!)]);
  rows.push(['recorded 2026-11-22', '', RECORDED_PRE_V2.lean, '—', RECORDED_PRE_V2.defaults]);
  printTable(
    'the examples before the v2 rewrite (bench/fixtures/pre-v2, git 2d9ee42) analysed now, beside the figures recorded then — median',
    ['example (2026-11-22 text)', 'derive/check', 'no forms, no graph', 'analyze() (numeric)', 'every form + graph'],
    rows,
  );
  console.log(
    '  then (bench/RESULTS.md at 0468a0e, load 2.0): "no symbolic forms or graph" 1.3–2.9 ms, "defaults (symbolic\n' +
      '  forms, graph)" 4.3–10.2 ms, over the same eight texts; compare at a similar load average (printed at the top).',
  );
}
