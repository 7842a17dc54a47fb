// (∂L/∂h_t)ᵀ written where a column belongs (session 32): in numerator layout a gradient of a scalar is a row and its
// transpose a column, but this language's transpose of the gradient (a vector) is a 1×n row, so
// `(∂L/∂h_t)ᵀ ⊙ (1 − h_t²)` and `diag(1 − h_t ⊙ h_t) (∂L/∂h_t)ᵀ h_{t−1}ᵀ` were shape mismatches. Where the row has no
// reading and the gradient itself has one, it is read as that column, said in an information.
import { describe, expect, it } from 'vitest';
import { tanh2Checks } from './helpers';

const checks = tanh2Checks;

describe('a transposed gradient read as the column it is in numerator layout', () => {
  it('beside a vector (⊙) and right of a matrix: the gradient of W as textbooks write it holds', () => {
    const r = checks(
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \left( \frac{\partial L}{\partial h_t}^\top \odot (1 - h_t^2) \right) h_{t-1}^\top`,
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \operatorname{diag}(1 - h_t \odot h_t) \left(\frac{\partial L}{\partial h_t}\right)^{\top} h_{t-1}^{\top}`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    const notes = r.diagnostics.filter((d) => d.code === 'row-gradient');
    expect(notes).toHaveLength(2);
    expect(notes[0]!.message).toBe(
      '(∂L/∂h_t)ᵀ is read as a column (a gradient is a row in numerator layout, so its transpose is the vector ∂L/∂h_t)',
    );
  });

  it('the same formulas with a wrong slope fail, as a wrong formula should', () => {
    const r = checks(
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \left( \frac{\partial L}{\partial h_t}^\top \odot (1 + h_t^2) \right) h_{t-1}^\top`,
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \operatorname{diag}(h_t \odot h_t) \left(\frac{\partial L}{\partial h_t}\right)^{\top} h_{t-1}^{\top}`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
  });

  it('where the row has a reading it stays the row: (∂L/∂h_t)ᵀ h_t is the inner product', () => {
    const r = checks(
      String.raw`\left(\frac{\partial L}{\partial h_t}\right)^{\top} h_t = \sum_i \frac{\partial L}{\partial h_t}[i] \, h_t[i]`,
    );
    expect(r.diagnostics.filter((d) => d.code === 'row-gradient')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('a transposed vector that is no gradient keeps its shape error', () => {
    const r = checks(String.raw`h_t^\top \odot (1 - h_t^2) = h_t`);
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.message.includes('⊙ needs equal shapes'))).toBe(true);
  });
});
