// `\tag{\ref{x}'}` (an equation numbered after another, (3′) for a variant of (3)) printed its label `\refx'`: the
// command's name run into its argument. LaTeX prints the number of the equation labelled x, which only a LaTeX run
// knows; the label's name stands for it (read31, docs/language-notes.md).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const NET = `T = 3
param w = 0.5
h_0 = 1
h_t = w h_{t-1}
loss L = h_3`;

describe('a \\tag that refers to another equation', () => {
  it('in a solution, \\ref, \\eqref and \\ref* print as the label they name', () => {
    const md = [
      '```rnn',
      NET,
      '```',
      '',
      String.raw`$$ \frac{\partial L}{\partial w} = 3 w^2 h_0 \label{dw} $$`,
      '',
      String.raw`$$ \frac{\partial L}{\partial w} = 3 w^2 h_0 \tag{\ref{dw}'} $$`,
      '',
      String.raw`$$ \frac{\partial L}{\partial w} = 2 w^2 h_0 \tag{\eqref{dw}*} $$`,
      '',
      String.raw`$$ \frac{\partial L}{\partial w} = 3 w^2 h_0 \tag{\ref*{eq:dw} b} $$`,
      '',
    ].join('\n');
    const r = analyzeSolution(md, 'markdown', { sidecar: null });
    // the \label names its own equation (session 43): dw, as the \ref after it names it
    expect(r.equations.map((e) => [e.tag, e.status])).toEqual([
      ['dw', 'holds'],
      ["dw'", 'holds'],
      ['dw*', 'fails'],
      ['eq:dw b', 'holds'],
    ]);
  });

  it('on a check line', () => {
    const r = analyze(`${NET}\ncheck ∂L/∂w = 3 w^2 h_0 \\tag{\\ref{x}'}`);
    expect(r.checks.map((c) => c.tag)).toEqual(["x'"]);
  });
});
