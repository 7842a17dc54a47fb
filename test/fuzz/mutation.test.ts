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

/**
 * A longer campaign with other draws: UNROLL_FUZZ_RUNS=20000 UNROLL_FUZZ_SEED=… npx vitest run test/fuzz/mutation.test.ts
 * (each property's runs scaled alike; without them, the pinned runs and seeds)
 */
/** a campaign runs for as long as it takes */
const TIMEOUT = process.env.UNROLL_FUZZ_RUNS ? 3_600_000 : 60_000;
const campaign = (numRuns: number, seed: number): { numRuns: number; seed: number } => {
  const runs = Number(process.env.UNROLL_FUZZ_RUNS);
  const from = Number(process.env.UNROLL_FUZZ_SEED);
  return {
    numRuns: runs > 0 ? Math.round((numRuns * runs) / 1000) : numRuns,
    seed: Number.isFinite(from) && process.env.UNROLL_FUZZ_SEED ? from + seed : seed,
  };
};

describe('fuzz: mutated examples', () => {
  it(
    'survives 1–6 character/line/token mutations (lean options)',
    () => {
      fc.assert(
        fc.property(exampleArb, fc.array(fuzzMutationArb, { minLength: 1, maxLength: 6 }), (ex, muts) => {
          const text = muts.reduce(mutate, ex.text);
          expect(analyzeSafely(text, LEAN)).toEqual([]);
        }),
        campaign(1000, 20261122),
      );
    },
    TIMEOUT,
  );

  it(
    'survives mutations with the default options (symbolic forms, graph, gradcheck, draws)',
    () => {
      fc.assert(
        fc.property(exampleArb, fc.array(fuzzMutationArb, { minLength: 1, maxLength: 3 }), (ex, muts) => {
          const text = muts.reduce(mutate, ex.text);
          expect(analyzeSafely(text)).toEqual([]);
        }),
        campaign(150, 7),
      );
    },
    TIMEOUT,
  );

  it(
    'survives every single-line deletion of every example',
    () => {
      for (const ex of EXAMPLES) {
        const lines = ex.text.split('\n');
        for (let i = 0; i < lines.length; i++) {
          const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
          expect(analyzeSafely(text, LEAN), `${ex.name} without line ${i + 1}`).toEqual([]);
        }
      }
    },
    TIMEOUT,
  );

  it(
    'survives every prefix of an example cut at each line (typing it from the top)',
    () => {
      for (const ex of EXAMPLES) {
        const lines = ex.text.split('\n');
        for (let i = 0; i <= lines.length; i++) {
          // cut mid-line too: the half-typed last line
          const last = lines[i] ?? '';
          const text = [...lines.slice(0, i), last.slice(0, last.length >> 1)].join('\n');
          expect(analyzeSafely(text, LEAN), `${ex.name} up to line ${i}`).toEqual([]);
        }
      }
    },
    TIMEOUT,
  );
});

describe('fuzz: text from scratch', () => {
  it(
    'survives soups of the language’s tokens',
    () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...ALL_TOKENS), { maxLength: 60 }), (toks) => {
          expect(analyzeSafely(toks.join(''), LEAN)).toEqual([]);
        }),
        campaign(800, 11),
      );
    },
    TIMEOUT,
  );

  it(
    'survives a header plus random equation lines built from the tokens',
    () => {
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
        campaign(800, 13),
      );
    },
    TIMEOUT,
  );

  it(
    'survives arbitrary Unicode text',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
          expect(analyzeSafely(s, LEAN)).toEqual([]);
        }),
        campaign(400, 17),
      );
    },
    TIMEOUT,
  );
});
