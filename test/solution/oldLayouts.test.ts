// Older LaTeX layouts of a derivation (read31): eqnarray's `\lefteqn{…}` (a long left side run into the next
// columns), `\begin{array}{rcl} A & = & B \end{array}` and `\mathop{\sum}` were "unknown LaTeX command/environment"
// and skipped. An array of numbers in brackets is a matrix literal since session 32; with no bracket it stays unread.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { tanhNetLines } from './helpers';

const NET = tanhNetLines([1, 2, 3], 0.5);

const read = (...displays: string[]) => {
  const r = analyzeSolution([...NET, ...displays.flatMap((d) => [d, ''])].join('\n'), 'markdown', { sidecar: null });
  return { status: r.equations.map((e) => e.status), notes: r.diagnostics.map((d) => d.message) };
};

describe('older layouts of an equation', () => {
  it('\\lefteqn, array with an equality, \\mathop', () => {
    const r = read(
      String.raw`\begin{eqnarray}
\lefteqn{\frac{\partial h_2}{\partial h_1}} \nonumber \\
& = & (1 - h_2^2)\, w
\end{eqnarray}`,
      String.raw`$$\begin{array}{rcl} \frac{\partial h_2}{\partial h_1} & = & (1 - h_2^2)\, w \end{array}$$`,
      String.raw`$$\begin{array}{rcl} \frac{\partial h_2}{\partial h_1} & = & (1 + h_2^2)\, w \end{array}$$`,
      String.raw`$$L = \mathop{\sum}_{t=1}^{3} h_t$$`,
    );
    expect(r.status).toEqual(['holds', 'holds', 'fails', 'holds']);
  });

  it('an array of numbers in brackets is a matrix literal (session 32); with no bracket it is not read, and says so', () => {
    const r = read(
      String.raw`$$ \frac{\partial h_1}{\partial w} = \left[\begin{array}{c} 7 \end{array}\right] $$`,
      String.raw`$$ w = \begin{array}{c} 0.5 \end{array} $$`,
    );
    expect(r.status).toEqual(['fails', 'skipped']);
    expect(r.notes.join('\n')).toMatch(/unknown LaTeX environment \{array\}/);
  });
});
