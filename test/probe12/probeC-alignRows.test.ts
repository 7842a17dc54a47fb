// probeC (session 12): the readable CLI text of an align whose rows are equations of their own, each with its
// \tag (an LSTM's adjoints, one per row): each row is shown by its line and tag, not as a repeated "link 1".
import { describe, expect, it } from 'vitest';
import { renderSolutionText } from '../../src/cli-render';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`T = 3
input x = [0.5, -1.0, 0.3]
param w_f = 0.7
param w_i = 0.4
h_0 = 0
c_0 = 0
f_t = σ(w_f x_t + h_{t-1})
i_t = σ(w_i x_t + h_{t-1})
c_t = f_t c_{t-1} + i_t
h_t = tanh(c_t)
loss L = Σ_t h_t^2
`;

const TEX = String.raw`\begin{align}
\bar{f}^{(t)} &= \bar{c}^{(t)} \, c^{(t-1)} \tag{2} \\
\bar{f}^{(t)} &= \bar{c}^{(t)} \, c^{(t+1)} \tag{3}
\end{align}
`;

describe('probeC: align rows in the readable CLI text', () => {
  it('names each row by its line and tag', () => {
    const sol = analyzeSolution(TEX, 'latex', { sidecar: NET });
    const text = renderSolutionText('x.tex', sol);
    expect(text).toMatch(/line 2 \(2\) ✓ holds/);
    expect(text).toMatch(/line 3 \(3\) ✗ fails .*c_\{t\+1\} should be c_\{t-1\}/);
    expect(text).not.toMatch(/link 1/);
  });
});
