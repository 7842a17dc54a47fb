// Géron's LSTM and GRU (Hands-On ML eq. 15-3, 15-4) write ⊗ for the product entry by entry (probe 52). ⊗ of two
// vectors stays their outer product where one can stand (∇_W L = Σ_t δ_t ⊗ x_t); where the check's left side has the
// operands' shape, or in a chain a ⊗ b ⊗ c, it is the product entry by entry, and then so are the text's later ⊗.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 2',
  'input x : 2 = [[0.5, -1.0], [0.3, 0.8]]',
  'param U : 2x2 = [[0.3, -0.2], [0.2, 0.5]]',
  'param W : 2x2 = [[0.5, 0.1], [-0.2, 0.3]]',
  'h_0 = [0.1, -0.2]',
  'f_t = σ(U x_t)',
  'g_t = tanh(W h_{t-1} + x_t)',
  'h_t = f_t ⊙ g_t',
  'loss L = Σ_t sum(h_t)',
].join('\n');

const said = (r: ReturnType<typeof analyze>) => r.diagnostics.filter((d) => d.code === 'otimes-entrywise').map((d) => d.message);

describe('⊗ for the product entry by entry', () => {
  it('in a vector equation of the operands’ size: entry by entry, said once', () => {
    const r = analyze(`${NET}\ncheck h_t = f_t ⊗ g_t\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(said(r)).toEqual([
      "⊗ is read as the product entry by entry (⊙), as Géron's LSTM and GRU write it: the equation's left side is a vector of 2, where the outer product of two vectors (a matrix) could not stand",
    ]);
  });
  it('a chain of three is no outer product', () => {
    const r = analyze(`${NET}\ncheck sum(h_t ⊙ h_t) = sum(f_t ⊗ g_t ⊗ h_t)\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(said(r)[0]).toMatch(/a chain of ⊗ of one shape is no outer product/);
  });
  it('where an outer product stands (a matrix side), ⊗ stays the outer product, even after the text read it entry by entry', () => {
    const outer = String.raw`check ∂L/∂W = Σ_t (∂L/∂h_t ⊙ f_t ⊙ (1 - g_t ⊙ g_t)) ⊗ h_{t-1}`;
    expect(analyze(`${NET}\n${outer}\n`).checks.map((c) => c.status)).toEqual(['holds']);
    expect(analyze(`${NET}\ncheck h_t = f_t ⊗ g_t\n${outer}\n`).checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('once the text reads ⊗ entry by entry, a ⊗ inside a product is read so too', () => {
    const inner = String.raw`check ∂L/∂W = Σ_t (∂L/∂h_t ⊗ f_t ⊗ (1 - g_t ⊗ g_t)) h_{t-1}ᵀ`;
    const r = analyze(`${NET}\ncheck h_t = f_t ⊗ g_t\n${inner}\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('two matrices of another shape than the left side keep the error that names ⊙', () => {
    const r = analyze(`${NET}\ncheck h_1 = U ⊗ W h_1\n`);
    expect(
      r.diagnostics.some((d) => /⊗ is read as the outer product of two vectors \(a ⊗ b = a bᵀ\), not of a 2×2 matrix/.test(d.message)),
    ).toBe(true);
  });
});
