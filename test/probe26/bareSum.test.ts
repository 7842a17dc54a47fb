// `E = Σ (p^{(T)} − d)²`: a Σ with no index and no bounds over a term that reads no step. It was read as Σ_t, T copies
// of the term: a silent factor T on a scalar, and "the loss is a vector" on a vector. It is the sum of the entries.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const SCALAR = 'T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.7\nh_0 = 0.2\nh_t = tanh(w h_{t-1} + x_t)\n';
const VECTOR = 'T = 3\ninput x : 2\nparam W : 2x2\nh_0 = [0, 0]\nh_t = tanh(W h_{t-1} + x_t)\n';

describe('a Σ with no index over a term that reads no step', () => {
  it('is the sum of its entries on a scalar: no factor T', () => {
    const r = analyze(`${SCALAR}loss L = \\sum (h_T - 1)^2\ncheck L = (h_3 - 1)^2\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    const info = r.diagnostics.find((d) => d.line === 6);
    expect(info?.severity).toBe('information');
    expect(info?.message).toContain('read as the sum of its entries');
  });

  it('is the sum of its entries on a vector, so the loss is one number', () => {
    const r = analyze(`${VECTOR}loss L = \\sum (h_T - 1)^2\ncheck L = sum((h_3 - 1)^2)\ncheck L = (h_3[1] - 1)^2 + (h_3[2] - 1)^2\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('a bare Σ whose term reads t is still the sum over the steps', () => {
    const r = analyze(`${SCALAR}loss L = \\sum h_t^2\ncheck L = h_1^2 + h_2^2 + h_3^2\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.filter((d) => d.message.includes('sum of its entries'))).toEqual([]);
  });

  it('Σ_t over a term without t is not this reading (Σ_t says the steps)', () => {
    const r = analyze(`${SCALAR}loss L = \\sum_t (h_T - 1)^2\ncheck L = 3 (h_3 - 1)^2\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
