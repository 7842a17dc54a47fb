// Probe 49: what a solution pasted from Word, Google Docs and Trask-style notes needed of the Markdown reader.
// Word's UnicodeMath numbers an equation with `#(n)` (`h_t=tanh⁡(…)#(1)`; `\#\left(1\right)` in its LaTeX): the `#`
// read as a comment dropped the number, so the equation had no label. `(\text{goal}_T − \text{pred}_T)` was taken for
// a parenthesised remark and blanked. A name of code at the general step defined by a formula
// (`\text{output\_delta}_t = \text{pred}_t − \text{goal}_t`, Trask's) was "unknown name output_delta": it defines
// the name for the equations after it, as a letter's e_t = d_t − h_t does.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = '```rnn\nT = 3\ninput x = [0.5, -1.0, 0.8]\nparam w = 0.7\nh_0 = 0.2\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\n```\n\n';

const ROWS =
  '```rnn\nT = 2\ninput embed : 1x2 = [[[0.5, -0.2]], [[0.1, 0.4]]]\ntarget goal : 1x2 = [[[1, 0]], [[0, 1]]]\n' +
  'param decoder : 2x2 = [[0.7, -0.4], [0.3, 0.6]]\npred_t = softmax(embed_t decoder)\n' +
  'loss L = Σ_t -sum(goal_t ⊙ log(pred_t))\n```\n\n';

describe('a pasted Word, Google Docs or Trask-style solution', () => {
  it('UnicodeMath’s #(n) is the equation’s label', () => {
    const sol = analyzeSolution(
      NET + '$$ h_t=tanh⁡(w h_(t−1)+x_t )#(1) $$\n\n$$ h_t=tanh(w h_(t−1)+x_t)\\#\\left(m2\\right) $$\n',
      'markdown',
    );
    expect(sol.equations.map((e) => [e.tag, e.status])).toEqual([
      ['1', 'holds'],
      ['m2', 'holds'],
    ]);
  });
  it('a parenthesis that opens with an upright name is no remark', () => {
    const sol = analyzeSolution(
      ROWS +
        '$$ \\frac{\\partial L}{\\partial \\text{embed}_2} = (\\text{goal}_2 - \\text{pred}_2) \\cdot \\text{decoder}^\\top \\tag{a} $$\n',
      'markdown',
    );
    expect(sol.equations[0]!.status).toBe('fails');
    expect(sol.equations[0]!.message).toMatch(/opposite sign/);
  });
  it('a name of code defined by a formula is the solution’s own, for the equations after it', () => {
    const sol = analyzeSolution(
      ROWS +
        '$$ \\text{output\\_delta}_t = \\text{pred}_t - \\text{goal}_t $$\n\n' +
        '$$ \\frac{\\partial L}{\\partial \\text{decoder}} = \\sum_{t=1}^{T} \\text{embed}_t^\\top \\cdot \\text{output\\_delta}_t $$\n',
      'markdown',
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds']);
    expect(sol.equations[0]!.message).toMatch(/defines output_delta by the formula after it/);
  });
  it('a weight’s name with a step is no name of code', () => {
    // W_hx_t is no definition of the solution's own (its words are too short): it stays a name the network lacks
    const sol = analyzeSolution(NET + '$$ W_hx_t = x_t $$\n\n$$ h_t = \\tanh(w h_{t-1} + W_hx_t) $$\n', 'markdown');
    expect(sol.equations[0]!.message).toMatch(/W_hx_t is not a name of the network/);
    expect(sol.equations[1]!.status).toBe('skipped');
  });
  it('a name second in a chain labels the derivative before it; a weight of the network there is a claim', () => {
    const sol = analyzeSolution(
      NET +
        '$$ \\frac{\\partial L}{\\partial h_3} = g_3 = 2 h_3 \\tag{a} $$\n\n' +
        '$$ \\frac{\\partial h_3}{\\partial x_3} = w = 0.7 \\tag{b} $$\n',
      'markdown',
    );
    expect(sol.equations.map((e) => [e.tag, e.status])).toEqual([
      ['a', 'holds'],
      ['b', 'fails'],
    ]);
    expect(sol.diagnostics.some((d) => /g names the derivative before it/.test(d.message))).toBe(true);
  });
});
