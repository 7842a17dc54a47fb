// A check's steps written after a clause word or joined by "and" (read31). `\text{with } t = 1, \ldots, 3` was a
// where-clause holding t at 1 (the `\ldots, 3` refused); `\text{for } t = 2 \text{ and } t = 3` was the range t = 2
// and a claim `t = 3` of its own, which failed.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { tanhNetLines } from './helpers';

const NET = tanhNetLines([1, 2, 3], 0.5);
const DH = String.raw`\frac{\partial h_t}{\partial h_{t-1}} = (1 - h_t^2)\, w`;

const read = (...displays: string[]) => {
  const r = analyzeSolution([...NET, ...displays.flatMap((d) => [`$$${d}$$`, ''])].join('\n'), 'markdown', { sidecar: null });
  return { checks: r.equations.map((e) => [e.range.line, e.status]), notes: r.diagnostics.map((d) => d.message) };
};

describe('steps listed after a clause word, or joined by and', () => {
  it('\\text{with } t = 1, \\ldots, 3 and where t = 2, 3 are the range', () => {
    const r = read(`${DH} \\quad \\text{with } t = 1, \\ldots, 3`, `${DH} \\quad \\text{where } t = 2, 3`);
    expect(r.checks).toEqual([
      [10, 'holds'],
      [12, 'holds'],
    ]);
    expect(r.notes).toEqual([]);
  });

  it('a clause that sets one step still holds t there, and one that names another value is its own claim', () => {
    const r = read(`${DH} \\quad \\text{where } t = 2`);
    expect(r.checks).toEqual([[10, 'holds']]);
  });

  it('\\text{for } t = 2 \\text{ and } t = 3 is the range 2..3; steps that are no run say so', () => {
    const ok = analyzeSolution([...NET, `$$${DH} \\quad \\text{for } t = 2 \\text{ and } t = 3$$`, ''].join('\n'), 'markdown', {
      sidecar: null,
    });
    expect(ok.equations.map((e) => e.status)).toEqual(['holds']);
    expect(ok.equations[0]!.message).toMatch(/t = 2\.\.3/);
    const gap = read(`${DH} \\quad \\text{for } t = 1 \\text{ and } t = 3`);
    expect(gap.notes.join('\n')).toMatch(/the steps listed are not consecutive numbers/);
  });
});
