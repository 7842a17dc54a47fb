// `\frac{\partial L}{\partial V = …` (session 35): a brace never closed holds the = after it, so the equation has none
// at its top level. It said "no equality to check" of an equation that plainly has one; it now names the brace.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { CS231N_RNN } from './helpers';

const solve = (eq: string) => analyzeSolution(`\`\`\`rnn\n${CS231N_RNN}\`\`\`\n\n$$${eq}$$\n`, 'markdown').equations[0]!;

describe('a brace never closed', () => {
  it('is named where it opens', () => {
    const eq = solve(String.raw`\frac{\partial L}{\partial c = \sum_t (\hat{y}_t - y_t)`);
    expect(eq.status).toBe('skipped');
    expect(eq.message).toBe(
      String.raw`not checked: the { of '{\partial c = \s…' is never closed: the = after it stands inside the braces, so no equation is read (a } missing?)`,
    );
  });

  it('is not blamed where the braces close and there is no =', () => {
    expect(solve(String.raw`\frac{\partial L}{\partial c}`).message).toBe('not checked: no equality to check');
  });
});
