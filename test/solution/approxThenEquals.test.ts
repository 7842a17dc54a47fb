// An exam's line ends in arithmetic after ≈ and its answer after an = (session 37): `∂L/∂h_1 = … ≈ 0.0205 − 0.0417 =
// −0.0212`. The cut from the ≈ ran to the row's end, so the answer was never judged and the line showed ✓ for its
// formula alone (with −0.0312 as much as with −0.0211). The cut now ends at an = followed only by a written value,
// which is judged as a value after ≈ is: to its digits.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { EXAM_NET } from './helpers';

const solve = (eq: string) => analyzeSolution(`# Exam\n\n\`\`\`rnn\n${EXAM_NET}\`\`\`\n\n$$${eq}$$\n`, 'markdown').equations[0]!;
const HEAD = String.raw`\frac{\partial L}{\partial h_1} = (y_1 - d_1) y_1 (1 - y_1) v + \frac{\partial L}{\partial h_2} (1 - h_2^2) w \approx 0.0204 - 0.0415`;

describe('an answer after arithmetic after ≈', () => {
  it('a right answer holds to its digits', () => {
    const eq = solve(`${HEAD} = -0.0211`);
    expect(eq.checks.map((c) => [c.link, c.status])).toEqual([
      [1, 'holds'],
      [2, 'holds'],
    ]);
    expect(eq.checks[1]!.message).toMatch(
      /^holds to the digits written at the file's values: the left side is -0\.021118, which rounds to -0\.0211/,
    );
  });

  it('a wrong answer is named', () => {
    const eq = solve(`${HEAD} = -0.0312`);
    expect(eq.status).toBe('fails');
    expect(eq.checks[1]!.message).toBe('fails: the left side is -0.021118, which rounds to -0.0211, not -0.0312 as written');
  });

  it('with a label after the value, and with no value (an expression) the cut runs on as before', () => {
    expect(solve(`${HEAD} = -0.0312 \\quad (4)`).status).toBe('fails');
    const open = solve(`${HEAD} = w - 0.1`);
    expect(open.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
