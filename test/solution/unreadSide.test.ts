// A chain E₀ = E₁ = … with one right side that does not read (an unknown command, a syntax slip): the other links are
// judged, each with its written number, and that side's link is said not checked, on its own text (LANGUAGE.md §5:
// every step of a derivation gets its own verdict; §8: what does not read is skipped). Session 30: the whole chain was
// skipped for one side, its right steps unjudged.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { slice } from './helpers';

const NET = '```rnn\nT = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.8\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\n```\n\n';
const DL = '\\frac{\\partial L}{\\partial h_3}';
const solve = (math: string) => {
  const md = `${NET}$$\\begin{aligned}\n${math}\n\\end{aligned}$$\n`;
  return { md, r: analyzeSolution(md, 'markdown', { analyze: { draws: 2, graph: false } }) };
};

describe('a chain with one side that does not read', () => {
  it('its last side: the links before it are judged, that one is said not checked on its text', () => {
    const { md, r } = solve(`${DL} &= 1 \\\\\n&= 2 \\\\\n&= \\foo{w}`);
    expect(r.equations[0]!.checks.map((c) => [c.link, c.status])).toEqual([
      [1, 'holds'],
      [2, 'fails'],
    ]);
    const note = r.diagnostics.find((d) => d.code === 'solution-skipped')!;
    expect(note).toMatchObject({ severity: 'information', message: 'link 3 not checked: unknown LaTeX command \\foo' });
    expect(slice(md, note)).toBe('\\foo{w}');
  });

  it('a side in the middle: the links after it keep their written numbers', () => {
    const { md, r } = solve(`${DL} &= 1 + + \\\\\n&= 1 \\\\\n&= 1.0`);
    expect(r.equations[0]!.checks.map((c) => [c.link, c.status])).toEqual([
      [2, 'holds'],
      [3, 'holds'],
    ]);
    const note = r.diagnostics.find((d) => d.code === 'solution-skipped')!;
    expect(note.message).toMatch(/^link 1 not checked: /);
    expect(slice(md, note)).toBe('1 + +');
  });

  it('a chain whose left side does not read is still skipped whole', () => {
    const { r } = solve(`\\foo{L} &= 1 \\\\\n&= 1`);
    expect(r.equations[0]).toMatchObject({ status: 'skipped', message: 'not checked: unknown LaTeX command \\foo' });
  });
});
