// Notation met when the vanilla RNN's textbook formulas were pasted in, each pinned on its own.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const errors = (text: string) => analyze(text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message);

describe('ŷ typed as one character', () => {
  it('is the same name as \\hat{y} and as y with a combining circumflex', () => {
    const net = 'T = 2\ninput x = [1, 2]\nparam w = 0.5\nŷ_t = w x_t\nloss L = Σ_t ŷ_t\n';
    expect(errors(net + 'check \\hat{y}_t = w x_t\ncheck y\u0302_2 = 2w\n')).toEqual([]);
    expect(analyze(net + 'check \\hat{y}_t = w x_t\n').checks.map((c) => c.status)).toEqual(['holds']);
  });
});

describe('a superscript step before the subscript entry', () => {
  it('ŷ^{(t)}_{y^{(t)}} and h^{(t)}_i read as ŷ_{y^{(t)}}^{(t)} and h_i^{(t)}', () => {
    const net = 'T = 2\ninput x : 2 = [[1, 2], [3, 4]]\ntarget y = [2, 1]\nparam w = 0.5\nh_t = w x_t\n';
    const r = analyze(net + 'check h^{(t)}_{y^{(t)}} = h_{y^{(t)}}^{(t)}\ncheck h^{(t)}_i = w x_i^{(t)}\ncheck h^{(2)}_1 = 1.5\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds-at-given-values']);
  });
});
