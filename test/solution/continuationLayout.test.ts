// A display continuing the one before (LANGUAGE.md §8: it begins with =, + or −) after the layout that sets its sign in:
// `\qquad + …` indented as the line above, TeX's `{} + …` / `{}={}` for a binary sign's spacing, `\hphantom{A} = …`.
// Session 30: each was a claim of its own ("no equality to check"), and the display before it failed, short of a term.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = [
  '```rnn',
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'param w = 0.8',
  'h_0 = 0',
  'h_t = w h_{t-1} + x_t',
  'loss L = Σ_t h_t',
  '```',
  '',
].join('\n');

const DL = '\\frac{\\partial L}{\\partial h_1}';
const verdicts = (md: string) => analyzeSolution(NET + md, 'markdown').equations.map((e) => [e.status, e.checks.length] as const);

describe('a continuation display with layout before its sign', () => {
  it.each([
    ['\\qquad + w^2 \\tag{7}', 'a wide space'],
    ['{} + w^2', "TeX's {} before a binary sign"],
    ['\\; + w^2', 'a thick space'],
    ['& + w^2', 'an alignment mark'],
  ])('$$%s$$ continues the last side (%s)', (second) => {
    expect(verdicts(`$$${DL} = 1 + w$$\n$$${second}$$\n`)).toEqual([
      ['holds', 1],
      ['holds', 1],
    ]);
  });

  it.each([['{}={} 1 + w(1 + w)'], ['\\hphantom{\\frac{\\partial L}{\\partial h_1}} = 1 + w + w^2'], ['\\quad = 2.44']])(
    '$$%s$$ continues the chain',
    (second) => {
      const eqs = analyzeSolution(`${NET}$$${DL} = 1 + w + w^2$$\n\n$$${second}$$\n`, 'markdown').equations;
      expect(eqs.map((e) => e.status)).toEqual(['holds', second.includes('2.44') ? 'holds-at-given-values' : 'holds']);
      // the second display's link is link 2 of the first display's chain
      expect(eqs[1]!.checks.map((c) => c.link)).toEqual([2]);
    },
  );

  it('a display that begins with a name after a space is still an equation of its own', () => {
    const eqs = analyzeSolution(`${NET}$$${DL} = 1 + w + w^2$$\n\n$$\\quad h_1 = x_1$$\n`, 'markdown').equations;
    expect(eqs.map((e) => e.status)).toEqual(['holds', 'holds-at-given-values']);
    expect(eqs[1]!.checks.map((c) => c.link ?? 1)).toEqual([1]);
  });
});

describe('a display that begins with a sign but continues nothing', () => {
  it('a negated derivative with its own equality is an equation of its own (it was glued to the side before it)', () => {
    const eqs = analyzeSolution(
      `${NET}$$\\frac{\\partial L}{\\partial h_3} = 1$$\n\n$$-\\frac{\\partial L}{\\partial h_2} = -1 - w$$\n`,
      'markdown',
    ).equations;
    expect(eqs.map((e) => [e.status, e.checks.length])).toEqual([
      ['holds', 1],
      ['holds', 1],
    ]);
  });

  it('a lone negated term still continues the last side', () => {
    const eqs = analyzeSolution(`${NET}$$${DL} = 3 + w + w^2$$\n\n$$- 1 - 1$$\n`, 'markdown').equations;
    expect(eqs.map((e) => e.status)).toEqual(['holds', 'holds']);
  });

  it('= with no equation before it is skipped, saying so (it was "expected a value, found \'=\'")', () => {
    const r = analyzeSolution(`${NET}$$= 5$$\n`, 'markdown');
    expect(r.equations[0]).toMatchObject({
      status: 'skipped',
      message: 'not checked: it begins with = and so continues an equation, but no equation comes before it',
    });
  });

  it('= after a new network block does not continue the equation of the network before', () => {
    const other = '```rnn\nT = 2\nparam v = 1\ng_0 = 0\ng_t = v g_{t-1}\nloss M = g_T\n```\n';
    const r = analyzeSolution(`${NET}$$${DL} = 2.44$$\n\n${other}\n$$= 2.44$$\n`, 'markdown');
    expect(r.equations[1]).toMatchObject({ status: 'skipped', network: 1 });
    expect(r.equations[1]!.message).toMatch(/continues the equation before it, which is about another network/);
  });
});
