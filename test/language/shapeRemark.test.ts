// `∈ ℝ^…` after a check's last side: a remark on its shape, as d2l.ai ends its (9.7.13) with `\in \mathbb{R}^q`. A
// solution's display dropped it (solution/display.ts); pasted into a .rnn check line it was "unexpected '\in' after
// the statement" (session 56, as a test author pastes d2l's formulas).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';

const NET = `T = 3
input x : 2
target y : 2
param W_hx : 3x2
param W_hh : 3x3
param W_qh : 2x3
h_0 = [0, 0, 0]
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
l_t = 0.5 sum((o_t - y_t)^2)
loss L = \\frac{1}{T} \\sum_{t=1}^T l_t
`;

describe('a shape remark after a check', () => {
  it.each([
    String.raw`\frac{\partial L}{\partial \mathbf{o}_t} = \frac{\partial l_t}{T \cdot \partial \mathbf{o}_t} \in \mathbb{R}^q`,
    String.raw`\frac{\partial L}{\partial \mathbf{o}_t} = \frac{\partial l_t}{T \cdot \partial \mathbf{o}_t} \in \mathbb{R}^{q}`,
    String.raw`∂L/∂W_qh = Σ_t ∂L/∂o_t h_tᵀ ∈ ℝ^{2 \times 3}`,
    String.raw`∂L/∂o_t = (o_t - y_t)/T ∈ R^2`,
    String.raw`∂L/∂o_t = (o_t - y_t)/T \in \mathbb{R}^q for t = 1..2`,
  ])('is read and dropped: %s', (line) => {
    const r = analyze(`${NET}check ${line}\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.checks[0]!.equation).not.toMatch(/mathbb|ℝ|R\^/);
  });
  it('a wrong side with a remark still fails', () => {
    const r = analyze(`${NET}check ∂L/∂o_t = (o_t - y_t) \\in \\mathbb{R}^q\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/1\/T/);
  });
});
