// A solution written with decimal commas (session 35), as German, French, Dutch, … students write numbers: LaTeX's
// `0{,}5` and a bare `0,2913` after ≈. The value after ≈ was "not checked: the part after \approx (a rounded value or
// an inequality is no equation)", so a wrong answer, `≈ -0{,}5` for -0.0502, showed ✓ for the formula before it.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 2
input x = [1, -1]
target y = [0.5, 0.2]
param w = 0.8
param u = 0.3
param v = 1.2
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
\hat{y}_t = v h_t
L = Σ_t (\hat{y}_t - y_t)^2
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) => analyzeSolution(`# Aufgabe 2\n\n${NET}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown');
const links = (eq: string) => solve(eq).equations[0]!.checks.map((c) => [c.status, c.message]);
const GRAD = String.raw`\frac{\partial L}{\partial v} = \sum_t 2(\hat y_t - y_t) h_t`;

describe('a decimal comma', () => {
  it('after ≈, braced as LaTeX writes it: judged to its digits', () => {
    expect(links(`${GRAD} \\approx -0{,}0502`).map((l) => l[0])).toEqual(['holds', 'holds']);
    const wrong = links(`${GRAD} \\approx -0{,}5`);
    expect(wrong[1]).toEqual(['fails', expect.stringMatching(/which rounds to -0\.1, not -0\.5 as written/)]);
  });

  it('after ≈, bare: judged too, unless it separates thousands', () => {
    expect(links(`${GRAD} \\approx -0,0502`).map((l) => l[0])).toEqual(['holds', 'holds']);
    expect(links(`${GRAD} \\approx -0,5`)[1]![0]).toBe('fails');
    // 1,000 is a thousand as an English solution writes it: no decimal (and no value ≈ can take)
    expect(solve(`\\frac{\\partial L}{\\partial v} \\approx 1,000`).equations[0]!.status).toBe('skipped');
  });

  it('inside a formula, braced: the number it writes', () => {
    const [eq] = solve(String.raw`h_1 = \tanh(0{,}3) \approx 0{,}2913`).equations;
    expect(eq!.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds']);
    expect(eq!.checks[1]!.message).toMatch(/which rounds to 0\.2913/);
  });

  it('a range of steps is no decimal: t = 1,2', () => {
    const [eq] = solve(String.raw`\frac{\partial h_t}{\partial h_{t-1}} = w (1 - h_t^2) \quad \text{for } t = 1,2`).equations;
    expect(eq!.status).toBe('holds');
    expect(eq!.message).toMatch(/for t = 1\.\.2/);
  });
});
