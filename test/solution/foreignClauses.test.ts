// Probe 53's clause words and punctuation in a display (solution/clauseWords.ts, fullWidth.ts, conjunctions.ts):
// - ここで, ただし (Japanese), где, при, для всех (Russian), onde (Portuguese), 여기서 (Korean), as where and for;
// - `\text{où }` was rewritten to the longer `where`, which moved every offset after it: the file's later \tag{…} no
//   longer read ("\tag needs its label in braces") — a word whose English is longer is now left as written;
// - `, \text{where } t = 2, \ldots, T` held t at 2 and refused `\ldots, T`: steps listed after the clause are the range;
// - full-width （ ） ＝ typed beside Chinese or Japanese text are ( ) =;
// - a bare `\quad y \quad` between two equations is Spanish's "and" (it multiplied the next equation by the target y).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput x = [1.0, 0.5, -0.5]\ntarget y = [0.2, 0.1, 0.3]\nparam u = 0.5\nparam w = 0.8\nh_0 = 0\nh_t = tanh(u x_t + w h_{t-1})\nloss E = Σ_t (h_t - y_t)^2\n```\n\n';
const solve = (...displays: string[]) => analyzeSolution(NET + displays.map((d) => '$$' + d + '$$\n\n').join(''), 'markdown');
const STEP = String.raw`\frac{\partial h_t}{\partial h_{t-1}} = w (1 - h_t^2)`;

describe('a clause in Japanese, Russian, Portuguese or Korean words', () => {
  it('is the check’s range', () => {
    for (const clause of [
      String.raw`\quad \text{ここで } t = 2, \dots, T`,
      String.raw`\quad \text{ただし } t = 2, \dots, T`,
      String.raw`, \quad \text{где } t = 2, \ldots, T`,
      String.raw`\quad \text{при } t = 2, \ldots, T`,
      String.raw`\quad \text{для всех } t \geq 2`,
      String.raw`\quad \text{onde } t = 2, \dots, T`,
      String.raw`\quad \text{여기서 } t = 2, \dots, T`,
      String.raw`, \quad \text{where } t = 2, \ldots, T`,
      // (no space for the English to take: left as written, and read as where all the same)
      String.raw`\quad \text{ここで} t = 2, \dots, T`,
      String.raw`\quad \text{其中：} t = 2, \dots, T`,
    ]) {
      const r = solve(STEP + ' ' + clause);
      expect(r.equations[0]!.status, clause).toBe('holds');
      expect(r.equations[0]!.message, clause).toMatch(/t = 2\.\.3/);
      expect(r.skipped, clause).toBe(0);
    }
  });
  it('a slide’s \\text{其中：} is where, its colon and all', () => {
    const r = solve(String.raw`h_t = \tanh(u x_t + w h_{t-1})，\quad \text{其中：} h_t = \tanh(u x_t + w h_{t-1})`);
    expect(r.skipped).toBe(0);
    expect(r.equations[0]!.status).toBe('holds');
  });
  it('a short word keeps every offset: the \\tag after \\text{où} reads', () => {
    const r = solve(STEP + String.raw` \quad \text{où } t = 2, \dots, T \tag{5}`, String.raw`h_t = \tanh(u x_t + w h_{t-1}) \tag{6}`);
    expect(r.equations.map((e) => e.tag)).toEqual(['5', '6']);
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds']);
  });
});

describe('a slide’s full-width brackets and a conjunction between equations', () => {
  it('（ ） and ＝ are ( ) and =', () => {
    const r = solve(String.raw`h_t ＝ \tanh（u x_t + w h_{t-1}）`, String.raw`\frac{\partial h_t}{\partial h_{t-1}} = w × （1 - h_t^2）`);
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds']);
  });
  it('a bare y, e or et between spacings is the word "and"', () => {
    for (const and of ['y', 'e', 'et', '\\mathrm{y}']) {
      const r = solve(String.raw`h_t = \tanh(u x_t + w h_{t-1}) \quad ${and} \quad ${STEP}`);
      expect(r.skipped, and).toBe(0);
      expect(
        r.equations[0]!.checks.map((c) => c.status),
        and,
      ).toEqual(['holds', 'holds']);
    }
  });
});
