// `\label{…}` in a display (session 43): it was blanked (transparent) but named nothing, so a LaTeX solution's
// equations, numbered by LaTeX and cited with \eqref, showed no label and a carried-over mistake was "the equation on
// line N". Its text is now the equation's label where the row has no \tag and no trailing (n) (those are what the
// page prints, and win); `\tag{\ref{eq:x}'}` names the equation x' as before.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { renderSolutionText } from '../../src/cli-render';

const NET =
  '```rnn\nT = 3\nparam w = 0.5\nparam v = 0.7\ninput x = [1, 2, 3]\ntarget y = [0.2, 0.4, 0.6]\nh_0 = 0\n' +
  'h_t = tanh(w h_{t-1} + x_t)\no_t = v h_t\nloss L = Σ_t (o_t - y_t)^2\n```\n\n';

const FAST = { draws: 2, graph: false, symbolic: false };

describe('\\label{…} labels an equation', () => {
  it('each row of an align by its own label; a carried-over mistake names it', () => {
    const text =
      NET +
      String.raw`\begin{align}
\frac{\partial L}{\partial o_3} &= 3 (o_3 - y_3) \label{eq:grad-o} \\
\frac{\partial L}{\partial h_3} &= 3 (o_3 - y_3) v \label{eq:grad-h}
\end{align}

$$ \frac{\partial L}{\partial v} = \sum_t 2 (o_t - y_t) h_t \label{eq:grad-v} $$

By \eqref{eq:grad-o}:

$$ \frac{\partial L}{\partial o_2} = 2 (o_2 - y_2) \tag{\eqref{eq:grad-o}'} $$
`;
    const sol = analyzeSolution(text, 'markdown');
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([
      ['fails', 'eq:grad-o'],
      ['holds', 'eq:grad-v'],
      ['holds', "eq:grad-o'"],
    ]);
    const rows = sol.equations[0]!.checks;
    expect(rows.map((c) => c.tag)).toEqual(['eq:grad-o', 'eq:grad-h']);
    expect(rows[1]!.message).toContain('This is the mistake of (eq:grad-o) on line 14, carried over');
    const out = renderSolutionText('probe.md', sol);
    expect(out).toContain('(eq:grad-v) ✓ holds');
    expect(out).toContain('first failing equation: line 13 (eq:grad-o)');
  });

  it('a \\tag or a trailing (n) wins over a \\label; the \\label is blanked either way', () => {
    const text =
      NET +
      String.raw`$$ \frac{\partial L}{\partial o_3} = 2 (o_3 - y_3) \label{eq:a} \tag{4} $$

$$ \frac{\partial L}{\partial o_2} = 2 (o_2 - y_2) \label{eq:b} \qquad (5) $$

$$ \frac{\partial L}{\partial o_1} = 2 (o_1 - y_1) \label{eq:c} $$
`;
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([
      ['holds', '4'],
      ['holds', '5'],
      ['holds', 'eq:c'],
    ]);
  });

  it('a \\label in a .tex solution’s equation environment', () => {
    const sidecar = NET.replace(/^```rnn\n/, '').replace(/```\n\n$/, '');
    const text = String.raw`\documentclass{article}
\begin{document}
\begin{equation}
\label{eq:grad-w}
\frac{\partial L}{\partial o_3} = 2 (o_3 - y_3)
\end{equation}
\end{document}
`;
    const sol = analyzeSolution(text, 'latex', { sidecar, analyze: FAST });
    expect(sol.equations.map((e) => [e.status, e.tag])).toEqual([['holds', 'eq:grad-w']]);
  });
});
