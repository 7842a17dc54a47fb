// The summary a student reads last (`unroll check sol.md`): where the first mistake is, so the equations after it
// that carry it over are read as its consequences. Each failing equation's line is its own, in the .md file.
import { describe, expect, it } from 'vitest';
import { renderSolutionText } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution';
import { GIVEN, scalarNetwork } from './solutions';

// no colours: the tests' stdout is no terminal (cli-render.ts paints only for one)
const render = (text: string) => renderSolutionText('sol.md', analyzeSolution(text, 'markdown', { sidecar: null }));

describe('the summary names the first equation that fails', () => {
  it('a copied mistake: the first that fails is the one where it is made', () => {
    const text = `${scalarNetwork(GIVEN)}
$$ \\frac{\\partial L}{\\partial h_t} = \\frac{\\partial L}{\\partial o_t} W_{hy} + \\frac{\\partial L}{\\partial h_{t+1}} (1 - h_{t+1}^2) W_{hh} \\tag{a} $$

$$ \\frac{\\partial L}{\\partial o_t} = 2(o_t - y_t) \\tag{b} $$

$$ \\frac{\\partial L}{\\partial W_{hy}} = \\sum_t 2(o_t - y_t) h_t \\tag{c} $$
`;
    const lines = text.split('\n');
    const b = lines.findIndex((l) => l.includes('\\tag{b}')) + 1;
    const c = lines.findIndex((l) => l.includes('\\tag{c}')) + 1;
    const out = render(text).split('\n');
    expect(out.find((l) => l.includes('(b)'))).toMatch(new RegExp(`^  line ${b} +\\(b\\) +✗`));
    expect(out.find((l) => l.includes('(c)'))).toMatch(
      new RegExp(`^  line ${c} +\\(c\\) +✗ .*This is the mistake of \\(b\\) on line ${b}, carried over`),
    );
    expect(out.find((l) => l.includes('equations:'))).toBe(
      `  3 equations: 3 checked (1 holds, 2 fail), 0 skipped; first failing equation: line ${b} (b)`,
    );
  });

  it('nothing fails: the summary is as it was', () => {
    const text = `${scalarNetwork(GIVEN)}
$$ \\frac{\\partial L}{\\partial o_t} = o_t - y_t $$
`;
    expect(render(text).trimEnd().split('\n').pop()).toBe('  1 equation: 1 checked (1 holds), 0 skipped');
  });
});
