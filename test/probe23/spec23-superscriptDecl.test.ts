// LANGUAGE.md §2 declares one parameter per step as `param NAME_t`, and §3 says "Superscript steps are the same as
// subscript ones: h^{(t)}, x^{(t+1)}". A sheet that numbers its steps or layers in superscripts (seeds 003 and 004)
// declares `param w^{(t)}`, `input x^{(t)}`, `target y^{(t)}`: these were "declare w without an index". A superscript
// t is the step of the declaration, as `_t` is; any other index stays refused, precisely (but a whole number, a deep
// RNN's layer since session 43).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

describe('declarations with a superscript step', () => {
  it('param w^{(t)}, input x^{(t)}, target y^{(t)} read as w_t, x, y', () => {
    const r = analyze(
      [
        'T = 3',
        'param w^{(t)} = [0.5, -0.3, 0.8]',
        'param \\mathbf{W}^{(t)} : 2x2 = 0.1',
        'input x^{(t)} = [1, 2, 3]',
        'target y^{(t)} = [1, 0, 1]',
        'p_0 = 0.5',
        'p^{(t)} = σ(w^{(t)} p^{(t-1)} + x^{(t)})',
        'loss E = 0.5 (p^{(T)} - y^{(T)})^2 + sum(W_1)',
        "check ∂E/∂w^{(k)} = ∂E/∂p^{(k)} σ'(w_k p_{k-1} + x_k) p_{k-1}",
        'check w_2 = -0.3',
        '',
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity !== 'hint')).toEqual([]);
    expect(r.params).toEqual([
      { name: 'w', shape: [], count: 3 },
      { name: 'W', shape: [2, 2], count: 12 },
    ]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds-at-given-values']);
  });

  it('another index is refused, saying what to write', () => {
    const r = analyze(['T = 2', 'param w^{(k)} = 1', 'loss L = w', ''].join('\n'));
    expect(r.diagnostics[0]!.message).toBe('declare w without an index: `param w` (or `param w_t` for one per step)');
  });

  // session 43: a number over the name declares a deep RNN's layer (d2l's W_{xh}^{(l)}), as `param w_2` declares the
  // name w_2; it was refused here as the index above is (superscriptNames.ts, test/language/layerNames.test.ts)
  it('a whole number in brackets over the name is a layer: param w^{(2)} declares the parameter w^{(2)}', () => {
    const r = analyze(['T = 2', 'param w^{(2)} = 1.5', 'loss L = w^{(2)}', ''].join('\n'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.params).toEqual([{ name: 'w^{(2)}', shape: [], count: 1 }]);
    expect(r.loss!.value).toBe(1.5);
  });
});
