// The texts whose Reports are pinned by reportIdentity.test.ts: every example (default options, and with
// gradcheck and more draws), random networks with checks, the bench's 64-unit network,
// and mutated examples (fixed fast-check seeds, so the same texts every run). A performance change must
// give the very same Report for each of them: the golden file was written by the code before the change.

import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { AnalyzeOptions, Report } from '../../src/report';
import { exampleNames, loadExample } from '../examples/helpers';
import { mutate, mutationArb } from '../fuzz/mutators';
import { makeProblem, rnnText } from '../../bench/rnnProblem';

export interface ReportCase {
  name: string;
  text: string;
  options?: AnalyzeOptions;
}

export const GOLDEN = join(__dirname, 'golden', 'reports.json.gz');

function rand(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

/** A random vanilla/gated RNN with values, derives and checks (some right, some wrong on purpose). */
function randomNet(seed: number): string {
  const r = rand(seed);
  const T = 1 + Math.floor((r() + 0.5) * 6);
  const n = 1 + Math.floor((r() + 0.5) * 3);
  const act = ['tanh', 'σ', 'relu'][Math.floor((r() + 0.5) * 3)]!;
  const num = () => (r() * 1.6).toFixed(4);
  const vec = (k: number) => (k === 1 ? num() : `[${Array.from({ length: k }, num).join(', ')}]`);
  const mat = (m: number, k: number) =>
    m === 1 && k === 1 ? num() : `[${Array.from({ length: m }, () => `[${Array.from({ length: k }, num).join(', ')}]`).join(', ')}]`;
  const sh = (m: number, k: number) => (m === 1 && k === 1 ? '' : k === 1 ? ` : ${m}` : ` : ${m}x${k}`);
  const lines = [
    `T = ${T}`,
    `input x = [${Array.from({ length: T }, num).join(', ')}]`,
    `target y = [${Array.from({ length: T }, num).join(', ')}]`,
    `param W_xh${sh(n, 1)} = ${vec(n)}`,
    `param W_hh${sh(n, n)} = ${mat(n, n)}`,
    `param b_h${sh(n, 1)} = ${vec(n)}`,
    `param v${n === 1 ? '' : ` : 1x${n}`} = ${n === 1 ? num() : `[${mat(1, n).slice(1, -1)}]`}`,
    `h_0 = ${r() < 0 ? '0' : n === 1 ? num() : vec(n)}`,
    `a_t = W_xh x_t + W_hh h_{t-1} + b_h`,
    `h_t = ${act}(a_t)`,
    'o_t = v h_t',
    'L_t = (y_t - o_t)^2',
    'loss L = Σ_t L_t',
    'derive ∂L/∂W_hh',
    'derive ∂L/∂h_t',
  ];
  const d = act === 'tanh' ? "tanh'" : act === 'σ' ? "σ'" : "relu'";
  if (n === 1) {
    lines.push(
      `check ∂h_t/∂h_{t-1} = ${d}(a_t) W_hh`,
      `check ∂h_t/∂h_{t-1} = ${d}(a_t)`,
      `check ∂L/∂o_${T} = 2(o_${T} - y_${T})`,
      `check ∂L/∂o_${T} = -2(y_${T} - o_${T})`,
      `check ∂L/∂h_${T} = -2(y_${T} - o_${T}) v`,
      `check ∂L/∂W_hh = Σ_t ∂L/∂a_t h_{t-1}`,
      `check ∂L/∂W_hh = Σ_t ∂L/∂a_t h_t`,
      `check ∂L/∂b_h = Σ_t ∂L/∂a_t`,
      `check ∂⁺a_t/∂W_hh = h_{t-1}`,
    );
  } else {
    lines.push(
      `check ∂L/∂o_${T} = 2(o_${T} - y_${T})`,
      `check ∂L/∂h_${T} = 2(o_${T} - y_${T}) vᵀ`,
      `check ∂L/∂b_h = Σ_t ∂L/∂a_t`,
      `check ∂L/∂b_h = Σ_t ∂L/∂h_t`,
    );
  }
  return lines.join('\n') + '\n';
}

export function reportCases(): ReportCase[] {
  const out: ReportCase[] = [];
  for (const n of exampleNames()) {
    const text = loadExample(n);
    out.push({ name: n, text }, { name: `${n} gradcheck`, text, options: { gradcheck: true, draws: 6 } });
  }
  for (let s = 1; s <= 40; s++) out.push({ name: `random ${s}`, text: randomNet(s * 7919) });
  for (const T of [3, 20]) out.push({ name: `bench rnn T=${T}`, text: rnnText(makeProblem(8, 4, T), true) });
  const examples = exampleNames().map(loadExample);
  const muts = fc.sample(fc.tuple(fc.nat({ max: examples.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 })), {
    seed: 20261130,
    numRuns: 150,
  });
  muts.forEach(([i, ms], k) => out.push({ name: `mutated ${k}`, text: ms.reduce(mutate, examples[i]!), options: { draws: 2 } }));
  return out;
}

/** A Report as comparable JSON: no timing, and the numbers JSON cannot hold (NaN, ±∞, −0) spelled out. */
export function comparable(r: Report): unknown {
  return JSON.parse(
    JSON.stringify({ ...r, elapsedMs: 0 }, (_k, v) => {
      if (typeof v !== 'number') return v;
      if (Number.isNaN(v)) return 'NaN';
      if (v === Infinity) return '+Inf';
      if (v === -Infinity) return '-Inf';
      if (Object.is(v, -0)) return '-0';
      return v;
    }),
  );
}

/** the golden file is gzipped JSON: the Reports hold every symbol and quantity, megabytes as text */
export function readGolden(): Record<string, unknown> {
  return JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString('utf8')) as Record<string, unknown>;
}

export function writeGolden(reports: Record<string, unknown>): void {
  writeFileSync(GOLDEN, gzipSync(JSON.stringify(reports), { level: 9 }));
}
