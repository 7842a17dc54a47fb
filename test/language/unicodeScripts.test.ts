// Probe 47 (a plain-text student): Unicode superscripts and subscripts beyond the digits, h⁽ᵗ⁾, h⁽ᵗ⁻¹⁾ᵀ, h₍ₜ₎, hₜ₋₁,
// Σₜ, were "unexpected character '⁽'" (and ᵗ, a modifier letter, glued into the name). A run is read as the script
// it prints: ⁽ᵗ⁻¹⁾ as ^{(t-1)}, ₍ₜ₎ and ₜ as _{t}; x² stays a power, h₂ a step, ᵀ alone a transpose.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'param w = 0.8',
  'param u = 0.3',
  'h_0 = 0.1',
  'h⁽ᵗ⁾ = tanh(w h⁽ᵗ⁻¹⁾ + u x⁽ᵗ⁾)',
  'loss L = Σₜ (h⁽ᵗ⁾)²',
];
const checks = (...lines: string[]) => analyze([...NET, ...lines].join('\n')).checks;

describe('Unicode scripts', () => {
  it('reads steps written as superscripts and subscripts', () => {
    const c = checks(
      'check ∂h⁽ᵗ⁾/∂h⁽ᵗ⁻¹⁾ = (1 − (h⁽ᵗ⁾)²) w',
      'check ∂h₍ₜ₎/∂h₍ₜ₋₁₎ = (1 − h_t²) w',
      'check ∂hₜ/∂hₜ₋₁ = (1 − hₜ²) w',
      'check ∂L/∂h⁽ᵀ⁾ = 2 h₃',
      'check L = Σ_{t=1}^{T} h_t²',
      // ᵀ after a Σ's lower bound is its upper bound; elsewhere a transpose
      'check L = Σₜ₌₁ᵀ (h⁽ᵗ⁾)²',
      'check ∂L/∂h₃ = 2 h₃ᵀ',
    );
    expect(c.map((x) => x.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'holds', 'holds']);
  });
  it('a wrong step written so is named as the step it is', () => {
    const [c] = checks('check ∂h⁽ᵗ⁾/∂h⁽ᵗ⁻¹⁾ = (1 − (h⁽ᵗ⁻¹⁾)²) w');
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(/h_\{t-1\} should be h_t/);
  });
});

describe('script capitals typed as characters', () => {
  it('ℒ is \\mathcal{L}, the letter L', () => {
    const [c] = checks('check ∂ℒ/∂h⁽ᵀ⁾ = 2 h₃');
    expect(c!.status).toBe('holds');
  });
});
