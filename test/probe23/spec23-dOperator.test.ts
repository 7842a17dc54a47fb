// LANGUAGE.md §4 spells a derivative `∂A/∂B`, ASCII `dA/dB`, and \frac{A}{B} is A/B; the operator form
// \frac{∂}{∂w} L read as ∂L/∂w, but its d spelling — \frac{d}{dw} L, the way a scalar derivative is most often
// typeset — was "unknown name d". It reads as the ∂ form does (spaced, upright and text d too).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = ['T = 3', 'param w = 0.5', 'input x = [1, 2, 3]', 'h_0 = 0.2', 'h_t = tanh(w h_{t-1} + x_t)', 'loss L = Σ_t h_t^2'];

describe('the operator form of a d derivative', () => {
  it('\\frac{d}{dw} L is ∂L/∂w, as \\frac{∂}{∂w} L is', () => {
    const r = analyze(
      [
        ...net,
        'check \\frac{d}{dw} L = ∂L/∂w',
        'check \\frac{d}{d w} L = ∂L/∂w',
        'check \\frac{d}{dw}(L) = ∂L/∂w',
        'check \\frac{\\mathrm{d}}{\\mathrm{d}w} L = ∂L/∂w',
        "check \\frac{d}{dh_{t-1}} h_t = \\tanh'(w h_{t-1} + x_t) w",
        'check \\frac{d}{dh_{t-1}} h_t = \\tanh(w h_{t-1} + x_t) w',
        '',
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
  });

  it('a d that is no derivative stays a name', () => {
    const r = analyze([...net, 'param d = 2', 'check \\frac{d}{2} = 1', ''].join('\n'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values']);
  });
});
