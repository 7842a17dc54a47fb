// "Let $a_t = W h_{t-1} + U x_t$ so that $h_t = \tanh(a_t)$" (session 49): a solution names the pre-activation the
// network's h_t = tanh(W h_{t-1} + U x_t) writes out. h_t read no a_t, so the derivation's ∂h_t/∂a_t ∂a_t/∂h_{t-1} =
// diag(1 − h_t²) W "failed: ∂h_1/∂a_1 is 0: h_1 does not depend on a_1". A sequence no equation reads, equal to the whole
// argument of a function in one other equation, is now that argument (language/resolve/namedArgument.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = ['T = 2', 'input x = [1, 2]', 'param w = 0.5', 'param u = 0.3', 'h_0 = 0'];

describe('a name for a pre-activation written out in an equation', () => {
  it('is read there: ∂h_t/∂a_t is the slope, and said so once', () => {
    const r = analyze(
      [...NET, 'a_t = w h_{t-1} + u x_t', 'h_t = tanh(w h_{t-1} + u x_t)', 'loss L = Σ_t h_t', 'check ∂h_t/∂a_t = 1 - h_t^2'].join('\n'),
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "a_t names the argument written out in h_t's equation (line 7): h_t reads it there, as tanh(a_t)",
    );
    // the values are the equation's as written
    const plain = analyze([...NET, 'h_t = tanh(w h_{t-1} + u x_t)', 'loss L = Σ_t h_t'].join('\n'));
    expect(r.loss!.value).toBe(plain.loss!.value);
  });

  it('not a name for another part (seed 000’s A_t = 1 − u_t), nor an argument two equations write', () => {
    const part = analyze(
      [...NET, 'a_t = u x_t', 'h_t = tanh(w h_{t-1} + u x_t)', 'loss L = Σ_t h_t', 'check ∂h_t/∂a_t = 1 - h_t^2'].join('\n'),
    );
    expect(part.checks[0]!.status).toBe('fails');
    const twice = analyze(
      [...NET, 'a_t = w h_{t-1} + u x_t', 'h_t = tanh(w h_{t-1} + u x_t)', 'g_t = σ(w h_{t-1} + u x_t)', 'loss L = Σ_t h_t + g_t'].join(
        '\n',
      ),
    );
    expect(twice.diagnostics.some((d) => /names the argument/.test(d.message))).toBe(false);
  });

  it('in a solution: a vector RNN’s Jacobian through the named pre-activation holds as derived', () => {
    const md = String.raw`~~~rnn
T = 3
input x : 2 = [[1, 0], [0, 1], [1, 1]]
param W : 2x2 = [[0.5, -0.2], [0.3, 0.4]]
param U : 2x2 = [[1, 0], [0, 1]]
param v : 2 = [1, -1]
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
loss L = v^T h_T
~~~

Let $a_t = W h_{t-1} + U x_t$ so that $h_t = \tanh(a_t)$. Then

$$\frac{\partial h_t}{\partial h_{t-1}} = \frac{\partial h_t}{\partial a_t} \frac{\partial a_t}{\partial h_{t-1}} = \mathrm{diag}(1 - h_t^2)\, W$$
`.replace(/~~~/g, '```');
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.equations[0]!.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
