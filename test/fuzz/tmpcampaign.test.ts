// Fuzzing analyze() with mutated examples, random token soups and random lines: it never throws,
// never hangs, and always returns a well-formed Report with valid 1-based ranges.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { AnalyzeOptions } from '../../src/report';
import { exampleNames, loadExample } from '../examples/helpers';
import { ALL_TOKENS, fuzzMutationArb, mutate } from './mutators';
import { cpuMs } from './cpuTime';
import { reportProblems } from './validate';

const EXAMPLES = exampleNames().map((n) => ({ name: n, text: loadExample(n) }));

/** A hang guard, not a timing: a single analysis of an example-sized text must finish well inside this (see cpuTime.ts). */
const HANG_MS = 2000;

/** Lean options keep thousands of runs inside the suite's time budget; the default path is fuzzed too. */
const LEAN: AnalyzeOptions = { draws: 1, symbolic: false, graph: false, gradcheck: false };

function analyzeSafely(text: string, options?: AnalyzeOptions): string[] {
  let report;
  let ms;
  try {
    ({ value: report, ms } = cpuMs(() => analyze(text, options)));
  } catch (e) {
    return [`analyze() threw: ${(e as Error).stack ?? e}`];
  }
  const problems = reportProblems(text, report);
  if (ms > HANG_MS) problems.push(`took ${ms.toFixed(0)} ms`);
  return problems;
}

const exampleArb = fc.constantFrom(...EXAMPLES);

describe('fuzz: mutated examples', () => {
  it('survives 1–6 character/line/token mutations (lean options)', () => {
    fc.assert(
      fc.property(exampleArb, fc.array(fuzzMutationArb, { minLength: 1, maxLength: 6 }), (ex, muts) => {
        const text = muts.reduce(mutate, ex.text);
        expect(analyzeSafely(text, LEAN)).toEqual([]);
      }),
      { numRuns: 6000, seed: 99173 },
    );
  }, 3_000_000);

  it('survives mutations with the default options (symbolic forms, graph, gradcheck, draws)', () => {
    fc.assert(
      fc.property(exampleArb, fc.array(fuzzMutationArb, { minLength: 1, maxLength: 3 }), (ex, muts) => {
        const text = muts.reduce(mutate, ex.text);
        expect(analyzeSafely(text)).toEqual([]);
      }),
      { numRuns: 600, seed: 31337 },
    );
  }, 3_000_000);

  it('survives every single-line deletion of every example', () => {
    for (const ex of EXAMPLES) {
      const lines = ex.text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
        expect(analyzeSafely(text, LEAN), `${ex.name} without line ${i + 1}`).toEqual([]);
      }
    }
  }, 3_000_000);

  it('survives every prefix of an example cut at each line (typing it from the top)', () => {
    for (const ex of EXAMPLES) {
      const lines = ex.text.split('\n');
      for (let i = 0; i <= lines.length; i++) {
        // cut mid-line too: the half-typed last line
        const last = lines[i] ?? '';
        const text = [...lines.slice(0, i), last.slice(0, last.length >> 1)].join('\n');
        expect(analyzeSafely(text, LEAN), `${ex.name} up to line ${i}`).toEqual([]);
      }
    }
  }, 3_000_000);
});

describe('fuzz: text from scratch', () => {
  it('survives soups of the language’s tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALL_TOKENS), { maxLength: 60 }), (toks) => {
        expect(analyzeSafely(toks.join(''), LEAN)).toEqual([]);
      }),
      { numRuns: 800, seed: 11 },
    );
  }, 3_000_000);

  it('survives a header plus random equation lines built from the tokens', () => {
    const header = 'T = 3\ninput x = [1, 2, 3]\nparam W_hh = 0.5\nparam W_xh = 0.2\nh_0 = 0\n';
    const line = fc
      .array(fc.constantFrom(...ALL_TOKENS.filter((t) => t !== '\n')), { minLength: 1, maxLength: 12 })
      .map((ts) => ts.join(''));
    const prefix = fc.constantFrom('h_t = ', 'y_t = ', 'loss L = ', 'check ', 'derive ', 'z = ', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(prefix, line), { minLength: 1, maxLength: 6 }), (ls) => {
        const text = header + ls.map(([p, l]) => p + l).join('\n');
        expect(analyzeSafely(text, LEAN)).toEqual([]);
      }),
      { numRuns: 800, seed: 13 },
    );
  }, 3_000_000);

  it('survives arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(analyzeSafely(s, LEAN)).toEqual([]);
      }),
      { numRuns: 400, seed: 17 },
    );
  }, 3_000_000);
});
