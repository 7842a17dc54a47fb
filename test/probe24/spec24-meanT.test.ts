// A side T times the other was always "a factor 1/T missing (a loss averaged over the steps)". With T = 2 — a small
// exercise's horizon — that is also the square's 2: `∂L_1/∂h_1 = h_1 − y_1` under L_t = (y_t − h_t)^2, a plain sum,
// was told "it has a factor 1/T too many", and `∂L/∂w = 4w` for L = w² "misses a factor 1/T", culprits the loss does
// not have. The 1/T reading is now kept for a loss that averages (meanLoss.ts averagesOverSteps: a 1/T, a mean);
// elsewhere the ratio is said as a number, and a number written wrong is named ("The 4 should be 2"). A 1/T too many
// is still said where the side writes one (−(2/3)(h_3 − y_3) at T = 3, test/probe17/seeds17-scale).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const SUM2 = `T = 2
input x = [0.5, -1]
target y = [1, 0]
param w = 0.7
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
L_t = (y_t - h_t)^2
`;

const messages = (text: string) => analyze(text).checks.map((c) => c.message);

describe('T times is a mean only where the loss averages', () => {
  it('a summed loss at T = 2: the square’s 2 left out is no "factor 1/T too many"', () => {
    const [m] = messages(`${SUM2}loss L = Σ_t L_t\ncheck ∂L_1/∂h_1 = (h_1 - y_1)\n`);
    // (session 53: the factor's source is said, the square's 2)
    expect(m).toMatch(
      /The right side is 0\.5 times the left side: a factor 2 is missing \(the 2 that the square in L_t brings to its derivative\)$/,
    );
    expect(m).not.toMatch(/1\/T/);
  });

  it('a number written wrong is named, not blamed on a mean', () => {
    const [m] = messages('T = 2\nparam w = 1.5\nloss L = w^2\ncheck ∂L/∂w = 4 w\n');
    expect(m).toMatch(/The 4 should be 2: the right side is 2 times the left at every point checked/);
    expect(m).not.toMatch(/averaged/);
  });

  it('a loss that averages over T = 2 steps still gets the 1/T reading', () => {
    const [a, b, c] = messages(
      `${SUM2}loss L = (1/T) Σ_t L_t\ncheck ∂L/∂h_2 = ∂L_2/∂h_2\ncheck ∂L/∂h_2 = \\frac{1}{T} \\cdot -2(y_2 - h_2)\ncheck ∂L/∂h_2 = -2(y_2 - h_2)\n`,
    );
    expect(a).toMatch(/T = 2 times the left side: it misses a factor 1\/T \(a loss averaged over the steps\)/);
    expect(b).toMatch(/^holds/);
    // −2/T is −1 at T = 2: the number written is named
    expect(c).toMatch(/The 2 should be 1: the right side is 2 times the left/);
  });

  it('a mean written mean(…) or as a per-step 1/T averages too (T = 3)', () => {
    const net = `T = 3
input x = [0.5, -1, 0.3]
target y = [1, 0, 1]
param w = 0.7
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
`;
    const [a] = messages(`${net}L_t = (1/T)(y_t - h_t)^2\nloss L = Σ_t L_t\ncheck ∂L/∂h_3 = -2(y_3 - h_3)\n`);
    expect(a).toMatch(/misses a factor 1\/T \(a loss averaged over the steps\)/);
    const [b] = messages(`${net}loss L = Σ_t (y_t - h_t)^2\ncheck ∂L/∂h_3 = -6(y_3 - h_3)\n`);
    expect(b).not.toMatch(/1\/T/);
  });

  it('a target of 0 makes no written term a "path": −(y_2 − h_2) with y_2 = 0 is not "the term h_2 is no path"', () => {
    // the chain-rule matcher distributed the side into −y_2 (0 at the file's values, skipped as a path that is not
    // there) and h_2, a term the student never wrote (termMatch.ts): such a side is left to the other hints
    const [a, b] = messages(`${SUM2}loss L = Σ_t L_t\ncheck ∂L/∂h_2 = -(y_2 - h_2)\ncheck ∂L/∂h_2 = -4(y_2 - h_2)\n`);
    expect(a).not.toMatch(/no path/);
    expect(a).toMatch(/The right side is 0\.5 times the left side: a factor 2 is missing/);
    expect(b).toMatch(/The 4 should be 2: the right side is 2 times the left at every point checked/);
  });
});
