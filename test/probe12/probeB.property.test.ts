// probeB (session 12): seeds 002 and 003 written by a test author, on random sizes. Every chain-rule-order
// product of Jacobians that a sheet writes for a vector RNN (loss at T, softmax/cross-entropy) and for an MLP with
// layers as steps must hold as written; a transpose or swapped-index mistake must fail and name the culprit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { Report } from '../../src/report';

const ACT = { tanh: '1 - h_t^2', σ: 'h_t ⊙ (1 - h_t)' } as const;

interface Rnn {
  T: number;
  n: number;
  d: number;
  p: number;
  act: keyof typeof ACT;
  hot: number[];
  vals: boolean;
}

const rnnArb = fc
  .record({
    T: fc.integer({ min: 2, max: 5 }),
    n: fc.integer({ min: 2, max: 4 }),
    d: fc.integer({ min: 1, max: 3 }),
    p: fc.integer({ min: 2, max: 3 }),
    act: fc.constantFrom<keyof typeof ACT>('tanh', 'σ'),
    hot: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    vals: fc.boolean(),
  })
  .map((r): Rnn => ({ ...r, hot: r.hot.slice(0, r.T).map((h) => h % r.p) }));

/** a vector RNN as a test author declares it: shapes, one-hot targets, values only sometimes */
function rnnSource(r: Rnn, checks: string[]): string {
  const row = (k: number) => `[${Array.from({ length: r.p }, (_, j) => (j === k ? 1 : 0)).join(', ')}]`;
  const x = (s: number) =>
    r.d === 1 ? `${((s * 37) % 11) / 10 - 0.5}` : `[${Array.from({ length: r.d }, (_, j) => (((s + j) * 37) % 11) / 10 - 0.5).join(', ')}]`;
  return [
    `T = ${r.T}`,
    `input  x${r.d === 1 ? '' : ` : ${r.d}`}${r.vals ? ` = [${Array.from({ length: r.T }, (_, s) => x(s)).join(', ')}]` : ''}`,
    // with no values, a cross-entropy target is sampled one-hot
    `target y : ${r.p}${r.vals ? ` = [${r.hot.map(row).join(', ')}]` : ''}`,
    `param  W_hx${r.d === 1 ? ` : ${r.n}` : ` : ${r.n}x${r.d}`}`,
    `param  W_hh : ${r.n}x${r.n}`,
    `param  b_h : ${r.n}`,
    `param  W_ph : ${r.p}x${r.n}`,
    `param  b_p : ${r.p}`,
    'h_0 = 0',
    `h_t = ${r.act}(W_hx x_t + W_hh h_{t-1} + b_h)`,
    'p_t = W_ph h_t + b_p',
    'ŷ_t = softmax(p_t)',
    'L_t = -sum(y_t ⊙ log(ŷ_t))',
    'loss L = L_T',
    ...checks,
  ].join('\n');
}

function errors(rep: Report): string[] {
  return rep.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`);
}

describe('probeB: seed 002 on random vector RNNs', { timeout: 240_000 }, () => {
  it('every chain-rule-order product holds as written', () => {
    fc.assert(
      fc.property(rnnArb, fc.nat(), (r, pick) => {
        const i = 1 + (pick % (r.T - 1));
        const d = ACT[r.act];
        const checks = [
          `check ∂L/∂p_T = ŷ_T - y_T`,
          `check ∂L/∂p^{(T)} = \\mathrm{softmax}(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)}`,
          `check \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{W}_{ph}} = \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} \\frac{\\partial \\mathbf{p}^{(T)}}{\\partial \\mathbf{W}_{ph}}`,
          `check ∂L/∂h_${i} = ∂L/∂p_T ∂p_T/∂h_T ∂h_T/∂h_${i}`,
          `check ∂L/∂h^{(${i})} = ∂L/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} \\prod_{j=${i}+1}^{T} ∂h^{(j)}/∂h^{(j-1)}`,
          `check ∂L/∂h_${i} = (∂h_T/∂h_${i})ᵀ (∂p_T/∂h_T)ᵀ ∂L/∂p_T`,
          `check ∂L/∂h_T = (ŷ_T - y_T) W_ph = W_ph^\\top (ŷ_T - y_T)`,
          `check ∂h_t/∂h_{t-1} = diag(${d}) W_hh`,
          `check ∂h_T/∂h_${i} = ∏_{j=${i + 1}}^{T} diag(${d.replace(/_t/g, '_j')}) W_hh`,
          `check ∂L/∂W_hh = ∂L/∂p_T ∂p_T/∂h_T ∂h_T/∂W_hh`,
          `check ∂L/∂W_hh = Σ_{i=1}^{T} ∂L/∂h_i ∂⁺h_i/∂W_hh`,
          `check ∂L/∂W_hh = Σ_{i=1}^{T} ∂L/∂p_T ∂p_T/∂h_T ∂h_T/∂h_i ∂⁺h_i/∂W_hh`,
          `check ∂L/∂W_hh = Σ_{i=1}^{T} diag(${d.replace(/_t/g, '_i')}) ∂L/∂h_i h_{i-1}^\\top`,
          `check ∂L/∂W_hx = Σ_{i=1}^{T} ∂L/∂h_i ∂⁺h_i/∂W_hx`,
        ];
        // the sheet's ∂ of a step by a shared parameter is the one-step derivative: the teacher's reading
        const oneStep = [`check ∂L/∂b_h = Σ_{i=1}^{T} ∂L/∂h_i ∂h_i/∂b_h`, `check ∂L/∂W_hh = Σ_{i=1}^{T} ∂L/∂h_T ∂h_T/∂h_i ∂h_i/∂W_hh`];
        const rep = analyze(rnnSource(r, [...checks, ...oneStep]));
        expect(errors(rep)).toEqual([]);
        expect(rep.checks).toHaveLength(checks.length + oneStep.length + 1);
        const want = (line: number) => (line > 14 + checks.length ? 'holds-as-one-step' : 'holds');
        const bad = rep.checks.filter((c) => c.status !== want(c.line));
        expect(bad.map((c) => `${c.line} ${c.equation}: ${c.status} ${c.message}`)).toEqual([]);
      }),
      { numRuns: 12, seed: 2026_12_01 },
    );
  });
});

describe('probeB: seed 003 on random MLPs (layers as steps)', { timeout: 240_000 }, () => {
  it("the seed's formulas hold at every layer and neuron; a swapped weight index fails and is named", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 4 }), fc.boolean(), (T, n, sq) => {
        const p0 = `[${Array.from({ length: n }, (_, i) => ((i * 7) % 5) / 4 - 0.5).join(', ')}]`;
        const net = [
          `T = ${T}`,
          `param w_t : ${n}x${n}`,
          `p_0 = ${p0}`,
          'z_t = w_tᵀ p_{t-1}',
          'p_t = σ(z_t)',
          sq ? 'loss E = sum(p_T^2) / 2' : 'loss E = sum(p_T)',
        ].join('\n');
        const good = [
          "check \\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\cdot \\sigma' \\left( z_j^{(k+1)} \\right) \\cdot w_{i,j}^{(k+1)} for k = 0..T-1",
          "check ∂E/∂p_r^{(k-1)} = Σ_i ∂E/∂p_i^{(k)} σ'(z_i^{(k)}) w_{r,i}^{(k)} = Σ_{i,j} ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) σ'(z_i^{(k)}) w_{ij}^{(k+1)} w_{ri}^{(k)}",
          "check ∂E/∂w_{i,j}^{(k)} = ∂E/∂p_j^{(k)} σ'(z_j^{(k)}) p_i^{(k-1)}",
          "check ∂E/∂p_0 = ∂E/∂p_T ∏_{j=1}^{T} diag(σ'(z_j)) w_jᵀ",
        ];
        const rep = analyze(`${net}\n${good.join('\n')}\n`);
        expect(errors(rep)).toEqual([]);
        expect(rep.checks.filter((c) => c.status !== 'holds').map((c) => `${c.line}: ${c.status} ${c.message}`)).toEqual([]);
        const bad = analyze(`${net}\ncheck ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{j,i}^{(k+1)}\n`).checks[0]!;
        expect(bad.status).toBe('fails');
        expect(bad.message).toMatch(/w_\{k\+1\}\[j, i\] should be w_\{k\+1\}\[i, j\]/);
      }),
      { numRuns: 10, seed: 2026_12_01 },
    );
  });
});
