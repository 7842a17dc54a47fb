// Timing helpers for the benchmark: medians of repeated runs in one process, and a plain table printer.
// Timings are printed only; they never decide a test.

import { performance } from 'node:perf_hooks';

export interface Timing {
  /** median milliseconds */
  ms: number;
  runs: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Median wall time of fn over `runs` runs after `warmup` unmeasured ones. Stops early (but after at
 * least 3 runs) once `budgetMs` of measured time is spent, so slow cases do not stall the bench.
 */
export function timeMedian(fn: () => unknown, runs = 15, warmup = 3, budgetMs = 4000): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    xs.push(dt);
    spent += dt;
    if (xs.length >= 3 && spent > budgetMs) break;
  }
  return { ms: median(xs), runs: xs.length };
}

/**
 * Medians of several functions timed in alternation (a, b, c, a, b, c, …), so that a change in machine
 * load during the measurement affects each of them alike and their ratios stay meaningful.
 */
export function timeInterleaved(fns: (() => unknown)[], runs = 15, warmup = 2, budgetMs = 12000): Timing[] {
  for (let i = 0; i < warmup; i++) for (const f of fns) f();
  const xs: number[][] = fns.map(() => []);
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    fns.forEach((f, k) => {
      const t0 = performance.now();
      f();
      const dt = performance.now() - t0;
      xs[k].push(dt);
      spent += dt;
    });
    if (i >= 2 && spent > budgetMs) break;
  }
  return xs.map((x) => ({ ms: median(x), runs: x.length }));
}

/** The same for async work (the panel's message round trip). */
export async function timeMedianAsync(fn: () => Promise<unknown>, runs = 15, warmup = 3, budgetMs = 4000): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    const dt = performance.now() - t0;
    xs.push(dt);
    spent += dt;
    if (xs.length >= 3 && spent > budgetMs) break;
  }
  return { ms: median(xs), runs: xs.length };
}

export function fmtMs(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
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
