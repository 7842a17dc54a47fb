// The Euclidean norm as sheets write a squared-error loss: ½‖y_t − ŷ_t‖², \|…\|, \lVert…\rVert_2^2, ‖…‖.
// ‖x‖ is sqrt(sum(x ⊙ x)); ‖x‖² is sum(x ⊙ x) itself, so that its gradient 2x has a value at x = 0.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { errors } from './helpers';

const NET = (loss: string) => `T = 3
input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
target y : 2 = [[1, 0], [0, 1], [0.5, 0.5]]
param  W : 2x2 = [[0.4, -0.2], [0.3, 0.5]]
param  U : 2x2 = [[0.1, 0.2], [-0.3, 0.4]]
param  V : 2x2 = [[0.7, -0.5], [0.2, 0.1]]
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
\\hat{y}_t = V h_t
L_t = ${loss}
loss L = \\sum_{t=1}^{T} L_t
`;

describe('‖x‖ and ‖x‖²', () => {
  it.each([
    String.raw`\frac{1}{2}\|y_t - \hat{y}_t\|^2`,
    String.raw`\frac{1}{2}\left\| y_t - \hat{y}_t \right\|^2`,
    String.raw`\frac12 \lVert y_t - \hat{y}_t \rVert_2^2`,
    String.raw`\frac{1}{2} \Vert y_t - \hat{y}_t \Vert_{2}^{2}`,
    '½ ‖y_t - ŷ_t‖²',
  ])('%s is half the sum of squares, and its gradient is ŷ_t − y_t (gradcheck)', (loss) => {
    const r = analyze(NET(loss.replace('½', '0.5 ')) + 'check L_t = 0.5 sum((y_t - ŷ_t) ⊙ (y_t - ŷ_t))\ncheck ∂L_t/∂ŷ_t = ŷ_t - y_t\n', {
      gradcheck: true,
    });
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    for (const g of r.gradcheck) expect(g.relError, g.name).toBeLessThan(1e-6);
  });

  it('‖x‖ is the square root of the sum of squares; ‖x‖² at x = 0 has the gradient 0', () => {
    const r = analyze(`${NET('\\|y_t - \\hat{y}_t\\|')}check L_t = sqrt(sum((y_t - ŷ_t) ⊙ (y_t - ŷ_t)))\n`, { gradcheck: true });
    expect(errors(r)).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
    for (const g of r.gradcheck) expect(g.relError, g.name).toBeLessThan(1e-6);
    const zero = analyze('T = 1\nparam v : 2 = [0, 0]\nloss L = \\|v\\|^2\nderive ∂L/∂v');
    expect(errors(zero)).toEqual([]);
    expect(zero.derives[0]!.results[0]!.value).toEqual([0, 0]);
  });

  it('another norm, or a bar left open, is named', () => {
    expect(errors(analyze(NET('\\|y_t - \\hat{y}_t\\|_1'))).map((d) => d.message)).toEqual([
      "only the Euclidean norm ‖x‖_2 (of a matrix, its spectral norm) and the Frobenius norm ‖x‖_F are read, not the norm _'1'",
    ]);
    expect(errors(analyze(NET('\\|y_t - \\hat{y}_t'))).map((d) => d.message)).toEqual([
      expect.stringMatching(/^expected '‖' to close the norm ‖…‖ opened at 10:7/),
    ]);
  });
});

describe('\\frac12: TeX one-character arguments', () => {
  it('\\frac12, \\frac 34, \\frac1T, \\frac1{2T}, \\dfrac12', () => {
    const r = analyze(
      'T = 2\nparam v : 2 = [1, 2]\nloss L = \\frac12 sum(v)\ncheck L = 0.5 sum(v)\ncheck \\frac1T L = L/2\ncheck \\frac1{2T} L = L/4\ncheck \\frac 34 L = 0.75 L\ncheck \\dfrac12 L = L/2\n',
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
  });
});
