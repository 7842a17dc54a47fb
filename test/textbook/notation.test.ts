// Notation met when the vanilla RNN's textbook formulas were pasted in, each pinned on its own.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const errors = (text: string) =>
  analyze(text)
    .diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => d.message);

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

describe("τ, Goodfellow's last step", () => {
  const net = 'T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0.2\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t\n';
  it('is T where the file does not define it: h^{(τ)}, h_τ, Σ_{t=1}^{τ}, 1/τ', () => {
    const r = analyze(
      net + 'check h^{(\\tau)} = h_3\ncheck h_τ = h_T\ncheck \\sum_{t=1}^{\\tau} h_t = L\ncheck 1/τ = 1/3\ncheck h^{(τ-1)} = h_2\n',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
  });
  it('is a step variable where a Σ binds it, and a name where the file defines one', () => {
    const r = analyze(net + 'check \\sum_{\\tau=1}^{T} h_\\tau = L\n');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    const d = analyze(net.replace('param w = 0.5', 'param w = 0.5\nparam τ = 2') + 'check τ w = 1\n');
    expect(d.checks.map((c) => c.status)).toEqual(['holds-at-given-values']);
  });
});

describe("a constant factor in a derivative's denominator (d2l.ai eq. 9.7.13)", () => {
  const net = 'T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_t = w x_t\nloss L = Σ_t h_t\n';
  it('\\frac{∂A}{T \\cdot ∂B} and \\frac{∂A}{2 ∂B} are ∂A/∂B divided by the factor', () => {
    const r = analyze(net + 'check \\frac{\\partial L}{T \\cdot \\partial w} = 2\ncheck \\frac{\\partial h_t}{2 \\partial w} = x_t / 2\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds']);
  });
  it('a factor with no ∂ after it is named', () => {
    expect(errors(net + 'check \\frac{\\partial L}{T w} = 2\n')).toEqual([
      'the denominator of a derivative \\frac{∂A}{∂B} starts with ∂ (or a constant factor and ∂: {T · ∂B})',
    ]);
  });
});

describe('an equation whose right side does not parse', () => {
  it('is reported once; its uses say it is not available (no cycle L → L, no "not a sequence")', () => {
    for (const bad of ['-\\log h^{(t)}_{(}', 'h_t +* 2']) {
      const r = analyze(`T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_t = w x_t\nL^{(t)} = ${bad}\nloss L = \\sum_t L^{(t)}\ncheck L = 1\n`);
      const shown = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      expect(
        shown.filter((d) => d.severity === 'error').map((d) => d.line),
        bad,
      ).toEqual([5]);
      expect(shown.find((d) => d.line === 6)?.message, bad).toBe('L is not available: its definition on line 5 has an error');
    }
  });
});

describe('accented names in LaTeX', () => {
  it('ŷ (y + U+0302, as names are stored) and δ̂ typeset with accent commands, not \\text of a bare mark', async () => {
    const { nameCharsLatex } = await import('../../src/display/latex');
    expect(nameCharsLatex('y\u0302')).toBe('\\hat{y}');
    expect(nameCharsLatex('ŷ'.normalize('NFD'))).toBe('\\hat{y}');
    expect(nameCharsLatex('δ\u0302x')).toBe('\\hat{\\delta}x');
    expect(nameCharsLatex('αx')).toBe('\\alpha x');
  });
});
