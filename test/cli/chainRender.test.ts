// The readable output of a chain check in a .rnn file: one header, then each link's verdict (session 12: the
// header and its verdict were printed once per link, with nothing to tell the links apart).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { renderSolutionText, renderText } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 2
input x = [0.5, -1]
param w = 0.8
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t^2
`;

describe('a chain check in the readable output', () => {
  it('prints its equation once and each link with its number and verdict', () => {
    const out = renderText('c.rnn', analyze(NET + 'check ∂L/∂h_2 = 2 h_2 = 3 h_2\n'));
    expect(out.match(/check ∂L\/∂h_2 = 2 h_2 = 3 h_2/g)).toHaveLength(1);
    expect(out).toMatch(/link 1 ✓ holds/);
    expect(out).toMatch(/link 2 ✗ fails/);
  });

  it('a one-link check keeps its one line', () => {
    const out = renderText('c.rnn', analyze(NET + 'check ∂L/∂h_2 = 2 h_2\n'));
    expect(out).toMatch(/check ∂L\/∂h_2 = 2 h_2\n\s+✓ holds/);
    expect(out).not.toMatch(/link 1/);
  });
});

describe("a solution's chain in the readable output", () => {
  it('its links line up under the verdict mark when a shared line widens the position column (session 30)', () => {
    const md =
      '```rnn\n' + NET + '```\n\n$$\\frac{\\partial L}{\\partial h_2} = 2 h_2 = 2 \\tanh(w h_1 + x_2)$$\n\n$$h_1 = 1$$ $$h_2 = 2$$\n';
    const out = renderSolutionText('s.md', analyzeSolution(md, 'markdown'));
    const lines = out.split('\n');
    const head = lines.find((l) => /^ {2}line 10 /.test(l))!;
    const link = lines.find((l) => l.includes('link 1'))!;
    expect(link.indexOf('link 1')).toBe(head.indexOf('✓'));
  });
});

describe('an align whose rows carry their own \\tag', () => {
  it("names a failing link by its row's tag, and the summary points at that row (session 30: 'line 3 (1)')", () => {
    const tex = [
      '\\begin{align}',
      '\\frac{\\partial L}{\\partial h_2} &= 2 h_2 \\tag{1}\\\\',
      '&= 3 h_2 \\tag{2}\\\\',
      '&= 2 \\tanh(w h_1 + x_2)',
      '\\end{align}',
      '',
    ].join('\n');
    const out = renderSolutionText('s.tex', analyzeSolution(tex, 'latex', { sidecar: NET }));
    expect(out).toMatch(/link 2 \(2\) ✗ fails/);
    expect(out).toMatch(/link 3 ✓ holds/);
    expect(out).toMatch(/first failing equation: line 3 \(2\)\n$/);
  });
});
