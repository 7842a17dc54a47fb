// A step's Jacobian written in the denominator layout, `∂h_t/∂h_{t-1} = W^\top \mathrm{diag}(1 - h_t^2)` (as notes that
// write gradients as columns print it): the right side is the Jacobian's transpose, and the check fails, rightly
// (LANGUAGE.md §4: a Jacobian's rows are the numerator's entries). The message said "the factors of an outer
// product are in the wrong order (the gradient comes first: (∇_o L) hᵀ)" — there is no outer product and no
// gradient in it. For a Jacobian of two vectors it now names the layout and the product to write, as a ∏ of such
// factors already did (session 15); a weight gradient's transposed outer product keeps its message.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { GOODFELLOW } from '../textbook/vanilla';

const check = (...lines: string[]) => analyze([GOODFELLOW, ...lines.map((l) => `check ${l}`)].join('\n')).checks;

describe('a Jacobian written in the denominator layout', () => {
  it('the numerator layout holds', () => {
    const [c] = check(String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \mathrm{diag}(1 - h_t^2) W`);
    expect(c!.status).toBe('holds');
  });

  it('Wᵀ diag(1 − h_t²) fails, naming the layout and the product to write', () => {
    const [c] = check(String.raw`\frac{\partial h_t}{\partial h_{t-1}} = W^\top \mathrm{diag}(1 - h_t^2)`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toContain(
      "The right side is (∂h_t/∂h_{t-1})ᵀ: the denominator layout (Pascanu et al. and some notes write it so). ∂h_t/∂h_{t-1} has rows over h_t's entries (numerator layout), so it is diag(1 − h_t^2) W",
    );
    expect(c!.message).not.toContain('outer product');
  });

  it('a gradient by a matrix written as the outer product the other way round keeps its message', () => {
    const [c] = check(String.raw`\nabla_{V} L = \sum_t h^{(t)} (\nabla_{o^{(t)}} L)^\top`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toContain('the factors of an outer product are in the wrong order');
  });
});
