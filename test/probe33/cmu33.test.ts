// Probe 33 (session 47): a CMU 10-601-style homework answer — BPTT by hand for the scalar RNN h_t = tanh(w h_{t-1} +
// u x_t), ŷ = v h_T, L = ½(ŷ − y)², T = 2, with the forward and backward numbers, a rounding (h_1 taken as 0.29) and an
// arithmetic slip (0.3181 · 2 = 0.6262). The rounding to two decimals was named as "the right side misses w h_1, u x_2;
// has 0.745, which the definition does not"; it is now named as the rounding (engine/check/wrongNumber.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'cmu-scalar-bptt.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('a scalar RNN’s BPTT by hand', () => {
  it('the forward and backward numbers, and the general recursion, hold', () => {
    for (const tag of ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the first numbers hold for the given values only, as a computation with numbers does', () => {
    expect(v['1']!.status).toBe('holds-at-given-values');
    expect(v['2']!.message).toMatch(/as a computation with numbers does/);
    expect(v['17']!.message).toMatch(/which is 0 only when h_0 = 0/);
    expect(v['22']!.message).toMatch(/leaves out the path through a_1/);
  });
  it('h_1 rounded to 0.29 is named as the rounding (regression: "misses w h_1, u x_2; has 0.745")', () => {
    expect(v['18']!.status).toBe('fails');
    expect(v['18']!.message).toMatch(
      /By a_2's definition \(a_2 = w h_1 \+ u x_2\): 0\.29 is h_1 = 0\.291313 rounded to 2 decimals: with the exact value the check holds\. An equation with rounded numbers holds only to their digits: write ≈ for its =/,
    );
    expect(v['19']!.message).toMatch(/0\.745 is a_2 = 0\.745656 cut to 3 decimals/);
  });
  it('the arithmetic slip and the formula slips name the culprit', () => {
    expect(v['20']!.message).toMatch(/0\.6262 is not ∂L\/∂a_2 x_2 = 0\.636115: with 0\.636115 in its place/);
    expect(v['21']!.message).toMatch(/1 − h_2 should be 1 − h_2\^2 \(tanh' is 1 − tanh², the square is missing\)/);
    expect(v['23']!.message).toMatch(/h_1 should be h_2: with that step the check holds/);
  });
  it('a number of one or two decimals that is exact is no rounding', () => {
    const net = ['T = 1', 'input x = [2]', 'param u = 0.25', 'h_0 = 0', 'a_t = u x_t', 'loss L = a_1', 'check a_1 = 0.5'].join('\n');
    expect(analyze(net).checks.map((c) => c.status)).toEqual(['holds-at-given-values']);
  });
});
