// An exam solution copied out of a PDF as plain text (probe 51): `ht = tanh(W ht−1 + U xt)`, `∂L / ∂W = Σt δt (1 −
// ht²) ht−1`, `tan­h’` with a soft hyphen. Every flattened subscript was "unknown name ht", Σt a silent misreading;
// the soft hyphen "unexpected character U+00AD". In an equation with no LaTeX command and no script, a sequence of the
// network (or a Greek letter it does not define) followed by t, T (after a space too) or a step, and Σt, are read as
// the steps and the sum (solution/pdfPaste.ts), said in an information.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET =
  '```rnn\nT = 3\ninput x = [1.0, -0.5, 0.8]\ntarget y = [0.3, -0.2, 0.5]\nparam W = 0.6\nparam U = 0.9\nh_0 = 0\n' +
  'h_t = tanh(W h_{t-1} + U x_t)\nloss L = Σ_t 1/2 (h_t - y_t)^2\n```\n\n';
const solve = (...displays: string[]) => analyzeSolution(NET + displays.map((d) => `$$${d}$$\n\n`).join(''), 'markdown');

describe('an equation pasted from a PDF', () => {
  it('reads its flattened steps and says so', () => {
    const r = solve('ht = tanh(W ht−1 + U xt)', 'h t = tanh(W h t−1 + U x t)', '∂L / ∂ht = ht − yt + ∂L / ∂ht+1 · (1 − ht+1²) · W');
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds']);
    expect(r.diagnostics.some((d) => /ht−1 is read as h_\{t-1\}.*as text copied from a PDF/.test(d.message))).toBe(true);
  });
  it('Σt is the sum over t, and a soft hyphen inside tanh is dropped', () => {
    const r = solve('∂L / ∂W = Σt (ht − yt) (1 − ht²) ht−1', '∂L / ∂U = Σt (ht − yt) tan\u00adh’(W ht−1 + U xt) xt');
    expect(r.equations.map((e) => e.status)).toEqual(['fails', 'fails']);
    // (one-step sums: the tool names them, proving each side read as the sum it is)
    expect(r.equations[0]!.message).toMatch(/taken one-step/);
    expect(r.equations[1]!.message).not.toMatch(/unexpected character/);
  });
  it('a Σ whose bounds the PDF laid on the line, upper first, is Σ_{t=1}^{T}', () => {
    const r = solve('∂L / ∂W = ∑T t=1 (ht − yt) (1 − ht²) ht−1', '∂L / ∂W = T ∑ t=1 (ht − yt) (1 − ht²) ht−1');
    expect(r.equations.map((e) => e.message.match(/taken one-step/) !== null)).toEqual([true, true]);
    expect(r.diagnostics.some((d) => /∑T t=1 is read as ∑_\{t=1\}\^\{T\}/.test(d.message))).toBe(true);
  });
  it('leaves LaTeX, and a name the network has, as they are', () => {
    const r = solve(String.raw`\frac{\partial L}{\partial h_t} = ht`);
    expect(r.diagnostics.some((d) => /copied from a PDF/.test(d.message))).toBe(false);
    const own = analyzeSolution(NET.replace('loss L', 'ht = 2\nloss L') + '$$ht = 2$$\n', 'markdown');
    expect(own.diagnostics.some((d) => /copied from a PDF/.test(d.message))).toBe(false);
  });
});
