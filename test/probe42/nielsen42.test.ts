// Probe 42 (session 55): Nielsen's BP1–BP4 (Neural Networks and Deep Learning, ch. 2) with the layers as steps, their
// proofs by the chain rule and the matrix form. Found and fixed: Σ'(z^L) (eq. 33, the diagonal matrix of σ'(z_j)) was
// "unknown LaTeX command \Sigma" (lexer.ts sigmaPrimeDiag: diag(σ'(…))); the book's y with no step, C = ½‖y − a^L‖²,
// was "y is a sequence" where the network reads its target at y_T alone (lastStepTarget.ts); BP1 by entry after the
// solution's own δ^l_j ≡ ∂C/∂z^l_j was taken as a second definition, "δ^L = … would define δ at the last layer alone"
// (solution/analyze.ts).
import { describe, expect, it } from 'vitest';
import { read42 } from './read42';

describe('Nielsen’s four equations, with the layers as steps', () => {
  const { r, v, e } = read42('nielsen-bp.md');
  it('every equation reads; BP1–BP4, the matrix form and the proofs hold', () => {
    expect(r.checked).toBe(21);
    expect(r.skipped).toBe(1);
    expect(e['29']!.message).toMatch(/it defines δ by a derivative/);
    for (const tag of ['23', '25', '27', 'BP1', 'BP1a', '30', 'BP2', 'BP3', 'BP4', '33', '34', '37', '42', '44', '45'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the book’s y with no step is the last layer’s target, said so', () => {
    expect(JSON.stringify(r.diagnostics)).toMatch(/y is written without a step, outside a step's equation: read as y_T/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['n1']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['n2']!.message).toMatch(/w_\{l\+1\} should be w_\{l\+1\}ᵀ: with that transpose the check holds/);
    expect(v['n3']!.message).toMatch(/a_l should be a_\{l-1\}: with that step the check holds/);
    expect(v['n4']!.message).toMatch(/δ_\{l\+1\} should be δ_l: with that step the check holds/);
    expect(v['n5']!.message).toMatch(/σ\(z_l\[j\]\) should be σ′\(z_l\[j\]\)/);
    expect(v['n6']!.message).toMatch(/should be diag\(σ′\(z_l\)\) w_\{l\+1\}ᵀ: with its two factors in that order the check holds/);
  });
});
