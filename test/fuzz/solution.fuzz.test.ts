// Fuzzing the reader of Markdown and LaTeX solutions (LANGUAGE.md §8) with mutated copies of the bundled
// solutions: the edits a student makes mid-keystroke in a .md or .tex file (a `$$` typed, a `}` deleted, an
// environment half written). analyzeSolution() never throws and never hangs; every range it gives lies in the
// file; every equation is counted once, as checked or skipped, with a verdict word of the contract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/report';
import { analyzeSolution, equationRows, type SolutionKind, type SolutionReport } from '../../src/solution/index';
import { cpuMs } from './cpuTime';
import { reportProblems } from './validate';

const DIR = join(__dirname, '../../examples/solutions');
const SOLUTIONS: { name: string; kind: SolutionKind; text: string; sidecar: string | null }[] = [
  { name: '000-gru-long-term-dependencies.md', kind: 'markdown', sidecar: null },
  { name: '001-rnn-three-steps.md', kind: 'markdown', sidecar: null },
  { name: '002-vanilla-rnn-jacobians.md', kind: 'markdown', sidecar: null },
  { name: '003-mlp-layers-as-steps.md', kind: 'markdown', sidecar: null },
  { name: '004-binary-addition-and-lstm.md', kind: 'markdown', sidecar: null },
  { name: '001-rnn-three-steps-latex.tex', kind: 'latex', sidecar: '001-rnn-three-steps-latex.rnn' },
].map((s) => ({
  ...s,
  text: readFileSync(join(DIR, s.name), 'utf8'),
  sidecar: s.sidecar && readFileSync(join(DIR, s.sidecar), 'utf8'),
})) as { name: string; kind: SolutionKind; text: string; sidecar: string | null }[];

/** what a student types into a solution: delimiters, environments, LaTeX commands half written */
const TOKENS = [
  '$$',
  '$',
  '\\[',
  '\\]',
  '\\begin{align}',
  '\\end{align}',
  '\\begin{aligned}',
  '\\end{aligned}',
  '\\begin{equation*}',
  '\\end{equation*}',
  '\\begin{bmatrix}',
  '\\end{bmatrix}',
  '&',
  '&=',
  '\\\\',
  '\\tag{',
  '\\tag{3}',
  '(7)',
  '\\frac{',
  '\\frac{\\partial L}{\\partial h_t}',
  '\\partial',
  '\\sum_{t=1}^{T}',
  '\\prod_{j=i+1}^{t}',
  '\\left(',
  '\\right)',
  '\\left.',
  '\\right|_{t=3}',
  '\\overline{c^{(t)}}',
  '\\tilde{h}_t',
  '\\mathbf{W}',
  '\\text{where }',
  '\\newcommand{\\dd}{\\partial}',
  '\\def\\x{h}',
  '\\dd',
  '{',
  '}',
  '^{(t)}',
  '_{t-1}',
  '=',
  '\\approx',
  '\\cdots',
  '%',
  '```',
  '```rnn',
  '```rnn\nT = 2\nparam w = 1\nh_0 = 0\nh_t = w h_{t-1}\n```',
  '\n',
  '\n\n',
  '> ',
  '- ',
  '<!--',
  '-->',
  '`',
  '\uFEFF',
  '\r\n',
  '\t',
  // session 18: premises, class labels, courses' steps, sides of two shapes
  '\\qquad \\text{where } h_0 = 0.',
  'h_0 = 0',
  'w = 1',
  '-\\log \\hat{y}_{t, y_t}',
  'a^{\\langle t \\rangle}',
  'a^{<t>}',
  '∗',
  's(t-1)',
  'x_t^T',
  '```rnn\nT = 2\ninput x : 2 = [[1, 0], [0, 1]]\ntarget y = [1, 2]\nparam V : 2x2 = [[1, 0], [0, 1]]\no_t = V x_t\nq_t = softmax(o_t)\nloss L = -\\sum_t \\log q_{t, y_t}\n```',
];

type Mutation =
  | { k: 'insert'; at: number; s: string }
  | { k: 'delete'; at: number; n: number }
  | { k: 'dupLine'; at: number }
  | { k: 'dropLine'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...TOKENS) }),
  fc.record({ k: fc.constant('insert' as const), at: fc.nat(), s: fc.string({ maxLength: 4 }) }),
  fc.record({ k: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ k: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('dropLine' as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  if (m.k === 'insert' || m.k === 'delete') {
    const at = text.length ? m.at % (text.length + 1) : 0;
    return m.k === 'insert' ? text.slice(0, at) + m.s + text.slice(at) : text.slice(0, at) + text.slice(at + m.n);
  }
  const lines = text.split('\n');
  const i = m.at % lines.length;
  if (m.k === 'dupLine') lines.splice(i, 0, lines[i]!);
  else lines.splice(i, 1);
  return lines.join('\n');
}

/** A hang guard, not a timing: a seed-sized solution answers in well under this (cpuTime.ts) */
const HANG_MS = 4000;

const VERDICTS = new Set(['holds', 'fails', 'holds-at-given-values', 'holds-as-one-step', 'skipped']);

function inFile(r: Range, lines: string[]): boolean {
  const ok = [r.line, r.column, r.endLine, r.endColumn].every((x) => Number.isInteger(x) && x >= 1);
  if (!ok || r.line > lines.length || r.endLine > lines.length) return false;
  if (r.endLine < r.line || (r.endLine === r.line && r.endColumn < r.column)) return false;
  return r.column <= lines[r.line - 1]!.length + 1 && r.endColumn <= lines[r.endLine - 1]!.length + 2;
}

/** Problems with a SolutionReport for this text; empty when it is well formed */
function solutionProblems(text: string, sol: SolutionReport): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const bad: string[] = [];
  for (const d of sol.diagnostics) if (!inFile(d, lines)) bad.push(`diagnostic "${d.message}" at ${JSON.stringify(d)}`);
  for (const e of sol.equations) {
    if (!inFile(e.range, lines)) bad.push(`equation at ${JSON.stringify(e.range)}`);
    if (!VERDICTS.has(e.status)) bad.push(`equation status ${e.status}`);
    if (typeof e.message !== 'string' || (e.status !== 'holds' && !e.message)) bad.push(`equation with no message (${e.status})`);
    if (e.network !== null && !(e.network >= 0 && e.network < sol.networks.length)) bad.push(`equation of network ${e.network}`);
    for (const c of e.checks)
      if (!inFile(c.range, lines) || c.line !== c.range.line) bad.push(`link "${c.message}" at ${JSON.stringify(c.range)}`);
  }
  // the counts are of equations as shown: an align's judged rows one each, and a row that does not read beside judged
  // ones (`unread`) a skipped equation of its own (session 41)
  const checked = sol.equations.reduce((n, e) => n + (e.status === 'skipped' ? 0 : equationRows(e).length), 0);
  const skipped = sol.equations.reduce((n, e) => n + (e.status === 'skipped' ? 1 : 0) + (e.unread?.length ?? 0), 0);
  if (checked !== sol.checked) bad.push(`${checked} equations checked, the count says ${sol.checked}`);
  if (skipped !== sol.skipped) bad.push(`${skipped} equations skipped, the count says ${sol.skipped}`);
  for (const n of sol.networks) {
    // a network in the file: its Report's ranges are the file's; a sidecar's keep the sidecar's lines
    if (n.range) bad.push(...reportProblems(text, n.report).map((p) => `network at line ${n.range!.line}: ${p}`));
  }
  return bad;
}

function analyzeSafely(text: string, kind: SolutionKind, sidecar: string | null): string[] {
  try {
    const { value, ms } = cpuMs(() => analyzeSolution(text, kind, { sidecar, analyze: { draws: 1, graph: false } }));
    const problems = solutionProblems(text, value);
    if (ms > HANG_MS) problems.push(`took ${ms.toFixed(0)} ms`);
    return problems;
  } catch (e) {
    return [`analyzeSolution() threw: ${(e as Error).stack ?? e}`];
  }
}

describe('fuzz: mutated solutions', () => {
  it('the bundled solutions as they are are well formed', () => {
    for (const s of SOLUTIONS) expect(analyzeSafely(s.text, s.kind, s.sidecar), s.name).toEqual([]);
  }, 60_000);

  it('an align whose row break is broken (`\\ ,\\ `) counts its unread row as a skipped equation, as the CLI says it', () => {
    // found by a campaign (seed 12466): the counts were judged against the equations' number, which leaves the unread
    // row out ("24 + 1 ≠ 24 equations"), where the CLI rightly says "25 equations: 24 checked …, 1 skipped"
    const s = SOLUTIONS.find((x) => x.name === '004-binary-addition-and-lstm.md')!;
    const text = mutate(s.text, { k: 'insert', at: 1972209687, s: ' ,' });
    expect(analyzeSafely(text, s.kind, s.sidecar)).toEqual([]);
    const sol = analyzeSolution(text, s.kind, { sidecar: s.sidecar });
    expect(sol.skipped).toBe(1);
    expect(sol.equations.filter((e) => e.unread?.length)).toHaveLength(1);
  }, 60_000);

  it('survive 1–5 mutations with LaTeX and Markdown tokens', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOLUTIONS), fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (s, muts) => {
        const text = muts.reduce(mutate, s.text);
        expect(analyzeSafely(text, s.kind, s.sidecar)).toEqual([]);
      }),
      // a longer campaign: UNROLL_FUZZ_RUNS=5000 UNROLL_FUZZ_SEED=… npx vitest run test/fuzz/solution.fuzz.test.ts
      { numRuns: Number(process.env.UNROLL_FUZZ_RUNS ?? 120), seed: Number(process.env.UNROLL_FUZZ_SEED ?? 20261201) },
    );
  }, 3_600_000);
});
