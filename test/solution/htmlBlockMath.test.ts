// `\[ … \]` and display environments inside an HTML block (a `<details><summary>` with no blank line after it, a
// Jupyter `<div>`): markdown-it gives the block as raw HTML, where only `$$ … $$` was looked for, so the others were
// never read though Jupyter's MathJax renders them (read31).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { slice, tanhNetLines } from './helpers';

const NET = tanhNetLines([1, 2], 0);

const MD = [
  ...NET,
  '<details><summary>Answer</summary>',
  '\\[ \\frac{\\partial h_2}{\\partial h_1} = w (1 - h_2^2) \\]',
  '\\begin{equation}',
  'h_1 = \\tanh(w h_0 + x_1) \\tag{2}',
  '\\end{equation}',
  '$$ \\begin{aligned} h_2 &= \\tanh(w h_1 + x_2) \\\\[2pt] &= 7 \\end{aligned} $$',
  '</details>',
  '',
  '<div>',
  '\\begin{align*}',
  'h_2 &= 7',
  '\\end{align*} (4)',
  '\\[ h_1 = 1',
  '</div>',
  '',
].join('\n');

describe('display math inside an HTML block', () => {
  const r = analyzeSolution(MD, 'markdown');
  const line = (n: number) => r.equations.filter((e) => e.range.line === n);

  it('\\[ … \\] and \\begin{equation} in <details> are claims, as $$ … $$ there is, each once', () => {
    expect(r.equations.map((e) => e.range.line)).toEqual([11, 12, 15, 19]);
    expect(line(11)[0]).toMatchObject({ status: 'holds' });
    expect(line(12)[0]).toMatchObject({ tag: '2', status: 'holds' });
    expect(line(15)[0]).toMatchObject({ status: 'fails' });
  });

  it('an environment in a <div> is read with its label after \\end, and a wrong one fails on its own text', () => {
    const e = line(19)[0]!;
    expect(e).toMatchObject({ tag: '4', status: 'fails' });
    expect(slice(MD, e.range)).toContain('h_2 &= 7');
  });

  it('a \\[ never closed in the block is a warning on its opener', () => {
    const d = r.diagnostics.find((x) => x.message.includes('never closed'))!;
    expect(d).toMatchObject({ severity: 'warning', line: 22, column: 1, endColumn: 3 });
  });
});

// The same in prose (read31): `Hence \begin{align} …` after words on its line, and `\\[ … \\]` (Markdown's escaped
// backslash, shown as `\[` on the page) were neither read nor said, though Jupyter's MathJax sets both as displays.
describe('display math after words on a line, and \\\\[ … \\\\]', () => {
  const PROSE = [
    ...NET,
    'Hence \\begin{align}',
    'h_1 &= \\tanh(w h_0 + x_1) \\tag{5}',
    '\\end{align}',
    '',
    '\\\\[ h_2 = 7 \\\\]',
    '',
    'See \\[1\\], and $\\begin{aligned} h_2 &= 7 \\end{aligned}$ inline, and so \\[ h_1 = \\tanh(x_1 + w h_0) \\] (6)',
    '',
  ].join('\n');
  const r = analyzeSolution(PROSE, 'markdown');

  it('each is a claim, with its label; escaped brackets and inline math are not', () => {
    expect(r.equations.map((e) => [e.range.line, e.tag, e.status])).toEqual([
      [10, '5', 'holds'],
      [14, null, 'fails'],
      [16, '6', 'holds'],
    ]);
    expect(r.diagnostics.filter((d) => d.severity !== 'error')).toEqual([]);
  });
});
