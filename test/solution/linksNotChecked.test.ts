// A chain whose one link does not read (a letter the network lacks, an unknown command) while the others are judged:
// the link is named and listed beside the judged ones, in the text and the JSON, and counted. Before session 47 the
// CLI's text printed "✓ holds" and "1 equation: 1 checked (1 holds), 0 skipped" for Pascanu's
// ‖∂h_t/∂h_{t−1}‖ ≤ ‖Wᵀ‖ ‖diag(…)‖ ≤ β_W β_h — the information saying link 2 was not checked never reached it.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { renderSolutionText, solutionJson, solutionTally } from '../../src/cli-render';

const NET = '```rnn\nT = 2\ninput x = [0.5, -1]\nparam w = 0.7\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = h_T\n```\n\n';
const VECTOR =
  '```rnn\nT = 4\ninput x = [0.5, -1, 2, 0.3]\nparam W = [[0.5, 0.1], [0.2, 0.4]]\nparam U = [[1], [0.5]]\nh_0 = [0, 0]\n' +
  'h_t = tanh(W h_{t-1} + U x_t)\nloss L = sum(h_T)\n```\n\n';

describe('a chain’s link that does not read is named and listed', () => {
  it('an unknown letter in the last side of a bound (β_W β_h)', () => {
    const text = `${VECTOR}$$\\left\\|\\frac{\\partial h_t}{\\partial h_{t-1}}\\right\\| \\le \\|W^\\top\\| \\, \\|\\mathrm{diag}(\\tanh'(W h_{t-1} + U x_t))\\| \\le \\beta_W \\beta_h$$\n`;
    const sol = analyzeSolution(text, 'markdown', { sidecar: null });
    const eq = sol.equations[0]!;
    expect(eq.checks.map((c) => [c.link, c.status])).toEqual([[1, 'holds']]);
    expect(eq.linksNotChecked).toEqual([{ link: 2, line: 11, column: 123, message: 'not checked: unknown name β_W' }]);
    expect(sol.diagnostics.map((d) => d.message)).toContain('link 2 not checked: unknown name β_W');
    const out = renderSolutionText('bound.md', sol);
    expect(out).toMatch(/link 1 ✓ holds for t = 1\.\.4/);
    expect(out).toMatch(/link 2 – not checked: unknown name β_W/);
    expect(out).toMatch(/1 equation: 1 checked \(1 holds; 1 link not checked\), 0 skipped/);
    expect(solutionTally(sol).verdict).toBe('mixed');
  });

  it('an equality chain: the JSON lists the link beside the judged one', () => {
    const text = `${NET}$$\\frac{\\partial L}{\\partial h_1} = \\frac{\\partial h_2}{\\partial h_1} = \\foo{x}$$\n`;
    const sol = analyzeSolution(text, 'markdown', { sidecar: null });
    const json = solutionJson(sol) as { equations: { links: { link: number }[]; linksNotChecked?: { link: number; message: string }[] }[] };
    expect(json.equations[0]!.links.map((l) => l.link)).toEqual([1]);
    expect(json.equations[0]!.linksNotChecked?.map((l) => [l.link, l.message])).toEqual([[2, 'not checked: unknown LaTeX command \\foo']]);
  });

  it('a label’s definition is no link left unjudged (δ_2 = ∂L/∂h_2 = …)', () => {
    const sol = analyzeSolution(`${NET}$$\\delta_2 = \\frac{\\partial L}{\\partial h_2} = 1$$\n`, 'markdown', { sidecar: null });
    expect(sol.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^link 1 not checked: δ labels the derivative/));
    expect(sol.equations[0]!.status).toBe('holds');
    expect(sol.equations[0]!.linksNotChecked).toBeUndefined();
    expect(solutionTally(sol).verdict).toBe('holds');
  });

  it('a chain whose every link is judged lists none, and a single equation keeps its own message', () => {
    const sol = analyzeSolution(
      `${NET}$$\\frac{\\partial L}{\\partial h_2} = 1 = 1$$\n\n$$\\frac{\\partial L}{\\partial h_2} = \\beta$$\n`,
      'markdown',
      { sidecar: null },
    );
    expect(sol.equations[0]!.linksNotChecked).toBeUndefined();
    expect(sol.equations[1]!.status).toBe('skipped');
    expect(sol.equations[1]!.message).toMatch(/^not checked: unknown name β/);
    expect(renderSolutionText('x.md', sol)).toMatch(/2 equations: 1 checked \(1 holds\), 1 skipped/);
  });
});
