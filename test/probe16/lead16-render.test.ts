// The readable output of a solution: when two results share a line ("line 12:61"), every result's mark stays in
// one column (the position column was as wide as each label, so a "line 14" row's mark sat two columns left).
import { describe, expect, it } from 'vitest';
import { renderSolutionText } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution';

const NET = '```rnn\nT = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\n```\n';

describe('solution results in one column', () => {
  it('a shared line widens the position column for every row', () => {
    const text = [
      '# Sheet',
      '',
      NET,
      'Two claims: $$\\frac{\\partial L}{\\partial h_3} = 2 h_3$$ and $$\\frac{\\partial L}{\\partial h_3} = 3 h_3$$',
      '',
      '$$\\frac{\\partial h_t}{\\partial h_{t-1}} = (1 - h_t^2) w$$',
      '',
    ].join('\n');
    const out = renderSolutionText('s.md', analyzeSolution(text, 'markdown'));
    const rows = out.split('\n').filter((l) => /^ {2}line \d/.test(l));
    expect(rows).toHaveLength(3);
    const marks = rows.map((l) => l.search(/[✓✗]/));
    expect(new Set(marks).size).toBe(1);
    expect(rows[0]).toMatch(/^ {2}line 12:13 /);
    expect(rows[2]).toMatch(/^ {2}line 14 +✓/);
  });

  it('a solution with no shared line keeps the 9-wide column', () => {
    const text = `# S\n\n${NET}\n$$\\frac{\\partial L}{\\partial h_3} = 2 h_3$$\n`;
    const out = renderSolutionText('s.md', analyzeSolution(text, 'markdown'));
    expect(out).toMatch(/\n {2}line 12 {2}[ ]{6} ✓/); // "line 12" padded to 9, then the empty tag column (6) and a space
  });
});
