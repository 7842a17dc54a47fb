// Seed 002 (Deep Learning assignment 2): question 1.1 on a vector RNN (bold vectors, superscript steps,
// the chain rule in numerator layout as textbooks write it), question 1.2 (b) on an LSTM's parameter
// count. Its mistake: N_total multiplies the output layer by four (88 instead of 76 here).
// (b)'s second and third sides, Σ_i … ∂h^{(T)}/∂h^{(i)} ∂h^{(i)}/∂W_hh, are right when ∂h^{(i)}/∂W_hh is the
// one-step derivative, as the seed means it: they hold as one-step derivatives, while ∂𝓛^{(T)}/∂W_hh (a
// per-step loss no later step reads) stays total and ∂h^{(T)}/∂h^{(i)} is one-step only where i is T or T−1.

import { describe, expect, it } from 'vitest';
import { analyzeFixture, analyzeSeedSolution, expectLink, expectNoErrorsBut, expectTag, lineContaining, solution } from './helpers';

describe('seed 002 pasted into check lines', () => {
  const rnn = analyzeFixture('seed002.rnn');
  const lstm = analyzeFixture('seed002-lstm.rnn');

  it('reads every equation, in the seed notation, with no error', () => {
    expectNoErrorsBut(rnn);
    expectNoErrorsBut(lstm);
  });

  it('(a) and the chain rule of (b) hold, vector times Jacobian times tensor in the textbook order', () => {
    expectTag(rnn, 'a', 'holds');
    expectLink(rnn, 'b', 1, 'holds');
  });

  it("(b)'s sums over the steps hold as one-step derivatives (the seed's ∂h^{(i)}/∂W_hh is one-step)", () => {
    expectLink(rnn, 'b', 2, 'holds-as-one-step');
    expectLink(rnn, 'b', 3, 'holds-as-one-step');
  });

  it("(b)'s sum over steps with the product of Jacobians holds with ∂⁺ for the step's own term", () => {
    expectTag(rnn, "b'", 'holds');
  });

  it('the LSTM count N_total fails (the output layer counted four times); the output layer once holds', () => {
    expectTag(
      lstm,
      'b',
      'fails',
      /the left side is 76, the right side 88/,
      /The factor 4 multiplies N_output ?·? ?N_hidden \+ N_output too/,
    );
    expectTag(lstm, "b'", 'holds');
    expect(lstm.params.reduce((n, p) => n + p.count, 0)).toBe(76);
  });
});

describe('seed 002 as it stands (Markdown solution)', () => {
  const name = '002-vanilla-rnn-jacobians.md';
  const report = analyzeSeedSolution(name);
  const text = solution(name);

  it('reads all three equations under its two networks (the RNN, then the LSTM)', () => {
    expect(report.networks).toHaveLength(2);
    expect(report.skipped).toBe(0);
    expect(report.checked).toBe(3);
  });

  it('(a) holds; N_total fails at its own line', () => {
    const a = report.equations.find((e) => e.range.line === lineContaining(text, '\\partial \\mathbf{W}_{ph}} = '));
    expect(a?.status).toBe('holds');
    const n = report.equations.find((e) => e.range.line === lineContaining(text, '$$N_{\\text{total}} = 4'));
    expect(n?.status).toBe('fails');
    expect(n?.message).toMatch(/the left side is 76, the right side 88/);
    // the culprit named: the 4 of the gates also multiplies the output layer's weights and bias
    expect(n?.message).toMatch(/The factor 4 multiplies N_output ?·? ?N_hidden \+ N_output too: applied to .* only, the check holds/);
  });
});
