// w^{T} of a scalar w is read as a transpose (language.md), which leaves w as it is; where the check fails and the power
// w^T (T the horizon) makes it hold, that is said (check/scalarTranspose.ts; session 41, a probe of student solutions).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { failingMessage } from './toyNets';

const NET = `T = 3
input x = [1.0, -0.5, 0.25]
param w = 0.9
s_0 = 0.2
s_t = tanh(x_t + w s_{t-1})
loss E = Σ_t s_t^2
`;

describe('a scalar’s ^T meant as the power', () => {
  it('is said where the power makes the check hold', () => {
    for (const w of ['w^T', 'w^{T}'])
      expect(failingMessage(NET, `∂s_T/∂s_0 = ${w} ∏_{t=1}^{T} (1 - s_t^2)`)).toMatch(
        /w\^T is read as a transpose, which leaves a scalar as it is: read as the power w\^3 \(T = 3\), the check holds$/,
      );
  });

  it('leaves a vector formula copied onto a scalar network a transpose, and says nothing where the power mends nothing', () => {
    expect(analyze(`${NET}check ∂E/∂w = Σ_t ∂E/∂s_t (1 - s_t^2) s_{t-1}^T\n`).checks[0]!.status).toBe('holds');
    expect(failingMessage(NET, '∂s_T/∂s_0 = w^T ∏_{t=1}^{T} (1 - s_t)')).not.toMatch(/read as the power/);
  });
});
