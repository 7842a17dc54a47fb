// Session 14 (sol14): solutions in Markdown/LaTeX read as pasted (LANGUAGE.md §8) and their JSON (§7).
// Each test is a gap found by writing solutions as a test author would; one regression test per fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../../src/cliFile';
import { renderSolutionText, solutionJson } from '../../src/cli-render';
import { analyze } from '../../src/index';
import { analyzeSolution } from '../../src/solution';
import { slice } from '../solution/helpers';

const FAST = { draws: 2, graph: false };

/** LANGUAGE.md's sheet-7 network, as a test author writes it in a Markdown block */
const NET = [
  '# Sheet 7',
  '',
  '```rnn',
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'target y = [1, 0, 1]',
  'param W_xh = 0.3',
  'param W_hh = 0.8',
  'param b_h = 0.1',
  'param W_hy = 1.5',
  'param b_y = -0.2',
  'h_0 = 0',
  'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)',
  'o_t = σ(W_hy h_t + b_y)',
  'L_t = (y_t - o_t)^2',
  'loss L = Σ_t L_t',
  '```',
  '',
].join('\n');
/** the line of the first display after NET */
const FIRST = NET.split('\n').length;

const solve = (body: string) => analyzeSolution(NET + body, 'markdown', { analyze: FAST });
const checksOf = (sol: ReturnType<typeof solve>) => sol.networks.flatMap((n) => n.report.checks);

describe('labels of the rows of an align (session 14)', () => {
  it('`\\quad (n)` at the end of a middle row is its label, not a factor (1) or (2) of its right side', () => {
    const sol = solve(
      [
        '\\begin{align}',
        '\\frac{\\partial L}{\\partial o_3} &= -2(y_3 - o_3) \\quad (1) \\\\',
        '\\frac{\\partial L_2}{\\partial o_2} &= -2(y_2 - o_2) \\quad (2) \\\\',
        'L &= \\sum_{t=1}^{T} L_t \\quad (3)',
        '\\end{align}',
        '',
      ].join('\n'),
    );
    const checks = checksOf(sol);
    // read as `-2(y_2 - o_2) · 2` the second row failed; it is right
    expect(checks.map((c) => [c.line, c.tag, c.status])).toEqual([
      [FIRST + 1, '1', 'holds'],
      [FIRST + 2, '2', 'holds'],
      [FIRST + 3, '3', 'holds'],
    ]);
    expect(sol.equations[0]!.tag).toBe('1');
  });

  it("one row's \\tag labels that row only, not the align's other equations", () => {
    const sol = solve(
      [
        '\\begin{align}',
        '\\frac{\\partial L}{\\partial o_3} &= -2(y_3 - o_3) \\\\',
        '\\frac{\\partial L_2}{\\partial o_2} &= -2(y_2 - o_2) \\tag{A} \\\\',
        '\\frac{\\partial L}{\\partial h_3} &= \\frac{\\partial L}{\\partial o_3} \\frac{\\partial o_3}{\\partial h_3} \\\\',
        '&= 3',
        '\\end{align}',
        '',
      ].join('\n'),
    );
    expect(checksOf(sol).map((c) => [c.line, c.link, c.tag ?? null])).toEqual([
      [FIRST + 1, 1, null],
      [FIRST + 2, 1, 'A'],
      [FIRST + 3, 1, null],
      [FIRST + 4, 2, null],
    ]);
  });

  it("`\\tag*{(3)}` is the label 3, as `\\tag{3}` is; a label after the display is its last equation's", () => {
    const sol = solve(
      [
        '$$ L_1 = (y_1 - o_1)^2 \\tag*{(3)} $$',
        '',
        '\\begin{gather}',
        'L_1 = (y_1 - o_1)^2 \\\\',
        'L_2 = (y_2 - o_2)^2',
        '\\end{gather} (4)',
        '',
      ].join('\n'),
    );
    expect(sol.equations[0]!.tag).toBe('3');
    expect(checksOf(sol).map((c) => c.tag ?? null)).toEqual(['3', null, '4']);
  });
});

describe('two equations on one row, separated by a comma (session 14)', () => {
  it('`A = B, \\qquad C = D` is two claims, each judged (was skipped as "write the range of t")', () => {
    const sol = solve(
      [
        '$$ \\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3), \\qquad \\frac{\\partial L_3}{\\partial o_3} = 2(y_3 - o_3) $$',
        '',
        '\\begin{gather*}',
        'L_1 = (y_1 - o_1)^2, \\quad L_2 = (y_2 - o_2)^2',
        '\\end{gather*}',
        '',
      ].join('\n'),
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['fails', 'holds']);
    expect(checksOf(sol).map((c) => [c.line, c.status])).toEqual([
      [FIRST, 'holds'],
      [FIRST, 'fails'],
      [FIRST + 3, 'holds'],
      [FIRST + 3, 'holds'],
    ]);
    expect(sol.diagnostics.filter((d) => d.code === 'solution-skipped')).toEqual([]);
  });

  it('a range `, t = 1, \\dots, T`, a `where` clause and commas inside (…), {…} stay one claim', () => {
    const sol = solve(
      [
        '$$ h_t = \\sigma(W_{xh} x_t + W_{hh} h_{t-1} + b_h), \\quad t = 1, \\dots, T $$',
        '',
        '$$ o_t = \\sigma(W_{hy} h_t + b_y), \\quad \\text{for } t = 1..3 $$',
        '',
        '$$ L = \\sum_{t=1}^{T} (y_t - o_t)^2 $$',
        '',
      ].join('\n'),
    );
    expect(checksOf(sol).map((c) => [c.line, c.status, c.message])).toEqual([
      [FIRST, 'holds', expect.stringMatching(/^holds for t = 1\.\.3/)],
      [FIRST + 2, 'holds', expect.stringMatching(/^holds for t = 1\.\.3/)],
      [FIRST + 4, 'holds', expect.any(String)],
    ]);
  });
});

describe("the library's analyze() on a solution (session 14)", () => {
  it('a Markdown text with an rnn block gives what `unroll check FILE.md --json` prints, not syntax errors', () => {
    const text = NET + '$$ \\frac{\\partial L}{\\partial o_3} = 2(y_3 - o_3) \\tag{1} $$\n';
    const r = analyze(text, FAST);
    expect(r.diagnostics.filter((d) => d.code === 'syntax')).toEqual([]);
    expect(r.T).toBe(3);
    expect(r.checks.map((c) => [c.line, c.status, c.tag, c.link])).toEqual([[FIRST, 'fails', '1', 1]]);
    expect(r.equations!.map((e) => [e.line, e.tag, e.status])).toEqual([[FIRST, '1', 'fails']]);
    expect([r.checked, r.skipped]).toEqual([1, 0]);
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect({ ...r, elapsedMs: 0 }).toMatchObject({ ...solutionJson(sol) });
  });

  it('a LaTeX solution with its sidecar, by kind; a .rnn text is unchanged', () => {
    const sidecar = NET.split('\n').slice(3, -2).join('\n') + '\n';
    const tex = '\\begin{document}\n\\[ \\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3) \\]\n\\end{document}\n';
    const r = analyze(tex, { ...FAST, kind: 'latex', sidecar });
    expect(r.checks.map((c) => [c.line, c.status])).toEqual([[2, 'holds']]);
    const rnn = analyze(sidecar + 'check ∂L/∂o_3 = -2(y_3 - o_3)\n', FAST);
    expect(rnn.equations).toBeUndefined();
    expect(rnn.checks.map((c) => c.status)).toEqual(['holds']);
  });
});

describe('the readable text of a long solution (session 14)', () => {
  it('"line 1000 (7)": a space between a four-digit line and the label', () => {
    const text = NET + '\n'.repeat(1000) + '$$ L_1 = (y_1 - o_1)^2 \\tag{7} $$\n';
    const out = renderSolutionText('x.md', analyzeSolution(text, 'markdown', { analyze: FAST }));
    expect(out).toMatch(/line 10\d\d \(7\) +✓ holds/);
  });
});

describe('equalities and implications as solutions write them (session 14)', () => {
  it('`\\overset{(3)}{=}`, `\\stackrel{…}{=}`, `:=`, `\\equiv` are equalities (were "no equality to check")', () => {
    const body = [
      '$$ \\frac{\\partial L}{\\partial o_3} \\overset{(3)}{=} -2(y_3 - o_3) $$',
      '',
      '$$ \\frac{\\partial L}{\\partial o_3} \\stackrel{\\text{chain rule}}{=} 2(y_3 - o_3) $$',
      '',
      '$$ L := \\sum_t L_t $$',
      '',
      '$$ L \\equiv \\sum_t L_t $$',
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails', 'holds', 'holds']);
    // the failing link's range is its right side, after the reason written over `=`
    const err = sol.diagnostics.find((d) => d.severity === 'error')!;
    expect(err.line).toBe(FIRST + 2);
    expect(slice(NET + body, err)).toBe('2(y_3 - o_3)');
  });

  it('`A = B \\Rightarrow C = D` (also \\implies, ⇒) is two claims, each judged (was an unknown command)', () => {
    const sol = solve(
      [
        '$$ L_3 = (y_3 - o_3)^2 \\implies \\frac{\\partial L_3}{\\partial o_3} = 2(y_3 - o_3) $$',
        '',
        '$$ L_3 = (y_3 - o_3)^2 \\quad ⇒ \\quad \\frac{\\partial L_3}{\\partial o_3} = -2(y_3 - o_3) $$',
        '',
        '$$ \\Rightarrow L_3 = (y_3 - o_3)^2 $$',
        '',
      ].join('\n'),
    );
    expect(checksOf(sol).map((c) => [c.line, c.status])).toEqual([
      [FIRST, 'holds'],
      [FIRST, 'fails'],
      [FIRST + 2, 'holds'],
      [FIRST + 2, 'holds'],
      [FIRST + 4, 'holds'],
    ]);
  });
});

describe("an environment's own arguments and framed answers (session 14)", () => {
  it('`\\begin{aligned}[t]` and `\\begin{alignat}{2}`: layout, not a factor (right equations failed)', () => {
    const sol = solve(
      [
        '$$\\begin{aligned}[t]',
        'L_3 &= (y_3 - o_3)^2',
        '\\end{aligned}$$',
        '',
        '\\begin{alignat}{2}',
        'L_3 &= (y_3 - o_3)^2 &\\quad& \\text{the loss at 3}',
        '\\end{alignat}',
        '',
        '\\begin{alignat*}{3}',
        'L_2 &= (y_2 - o_2)^2',
        '\\end{alignat*}',
        '',
      ].join('\n'),
    );
    expect(sol.equations.map((e) => [e.status, e.message])).toEqual([
      ['holds', expect.stringMatching(/^holds at/)],
      ['holds', expect.stringMatching(/^holds at/)],
      ['holds', expect.stringMatching(/^holds at/)],
    ]);
  });

  it('`\\boxed{A = B}` (a final answer) and `\\textcolor{red}{…}` are read as their content (were "no equality to check")', () => {
    const body = [
      '$$ \\boxed{\\frac{\\partial L}{\\partial o_3} = 2(y_3 - o_3)} $$',
      '',
      '$$ \\frac{\\partial L}{\\partial o_3} = \\textcolor{red}{-2(y_3 - o_3)} $$',
      '',
      '$$ \\frac{\\partial L}{\\partial o_3} = {\\color{blue} -2(y_3 - o_3)} $$',
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations.map((e) => e.status)).toEqual(['fails', 'holds', 'holds']);
    const err = sol.diagnostics.find((d) => d.severity === 'error')!;
    expect(slice(NET + body, err)).toBe('2(y_3 - o_3)');
  });
});

describe('a byte-order mark (session 14)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sol14-'));
  const BOM = '\uFEFF';
  it('a solution whose ```rnn block opens the file after a BOM is a solution (was "not a solution", exit 2)', () => {
    const file = join(dir, 'bom.md');
    const body = NET.split('\n').slice(2).join('\r\n') + '$$ L_1 = (y_1 - o_1)^2 \\tag{1} $$\r\n';
    writeFileSync(file, BOM + body);
    const o = runFile(file, 'check', true, false);
    expect(o.error).toBeUndefined();
    const json = o.json as { checks: { line: number; status: string; tag: string | null }[] };
    expect(json.checks).toEqual([expect.objectContaining({ line: body.split('\r\n').length - 1, status: 'holds', tag: '1' })]);
    expect(analyze(BOM + body, FAST).checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('a .rnn file (or a sidecar) with a BOM keeps its `T = 2` on line 1 (was "unexpected character", T = 3)', () => {
    const file = join(dir, 'bom.rnn');
    writeFileSync(file, `${BOM}T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\ncheck h_2 = w h_1\n`);
    const o = runFile(file, 'check', true, false);
    const json = o.json as { diagnostics: unknown[]; checks: { status: string }[] };
    expect(json.diagnostics).toEqual([]);
    expect(o.bad).toBe(false);
    writeFileSync(join(dir, 'side.rnn'), `${BOM}T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\n`);
    writeFileSync(join(dir, 'side.tex'), '\\[ h_2 = w h_1 \\]\n');
    const tex = runFile(join(dir, 'side.tex'), 'check', true, false);
    expect(tex.bad).toBe(false);
  });
});

describe('labels written as prose, in brackets, with \\hfill or \\eqno (session 14)', () => {
  it('each is the label, never a factor of the right side (\\textbf{(7)} and \\quad [6] made right equations fail)', () => {
    const eq = 'L_3 = (y_3 - o_3)^2';
    const labels = [
      '\\hfill (3)',
      '\\eqno(4)',
      '\\qquad \\text{(5)}',
      '\\qquad [6]',
      '\\quad \\textbf{(7)}',
      '\\qquad \\text{(Eq. 8)}',
      '\\quad (\\text{a})',
    ];
    const sol = solve(labels.map((l) => `$$ ${eq} ${l} $$\n`).join('\n'));
    expect(sol.equations.map((e) => [e.tag, e.status])).toEqual([
      ['3', 'holds'],
      ['4', 'holds'],
      ['5', 'holds'],
      ['6', 'holds'],
      ['7', 'holds'],
      ['8', 'holds'],
      ['a', 'holds'],
    ]);
  });

  it('a vector literal or an argument at the end stays math', () => {
    const sol = solve(['$$ o_3 = \\sigma (W_{hy} h_3 + b_y) $$', '', '$$ L_3 = (y_3 - o_3)^2 [2] $$', ''].join('\n'));
    expect(sol.equations.map((e) => e.tag)).toEqual([null, null]);
    expect(sol.equations[0]!.status).toBe('holds');
  });
});

describe('a quantifier before the equation (session 14)', () => {
  it('`\\forall t:`, `\\text{For all } t:`, `\\forall t = 1, \\dots, T:` check every step (were "expected a value")', () => {
    const eq = 'o_t = \\sigma(W_{hy} h_t + b_y)';
    const sol = solve(
      [
        `$$ \\forall t: ${eq} $$`,
        `$$ \\text{For all } t: \\quad ${eq} $$`,
        `$$ \\forall t \\in \\{1, \\dots, T\\}: \\; ${eq} $$`,
        `$$ \\forall t = 1, \\dots, T, \\quad ${eq} $$`,
        `$$ \\forall t \\in \\{2, \\dots, T\\}: ${eq} $$`,
      ].join('\n\n') + '\n',
    );
    // a narrower range before the equation reads as the check's range since session 42 (it was skipped)
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
    expect(sol.equations[0]!.message).toMatch(/^holds for t = 1\.\.3/);
    expect(sol.equations[4]!.message).toMatch(/^holds for t = 2\.\.3/);
  });
});

describe("TeX's unbreakable space (session 14)", () => {
  it('`L_3~=~(y_3 - o_3)^2` reads (was "unexpected character ~")', () => {
    expect(solve('$$ L_3~=~(y_3 - o_3)^2 $$\n').equations.map((e) => e.status)).toEqual(['holds']);
  });
});

describe("a LaTeX solution's own macros (session 14)", () => {
  it('\\newcommand / \\def / \\DeclareMathOperator are expanded where used (were "unknown LaTeX command \\pd")', () => {
    const sidecar = NET.split('\n').slice(3, -2).join('\n') + '\n';
    const tex = [
      '\\documentclass{article}',
      '\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}',
      '\\newcommand\\loss{\\mathcal{L}}',
      '\\def\\Why{W_{hy}}',
      '\\begin{document}',
      '\\[ \\pd{\\loss}{o_3} = -2(y_3 - o_3) \\]',
      '\\[ \\pd{L}{o_3} = 2(y_3 - o_3) \\tag{2} \\]',
      '\\begin{align}',
      '\\pd{L}{h_3} &= \\pd{L}{o_3} \\pd{o_3}{h_3} \\\\',
      "&= -2(y_3 - o_3)\\, \\sigma'(\\Why h_3 + b_y) \\Why",
      '\\end{align}',
      '\\end{document}',
      '',
    ].join('\n');
    const sol = analyzeSolution(tex, 'latex', { sidecar, analyze: FAST });
    expect(sol.equations.map((e) => [e.range.line, e.status])).toEqual([
      [6, 'holds'],
      [7, 'fails'],
      [8, 'holds'],
    ]);
    const err = sol.diagnostics.find((d) => d.severity === 'error')!;
    expect(slice(tex, err)).toBe('2(y_3 - o_3)');
    // a link's range covers the macro uses of its right side
    const link1 = checksOf(sol).find((c) => c.line === 9)!;
    expect(slice(tex, link1.range)).toBe('\\pd{L}{o_3} \\pd{o_3}{h_3}');
  });
});
