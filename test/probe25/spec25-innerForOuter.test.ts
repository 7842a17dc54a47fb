// A weight gradient copied from a book that writes vectors as rows (d2l.ai's GRU: H̃_t = tanh(X_t W_xh + (R_t ⊙ H_{t-1})
// W_hh + b_h)): ∂L/∂W_hh = Σ_t (R_t ⊙ H_{t-1})ᵀ δ_t, an outer product there. Here vectors are columns (§4), so aᵀb is
// their inner product, a number, and the check fails, rightly — with only "the shapes differ". When the outer product
// a bᵀ (or b aᵀ) in its place makes the check hold here and at a draw, the message now names it and why.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { D2L_GRU } from './spec25-network';

const DH = String.raw`(\frac{\partial L}{\partial \tilde{H}_t} \odot (1 - \tilde{H}_t^2))`;
const DZ = String.raw`(\frac{\partial L}{\partial Z_t} \odot Z_t \odot (1 - Z_t))`;
const checks = (...lines: string[]) => analyze([D2L_GRU, ...lines.map((l) => `check ${l}`)].join('\n')).checks;

describe('aᵀb written for the outer product', () => {
  it('the outer product holds, in either order of the transposes the book allows', () => {
    const c = checks(
      String.raw`\frac{\partial L}{\partial W_{hh}} = \sum_t (R_t \odot H_{t-1}) ${DH}^\top`,
      String.raw`\frac{\partial L}{\partial W_{hz}} = \sum_t H_{t-1} ${DZ}^\top`,
    );
    expect(c.map((x) => x.status)).toEqual(['holds', 'holds']);
  });

  it('(R_t ⊙ H_{t-1})ᵀ δ fails, naming the inner product and the outer product to write', () => {
    const [c] = checks(String.raw`\frac{\partial L}{\partial W_{hh}} = \sum_t (R_t \odot H_{t-1})^\top ${DH}`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toContain('The right side is a scalar, the left side a 2×2 matrix: the shapes differ. (R_t ⊙ H_{t-1})ᵀ');
    expect(c!.message).toContain(
      'of two vectors is their inner product, a number; their outer product, a 2×2 matrix, is written (R_t ⊙ H_{t-1}) (∂L/∂H̃_t ⊙ (1 − H̃_t^2))ᵀ: with it the check holds',
    );
  });

  it('the factors the other way round (δᵀ H_{t-1}) are put in the order that holds', () => {
    const [c] = checks(String.raw`\frac{\partial L}{\partial W_{hz}} = \sum_t ${DZ}^\top H_{t-1}`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toContain('is written H_{t-1} (∂L/∂Z_t ⊙ Z_t ⊙ (1 − Z_t))ᵀ: with it the check holds');
  });

  it('an inner product that is wrong either way says only that the shapes differ', () => {
    const [c] = checks(String.raw`\frac{\partial L}{\partial W_{hz}} = \sum_t H_t^\top ${DZ}`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(/the shapes differ$/);
  });
});
