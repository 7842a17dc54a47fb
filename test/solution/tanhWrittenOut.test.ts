// tanh written out with exponentials in a hand computation (session 36, read35's leftover): `h_1 = \tanh(0.2) =
// \frac{e^{0.2} − e^{−0.2}}{e^{0.2} + e^{−0.3}}` failed with the values only, where σ's 1/(1 + e^{−z}) named the wrong
// number. Each exponent is now laid over z, −z (or 2z, −2z in the forms with one exponential), so a wrong one is named.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 2
input x = [1, 2]
target y = [0.5, 1]
param w = 0.5
param u = 0.2
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
L = 0.5 Σ_t (h_t - y_t)^2
`;

const solve = (eq: string) => analyzeSolution(`# Exam\n\n\`\`\`rnn\n${NET}\`\`\`\n\n$$${eq}$$\n`, 'markdown').equations[0]!.checks;
const check = (line: string) => analyze(`${NET}check ${line}\n`).checks;

// h_1 = tanh(w h_0 + u x_1) = tanh(0.2)
const BY_H1 = "By h_1's definition (h_1 = tanh(w h_0 + u x_1)): ";

describe('tanh written out with exponentials', () => {
  it('in a solution: a wrong exponent is named with the value of what it stands for', () => {
    const links = solve(String.raw`h_1 = \tanh(0.2) = \frac{e^{0.2} - e^{-0.2}}{e^{0.2} + e^{-0.3}}`);
    expect(links[1]!.status).toBe('fails');
    expect(links[1]!.message).toContain(`${BY_H1}0.3 is not w h_0 + u x_1 = 0.2: with 0.2 in its place the check holds`);
  });

  it('in a .rnn check line too', () => {
    const links = check(String.raw`h_1 = \tanh(0.2) = \frac{e^{0.2} - e^{-0.2}}{e^{0.2} + e^{-0.3}}`);
    expect(links[1]!.status).toBe('fails');
    expect(links[1]!.message).toContain(`${BY_H1}0.3 is not w h_0 + u x_1 = 0.2: with 0.2 in its place the check holds`);
  });

  it('one wrong z written in all four exponents is one mistake, named once', () => {
    const [link] = solve(String.raw`h_1 = \frac{e^{0.3} - e^{-0.3}}{e^{0.3} + e^{-0.3}}`);
    expect(link!.message).toMatch(/: 0\.3 is not w h_0 \+ u x_1 = 0\.2: with 0\.2 in its place the check holds$/);
  });

  it('the forms with one exponential: (1 − e^{−2z})/(1 + e^{−2z}) and (e^{2z} − 1)/(e^{2z} + 1)', () => {
    expect(solve(String.raw`h_1 = \frac{1 - e^{-2 \cdot 0.3}}{1 + e^{-2 \cdot 0.3}}`)[0]!.message).toContain(
      '0.3 is not w h_0 + u x_1 = 0.2: with 0.2 in its place the check holds',
    );
    expect(solve(String.raw`h_1 = \frac{e^{0.5} - 1}{e^{0.4} + 1}`)[0]!.message).toContain(
      '0.5 is not 2(w h_0 + u x_1) = 0.4: with 0.4 in its place the check holds',
    );
  });

  it('a sum in the exponent is laid term by term (h_2 = tanh(w h_1 + u x_2))', () => {
    const links = solve(
      String.raw`h_2 = \tanh(w h_1 + u x_2) = \frac{e^{0.0987 + 0.5} - e^{-(0.0987 + 0.5)}}{e^{0.0987 + 0.5} + e^{-(0.0987 + 0.5)}}`,
    );
    expect(links[1]!.message).toMatch(
      /0\.5 is not u x_2 = 0\.4: with 0\.4 in its place \(and w h_1 = 0\.0986877 for its rounding 0\.0987\) the check holds$/,
    );
  });

  it('written right, it holds at the values (a side of numbers is true for these values only)', () => {
    const [link] = solve(String.raw`h_1 = \frac{e^{0.2} - e^{-0.2}}{e^{0.2} + e^{-0.2}}`);
    expect(link!.status).toBe('holds-at-given-values');
  });
});
