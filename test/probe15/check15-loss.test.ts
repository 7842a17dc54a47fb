// A loss that is not a scalar (session 15, check15 gap 3, merged with contract15's reading of §6): its error is at
// its definition, and the name is then not available — every use says so once, as a warning; an adjoint h̄ (which
// names the loss without writing it) says that the loss is not a scalar, naming its line. No verdict either way.

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
  it('an adjoint says the loss is not a scalar, naming its line; every use of L says it is not available (LANGUAGE.md §6); no verdict', () => {
    expect(at(8).map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'the adjoint h̄_2 = ∂loss/∂h_2 needs the gradient of a scalar loss, but the loss L is not a scalar (line 7: a vector of 3)',
      ],
    ]);
    for (const line of [9, 10, 11, 12])
      expect(at(line).map((d) => [d.severity, d.message])).toEqual([
        ['warning', 'L is not available: its definition on line 7 has an error'],
      ]);
    expect(r.checks).toEqual([]);
  });
  it('a scalar loss is untouched', () => {
    const ok = analyze(`${NET.replace('loss L = h_T', 'loss L = sum(h_T)')}\ncheck ∂L/∂h_2 = W_hh^T diag(1 - h_3^2) ∂L/∂h_3\n`);
    expect(ok.diagnostics.filter((d) => d.severity !== 'information')).toEqual([]);
    expect(ok.checks[0]!.status).toBe('holds');
  });
});
