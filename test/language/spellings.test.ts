// LANGUAGE.md §1: lines, comments, names and the spellings that are the same token.
import { describe, expect, it } from 'vitest';
import { derived, errors, lastCheck, near, run, SHEET7 } from './helpers';

const base = derived(SHEET7 + 'derive ∂L/∂W_hh');

describe('§1 spellings fold to the same token', () => {
  const variants: [string, string][] = [
    ['σ', 'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)'],
    ['\\sigma', 'h_t = \\sigma(W_xh x_t + W_hh h_{t-1} + b_h)'],
    ['sigma', 'h_t = sigma(W_xh x_t + W_hh h_{t-1} + b_h)'],
    ['sigmoid', 'h_t = sigmoid(W_xh x_t + W_hh h_{t-1} + b_h)'],
    ['· products', 'h_t = σ(W_xh · x_t + W_hh · h_{t-1} + b_h)'],
    ['⋅ products', 'h_t = σ(W_xh ⋅ x_t + W_hh ⋅ h_{t-1} + b_h)'],
    ['\\cdot products', 'h_t = σ(W_xh \\cdot x_t + W_hh \\cdot h_{t-1} + b_h)'],
    ['* products', 'h_t = σ(W_xh * x_t + W_hh * h_{t-1} + b_h)'],
    ['h^(t-1)', 'h_t = σ(W_xh x_t + W_hh h^(t-1) + b_h)'],
    ['h^{(t-1)}', 'h^{(t)} = σ(W_xh x^{(t)} + W_hh h^{(t-1)} + b_h)'],
    ['W_{hh}', 'h_t = σ(W_{xh} x_t + W_{hh} h_{t-1} + b_{h})'],
    ['\\left( \\right)', 'h_t = σ\\left(W_xh x_t + W_hh h_{t-1} + b_h\\right)'],
    // LANGUAGE.md v2 §1
    ['. products', 'h_t = σ(W_xh.x_t + W_hh.h_{t-1} + b_h)'],
    ['\\mathbf fonts', 'h_t = \\sigma(\\mathbf{W}_{xh} \\mathbf{x}_t + \\mathbf{W}_{hh} \\mathbf{h}_{t-1} + \\boldsymbol{b}_h)'],
    ['\\mathbf{h}^{(t)}', 'h^{(t)} = σ(W_xh \\mathbf{x}^{(t)} + W_hh \\mathbf{h}^{(t-1)} + b_h)'],
    ['spacing and \\tag', 'h_t = \\sigma\\!\\left(W_{xh}\\,x_t + W_{hh}\\;h_{t-1} + b_h\\right) \\tag{1}'],
    ['\\quad (1)', 'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h) \\quad (1)'],
  ];
  for (const [name, line] of variants) {
    it(name, () => {
      const text = SHEET7.replace('h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)', line) + 'derive ∂L/∂W_hh';
      expect(near(derived(text), base)).toBe(true);
    });
  }

  const sums = [
    'loss L = Σ_{1≤t≤T} L_t',
    'loss L = \\sum_{1 \\le t \\le T} \\mathcal{L}_t',
    'loss L = Σ_t L_t',
    'loss L = ∑_t L_t',
    'loss L = \\sum_{t=1}^{T} L_t',
    'loss L = sum_t L_t',
    'loss L = Σ_{t=1}^{3} L_t',
    'loss L = sum_{t=1}^T L_t',
    'loss L = L_1 + L_2 + L_3',
  ];
  for (const s of sums) {
    it(`sum: ${s}`, () => {
      expect(near(derived(SHEET7.replace('loss L = Σ_t L_t', s) + 'derive ∂L/∂W_hh'), base)).toBe(true);
    });
  }

  const derivs = [
    'derive ∇_{W_hh} L',
    'derive \\nabla_{\\mathbf{W}_{hh}} \\mathcal{L}',
    'derive \\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}_{hh}}',
    'derive ∂L/∂W_hh',
    'derive \\partial L/\\partial W_hh',
    'derive dL/dW_hh',
    'derive grad(L, W_hh)',
    'derive \\frac{\\partial L}{\\partial W_{hh}}',
    'derive \\frac{∂L}{∂W_hh}',
  ];
  for (const d of derivs) it(`derivative: ${d}`, () => expect(near(derived(SHEET7 + d), base)).toBe(true));

  it('∂⁺, ∂^+, d+ and grad+ are the immediate partial', () => {
    const imm = derived(SHEET7 + 'derive ∂⁺h_2/∂W_xh');
    for (const d of [
      'derive ∂^+h_2/∂W_xh',
      'derive d+h_2/dW_xh',
      'derive grad+(h_2, W_xh)',
      'derive \\partial^+ h_2/\\partial W_xh',
      'derive \\frac{\\partial^+ h_2}{\\partial W_xh}',
    ]) {
      expect(near(derived(SHEET7 + d), imm)).toBe(true);
    }
    expect(near(imm, derived(SHEET7 + 'derive ∂h_2/∂W_xh'))).toBe(false);
  });

  it('⊙ ∘ \\odot \\circ are the elementwise product', () => {
    const pre = 'T = 2\nparam a : 2 = [1, 2]\nparam b : 2 = [3, 5]\n';
    for (const op of ['⊙', '∘', '\\odot', '\\circ']) expect(derived(`${pre}derive a ${op} b`)).toEqual([3, 10]);
  });

  it("ᵀ, ' and ^T transpose", () => {
    const pre = 'T = 1\nparam M : 2x2 = [[1, 2], [3, 4]]\n';
    for (const e of ['Mᵀ', "M'", 'M^T', 'M^{T}', 'M^\\top'])
      expect(derived(`${pre}derive ${e}`)).toEqual([
        [1, 3],
        [2, 4],
      ]);
  });

  it('\\frac{A}{B} is A/B', () => expect(derived('T = 1\nderive \\frac{3}{4}')).toBe(0.75));

  it('an activation alias φ = σ is the function everywhere', () => {
    const text = 'φ = \\sigma\n' + SHEET7.replace('h_t = σ(', 'h_t = φ(') + 'derive ∂L/∂W_hh';
    expect(near(derived(text), base)).toBe(true);
  });

  it('² is ^2, and a matrix environment is a literal', () => {
    expect(near(derived(SHEET7.replace('L_t = (y_t - o_t)^2', 'L_t = (y_t - o_t)²') + 'derive ∂L/∂W_hh'), base)).toBe(true);
    expect(derived('T = 1\nparam M : 2x2 = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}\nderive M')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(derived('T = 1\nparam v : 3 = \\begin{pmatrix} 1 \\\\ 2 \\\\ 3 \\end{pmatrix}\nderive v')).toEqual([1, 2, 3]);
  });

  it('# and // start comments; statements continue while a bracket is open', () => {
    const text = `T = 2 # horizon
// a comment line
param W : 2x2 = [[1, 2],
                 [3, 4]]
input x : 2 = [[1, 0], [0, 1]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} +
           x_t)
derive h_2
`;
    const r = run(text);
    expect(errors(r)).toEqual([]);
    expect(r.derives[0]!.results[0]!.value).toHaveLength(2);
  });

  it('Greek names and LaTeX Greek are the same name', () => {
    expect(derived('T = 1\nparam α = 2\nderive \\alpha^2')).toBe(4);
  });

  it('Unicode subscript digits index: h₂ is h_2', () => {
    expect(near(derived(SHEET7 + 'derive h₂'), derived(SHEET7 + 'derive h_2'))).toBe(true);
  });

  it('W_xh and b_h are names, h_t and L_3 are indexed', () => {
    const r = run(SHEET7 + 'check L_3 = (y_3 - o_3)^2');
    expect(errors(r)).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
  });

  it("σ′ with a Unicode prime is σ'", () => {
    expect(lastCheck(SHEET7 + "check σ′(0.3) = σ'(0.3)").status).toBe('holds');
  });
});
