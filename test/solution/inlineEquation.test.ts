// An equation written inline on a line of its own (`$\frac{\partial L}{\partial w} = 0.3$`, one `$` too few): not
// checked (LANGUAGE.md §8: inline math is prose), but said so with an information on it. Session 30: a solution written
// this way read "0 equations: 0 checked, 0 skipped" and nothing said why.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { example, EXAMPLES } from './helpers';
import { readdirSync } from 'node:fs';
import { slice } from './helpers';

const NET = '```rnn\nT = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n```\n\n';
const notes = (md: string) =>
  analyzeSolution(NET + md, 'markdown', { analyze: { draws: 1, graph: false } }).diagnostics.filter((d) => /inline math/.test(d.message));

describe('an equation in inline math', () => {
  it('alone on its line (in a paragraph, a quote or a list item) gets an information on its text', () => {
    const md = '$\\frac{\\partial L}{\\partial w} = 2 w h_0$\n\n> $L = h_2$.\n\n1. $L = h_2$\n';
    const found = notes(md);
    expect(found.map((d) => [d.severity, d.line, slice(NET + md, d)])).toEqual([
      ['information', 9, '$\\frac{\\partial L}{\\partial w} = 2 w h_0$'],
      ['information', 11, '$L = h_2$'],
      ['information', 13, '$L = h_2$'],
    ]);
    expect(found[0]!.message).toBe('not checked: inline math ($ … $) is prose; to check this equation, write it as a display, $$ … $$');
  });

  it("after a part's label (**(b)**, (b), b)) as an answer is written, too", () => {
    const md = '**(b)** $L = h_2$\n\n(c) $L = h_2$\n\n*d)* $L = h_2$\n';
    expect(notes(md).map((d) => [d.line, slice(NET + md, d)])).toEqual([
      [9, '$L = h_2$'],
      [11, '$L = h_2$'],
      [13, '$L = h_2$'],
    ]);
    // a label with words after it is a sentence
    expect(notes('**(b)** Then $L = h_2$\n')).toEqual([]);
  });

  it('in a sentence, or without an equality, is prose and says nothing', () => {
    expect(notes('So $L = h_2$ here.\n\n$w$\n\n$a \\le b$\n\n$a <= b$\n')).toEqual([]);
  });

  it("the seeds' inline math is never said to be an equation", () => {
    for (const f of readdirSync(EXAMPLES).filter((n) => n.endsWith('.md')))
      expect(
        analyzeSolution(example(f), 'markdown', { analyze: { draws: 1 } }).diagnostics.filter((d) => /inline math/.test(d.message)),
      ).toEqual([]);
  });
});
