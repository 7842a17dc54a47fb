// (ŷ_t − y_t)ᵀ h_t for ∂L/∂V, vectors of sizes 3 and 4: the transpose on the left vector of an outer product. The
// shape mismatch said what could not be multiplied; it now says how the outer product is written.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET =
  'T = 3\ninput x : 2\ntarget y : 3 = [[1,0,0],[0,1,0],[0,0,1]]\nparam U : 4x2\nparam W : 4x4\nparam V : 3x4\nh_0 = 0\nh_t = \\tanh(U x_t + W h_{t-1})\n\\hat{y}_t = \\text{softmax}(V h_t)\nloss L = -\\sum_{t} \\sum_{k} y_{t,k} \\log \\hat{y}_{t,k}\n';

describe('an outer product with the transpose on the left vector', () => {
  it('names the outer product as it is written', () => {
    const r = analyze(`${NET}check \\frac{\\partial L}{\\partial V} = \\sum_{t=1}^{T} (\\hat{y}_t - y_t)^\\top h_t\n`);
    const e = r.diagnostics.find((d) => d.severity === 'error');
    // the hat is printed as a combining accent: compared in one normal form
    expect(e?.message.normalize('NFC')).toBe(
      'shape mismatch: cannot multiply the transpose (1×3 matrix) and h_t (vector of 4); an outer product of two vectors is written with the right one transposed: (ŷ_t − y_t) h_tᵀ'.normalize(
        'NFC',
      ),
    );
  });

  it('the outer product so written holds', () => {
    const r = analyze(`${NET}check \\frac{\\partial L}{\\partial V} = \\sum_{t=1}^{T} (\\hat{y}_t - y_t) h_t^\\top\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('a transposed vector times a vector of its size is an inner product, no error', () => {
    const r = analyze(`${NET}check \\frac{\\partial L}{\\partial V} = \\sum_{t=1}^{T} (\\hat{y}_t - y_t) h_t^\\top + 0 (y_t^\\top y_t)\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
