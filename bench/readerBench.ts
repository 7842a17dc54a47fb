// The reader's speed (issue 11): lexing and parsing .rnn text that is mostly numbers — the 64-unit
// tanh RNN of rnnProblem.ts with every value in the text (a 64×64 and a 64×32 matrix literal, a
// 200-step sequence of 32-vectors). Only lex() + parse() are timed: names are not resolved here.
// The lead wires this into bench/bench.ts (benchReader prints the table).

import type { Ast } from '../src/language/ast';
import { compile } from '../src/language';
import { lex } from '../src/language/lexer';
import { parse } from '../src/language/parser';
import { loadExamples } from './examplesBench';
import { makeProblem, rnnText } from './rnnProblem';
import { fmtT, printTable, timeMedian, type Timing } from './timing';

export interface ReaderBenchResult {
  /** megabytes (10^6 UTF-16 code units ≈ bytes of this ASCII text) read per second by lex + parse */
  mbPerSec: number;
  /** the same for lex() alone */
  lexMbPerSec: number;
  /** characters of the text read */
  chars: number;
  /** median ms of lex + parse */
  ms: number;
  /** numbers in the text */
  numbers: number;
}

export function readerText(T = 200): string {
  return rnnText(makeProblem(64, 32, T), true, true);
}

export function readerBench(T = 200): ReaderBenchResult {
  const text = readerText(T);
  const once = () => {
    const { tokens } = lex(text);
    const r = parse(tokens, text);
    if (r.errors.length) throw new Error(`the reader bench text does not parse: ${r.errors[0]!.message}`);
    return r;
  };
  // numbers: tokens, and the entries of literals read whole
  let numbers = 0;
  const count = (a: Ast): void => {
    if (a.k === 'num') numbers++;
    // a packed literal's entries are counted without building its nodes
    else if (a.k === 'list' && a.packed) numbers += a.packed.data.length;
    else if (a.k === 'list') a.items.forEach(count);
  };
  for (const t of lex(text).tokens) {
    if (t.kind === 'num') numbers++;
    else if (t.lit) count(t.lit);
  }
  const both = timeMedian(once, 15, 3, 4000);
  const lexOnly = timeMedian(() => lex(text), 15, 3, 4000);
  const mb = text.length / 1e6;
  return { mbPerSec: mb / (both.ownMs / 1000), lexMbPerSec: mb / (lexOnly.ownMs / 1000), chars: text.length, ms: both.ownMs, numbers };
}

/** prints the figures as a table (for bench/bench.ts) */
export function benchReader(): void {
  const r = readerBench();
  printTable(
    'reader: lex + parse of the 64-unit RNN with its values in the text (T = 200)',
    ['chars', 'numbers', 'lex + parse', 'MB/s', 'lex alone MB/s'],
    [
      [
        r.chars.toLocaleString('en'),
        r.numbers.toLocaleString('en'),
        fmtT({ ms: r.ms, cpuMs: r.ms, ownMs: r.ms, runs: 0 }),
        r.mbPerSec.toFixed(1),
        r.lexMbPerSec.toFixed(1),
      ],
    ],
  );
}

/**
 * compile() — lex, parse, resolve, the questions read — of each example (issue 11: a fifth to a third of
 * analyze() before the reader's work of this session), warm: the examples in turn first, then each timed
 */
export function compileBench(runs = 200): { name: string; chars: number; time: Timing }[] {
  const examples = loadExamples();
  for (let i = 0; i < 100; i++) for (const { text } of examples) compile(text);
  return examples.map(({ name, text }) => ({ name, chars: text.length, time: timeMedian(() => compile(text), runs, 20, 4000) }));
}

/** prints compileBench as a table (for bench/bench.ts: a section "compile() of the examples") */
export function benchCompile(): void {
  printTable(
    'compile() of each example (lex + parse + resolve), warm',
    ['example', 'chars', 'compile()'],
    compileBench().map((r) => [r.name, r.chars.toLocaleString('en'), fmtT(r.time)]),
  );
}
