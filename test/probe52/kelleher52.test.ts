// Probe 52 (session 60): Kelleher, "Deep Learning" (MIT Press Essential Knowledge), backpropagation in prose with
// equations — δ of a neuron as ∂E/∂z, a hidden neuron's δ as Σ_k w_{i,k} δ_k times its slope, the × sign — and the
// network unrolled through time, a shared weight's gradient summed over the steps. Read and judged right as it was,
// but for the shared weight's gradient at the last step alone (m5), which failed with its values only: the message
// now names the missing Σ over the steps. Decided: the weights are stored as Kelleher indexes them (w_{i,k} from i to
// k), so the network multiplies by wᵀ; m4 (the next step's neurons left out) names the paths through y_2 and y_3.
import { describe, expect, it } from 'vitest';
import { read52 } from './read52';

describe('Kelleher’s backpropagation through time', () => {
  const { r, v } = read52('kelleher-bptt.md');
  it('the book’s equations and the student’s neuron-level δs hold', () => {
    expect(r.checked).toBe(13);
    for (const tag of ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake fails, naming the culprit', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/y_t \(1 − y_t\) should be 1 − y_t\^2/);
    expect(v['m2']!.message).toMatch(/opposite sign/);
    expect(v['m3']!.message).toMatch(/w\[k, i\] should be w\[i, k\]/);
    expect(v['m4']!.message).toMatch(/leaves out ∂E\/∂y_2·∂y_2\/∂z_1 \+ ∂E\/∂y_3·∂y_3\/∂z_1/);
    expect(v['m5']!.message).toMatch(/A Σ over the steps is missing: the right side is the term of the last step T = 3 alone/);
    expect(v['m6']!.message).toMatch(/h_t should be h_\{t-1\}/);
  });
});
