// A loss that is not a scalar (session 15, check15 gap 3): its error is at its definition; a use that needs its
// gradient (an adjoint h̄, ∇_B L, ∂L/∂X written into a gradient formula) says once, as a warning naming the loss's
// line, that the loss is not a scalar; a ∂L/∂X written explicitly is a Jacobian and is judged, and when it fails
// the message says so, and whether the check holds with the loss's entries summed.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2
param W_xh : 3x2
param W_hh : 3x3
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = h_T`;

describe('a non-scalar loss (check15 gap 3)', () => {
  const r = analyze(`${NET}
check \\bar{h}_2 = W_hh^T \\bar{h}_3
check ∇_{W_hh} L = Σ_t ∂L/∂h_t h_{t-1}^T
check ∂L/∂W_hh = Σ_t ((1 - h_t^2) ⊙ ∂L/∂h_t) h_{t-1}^T
check ∂L/∂h_2 = W_hh^T diag(1 - h_3^2) ∂L/∂h_3
check ∂L/∂h_2 = diag(1 - h_3^2) W_hh
`);
  const at = (line: number) => r.diagnostics.filter((d) => d.line === line);
  it('is one error, at the loss', () => {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.line)).toEqual([7]);
    expect(errors[0]!.message).toContain('the loss L is a vector of 3');
  });
  it('an adjoint and ∇_B L say the loss is not a scalar, naming its line, with no verdict', () => {
    expect(at(8).map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'the adjoint h̄_2 = ∂loss/∂h_2 needs the gradient of a scalar loss, but the loss L is not a scalar (line 7: a vector of 3)',
      ],
    ]);
    expect(at(9).map((d) => d.message)).toEqual([
      '∇_B L is the gradient of a scalar, but the loss L is not a scalar (line 7: a vector of 3)',
    ]);
    expect(r.checks.some((c) => c.line === 8 || c.line === 9)).toBe(false);
  });
  it('∂L/∂X used as a gradient: its shape mismatch is said as the loss not being a scalar', () => {
    expect(at(10)).toHaveLength(1);
    expect(at(10)[0]!.severity).toBe('warning');
    expect(at(10)[0]!.message).toMatch(/^∂L\/∂… is used here as a gradient, but the loss L is not a scalar \(line 7: a vector of 3\)/);
  });
  it('∂L/∂X written explicitly is a Jacobian, judged; a failing one says so and that the summed loss makes it hold', () => {
    const fails = r.checks.find((c) => c.line === 11)!;
    expect(fails.status).toBe('fails');
    expect(fails.message).toContain(
      'The loss L is not a scalar (line 7: a vector of 3), so ∂L/∂X here is a Jacobian, not a gradient; with its entries summed (loss L = sum(…)) the check holds',
    );
    expect(r.checks.find((c) => c.line === 12)!.status).toBe('holds');
  });
  it('a scalar loss is untouched', () => {
    const ok = analyze(`${NET.replace('loss L = h_T', 'loss L = sum(h_T)')}\ncheck ∂L/∂h_2 = W_hh^T diag(1 - h_3^2) ∂L/∂h_3\n`);
    expect(ok.diagnostics.filter((d) => d.severity !== 'information')).toEqual([]);
    expect(ok.checks[0]!.status).toBe('holds');
  });
});
