// A two-unit RNN worked by hand (session 49): vectors written as bmatrix of numbers rounded to 4 decimals. A scalar
// rounded with = was named ("0.4621 is the left side rounded to 4 decimals …", "computed from rounded numbers …"), a
// vector was not: "the left side is [0.761594, 0.462117], the right side [0.7616, 0.4621]" and nothing more. The same
// hints now read a vector or matrix entry by entry; the verdict stays fails (= is judged to 1e-6, LANGUAGE.md §5).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 2
input x = [1, -1]
target y = [1, 0]
param W : 2x2 = [[0.5, 0], [0.1, 0.4]]
param U : 2 = [1, 0.5]
param v : 1x2 = [[1, -1]]
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
o_t = v h_t
loss L = Σ_t 1/2 (o_t - y_t)^2
~~~
`.replace(/~~~/g, '```');

const links = (eq: string) => analyzeSolution(`# Homework\n\n${NET}\n$$${eq}$$\n`, 'markdown').equations[0]!.checks;

describe('a vector rounded by hand', () => {
  it('written as numbers rounded entry by entry is named so', () => {
    const [, rounded] = links(String.raw`h_1 = \tanh(U) = \begin{bmatrix} 0.7616 \\ 0.4621 \end{bmatrix}`);
    expect(rounded!.status).toBe('fails');
    expect(rounded!.message).toMatch(
      /\[0\.7616, 0\.4621\] is the left side rounded to 4 decimals, entry by entry: a rounded value is written after ≈ \(… ≈ \[0\.7616, 0\.4621\]\)/,
    );
    // a whole number among the entries is exact: [0.7616, 0] is no rounding of h_1
    const [, off] = links(String.raw`h_1 = \tanh(U) = \begin{bmatrix} 0.7616 \\ 0 \end{bmatrix}`);
    expect(off!.message).not.toMatch(/rounded/);
    // one entry off in its last digit beyond rounding (0.4631): no rounding either
    const [, slip] = links(String.raw`h_1 = \tanh(U) = \begin{bmatrix} 0.7616 \\ 0.4631 \end{bmatrix}`);
    expect(slip!.message).not.toMatch(/rounded/);
  });

  it('computed from rounded numbers, each entry within what their rounding moves it, is named so', () => {
    // W h_1 − U with h_1 rounded: [0.3808 − 1, 0.0762 + 0.1848 − 0.5]
    const [, computed] = links(
      String.raw`h_2 = \tanh(W h_1 - U) = \tanh\left(\begin{bmatrix} 0.3808 - 1 \\ 0.0762 + 0.1848 - 0.5 \end{bmatrix}\right)`,
    );
    expect(computed!.status).toBe('fails');
    expect(computed!.message).toMatch(
      /The right side is computed from rounded numbers, 0\.3808 \(4 decimals\), 0\.0762 \(4 decimals\), 0\.1848 \(4 decimals\): the sides differ by at most 5\.93e-6 in an entry, within what that rounding moves each entry of the right side \(up to ±9\.4e-5\)/,
    );
    // a wrong number among them (0.2848 for 0.1848) is no rounding
    const [, wrong] = links(
      String.raw`h_2 = \tanh(W h_1 - U) = \tanh\left(\begin{bmatrix} 0.3808 - 1 \\ 0.0762 + 0.2848 - 0.5 \end{bmatrix}\right)`,
    );
    expect(wrong!.message).not.toMatch(/computed from rounded numbers/);
  });
});
