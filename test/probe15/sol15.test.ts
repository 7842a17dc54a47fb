// Session 15 (sol15): Markdown/LaTeX solutions (LANGUAGE.md §8) as students paste them — the gaps the session-14
// probe left. One regression test per fix; each pastes the equations as a test author would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { renderSolutionText } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution';
import { group, matchBrace } from '../../src/solution/macros';

const FAST = { draws: 2, graph: false };

/** a test author's own scalar RNN with a squared-error loss: ∂L/∂o_t = −2(y_t − o_t) */
const NET = [
  '# Probe',
  '',
  '```rnn',
  'T = 3',
  'input  x = [0.5, -1.0, 2.0]',
  'target y = [1, 0, 1]',
  'param  w = 0.8',
  'param  u = 0.3',
  'param  v = 1.5',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + u x_t)',
  'o_t = v h_t',
  'L_t = (y_t - o_t)^2',
  'loss L = Σ_t L_t',
  '```',
  '',
].join('\n');
/** the line of the first text after NET */
const FIRST = NET.split('\n').length;

const solve = (body: string) => analyzeSolution(NET + body, 'markdown', { analyze: FAST });
const statuses = (body: string) => solve(body).equations.map((e) => e.status);

describe('(1) a $$ … $$ inside a prose line is a claim (VS Code previews it as display math)', () => {
  it('in the middle of a sentence: read, its range the pair itself', () => {
    const line = 'The gradient is $$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)$$ as usual.';
    const sol = solve(line + '\n');
    expect(sol.equations).toHaveLength(1);
    expect(sol.equations[0]).toMatchObject({ status: 'holds' });
    expect(sol.equations[0]!.range).toEqual({ line: FIRST, column: 17, endLine: FIRST, endColumn: line.lastIndexOf('$$') + 3 });
  });

  it('a wrong one fails, on its own right side', () => {
    const sol = solve('so $$\\frac{\\partial L}{\\partial o_3} = 2(y_3 - o_3)$$.\n');
    expect(sol.equations[0]!.status).toBe('fails');
    const err = sol.diagnostics.find((d) => d.code === 'check-fails')!;
    expect(err).toMatchObject({ line: FIRST, column: 40 });
  });

  it('prose with dollar amounts, code spans and escaped dollars is not math', () => {
    const body = [
      'It costs $$5 and then $$10 more, or $5 and $10.',
      '',
      'Write `$$ o_3 = 1 $$` to get display math; \\$$ o_3 = 1 \\$$ is escaped.',
      '',
      'Three $$$ are not a delimiter $$$.',
      '',
    ].join('\n');
    expect(solve(body).equations).toHaveLength(0);
  });

  it('after a display at the start of a line, the rest of the line is read too', () => {
    const sol = solve('$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)$$ and $$\\frac{\\partial L}{\\partial o_2} = 2(y_2 - o_2)$$\n');
    expect(sol.equations.map((e) => [e.range.column, e.status])).toEqual([
      [1, 'holds'],
      [57, 'fails'],
    ]);
  });

  it('in a table row, a heading, a Jupyter <div>, a block quote; not in <pre> or an HTML comment', () => {
    const eq = '$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)$$';
    const body = [
      '| step | gradient |',
      '|---|---|',
      `| 3 | ${eq} |`,
      '',
      `## Step 3: ${eq}`,
      '',
      '<div>',
      eq,
      '</div>',
      '',
      `> quoted: ${eq}`,
      '',
      '<pre>',
      eq,
      '</pre>',
      '',
      `<!-- ${eq} -->`,
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations.map((e) => [e.range.line - FIRST, e.status])).toEqual([
      [2, 'holds'],
      [4, 'holds'],
      [7, 'holds'],
      [10, 'holds'],
    ]);
  });

  it('a pair across lines of a paragraph, a block quote or a list item reads', () => {
    expect(statuses('Hence $$\\frac{\\partial L}{\\partial o_3}\n= -2(y_3 - o_3)$$ holds.\n')).toEqual(['holds']);
    // in a block quote or a list item too: the quote's `> ` markers are blanked (session 15: not read at all)
    expect(statuses('> Hence $$\\frac{\\partial L}{\\partial o_3}\n> = -2(y_3 - o_3)$$ holds.\n')).toEqual(['holds']);
    expect(statuses('- Hence $$\\frac{\\partial L}{\\partial o_3}\n  = 2(y_3 - o_3)$$ fails.\n')).toEqual(['fails']);
  });
});

describe('(7) Jupyter-style Markdown: a display over several lines of a block quote', () => {
  it("each later line's `> ` is no part of the math (was \"'>' is read only in the bounds of Σ and ∏\")", () => {
    const body = [
      '> $$',
      '> \\frac{\\partial L}{\\partial o_3}',
      '> = -2(y_3 - o_3)',
      '> $$',
      '',
      '> $$\\frac{\\partial L}{\\partial o_3}',
      '> = 2(y_3 - o_3)$$',
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(sol.diagnostics.find((d) => d.code === 'check-fails')).toMatchObject({ line: FIRST + 6, column: 5 });
  });
});

describe('(7) marks that end an answer', () => {
  it('\\blacksquare, \\checkmark, \\qed after the equation are no part of it (were unknown commands)', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_3}=-2\\left(y_3-o_3\\right)\\;\\;\\blacksquare$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3) \\quad\\checkmark$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_3} = 2(y_3 - o_3) \\qquad \\qed$$',
      '',
    ].join('\n');
    expect(statuses(body)).toEqual(['holds', 'holds', 'fails']);
  });
});

describe('(7) a range written as a set after the equation', () => {
  it('t \\in \\{2, \\dots, T\\} and (t \\in \\{1, …, T\\}) are the check\'s range (were "unknown LaTeX command \\in")', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\quad \\forall t \\in \\{2, \\dots, T\\}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\quad \\text{for } t \\in \\{1, \\ldots, T\\}.$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\quad (t \\in \\{1, \\dots, T\\})$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = 2(y_t - o_t) \\quad (t = 1, \\dots, T)$$',
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(sol.equations[0]!.message).toMatch(/holds for t = 2\.\.3/);
    expect(sol.equations[3]!.message).toMatch(/^fails at t = 1/);
  });

  it("in a .rnn check line, a parenthesised (t = 1, …, T) is the range (was \"expected ')' … found '='\")", () => {
    const text = NET.split('\n').slice(3, 14).join('\n') + '\ncheck ∂L/∂o_t = -2(y_t - o_t) (t = 2, …, T)\n';
    const r = analyze(text, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks[0]).toMatchObject({ status: 'holds' });
    expect(r.checks[0]!.message).toMatch(/t = 2\.\.3/);
  });
});

describe('(7) an ellipsis that stands for what is not written', () => {
  it('a \\vdots row between two equations of an align is layout (it swallowed the first equation)', () => {
    const body = [
      '\\begin{align}',
      '\\frac{\\partial L}{\\partial o_1} &= 2(y_1 - o_1) \\\\',
      '&\\vdots \\\\',
      '\\frac{\\partial L}{\\partial o_3} &= -2(y_3 - o_3)',
      '\\end{align}',
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations[0]!.checks.map((c) => [c.line - FIRST, c.status])).toEqual([
      [1, 'fails'],
      [3, 'holds'],
    ]);
    expect(sol.diagnostics.filter((d) => /vdots/.test(d.message))).toEqual([]);
  });

  it('A = B = \\dots = C: the written sides are judged (the whole equation was skipped)', () => {
    const sol = solve('$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3) = \\dots = 2(y_3 - o_3)$$\n');
    expect(sol.equations[0]!.checks.map((c) => [c.link, c.status])).toEqual([
      [1, 'holds'],
      [2, 'fails'],
    ]);
  });
});

describe('(7) two equations side by side on one row', () => {
  it('set apart by \\qquad, \\hspace{…}, `;` or \\newline: two claims (\\qquad was read as a chain A = B·C = D, a false fails)', () => {
    const two = (sep: string) =>
      `$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)${sep}\\frac{\\partial L}{\\partial o_2} = -2(y_2 - o_2)$$`;
    const body = [two(' \\qquad '), two(' \\hspace{1cm} '), two(';\\quad '), two(' \\newline '), ''].join('\n\n');
    const sol = solve(body);
    for (const e of sol.equations)
      expect(e.checks.map((c) => [c.link, c.status])).toEqual([
        [1, 'holds'],
        [1, 'holds'],
      ]);
  });

  it("a range, a clause or a label after the space stays the equation's own", () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\quad t = 2, \\dots, T$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\qquad \\text{for } t = 1, \\dots, T$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3) \\quad (4)$$',
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations.map((e) => [e.checks.length, e.status, e.tag])).toEqual([
      [1, 'holds', null],
      [1, 'holds', null],
      [1, 'holds', '4'],
    ]);
    expect(sol.equations[0]!.message).toMatch(/t = 2\.\.3/);
  });

  it('a clause word before the space keeps its clause: `\\quad \\text{where} \\quad L_t = …` is read as before', () => {
    const sol = solve('$$L = \\sum_t L_t \\quad \\text{where} \\quad L_t = (y_t - o_t)^2$$\n');
    expect(sol.diagnostics.filter((d) => d.code === 'solution-skipped')).toEqual([]);
    expect(sol.equations[0]!.checks.map((c) => [c.equation, c.status])).toEqual([
      ['L = \\sum_t L_t', 'holds'],
      ['L_t = (y_t - o_t)^2', 'holds'],
    ]);
  });

  it('\\vspace{…} is layout', () => {
    expect(statuses('$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)\\vspace{2pt}$$\n')).toEqual(['holds']);
  });
});

describe('(2) an evaluation bar binds the free step', () => {
  it('\\left. … \\right|_{t=3}, \\Big|_{t=3}, \\bigg|_{t = T} and a bare |_{t=2}: the expression at that step', () => {
    const body = [
      '$$\\left. \\frac{\\partial L}{\\partial o_t} \\right|_{t=3} = -2(y_3 - o_3)$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} \\Big|_{t=3} = -2(y_3 - o_3)$$',
      '',
      '$$\\left.\\frac{\\partial L}{\\partial o_t}\\right|_{t = T} = -2(y_T - o_T)$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_3} = -2(y_t - o_t)\\bigg\\vert_{t=3}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_2} = \\left.-2\\left(y_t - o_t\\right)\\right|_{t=T-1}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_{t-1}}|_{t=3} = -2(y_2 - o_2)$$',
      '',
    ].join('\n');
    expect(statuses(body)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'holds']);
  });

  it('a wrong step fails (the bar binds, it does not hide)', () => {
    const sol = solve('$$\\left. \\frac{\\partial L}{\\partial o_t} \\right|_{t=2} = -2(y_3 - o_3)$$\n');
    expect(sol.equations[0]!.status).toBe('fails');
  });

  it('a bar that binds no step is skipped, naming the bar', () => {
    const sol = solve('$$\\left. \\frac{\\partial L}{\\partial o_t} \\right|_{t=1..3} = -2(y_t - o_t)$$\n');
    expect(sol.equations[0]).toMatchObject({ status: 'skipped' });
    expect(sol.equations[0]!.message).toMatch(/an evaluation bar \|_\{t=1\.\.3\}/);
  });

  it('an absolute value \\left| … \\right| is no bar', () => {
    expect(statuses('$$\\left| o_3 \\right| = \\left| o_3 \\right|$$\n')).toEqual(['holds']);
  });
});

describe("(3) TeX's \\over and math inside text boxes", () => {
  it('{∂L \\over ∂o_3} is the fraction of the group; a wrong one fails', () => {
    expect(
      statuses(
        '$${\\partial L \\over \\partial o_3} = -2(y_3 - o_3)$$\n\n$${\\partial L \\over \\partial o_3} = {2 \\over 1}(y_3 - o_3)$$\n',
      ),
    ).toEqual(['holds', 'fails']);
  });

  it('\\fbox{$…$}, \\mbox{$…$} and \\text{$…$} hold their math', () => {
    const body = [
      '$$\\fbox{$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)$}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_3} = \\mbox{$-2(y_3 - o_3)$}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_3} = \\text{$-2(y_3 - o_3)$}$$',
      '',
      '$$\\fbox{$\\frac{\\partial L}{\\partial o_3} = 2(y_3 - o_3)$}$$',
      '',
    ].join('\n');
    expect(statuses(body)).toEqual(['holds', 'holds', 'holds', 'fails']);
  });
});

describe('(4) one brace matcher', () => {
  it('group() skips any whitespace, then matches as matchBrace() does (escaped braces skipped)', () => {
    const t = 'x \n {a{b}\\}c} d';
    expect(group(t, 1)).toEqual({ start: 4, end: 13 });
    expect(matchBrace(t, 4)).toEqual({ start: 4, end: 13 });
    expect(matchBrace(t, 1)).toBeNull();
    expect(matchBrace('{a{b}', 0)).toBeNull();
  });
});

describe('(6) results that share a line are told apart by column', () => {
  it('$$a$$ and $$b$$ on one line, and A = B, \\qquad C = D: line N:C', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)$$ and $$\\frac{\\partial L}{\\partial o_2} = -2(y_2 - o_2)$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3), \\qquad \\frac{\\partial L}{\\partial o_1} = -2(y_1 - o_1)$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_1} = -2(y_1 - o_1)$$',
      '',
    ].join('\n');
    const text = renderSolutionText('s.md', solve(body));
    expect(text).toContain(`line ${FIRST}:1 `);
    expect(text).toContain(`line ${FIRST}:57 `);
    expect(text).toMatch(new RegExp(`line ${FIRST + 2}:37 .*holds`));
    expect(text).toMatch(new RegExp(`line ${FIRST + 2}:93 .*holds`));
    // alone on its line: no column
    expect(text).toMatch(new RegExp(`line ${FIRST + 4} +✓`));
  });
});

describe('(5) an equation stopped by a size limit is an error: `unroll check` exits 1', () => {
  let dir = '';
  let cli = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sol15-cli-'));
    cli = join(dir, 'cli.js');
    await build({ bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', entryPoints: ['src/cli.ts'], outfile: cli });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });

  it('nesting past the limit: an error naming it, exit 1 (was "not checked", exit 0)', () => {
    const deep = '('.repeat(210) + 'o_3' + ')'.repeat(210);
    writeFileSync(join(dir, 'deep.md'), `${NET}$$\\frac{\\partial L}{\\partial o_3} = ${deep}$$\n\n$$ o_3 = o_3 $$\n`);
    const r = run(['check', 'deep.md']);
    expect(r.status).toBe(1);
    const json = JSON.parse(run(['check', 'deep.md', '--json']).stdout) as {
      diagnostics: { severity: string; code: string; message: string; line: number }[];
    };
    const err = json.diagnostics.find((d) => d.severity === 'error')!;
    expect(err).toMatchObject({ code: 'limit', line: FIRST });
    expect(err.message).toMatch(/not checked: .*nested more than 200 levels deep \(limit\)/);
    const text = run(['deep.md']).stdout;
    expect(text).toMatch(new RegExp(`${FIRST}:1 error: not checked: .*\\(limit\\)`));
  });

  it('a right solution with no limit still exits 0', () => {
    writeFileSync(join(dir, 'ok.md'), `${NET}$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3)$$\n`);
    expect(run(['check', 'ok.md']).status).toBe(0);
  });

  it('equations past the per-network count are unjudged: the one limit diagnostic is an error', () => {
    const sol = analyzeSolution(NET + Array.from({ length: 1005 }, () => '$$ o_1 = o_1 $$').join('\n\n'), 'markdown', {
      analyze: FAST,
    });
    const limit = sol.diagnostics.filter((d) => d.code === 'limit' && /equations for one network/.test(d.message));
    expect(limit).toHaveLength(1);
    expect(limit[0]!.severity).toBe('error');
  }, 60_000);
});
