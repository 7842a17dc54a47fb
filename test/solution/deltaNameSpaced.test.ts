// An LSTM's backward pass names its gradients δh_t, δc_t (session 37). A solution that defines them in LaTeX — "Let
// $\delta h_t = \frac{\partial L}{\partial h_t}$ and $\delta c_t = …$" — was not read: `\delta c_t` is δ then c_t,
// so the definition was "expected '=' after δ" and every use "δc is not read as a derivative". A δ and a name
// starting a definition are now one name, as `δc_t` typed tight is, and `\delta c_t` elsewhere reads a name δc the
// file defines; an equation restating a name the solution defined before is a claim about it (it was "defined twice").
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  W_f = 0.4
param  U_f = 0.2
param  W_i = 0.3
param  U_i = -0.1
param  W_o = 0.5
param  U_o = 0.1
param  W_c = 0.7
param  U_c = 0.6
param  v = 1.2
h_0 = 0
c_0 = 0
f_t = σ(W_f x_t + U_f h_{t-1})
i_t = σ(W_i x_t + U_i h_{t-1})
o_t = σ(W_o x_t + U_o h_{t-1})
g_t = tanh(W_c x_t + U_c h_{t-1})
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
ŷ_t = v h_t
loss L = Σ_t (ŷ_t - y_t)^2 / 2
`;

const RIGHT = String.raw`\delta c_t = \delta h_t \, o_t (1 - \tanh^2(c_t)) + \delta c_{t+1} f_{t+1}`;
const WRONG = String.raw`\delta c_t = \delta h_t \, o_t (1 - \tanh^2(c_t)) + \delta c_{t+1} f_t`;

describe('δh_t, δc_t defined in LaTeX', () => {
  it('in a solution: defined in inline math, then used in displays', () => {
    const md = [
      '# LSTM backward',
      '',
      '```rnn',
      NET + '```',
      '',
      String.raw`Let $\delta h_t = \frac{\partial L}{\partial h_t}$ and $\delta c_t = \frac{\partial L}{\partial c_t}$.`,
      '',
      `$$${RIGHT}$$`,
      '',
      `$$${WRONG}$$`,
      '',
    ].join('\n');
    const eqs = analyzeSolution(md, 'markdown').equations;
    expect(eqs.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(eqs[0]!.message).toMatch(/^holds for t = 1\.\.2 /);
    expect(eqs[1]!.message).toContain('f_t should be f_{t+1}: with that step the check holds');
  });

  it('typed tight in inline math, restated in a display: a claim, not defined twice', () => {
    const md = [
      '```rnn',
      NET + '```',
      '',
      'Let $δh_t = \\frac{\\partial L}{\\partial h_t}$, $δc_t = \\frac{\\partial L}{\\partial c_t}$.',
      '',
      `$$${RIGHT.replace(/\\delta /g, 'δ')}$$`,
      '',
    ].join('\n');
    const eqs = analyzeSolution(md, 'markdown').equations;
    expect(eqs.map((e) => e.status)).toEqual(['holds']);
  });

  it('in a .rnn file: the definition lines and the checks', () => {
    const a = analyze(
      `${NET}\\delta h_t = \\frac{\\partial L}{\\partial h_t}\n\\delta c_t = \\frac{\\partial L}{\\partial c_t}\ncheck ${RIGHT}\ncheck ${WRONG}\n`,
    );
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
  });

  it('δo with no definition keeps its message', () => {
    const a = analyze(`${NET}\\delta h_t = \\frac{\\partial L}{\\partial h_t}\ncheck \\delta o_t = \\delta h_t \\tanh(c_t)\n`);
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.map((d) => d.message)).toContain(
      "unknown name δo: δo is not read as a derivative — write the adjoint \\bar{o} (∂loss/∂o), or ∂L/∂z with the pre-activation z named, for the gradient at o's argument",
    );
  });
});
