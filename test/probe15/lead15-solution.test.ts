// Regressions found by fuzzing solutions (test/fuzz/solution.fuzz.test.ts, session 15).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = '```rnn\nT = 2\nparam w = 1\nh_0 = 0\nh_t = w h_{t-1} + 1\n```\n\n';

describe('a backslash with nothing after it in a display', () => {
  it('before a line end, or at the display’s end: the equation is skipped as a lone backslash (analyzeSolution threw, and `unroll` with it)', () => {
    const text = `${NET}$$ h_2 = 2 \\\n$$\n\n$$ h_1 = 1 \\$$\n\n$$ h_2 = 2 $$\n`;
    const sol = analyzeSolution(text, 'markdown');
    expect(sol.equations.map((e) => [e.range.line, e.status])).toEqual([
      [8, 'skipped'],
      [11, 'skipped'],
      [13, 'holds-at-given-values'],
    ]);
    expect(sol.equations.slice(0, 2).map((e) => e.message)).toEqual(['not checked: a lone backslash', 'not checked: a lone backslash']);
  });
});
