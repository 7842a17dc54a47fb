// (∂L/∂h_t)ᵀ h_{t-1}ᵀ (session 33): a numerator-layout gradient's transpose is a column, so beside a row it is the
// outer product ∂L/∂W is written as. With W square the two rows have one size, and the product of two rows side by
// side read as their entrywise product (a 1×n row), so the check was a shape mismatch against the n×n ∂L/∂W. Also
// δ_tᵀ h_{t-1}ᵀ with δ_t = ∂L/∂h_t ⊙ (1 − h_t²) (a gradient times a factor), and the printing of a transposed
// derivative: ∂L/∂h_tᵀ read as the derivative by h_tᵀ; it is now (∂L/∂h_t)ᵀ.
import { describe, expect, it } from 'vitest';
import { tanh2Checks } from './helpers';

const checks = tanh2Checks;

describe("a transposed gradient beside a row of its size: the outer product, not the rows' entrywise product", () => {
  it('δ_tᵀ h_{t-1}ᵀ with δ_t = ∂L/∂h_t ⊙ (1 − h_t²) is ∂L/∂W: it holds', () => {
    const r = checks(
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \left(\overline{h_t} \odot (1 - h_t \odot h_t)\right)^{\top} h_{t-1}^{\top}`,
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \left(\frac{\partial L}{\partial h_t} \odot (1 - h_t^2)\right)^{\top} h_{t-1}^{\top}`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.filter((d) => d.code === 'row-gradient')).toHaveLength(2);
  });

  it('(∂L/∂h_t)ᵀ h_{t-1}ᵀ, the tanh slope left out, fails and names the slope', () => {
    const r = checks(
      String.raw`\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \left(\frac{\partial L}{\partial h_t}\right)^{\top} h_{t-1}^{\top}`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toContain("tanh'(W h_{t-1} + U x_t)");
    const note = r.diagnostics.find((d) => d.code === 'row-gradient');
    expect(note?.message).toBe(
      '(∂L/∂h_t)ᵀ is read as a column (a gradient is a row in numerator layout, so its transpose is the vector ∂L/∂h_t)',
    );
  });

  it('two rows joined by ⊙ stay their entrywise product (a row)', () => {
    const r = checks(
      String.raw`\left(\frac{\partial L}{\partial h_t}\right)^{\top} \odot (1 - h_t^2)^{\top} = \left(\frac{\partial L}{\partial h_t} \odot (1 - h_t^2)\right)^{\top}`,
    );
    expect(r.diagnostics.filter((d) => d.code === 'row-gradient')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('two rows side by side of which the left is no gradient keep their reading', () => {
    const r = checks(String.raw`h_t^{\top} h_{t-1}^{\top} = (h_t \odot h_{t-1})^{\top}`);
    expect(r.diagnostics.filter((d) => d.code === 'row-gradient')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
