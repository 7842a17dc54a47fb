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

describe('a scalar’s ^T meant as the power, one off (probe 32: Grosse’s w^{T−1} written w^T)', () => {
  it('says the power has one factor too many or too few (it failed with its values only)', () => {
    expect(failingMessage(NET, `∂s_T/∂s_1 = w^{T} ∏_{t=2}^{T} (1 - s_t^2)`)).toMatch(
      /w\^T is read as a transpose, which leaves a scalar as it is; read as the power w\^3 \(T = 3\) it has one factor w too many: with w\^\{T-1\} = w\^2 the check holds$/,
    );
    expect(failingMessage(NET, `∂s_T/∂s_0 = w^{T} w ∏_{t=1}^{T} (1 - s_t^2)`)).toMatch(/one factor w too many/);
  });
});

describe('a square matrix’s ^T where the power T − 1 is meant (probe 32: Grosse’s linear RNN, ∂h^{(T)}/∂h^{(1)} = W^{T−1})', () => {
  const LIN = `T = 3
input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.4]]
param U : 2x2 = [[0.3, -0.2], [0.5, 0.1]]
param W : 2x2 = [[0.6, 0.4], [-0.3, 0.8]]
h_0 = [0.2, -0.1]
h_t = W h_{t-1} + U x_t
loss L = 1/2 ‖h_T‖^2
`;
  it('stays the transpose and says the power that holds (it failed with its values only)', () => {
    expect(failingMessage(LIN, '∂h_T/∂h_1 = W^{T}')).toMatch(
      /W\^T is read as the transpose of W; read as the power W\^\{T-1\} = W\^2 \(T = 3\), the check holds$/,
    );
  });
  it('keeps a transpose that is meant, and says nothing where no power mends the check', () => {
    expect(analyze(`${LIN}check ∂L/∂h_1 = W^T ∂L/∂h_2\n`).checks[0]!.status).toBe('holds');
    expect(failingMessage(LIN, '∂h_T/∂h_1 = U^{T}')).not.toMatch(/read as the power/);
    // T = 2: W^{T−1} is W itself, the transpose hints' "should be W", not a power
    const two = LIN.replace('T = 3', 'T = 2').replace('[[1, 0], [0.5, -1], [-0.3, 0.4]]', '[[1, 0], [0.5, -1]]');
    expect(failingMessage(two, '∂h_2/∂h_1 = W^T')).not.toMatch(/read as the power/);
  });
});
