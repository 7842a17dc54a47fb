// LANGUAGE.md §4: products are read "in the order the chain rule is written (numerator layout) … no transposes
// needed". With a vector state h_t and a scalar weight w, ∂L/∂h_t is a row and ∂h_t/∂w a column, so
// `∂L/∂w = Σ_t ∂L/∂h_t · ∂⁺h_t/∂w` is the chain rule — but both are vectors of n to the shape rules, whose product
// of equal shapes is elementwise, and the right chain rule failed ("the left side is a scalar, the right side a
// vector of 2 entries"). A product whose left factor ends in a derivative by X and whose right factor begins with a
// derivative of X is the row times the column; other vectors (gates) keep the elementwise product.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = [
  'T = 3',
  'param w = 0.5',
  'input x : 2 = [[1, 0], [0, 1], [1, 1]]',
  'h_0 = [0.1, 0.2]',
  'h_t = tanh(w h_{t-1} + x_t)',
  'loss L = Σ_t sum(h_t)',
];

function checks(...lines: string[]) {
  const r = analyze([...net, ...lines.map((l) => `check ${l}`), ''].join('\n'));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.checks;
}

describe('the chain rule through a vector, written without transposes', () => {
  it('gradient row times Jacobian column: the scalar ∂L/∂w', () => {
    const c = checks(
      '∂L/∂w = Σ_t ∂L/∂h_t · ∂⁺h_t/∂w',
      '∂L/∂w = Σ_t ∂L/∂h_t ∂⁺h_t/∂w',
      '∂L/∂w = ∂L/∂h_1 ∂h_1/∂w + ∂L/∂h_2 ∂⁺h_2/∂w + ∂L/∂h_3 ∂⁺h_3/∂w',
      '∂L/∂w = ∂L/∂h_3 · ∂h_3/∂h_2 · ∂h_2/∂w',
      '∂L/∂w = Σ_t ∂L/∂h_t (∂⁺h_t/∂w + 0 ∂h_t/∂w)',
      '∂L/∂w = Σ_t ∂⁺h_t/∂w · ∂L/∂h_t',
    );
    expect(c.map((x) => x.status)).toEqual(['holds', 'holds', 'holds', 'fails', 'holds', 'holds']);
  });

  it("derive's own chain form, pasted back as a check, holds (Σ and ∏ of Jacobians between the row and the column)", () => {
    const r = analyze(
      [
        'T = 3',
        'param w = 0.5',
        'input x : 2 = [[1, 0], [0, 1], [1, 1]]',
        'h_0 = [0.1, 0.2]',
        'h_t = tanh(w h_{t-1} + x_t)',
        'L_t = sum(h_t^2)',
        'loss L = Σ_t L_t',
        'derive ∂L/∂w',
        '',
      ].join('\n'),
      { forms: true },
    );
    const chain = r.derives[0]!.results[0]!.forms!.chain!.text;
    const general = chain.split('\n').find((l) => l.includes('Σ_{t=1}^{3}'))!;
    expect(general.trim()).toBe('= Σ_{t=1}^{3} ∂L_t/∂h_t·Σ_{k=1}^{t} (∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}) ∂⁺h_k/∂w');
    const checked = analyze(
      [
        'T = 3',
        'param w = 0.5',
        'input x : 2 = [[1, 0], [0, 1], [1, 1]]',
        'h_0 = [0.1, 0.2]',
        'h_t = tanh(w h_{t-1} + x_t)',
        'L_t = sum(h_t^2)',
        'loss L = Σ_t L_t',
        `check ∂L/∂w ${general.trim()}`,
        'check ∂L/∂w = Σ_{t=1}^{3} Σ_{k=1}^{t} ∂L_t/∂h_t (∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}) ∂⁺h_k/∂w',
        '',
      ].join('\n'),
    );
    expect(checked.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('the one-step reading and its message still apply', () => {
    const [c] = checks('∂L/∂w = Σ_t ∂L/∂h_t · ∂h_t/∂w');
    expect(c!.status).toBe('holds-as-one-step');
    expect(c!.message).toMatch(/^holds as a one-step derivative, with ∂h_t\/∂w read as one-step derivative/);
  });

  it('a per-step scalar parameter (layers as steps): ∂E/∂w_t = ∂E/∂p_t ∂p_t/∂w_t', () => {
    const r = analyze(
      [
        'T = 3',
        'param w_t = [0.5, -0.3, 0.8]',
        'param b_t : 2 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]',
        'p_0 = [1, -1]',
        'p_t = σ(w_t p_{t-1} + b_t)',
        'loss E = 0.5 sum(p_T^2)',
        'check ∂E/∂w_t = ∂E/∂p_t ∂p_t/∂w_t',
        '',
      ].join('\n'),
    );
    expect(r.checks.map((c) => [c.status, c.message])).toEqual([['holds', "holds for t = 1..3 at the file's values and 4 random draws"]]);
  });

  it('vectors that are no chain keep the elementwise product, and the hint puts a product in parentheses before ᵀ', () => {
    const [c] = checks("∂L/∂w = Σ_t (∂L/∂h_t ⊙ tanh'(w h_{t-1} + x_t)) h_{t-1}");
    expect(c!.status).toBe('fails');
    expect(c!.message).toContain('or (∂L/∂h_t ⊙ tanh′(w h_{t-1} + x_t))ᵀ h_{t-1}, is the scalar meant: with it the check holds');
  });
});
