// An equation written in code (session 34): a code span `dL/dw = 2 w h_0`, an indented block or a plain ```text fence
// is not read as math (LANGUAGE.md §8: code is never a claim), and a solution written that way read "0 equations" with
// no word why. Each such span or block now gets an information saying how to have it checked; Python is left alone.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { analyzeSolution } from '../../src/solution/index';
import { example, EXAMPLES, slice } from './helpers';

const NET = '```rnn\nT = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n```\n\n';
const notes = (md: string) =>
  analyzeSolution(NET + md, 'markdown', { analyze: { draws: 1, graph: false } }).diagnostics.filter((d) =>
    /equation in code/.test(d.message),
  );

describe('an equation written in code', () => {
  it('in a code span, an indented block or a plain fence gets an information on it', () => {
    const md = 'The gradient is `dL/dw = 2 w h_0`.\n\n    h_2 = w h_1\n    dL/dh_1 = w\n\n```text\n∂L/∂w = 2 w h_0\n```\n';
    const found = notes(md);
    expect(found.map((d) => [d.severity, d.line, slice(NET + md, d)])).toEqual([
      ['information', 9, '`dL/dw = 2 w h_0`'],
      ['information', 12, 'dL/dh_1 = w'],
      ['information', 15, '∂L/∂w = 2 w h_0'],
    ]);
    expect(found[0]!.message).toBe(
      'not checked: an equation in code (`…` or a code block) is not read as math; to check it, write it as a display, $$ … $$, or as a check line in the ```rnn block',
    );
  });

  it('code with no derivative or no equation, and a fence of a language, say nothing', () => {
    const md =
      '```python\ndW = dy @ h.T\nx = d/dw\n```\n\n    dh = 1 - h**2\n    grads = {}\n\n`x = 3`, `dL/dw`, `a == dL/dw` and ``a `b` c``.\n';
    expect(notes(md)).toEqual([]);
  });

  it('is said at most twenty times in a file', () => {
    expect(notes('`dL/dw = 1` '.repeat(30) + '\n')).toHaveLength(20);
  });

  it("the seeds' code is never said to be an equation", () => {
    for (const f of readdirSync(EXAMPLES).filter((n) => n.endsWith('.md')))
      expect(
        analyzeSolution(example(f), 'markdown', { analyze: { draws: 1 } }).diagnostics.filter((d) => /equation in code/.test(d.message)),
      ).toEqual([]);
  });
});
