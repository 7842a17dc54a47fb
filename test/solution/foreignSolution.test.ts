// Solutions written outside English (probe 51): Qiu's Chinese text ends an equation's sentence with the full-width
// ， or 。 typed beside the math ("unexpected character '，'" skipped every equation); a German Übung writes
// `\text{für } t = 1, \dots, T` (its range was read as an equation of its own, "expected a value"; clauseWords.ts),
// beside decimal commas in LaTeX, 0{,}5 (read since session 35: pinned here beside für).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput x = [1.0, 0.5, -0.5]\nparam u = 0.5\nparam w = 0.8\nh_0 = 0\nh_t = tanh(u x_t + w h_{t-1})\nloss E = Σ_t h_t^2\n```\n\n';
const solve = (display: string) => analyzeSolution(NET + '$$' + display + '$$\n', 'markdown');

describe('a solution in Chinese, German or French', () => {
  it('full-width punctuation ends the equation', () => {
    for (const end of ['，', '。', '；'])
      expect(solve(String.raw`h_t = \tanh(u x_t + w h_{t-1})` + end).equations[0]!.status, end).toBe('holds');
    expect(solve(String.raw`h_t = \tanh(u x_t + w h_{t-1})，\tag{6.1}`).equations[0]!.tag).toBe('6.1');
  });
  it('a range in German or French words is the check’s range', () => {
    for (const word of ['für', 'pour', 'para']) {
      const r = solve(String.raw`h_t = \tanh(u x_t + w h_{t-1}) \quad \text{${word} } t = 2, \dots, T`);
      expect(r.equations[0]!.status, word).toBe('holds');
      expect(r.equations[0]!.message, word).toMatch(/t = 2\.\.3/);
      expect(r.equations[0]!.unread, word).toBeUndefined();
    }
  });
  it('a decimal comma in LaTeX, 0{,}5, is the number 0.5', () => {
    const r = solve(String.raw`h_1 = \tanh(0{,}5 \cdot 1{,}0 + 0{,}8 \cdot 0) \approx 0{,}4621`);
    expect(r.equations[0]!.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds']);
    const wrong = solve(String.raw`h_1 \approx 0{,}4721`);
    expect(wrong.equations[0]!.message).toMatch(/0\.4621, not 0\.4721/);
  });
});
