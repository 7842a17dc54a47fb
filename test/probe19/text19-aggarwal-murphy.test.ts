// Session 19 (text19): the RNN forward equations and BPTT gradients as Aggarwal ("Neural Networks and Deep
// Learning", ch. 7: h_t = tanh(W_xh x_t + W_hh h_{t-1}), y_t = W_hy h_t, ∂L/∂W_hh = Σ_t diag(1 − h_t²) (∂L/∂h_t)
// h_{t-1}ᵀ) and Murphy (PML1 §15.2: h_t = φ(W_xh x_t + W_hh h_{t-1} + b_h), the loss averaged over the steps, and
// ∂h_t/∂w_h = ∂f/∂w_h + ∂f/∂h_{t-1} ∂h_{t-1}/∂w_h) print them. They read as they are: pinned here, with a random
// network for the Σ diag(1 − h_t²) form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const FAST = { draws: 2, graph: false };
const run = (text: string) => analyze(text, FAST);

const aggarwal = (W_xh: number[][], W_hh: number[][], W_hy: number[][]) =>
  [
    'T = 3',
    'input x : 2 = [[0.5, -1], [1, 0.2], [-0.3, 0.8]]',
    `param W_xh : 3x2 = ${JSON.stringify(W_xh)}`,
    `param W_hh : 3x3 = ${JSON.stringify(W_hh)}`,
    `param W_hy : 2x3 = ${JSON.stringify(W_hy)}`,
    'target y : 2 = [[1,0],[0,1],[1,0]]',
    'h_0 = [0, 0, 0]',
    'h_t = tanh(W_xh x_t + W_hh h_{t-1})',
    'ŷ_t = W_hy h_t',
    'L_t = 0.5 sum((ŷ_t - y_t)^2)',
    'loss L = Σ_t L_t',
    '',
  ].join('\n');

describe('Aggarwal ch. 7', () => {
  it('Σ_t diag(1 − h_t²) (∂L/∂h_t) h_{t-1}ᵀ is ∂L/∂W_hh on random weights; h_tᵀ for h_{t-1}ᵀ fails naming it', () => {
    const m = (r: number, c: number) =>
      fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
    fc.assert(
      fc.property(m(3, 2), m(3, 3), m(2, 3), (a, b, c) => {
        const r = run(
          aggarwal(a, b, c) +
            'check ∂L/∂W_hh = Σ_t diag(1 − h_t²) (∂L/∂h_t) h_{t-1}^T\ncheck ∂L/∂W_xh = Σ_t diag(1 − h_t²) (∂L/∂h_t) x_t^T\ncheck ∂L/∂W_hy = Σ_t (∂L/∂ŷ_t) h_t^T\n',
        );
        expect(r.checks.map((x) => x.status)).toEqual(['holds', 'holds', 'holds']);
      }),
      { numRuns: 4 },
    );
    const I = [
      [0.3, -0.2, 0.5],
      [0.1, 0.4, -0.3],
      [-0.2, 0.2, 0.1],
    ];
    const wrong = run(
      aggarwal(
        [
          [0.2, 0.1],
          [-0.3, 0.5],
          [0.4, -0.1],
        ],
        I,
        [
          [0.5, -0.2, 0.3],
          [0.1, 0.6, -0.4],
        ],
      ) + 'check ∂L/∂W_hh = Σ_t diag(1 − h_t²) (∂L/∂h_t) h_t^T\n',
    );
    expect(wrong.checks[0]!.status).toBe('fails');
    expect(wrong.checks[0]!.message).toContain('should be h_{t-1}');
  });
});

const MURPHY = [
  'T = 3',
  'input x : 2',
  'param W_xh : 3x2',
  'param W_hh : 3x3',
  'param b_h : 3',
  'param W_ho : 2x3',
  'param b_o : 2',
  'target y : 2 = [[1,0],[0,1],[1,0]]',
  'φ = tanh',
  'h_0 = [0, 0, 0]',
  'h_t = φ(W_xh x_t + W_hh h_{t-1} + b_h)',
  'o_t = W_ho h_t + b_o',
  'ℓ_t = 0.5 sum((o_t - y_t)^2)',
  'loss L = 1/T Σ_t ℓ_t',
  '',
].join('\n');

describe('Murphy PML1 §15.2', () => {
  it('the forward equation and the BPTT recursion hold as printed; dropping the recursion fails naming the path', () => {
    const a = run(
      MURPHY +
        [
          'check h_t = φ(W_xh x_t + W_hh h_{t-1} + b_h)',
          'check ∂L/∂W_hh = 1/T Σ_{t=1}^{T} ∂ℓ(y_t, o_t)/∂o_t ∂o_t/∂h_t ∂h_t/∂W_hh',
          'check ∂h_t/∂W_hh = ∂⁺h_t/∂W_hh + ∂h_t/∂h_{t-1} ∂h_{t-1}/∂W_hh',
          'check ∂L/∂W_hh = 1/T Σ_{t=1}^{T} ∂ℓ_t/∂o_t ∂o_t/∂h_t ∂⁺h_t/∂W_hh',
        ].join('\n') +
        '\n',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(a.checks[3]!.message).toContain('No term covers the path W_hh → h_');
  });

  it('as a Markdown solution', () => {
    const text = [
      '```rnn',
      MURPHY,
      '```',
      '',
      '$$\\mathbf{h}_t = \\varphi(\\mathbf{W}_{xh} \\mathbf{x}_t + \\mathbf{W}_{hh} \\mathbf{h}_{t-1} + \\mathbf{b}_h)$$',
      '',
      '$$\\frac{\\partial L}{\\partial \\mathbf{W}_{hh}} = \\frac{1}{T} \\sum_{t=1}^{T} \\frac{\\partial \\ell(y_t, o_t)}{\\partial o_t} \\frac{\\partial o_t}{\\partial h_t} \\frac{\\partial h_t}{\\partial W_{hh}}$$',
      '',
    ].join('\n');
    expect(analyzeSolution(text, 'markdown', { analyze: FAST }).equations.map((e) => e.status)).toEqual(['holds', 'holds']);
  });
});
