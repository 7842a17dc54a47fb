// A worked computation, `h_1 = \tanh(w h_0 + u x_1) = \tanh(0.5 \cdot 0 + 0.2 \cdot 1)`: its side of numbers holds
// for the file's values by design (the student put them in). The verdict stays the contract's, holds only for these
// values (LANGUAGE.md §5: false at a draw), and its message says why as a teacher would — the numbers are the given
// values put in — where it said "it leans on the given values of x, u, h_0", as if by chance.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { EXAM_NET } from './helpers';

const COMPUTED =
  /^holds only for these values, as a computation with numbers does: the right side is written in numbers, the given values of x, u and h_0 \(u = 0\.2, h_0 = 0\) put in \(at random draw 1 the left side is -?\d\.\d+, the right side still 0\.197375\)$/;

describe('a side written in numbers', () => {
  it('in a solution: the given values put in, said so', () => {
    const sol = analyzeSolution(
      `\`\`\`rnn\n${EXAM_NET}\`\`\`\n\n$$ h_1 = \\tanh(w h_0 + u x_1) = \\tanh(0.5 \\cdot 0 + 0.2 \\cdot 1) $$\n`,
      'markdown',
    );
    const links = sol.equations[0]!.checks;
    expect(links[0]!.status).toBe('holds');
    expect(links[1]!.status).toBe('holds-at-given-values');
    expect(links[1]!.message).toMatch(COMPUTED);
  });

  it('in a .rnn check, on either side', () => {
    const right = analyze(`${EXAM_NET}check h_1 = \\tanh(0.5 \\cdot 0 + 0.2 \\cdot 1)\n`).checks[0]!;
    expect(right.status).toBe('holds-at-given-values');
    expect(right.message).toMatch(COMPUTED);
    const left = analyze(`${EXAM_NET}check \\tanh(0.2) = h_1\n`).checks[0]!;
    expect(left.status).toBe('holds-at-given-values');
    expect(left.message).toMatch(
      /as a computation with numbers does: the left side is written in numbers, .* the right side is -?\d\.\d+, the left side still 0\.197375\)$/,
    );
  });

  it('a formula that leans on a given value is still said so', () => {
    const c = analyze(`${EXAM_NET}check h_1 = \\tanh(u x_1)\n`).checks[0]!;
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toMatch(/^holds only for these values: it leans on the given value/);
    expect(c.message).not.toMatch(/computation with numbers/);
  });
});
