// Plain TeX's font switches, as older lecture notes and many students write them: `h_t^{\rm T}` for a transpose,
// `{\bf W}`, `{\cal L}`, `\frac{{\rm d}L}{{\rm d}w}`. LANGUAGE.md §1 makes fonts transparent (`\mathrm`, `\mathbf`,
// `\mathcal` stand for their content); the switch forms were "unknown LaTeX command \rm" and the equation skipped.
// A switch that opens a group makes the group transparent (lexer.ts fontSwitchEnd), so `{\rm d}` is `\mathrm{d}`.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const NET = String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
target y : 3 = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  V : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
h_0 = [0.1, -0.2, 0.3]
h_t = tanh(W h_{t-1} + U x_t)
o_t = V h_t
ŷ_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t
`;

describe('plain TeX font switches are fonts: transparent', () => {
  it('in a solution: ^{\\rm T} transposes, {\\bf W} and {\\cal L} are the names, a wrong one still fails by name', () => {
    const text = [
      '```rnn',
      NET.trimEnd(),
      '```',
      '',
      String.raw`$$\frac{\partial {\cal L}}{\partial {\bf V}} = \sum_t (\hat{y}_t - y_t)\, h_t^{\rm T} \tag{1}$$`,
      '',
      String.raw`$$\frac{\partial L}{\partial {\bf h}_t} = {\bf W}^{\rm T} \left[\frac{\partial L}{\partial h_{t+1}} \odot (1 - h_{t+1}^2)\right] + {\bf V}^{\rm T} (\hat{y}_t - y_t) \tag{2}$$`,
      '',
      String.raw`$$\frac{\partial L}{\partial {\bf V}} = \sum_t (\hat{y}_t - y_t)\, h_{t-1}^{\rm T} \tag{3}$$`,
      '',
    ].join('\n');
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => [e.tag, e.status])).toEqual([
      ['1', 'holds'],
      ['2', 'holds'],
      ['3', 'fails'],
    ]);
    expect(r.equations[2]!.message).toMatch(/h_{t-1} should be h_t/);
    expect(r.diagnostics.filter((d) => /\\rm|\\bf|\\cal/.test(d.message))).toEqual([]);
  });

  it('in a .rnn check: {\\rm d}L/{\\rm d}w and \\frac{{\\rm d}L}{{\\rm d}w} are the derivative, as \\mathrm{d} is; the text is as written', () => {
    const r = analyze(
      [
        'T = 2',
        'param w = 1.5',
        'loss L = w^2',
        String.raw`check {\rm d}L/{\rm d}w = 2 w`,
        String.raw`check \frac{{\rm d} L}{{\rm d} w} = 2 {\bf w}`,
        String.raw`check \frac{{\rm d}}{{\rm d} w} L = 3 w`,
        '',
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.checks.map((c) => c.equation)).toEqual([
      String.raw`{\rm d}L/{\rm d}w = 2 w`,
      String.raw`\frac{{\rm d} L}{{\rm d} w} = 2 {\bf w}`,
      String.raw`\frac{{\rm d}}{{\rm d} w} L = 3 w`,
    ]);
  });
});
