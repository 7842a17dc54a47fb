// One step of gradient descent worked by hand (session 49): "With learning rate $\eta = 0.1$:
// $$w' = w - \eta \frac{\partial L}{\partial w} = 0.5 - 0.1 \cdot 0.7967 = 0.42033$$". Read whole, w' was wᵀ = w (a prime
// is a transpose), so every link "failed" with the left side 0.5; η given in prose was unknown. The new value (w', w_{new},
// w^{new}, θ^{+}) now labels the step's formula, and the chain is checked from it on; η in inline math is a constant.
import { describe, expect, it } from 'vitest';
import { descentStepParam } from '../../src/language/descentStep';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 2
input x = [1, 2]
target y = [0.5, -0.5]
param w = 0.5
param W_hh = 0.8
h_0 = 0
h_t = tanh(w x_t + W_hh h_{t-1})
loss L = 1/2 Σ_t (h_t - y_t)^2
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) =>
  analyzeSolution(`# Homework\n\n${NET}\nWith learning rate $\\eta = 0.1$:\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown');

const STEP = String.raw`w - \eta \frac{\partial L}{\partial w}`;

describe('a step of gradient descent', () => {
  it('labels its formula: the chain is checked from it on, with η from the prose', () => {
    const sol = solve(`w' = ${STEP} = 0.5 - 0.1 \\cdot 0.7967 = 0.42033`);
    const links = sol.equations[0]!.checks;
    // ∂L/∂w = 0.796702: 0.5 − 0.1 · 0.7967 and 0.42033 are the step's value to 1e-6, numbers the file's values give
    expect(links.map((l) => [l.link, l.status])).toEqual([
      [2, 'holds-at-given-values'],
      [3, 'holds-at-given-values'],
    ]);
    const said = sol.diagnostics.map((d) => d.message);
    expect(said).toContain(
      "link 1 not checked: the left side is w after a step of gradient descent, a value the network does not have (it has one w): the chain is checked from the step's formula on",
    );
    expect(said.some((m) => /unknown name η/.test(m))).toBe(false);
  });

  it('a wrong step is judged as any side: the gradient’s sign, or a wrong number', () => {
    const [plus] = solve(`w_{new} = ${STEP} = 0.5 + 0.1 \\cdot 0.7967`).equations[0]!.checks;
    expect(plus!.status).toBe('fails');
    const [, wrong] = solve(`w^{new} = ${STEP} = 0.5 - 0.1 \\cdot 0.7967 = 0.4303`).equations[0]!.checks;
    expect(wrong!.status).toBe('fails');
  });

  it('the new value is read in each spelling, of a parameter only, and only before the step of that parameter', () => {
    const isParam = (n: string) => n === 'w' || n === 'W_hh' || n === 'θ';
    expect(descentStepParam(String.raw`w' = w - \eta \frac{\partial L}{\partial w}`, isParam)).toBe('w');
    expect(descentStepParam(String.raw`w^{\prime} = w - \eta \frac{\partial L}{\partial w}`, isParam)).toBe('w');
    expect(descentStepParam(String.raw`W_{hh}^{new} = W_{hh} - 0.1 \frac{\partial L}{\partial W_{hh}}`, isParam)).toBe('W_hh');
    expect(descentStepParam(String.raw`W_{hh}' = W_{hh} − η ∂L/∂W_{hh}`, isParam)).toBe('W_hh');
    expect(descentStepParam(String.raw`\theta^{+} = \theta - \alpha \nabla_\theta L`, isParam)).toBe('θ');
    expect(descentStepParam(String.raw`w_new = w - \eta \frac{\partial L}{\partial w}`, isParam)).toBe('w');
    // a state's next value, another parameter's step, no derivative, or a plus: no step of w's
    expect(descentStepParam(String.raw`h' = h - \eta \frac{\partial L}{\partial h}`, isParam)).toBeNull();
    expect(descentStepParam(String.raw`w' = W_{hh} - \eta \frac{\partial L}{\partial w}`, isParam)).toBeNull();
    expect(descentStepParam(String.raw`w' = w - 0.1 \cdot 0.7967`, isParam)).toBeNull();
    expect(descentStepParam(String.raw`w' = w + \eta \frac{\partial L}{\partial w}`, isParam)).toBeNull();
  });
});
