// A homework's hand computation (session 49): each chain ends with the side before it rounded, and that side is computed
// from numbers rounded earlier, so the last value is right to the student's arithmetic and off the exact value in its
// last digit (0.213667 → 0.2137, the exact 0.213603 → 0.2136). It failed with the two values alone; it now says so, and
// what the exact value rounds to (≈ with 0.2137 would fail too: ≈ is judged to the digits written).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 2
input x = [1, 2]
target y = [0.5, -0.5]
param w = 0.5
param u = 0.8
h_0 = 0
h_t = tanh(w x_t + u h_{t-1})
loss L = 1/2 Σ_t (h_t - y_t)^2
~~~
`.replace(/~~~/g, '```');

const solve = (eq: string) => analyzeSolution(`# Homework\n\n${NET}\n$$${eq}$$\n`, 'markdown').equations[0]!.checks;

// ∂L/∂h_1 = (h_1 − y_1) + ∂L/∂h_2 (1 − h_2²) u = 0.213603; with h_1, h_2 rounded to 4 decimals the products give 0.213667
const DH1 = String.raw`\frac{\partial L}{\partial h_1} = (h_1 - y_1) + \frac{\partial L}{\partial h_2} (1 - h_2^2) u`;

describe('a value rounded from the side before it', () => {
  it('is named with the side it rounds, the rounding it carries, and the exact value’s digits', () => {
    const links = solve(`${DH1} = -0.0379 + 1.3786 \\cdot 0.2281 \\cdot 0.8 = 0.2137`);
    expect(links.map((l) => l.status)).toEqual(['holds', 'fails', 'fails']);
    expect(links[2]!.message).toMatch(
      /0\.2137 is the side before it, −0\.0379 \+ 1\.3786·0\.2281·0\.8 = 0\.213667, rounded to 4 decimals; that side is computed from rounded numbers, 0\.0379 \(4 decimals\), 1\.3786 \(4 decimals\), 0\.2281 \(4 decimals\), and differs from the left side by 6\.4e-5, within what that rounding moves it \(±0\.00011\)\. The exact value rounds to 0\.2136/,
    );
  });

  it('a last value that is not the side before it rounded: a slip in its last digits is named, a wrong number is not rounding', () => {
    const slip = solve(`${DH1} = -0.0379 + 1.3786 \\cdot 0.2281 \\cdot 0.8 = 0.2135`)[2]!;
    expect(slip.status).toBe('fails');
    expect(slip.message).toMatch(
      /0\.2135 is not the side before it rounded: −0\.0379 \+ 1\.3786·0\.2281·0\.8 = 0\.213667 rounds to 0\.2137, the exact value to 0\.2136$/,
    );
    // past five units of its last digit it is no slip of the last step
    const links = solve(`${DH1} = -0.0379 + 1.3786 \\cdot 0.2281 \\cdot 0.8 = 0.2173`);
    expect(links[2]!.status).toBe('fails');
    expect(links[2]!.message).not.toMatch(/side before it|rounded/);
  });

  it('a number’s trailing zero is one of its digits: 0.6590 is rounded to 4 decimals, and so written back', () => {
    // ∂L/∂h_2 = h_2 − y_2 with h_2 = 0.878622: 1.3790 is no rounding of it to 4 decimals (read as 1.379, it was, to 3)
    const [, zero] = solve(`\\frac{\\partial L}{\\partial h_2} = h_2 - y_2 = 1.3790`);
    expect(zero!.status).toBe('fails');
    expect(zero!.message).not.toMatch(/rounded to/);
    const [, kept] = solve(`\\frac{\\partial L}{\\partial h_2} = h_2 - y_2 = 0.8786 + 0.5000`);
    expect(kept!.message).toMatch(/computed from rounded numbers, 0\.8786 \(4 decimals\), 0\.5000 \(4 decimals\)|≈ 0\.8786 \+ 0\.5000/);
  });

  it('a side before it that is wrong beyond its rounding is not vouched for', () => {
    // 0.3 for u: the side before is 0.056 — the last value rounds it, but that side is a wrong computation
    const links = solve(`${DH1} = -0.0379 + 1.3786 \\cdot 0.2281 \\cdot 0.3 = 0.0564`);
    expect(links[2]!.status).toBe('fails');
    expect(links[2]!.message).not.toMatch(/side before it/);
  });

  it('the exact value written is judged as ever, and a side of names before it is no side to round', () => {
    // a number holds at the file's values (a computation with numbers), never a rounding's failure
    expect(solve(`${DH1} = 0.213603`).map((l) => l.status)).toEqual(['holds', 'holds-at-given-values']);
    const named = solve(`${DH1} = (h_1 - y_1) + 1.3786 (1 - h_2^2) u = 0.2137`);
    expect(named[2]!.message).not.toMatch(/side before it/);
  });
});
