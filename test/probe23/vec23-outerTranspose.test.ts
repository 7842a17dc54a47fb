// A weight gradient written as textbooks print it, δ_t h_{t-1}ᵀ, with the ᵀ forgotten: two vectors of the same size
// side by side multiply entry by entry (§4), so the right side is a vector against the left side's matrix. The check
// failed with only the two shapes ("the left side is a 3×3 matrix, the right side a vector of 3"), naming no culprit;
// it now names the factor whose ᵀ is missing, or, when the state stands first (h_{t-1} δ_t), the gradient-first order.
import { describe, expect, it } from 'vitest';
import { solutionVerdicts } from './vec23-network';

const verdicts = solutionVerdicts('tanh');

describe('an outer product with its transpose forgotten', () => {
  it('the right forms hold', () => {
    const v = verdicts(
      '\\nabla_{W_{hh}} L = \\sum_{t=1}^{T} \\operatorname{diag}(1 - \\mathbf{h}_t^2) \\frac{\\partial L}{\\partial \\mathbf{h}_t} \\mathbf{h}_{t-1}^\\top',
      '\\nabla_{W_{hy}} L = \\sum_t (\\hat{y}_t - y_t) h_t^\\top',
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'holds']);
  });

  it('δ_t h_{t-1} fails and names h_{t-1} as the factor that needs ᵀ', () => {
    const [a, b] = verdicts(
      '\\nabla_{W_{hh}} L = \\sum_{t=1}^{T} \\operatorname{diag}(1 - \\mathbf{h}_t^2) \\frac{\\partial L}{\\partial \\mathbf{h}_t} \\mathbf{h}_{t-1}',
      '\\nabla_{W_{hy}} L = \\sum_t (\\hat{y}_t - y_t) h_t',
    );
    expect(a!.status).toBe('fails');
    expect(a!.message).toContain('h_{t-1} should be h_{t-1}ᵀ — diag(1 − h_t^2) ∂L/∂h_t h_{t-1}ᵀ is their outer product, a 3×3 matrix');
    expect(b!.status).toBe('fails');
    expect(b!.message.normalize('NFC')).toContain('h_t should be h_tᵀ — (ŷ_t − y_t) h_tᵀ is their outer product'.normalize('NFC'));
  });

  it('the outermost product is the one named, not an inner ⊙ of two vectors', () => {
    const [v] = verdicts('\\nabla_{W_{hh}} L = \\sum_t (\\nabla_{h_t} L \\odot (1 - h_t^2)) h_{t-1}');
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain('h_{t-1} should be h_{t-1}ᵀ — (∂L/∂h_t ⊙ (1 − h_t^2)) h_{t-1}ᵀ');
  });

  it('the state first (h_{t-1} δ_t) is told the gradient-first order', () => {
    const [v] = verdicts('\\nabla_{W_{hh}} L = \\sum_t \\mathbf{h}_{t-1} (\\nabla_{h_t} L \\odot (1 - h_t^2))');
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain('written with the gradient first and the other factor transposed, (∂L/∂h_t ⊙ (1 − h_t^2)) h_{t-1}ᵀ');
  });
});
