// `unroll check FILE.md --json` of a solution with two exercises (two ```rnn blocks declaring T, LANGUAGE.md §8): each
// entry of derives, checks, params and flow names its network, the index equations[].network and networks use.
// Session 30: both exercises' W_hh were listed side by side, and a script could not tell whose it read.
import { describe, expect, it } from 'vitest';
import { solutionJson } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution/index';

const net = (w: number, extra = '') =>
  `\`\`\`rnn\nT = 2\ninput x = [1, 2]\nparam W_hh = ${w}\nh_0 = 0\nh_t = W_hh h_{t-1} + x_t\nloss L = Σ_t h_t\n${extra}\`\`\`\n`;
const MD = `${net(0.5, 'derive ∂L/∂W_hh\n')}\n$$\\frac{\\partial L}{\\partial h_2} = 1$$\n\n${net(2)}\n$$\\frac{\\partial L}{\\partial h_1} = 1 + W_{hh}$$\n`;

describe('the JSON of a solution with two networks', () => {
  const j = solutionJson(analyzeSolution(MD, 'markdown', { analyze: { forms: true } }));

  it('params and flow say whose they are', () => {
    expect(j.params).toEqual([
      { name: 'W_hh', shape: [], count: 1, network: 0 },
      { name: 'W_hh', shape: [], count: 1, network: 1 },
    ]);
    expect(j.flow.map((f) => [f.name, f.network])).toEqual([
      ['h', 0],
      ['h', 1],
    ]);
  });

  it("checks and derives carry their network, the same as their equation's", () => {
    expect(j.checks.map((c) => [c.line, c.status, c.network])).toEqual([
      [11, 'holds', 0],
      [22, 'holds', 1],
    ]);
    expect(j.equations.map((e) => e.network)).toEqual([0, 1]);
    expect(j.derives.map((d) => [d.query, d.network])).toEqual([['∂L/∂W_hh', 0]]);
    expect(j.networks.map((n) => n.line)).toEqual([1, 13]);
  });
});
