// Timing helpers for the benchmark: medians of repeated runs in one process, and a plain table printer.
// Timings are printed only; they never decide a test.

import { performance } from 'node:perf_hooks';

export interface Timing {
  /** median wall-clock milliseconds */
  ms: number;
  /** median CPU milliseconds of this process (user + system; V8's parallel GC threads count too) */
  cpuMs: number;
  /**
   * median of min(wall, CPU) per run: the call's own work. Wall time grows with other processes' load, CPU
   * time with parallel GC threads; not both at once. Targets and ratios are judged on this.
   */
  ownMs: number;
  runs: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One call's wall and CPU time in ms. */
function measure(fn: () => unknown): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1000];
}

/**
 * Median times of fn over `runs` runs after `warmup` unmeasured ones. Stops early (but after at
 * least 3 runs) once `budgetMs` of wall time is spent, so slow cases do not stall the bench.
 */
export function timeMedian(fn: () => unknown, runs = 15, warmup = 3, budgetMs = 4000): Timing {
  return timeInterleaved([fn], runs, warmup, budgetMs)[0];
}

/**
 * Medians of several functions timed in alternation (a, b, c, a, b, c, …), so that a change in machine
 * load during the measurement affects each of them alike and their ratios stay meaningful.
 */
export function timeInterleaved(fns: (() => unknown)[], runs = 15, warmup = 2, budgetMs = 12000): Timing[] {
  for (let i = 0; i < warmup; i++) for (const f of fns) f();
  const wall: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  const own: number[][] = fns.map(() => []);
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    fns.forEach((f, k) => {
      const [w, c] = measure(f);
      wall[k].push(w);
      cpu[k].push(c);
      own[k].push(Math.min(w, c));
      spent += w;
    });
    if (i >= 2 && spent > budgetMs) break;
  }
  return wall.map((w, k) => ({ ms: median(w), cpuMs: median(cpu[k]), ownMs: median(own[k]), runs: w.length }));
}

/**
 * How warm V8's JIT is decides much of a short call's time (session 8: binary addition 1.2–1.45× v1 after 30
 * rounds, 0.9–1.0× after 300), so a figure names its regime: the rounds of every text run before it. "warming" is
 * rounds 31–70, "warm" rounds 301–340 (the editor's analysis worker after a few minutes of typing).
 */
export const JIT_REGIMES = [
  { name: 'warming', after: 30, rounds: 40 },
  { name: 'warm', after: 300, rounds: 40 },
] as const;

export function fmtMs(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}

/** the call's own work (see Timing.ownMs) */
export function fmtT(t: Timing): string {
  return fmtMs(t.ownMs);
}

export function fmtRatio(r: number): string {
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`;
}

/** Prints rows as an aligned text table with a title line. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function notAvailable(title: string, reason: string): void {
  console.log(`\n${title}\n  not available yet: ${reason}`);
}

/** Median of `fn(prepare())` where only fn is timed (e.g. a request on a fresh, uncached analysis). */
export function timePrepared<P>(prepare: () => P, fn: (p: P) => unknown, runs = 15, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn(prepare());
  const wall: number[] = [];
  const cpu: number[] = [];
  const own: number[] = [];
  for (let i = 0; i < runs; i++) {
    const p = prepare();
    const [w, c] = measure(() => fn(p));
    wall.push(w);
    cpu.push(c);
    own.push(Math.min(w, c));
  }
  return { ms: median(wall), cpuMs: median(cpu), ownMs: median(own), runs };
}
