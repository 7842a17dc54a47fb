// Session 41: an accent over a letter written with its scripts inside the braces (`\hat{y_3}`, `\tilde{c_t}`,
// `\hat{y^{(t)}}`) was "\hat over something that is not a letter" (students write it so; `\bar{s_3}` read); it is the
// accented name with the scripts after it, `\hat{y}_3`. And `d\tilde{c}_t`, where the file defines no c̃, was
// "unknown name d": it now names c̃, as `\tilde{c}_t` alone does.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { expr, messages } from './notationHelpers';

const NET = `T = 3
input  x = [1.0, -0.5, 0.25]
target y = [0.5, -0.2, 0.1]
param  w = 0.9
param  v = 1.2
s_0 = 0
s_t = tanh(x_t + w s_{t-1})
\\hat{y}_t = v s_t
loss E = Σ_t (\\hat{y}_t - y_t)^2
`;
const checks = (lines: string) => analyze(`${NET}${lines}`);

describe('an accent over a letter with its scripts inside the braces', () => {
  it('is the accented name with the scripts after it, for every accent', () => {
    expect(expr('\\hat{y_3}')).toBe(expr('\\hat{y}_3'));
    expect(expr('\\hat{y_t}')).toBe('y\u0302_t');
    expect(expr('\\widehat{y_{t-1}}')).toBe('y\u0302[(- t 1)]');
    expect(expr('\\tilde{c_t}')).toBe('c\u0303_t');
    expect(expr('\\widetilde{c_t} + \\check{a_1} + \\dot{a_1} + \\vec{h_t}')).toBe(
      expr('\\widetilde{c}_t + \\check{a}_1 + \\dot{a}_1 + \\vec{h}_t'),
    );
    expect(expr('\\hat{y^{(t)}}')).toBe(expr('\\hat{y}^{(t)}'));
    expect(expr('\\hat{h_1^{(t)}}')).toBe(expr('\\hat{h}_1^{(t)}'));
    expect(expr('\\hat{\\mathbf{y}_3}')).toBe(expr('\\hat{y}_3'));
    // what follows the braces stays on the name: a power of ŷ_3
    expect(expr('\\hat{y_3}^2')).toBe(expr('\\hat{y}_3^2'));
    // the adjoint's bar keeps its own reading
    expect(expr('\\bar{s_3}')).toBe('(bar s_3)');
  });

  it('is refused over a power (the accent over y² names nothing) and over what is no letter', () => {
    expect(messages('derive \\hat{y^2}')[0]).toMatch(/^\\hat over a power \(y\^2\) is not read: write \\hat\{y\}\^\{…\}/);
    expect(messages('derive \\tilde{2}')[0]).toMatch(/\\tilde over something that is not a letter/);
    expect(messages('derive \\hat{y_3 + 1}')[0]).toMatch(/\\hat over something that is not a letter/);
  });

  it('a right check holds and a wrong one fails with its hint', () => {
    const r = checks(`check ∂E/∂\\hat{y_3} = 2(\\hat{y_3} - y_3)
check ∂E/∂\\widehat{y_t} = 2(\\widehat{y_t} - y_t)
check ∂E/∂\\hat{y^{(3)}} = 3(\\hat{y^{(3)}} - y_3)
`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.checks[2]!.message).toMatch(/The 3 should be 2/);
  });

  it('defines a name in a network', () => {
    const r = analyze(NET.replace('\\hat{y}_t = v s_t', '\\hat{y_t} = v s_t') + 'check ∂E/∂\\hat{y}_3 = 2(\\hat{y_3} - y_3)\n');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('reads in a solution', () => {
    const eqs = analyzeSolution(
      `\`\`\`rnn\n${NET}\`\`\`\n\n$$ \\frac{\\partial E}{\\partial s_3} = 2(\\hat{y_3} - y_3) v $$\n\n$$ \\frac{\\partial E}{\\partial s_3} = 2(\\widehat{y_3} + y_3) v $$\n`,
      'markdown',
    ).equations;
    expect(eqs.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(eqs[1]!.message).toMatch(/should be/);
  });
});

const LSTM = `T = 3
input  x = [1.0, -0.5, 0.25]
target y = [0.5, -0.2, 0.1]
param  w_i = 0.5
param  w_f = 0.3
param  w_o = -0.2
param  w_g = 0.9
h_0 = 0
c_0 = 0
i_t = σ(w_i x_t + h_{t-1})
f_t = σ(w_f x_t + h_{t-1})
o_t = σ(w_o x_t + h_{t-1})
g_t = tanh(w_g x_t + h_{t-1})
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
loss L = Σ_t (h_t - y_t)^2
`;

describe('d before an accented name (a gradient dX)', () => {
  const errorsOf = (line: string) =>
    analyze(`${LSTM}check ${line}\n`)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => [d.column, d.message]);

  it('names the accented name the file does not define, as the name alone does', () => {
    const alone = errorsOf('\\tilde{c}_t = dc_t ⊙ i_t');
    expect(alone).toEqual([[7, 'unknown name c̃ — did you mean c?']]);
    expect(errorsOf('d\\tilde{c}_t = dc_t ⊙ i_t')).toEqual([[8, 'unknown name c̃ — did you mean c?']]);
    expect(errorsOf('d\\tilde{c_t} = dc_t ⊙ i_t')).toEqual([[8, 'unknown name c̃ — did you mean c?']]);
    expect(errorsOf('2 d\\hat{c}_t = dc_t ⊙ i_t')).toEqual([[10, 'unknown name c\u0302 — did you mean c?']]);
  });

  it('is the gradient of one the file defines: right holds, wrong fails', () => {
    const net = LSTM.replace(/g_t/g, '\\tilde{c}_t');
    const r = analyze(`${net}check d\\tilde{c}_t = dc_t ⊙ i_t\ncheck d\\tilde{c_t} = dc_t ⊙ f_t\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
  });
});
