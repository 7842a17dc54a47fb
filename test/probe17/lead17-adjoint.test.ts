// `check ∂L/∂h_3 = h_3` got the backward-formula hint of seed 004's h̄ line ("h̄_3 = ∂L/∂h_3 is meant, and read so
// the check holds"): read as h̄_3, a side that is ∂L/∂h_3 itself holds by its own definition, which says nothing
// (found by cli17). ∂L/∂X alone is no backward formula for X̄; the seed's line keeps its hint.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (check: string) =>
  `T = 3\nparam w = 0.5\ninput x = [1, 2, 3]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\ncheck ${check}\n`;

describe('the backward-formula hint needs a formula', () => {
  it('∂L/∂h_3 = h_3 fails without the tautological reading', () => {
    const c = analyze(net('∂L/∂h_3 = h_3')).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).not.toContain('is meant');
    expect(c.message).toContain('0.5 times the left side');
  });

  it('a chain rule for h̄_3 written with h_3 on the left still gets it', () => {
    const c = analyze(net('h_2 = ∂L/∂h_3 ∂h_3/∂h_2 + 2 h_2')).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toContain('h̄_2 = ∂L/∂h_2 is meant');
  });
});
