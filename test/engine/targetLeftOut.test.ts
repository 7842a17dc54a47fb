// A target left out inside a formula (check/targetLeftOut.ts): W_phᵀ ŷ_T for W_phᵀ(ŷ_T − y_T), Σ_t ŷ_t h_tᵀ for
// Σ_t (ŷ_t − y_t) h_tᵀ, and Goodfellow's (10.18) written ŷ_i − 1 for ŷ_i − 1_{i=y}. Before, each gave the two values
// and no reason (session 55's note left the first alone; session 56's Goodfellow run as a test author met the last).
import { describe, expect, it } from 'vitest';
import { failingMessage } from './toyNets';
import { analyze } from '../../src/index';

const NET = `T = 3
input x : 2 = [[0.5, -1], [1, 0.2], [-0.3, 0.8]]
target y : 2 = [[1, 0], [0, 1], [1, 0]]
param W_hx : 3x2
param W_hh : 3x3
param W_ph : 2x3
h_0 = [0, 0, 0]
h_t = tanh(W_hx x_t + W_hh h_{t-1})
p_t = W_ph h_t
ŷ_t = softmax(p_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t
`;

// the message spells ŷ as y and a combining circumflex (the printer's accents)
const hat = (re: string) => new RegExp(re.replace(/ŷ/g, 'y\u0302'));

describe('a target left out inside a formula', () => {
  it('inside a product, the prediction written alone is named with its target', () => {
    const r = analyze(NET + 'check ∂L_T/∂h_T = W_phᵀ ŷ_T\n');
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(hat('ŷ_T should be ŷ_T − y_T \\(the target y_T is left out\\): with that the check holds$'));
    // the underline is the ŷ_T the student wrote
    expect(c.culprit?.column).toBe('check ∂L_T/∂h_T = W_phᵀ '.length + 1);
  });
  it('inside a Σ over the steps', () => {
    expect(failingMessage(NET, '∂L/∂W_ph = Σ_t ŷ_t h_tᵀ')).toMatch(hat('ŷ_t should be ŷ_t − y_t \\(the target y_t is left out\\)'));
  });
  it('a 1 where the one-hot target’s entry belongs', () => {
    expect(failingMessage(NET, '∂L_t/∂p_t[i] = ŷ_t[i] - 1')).toMatch(/The 1 should be y_t\[i\], the target's entry/);
  });
  it('the right formulas hold, and a wrong one that the target does not mend is not blamed on it', () => {
    const r = analyze(NET + 'check ∂L_T/∂h_T = W_phᵀ (ŷ_T - y_T)\ncheck ∂L/∂W_ph = Σ_t (ŷ_t - y_t) h_tᵀ\n');
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(failingMessage(NET, '∂L_T/∂h_T = W_phᵀ p_T')).not.toMatch(/target .* is left out/);
  });

  // a class label (a scalar target indexing ŷ: Goodfellow's L^{(t)} = −log ŷ^{(t)}_{y^{(t)}}) is left out as its
  // one-hot vector, and its entry is the indicator 1_{i=y^{(t)}}: before, both gave the two values and no reason
  const LABELS = NET.replace('target y : 2 = [[1, 0], [0, 1], [1, 0]]', 'target y = [1, 2, 1]').replace(
    'L_t = -sum(y_t ⊙ log(ŷ_t))',
    'L_t = -log(ŷ_t[y_t])',
  );
  it('a class label left out is named as its one-hot vector', () => {
    expect(failingMessage(LABELS, '∂L/∂W_ph = Σ_t ŷ_t h_tᵀ')).toMatch(
      hat('ŷ_t should be ŷ_t − onehot\\(y_t, 2\\) \\(the target class y_t, as a one-hot vector, is left out\\)'),
    );
    expect(failingMessage(LABELS, '∂L_t/∂p_t[i] = ŷ_t[i] - 1')).toMatch(
      /The 1 should be 1\[i = y_t\], the indicator of the target class y_t/,
    );
    // the label itself where its one-hot vector belongs (ŷ_T − y_T with y_T a number, taken from every entry)
    expect(failingMessage(LABELS, '∂L_T/∂h_T = W_phᵀ (ŷ_T - y_T)')).toMatch(
      /y_T is a class label, a number taken from every entry: the target vector is onehot\(y_T, 2\), and with it the check holds/,
    );
    const r = analyze(LABELS + 'check ∂L/∂W_ph = Σ_t (ŷ_t - onehot(y_t, 2)) h_tᵀ\ncheck ∂L_t/∂p_t[i] = ŷ_t[i] - 1_{i=y_t}\n');
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
