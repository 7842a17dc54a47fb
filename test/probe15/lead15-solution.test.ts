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

describe('an equation using a name whose definition in the network has an error', () => {
  it('is skipped with the reason the .rnn gives at a use (§6: not available), not "does not read as a check"', () => {
    const net =
      '```rnn\nT = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t\no_t = 2 h_t\nloss L = Σ_t o_t^2\n```\n\n';
    const sol = analyzeSolution(
      `${net}$$\\frac{\\partial L}{\\partial o_3} = 4 h_3$$\n\n$$ o_2 = 2 h_2 $$\n\n$$ w^2 = 0.25 $$\n`,
      'markdown',
    );
    expect(sol.equations.map((e) => [e.range.line, e.status, e.message])).toEqual([
      [11, 'skipped', 'not checked: L is not available: it depends on h_t, whose definition on line 6 has an error'],
      [13, 'skipped', 'not checked: o is not available: it depends on h_t, whose definition on line 6 has an error'],
      // (session 18: `w = 0.5` itself is a premise, not checked; w² is judged, and leans on w's value)
      [15, 'holds-at-given-values', expect.stringMatching(/^holds only for these values/)],
    ]);
  });
});
