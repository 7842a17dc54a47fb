// A derive's result writes its value out (text and LaTeX) when first read (issue 11: a 64×64 gradient is
// 4,096 numbers printed twice): read late, cloned or serialised, the same strings, and a symbolic form
// assigned over them still wins.
import { describe, expect, it } from 'vitest';
import { analyze, formsFor } from '../../src/analysis';
import { valueLatex, valueText } from '../../src/display/number';
import { makeProblem, rnnText } from '../../bench/rnnProblem';

const sheet = `T = 3
input x = [1, -0.5, 2]
param w = 0.7
param u = 0.3
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
loss L = Σ_t h_t^2
derive ∂L/∂w
derive ∂L/∂h_t
`;

describe('derive results written out on first read', () => {
  it('give `query = value` in text and LaTeX at six digits, the same cloned and serialised', () => {
    const r = analyze(rnnText(makeProblem(4, 3, 3), true));
    const res = r.derives[0]!.results[0]!;
    expect(Object.getOwnPropertyDescriptor(res, 'text')?.get).toBeTypeOf('function');
    expect(Object.keys(res)).toEqual(['t', 'value', 'text', 'latex']);
    expect(res.text).toBe(`∂L/∂W_hh = ${valueText(res.value, 6)}`);
    expect(res.latex.endsWith(` = ${valueLatex(res.value, 6)}`)).toBe(true);
    expect(structuredClone(r.derives)).toEqual(JSON.parse(JSON.stringify(r.derives)));
  });

  it('keep a symbolic form assigned over the number', () => {
    const derive = analyze(sheet).derives[0]!;
    const numeric = derive.results[0]!;
    const withForms = formsFor(sheet, derive.line)!.results[0]!;
    expect(numeric.text).toMatch(/^∂L\/∂w = -?[\d.]+$/);
    expect(withForms.forms).toBeDefined();
    expect(withForms.text).not.toBe(numeric.text);
    expect(JSON.parse(JSON.stringify(withForms)).text).toBe(withForms.text);
  });
});
