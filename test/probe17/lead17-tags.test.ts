// A link's label (LANGUAGE.md §8: its \tag or a trailing (n) on its line or the line after) comes from the
// displays its own right side spans, never from a later link's: seed 001's unnumbered
// `∂L/∂h_1 = ∂(L_1 + L_2 + L_3)/∂h_1` took the (21) of the `= …` display after it (found by seeds17).
import { describe, expect, it } from 'vitest';
import { renderSolutionText } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution';

const net = '```rnn\nT = 2\nparam w = 0.5\ninput x = [1, 2]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nL_t = h_t^2\nloss L = Σ_t L_t\n```\n\n';

describe('a chain over several displays labels each link by its own displays', () => {
  it('an unnumbered first display keeps no label; the next link keeps its own', () => {
    const text = `${net}$$\\frac{\\partial L}{\\partial h_2} = \\frac{\\partial (L_1 + L_2)}{\\partial h_2}$$\n\n$$= 2 h_2$$\n(21)\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.networks[0]!.report.checks.map((c) => [c.link, c.tag ?? null, c.status])).toEqual([
      [1, null, 'holds'],
      [2, '21', 'holds'],
    ]);
  });

  it('a side continued by `+ …` displays takes the label written after them', () => {
    const text = `${net}$$\\frac{\\partial L}{\\partial h_1} = 2 h_1$$\n\n$$+ \\frac{\\partial L_2}{\\partial h_2} \\frac{\\partial h_2}{\\partial h_1}$$\n(5)\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.networks[0]!.report.checks.map((c) => [c.link, c.tag ?? null, c.status])).toEqual([[1, '5', 'holds']]);
  });

  it('unroll prints a side continued over `+ …` displays once, the later displays pointing back to it', () => {
    const text = `${net}$$\\frac{\\partial L}{\\partial h_1} = 3 h_1 \\tag{30}$$\n\n$$+ \\frac{\\partial L_2}{\\partial h_2} \\frac{\\partial h_2}{\\partial h_1} \\tag{31}$$\n`;
    // (no colours: the tests' stdout is no terminal)
    const out = renderSolutionText('s.md', analyzeSolution(text, 'markdown', { sidecar: null }));
    expect(out.match(/fails:/g)).toHaveLength(1);
    expect(out).toMatch(/\(31\)\s+✗ the side begun on line 11 continues here/);
  });
});
