// Seed 000's derivation laid out as students lay it out in LaTeX and Markdown: align with &= rows, \label,
// \nonumber/\notag, \tag per row, align*, \[ … \], equation, eqnarray's & = &, multline, split inside equation*,
// gather; $$ with aligned. Each environment is one claim (its rows a chain, or definitions side by side), judged
// as the seed is: the path through u_t left out fails, the rest holds.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { network } from './variants19-helpers';

const NET = network('seed000.rnn');
const U_PATH = /leaves out the path through u_t/;

const BODY = String.raw`
The gate and the candidate:
\begin{align}
u_t &= \sigma(w h_{t-1} + w x_t) \label{eq:u} \\
s_t &= w (h_{t-1} + x_t) \nonumber \\
h_t &= u_t h_{t-1} + (1 - u_t) s_t \tag{3}
\end{align}
Differentiating,
\begin{align*}
\frac{\partial h_t}{\partial h_{t-1}} &= u_t \frac{\partial h_{t-1}}{\partial h_{t-1}} + (1 - u_t) \frac{\partial s_t}{\partial h_{t-1}} \notag \\
&= u_t + (1 - u_t) w \tag{10}
\end{align*}
and with the gate,
\[
\frac{\partial h_t}{\partial h_{t-1}} = u_t + (1 - u_t) w + (h_{t-1} - s_t) u_t (1 - u_t) w \qquad \text{(with the gate's path)}
\]
\begin{equation}\label{eq:14}
\frac{\partial h_t}{\partial h_{t-1}} = (1 - u_t)\, w + u_t
\end{equation}
\begin{eqnarray}
s_t & = & w (h_{t-1} + x_t) \\
\frac{\partial s_t}{\partial h_{t-1}} & = & w
\end{eqnarray}
\begin{multline}
\frac{\partial h_t}{\partial h_{t-1}} = u_t + (1 - u_t) w \\
+ (h_{t-1} - s_t) \sigma'(w h_{t-1} + w x_t) w
\end{multline}
\begin{equation*}
\begin{split}
\frac{\partial h_t}{\partial h_0} &= \prod_{k=1}^{t} \frac{\partial h_k}{\partial h_{k-1}}
\end{split}
\end{equation*}
\begin{gather}
s_t = w(h_{t-1} + x_t), \quad u_t = \sigma(w h_{t-1} + w x_t)
\end{gather}
`;

/** every equation's status, in order; the (10) and the equation of \label{eq:14} fail naming u_t's path */
const EXPECTED = ['holds', 'fails', 'holds', 'fails', 'holds', 'holds', 'holds', 'holds'];

function expectLayout(report: ReturnType<typeof analyzeSolution>): void {
  expect(report.equations.map((e) => e.status)).toEqual(EXPECTED);
  expect(report.skipped).toBe(0);
  for (const e of report.equations.filter((q) => q.status === 'fails')) expect(e.message).toMatch(U_PATH);
  expect(report.equations[1]!.tag).toBe('10');
  // the align's rows are checked one by one: three links, the last labelled (3)
  expect(report.equations[0]!.checks.length).toBe(3);
}

describe('seed 000 laid out in LaTeX environments', () => {
  it('in a .tex solution with a sidecar', () => {
    const tex = `\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n${BODY}\n\\end{document}\n`;
    expectLayout(analyzeSolution(tex, 'latex', { sidecar: NET }));
  });

  it('in a Markdown solution (the environments as they stand, between paragraphs)', () => {
    expectLayout(analyzeSolution(`# 3.2\n\n\`\`\`rnn\n${NET}\n\`\`\`\n${BODY}`, 'markdown', { sidecar: null }));
  });
});
