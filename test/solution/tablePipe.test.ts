// A `$$ … $$` display in a GFM table cell writes its bar `\|`: GFM's escaped pipe, which the preview shows as `|`
// (the row is split into cells before the math is read). It read as a norm's `\|` ("expected a value, found '_'").
// Outside a table `\|` stays the norm ‖.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = '```rnn\nT = 3\nparam w = 0.5\ninput x = [1, 2, 3]\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\n```\n\n';
const BAR = (rhs: string) => `$$\\left.\\frac{\\partial h_t}{\\partial h_{t-1}}\\right\\|_{t=3} = ${rhs}$$`;

describe("a table cell's escaped pipe", () => {
  it('is the bar the preview shows: the equation is checked, a slip in it named', () => {
    const text = `${NET}| step | value |\n| --- | --- |\n| 1 | ${BAR('w')} |\n| 2 | ${BAR('2w')} |\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(r.equations[1]!.message).toMatch(/factor 2 should not be there/);
  });
  it('stays a norm outside a table', () => {
    const text = `${NET}$$\\|w\\|^2 = w^2$$\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
  });
});
