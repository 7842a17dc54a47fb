// Seed 000 (a GRU-like cell, exercise 3.2): h_t = u_t·h_{t-1} + (1 − u_t)·s_t with u_t = σ(w·h_{t-1} + w·x_t)
// and s_t = w·(h_{t-1} + x_t). The seed differentiates h_t by h_{t-1} as if u_t did not depend on
// h_{t-1}: eq. (5), (10) and (14) leave out ∂h_t/∂u_t·∂u_t/∂h_{t-1} (h_t also reaches h_{t-1} through
// s_t, which the seed does count). Everything else it writes holds.

import { describe, expect, it } from 'vitest';
import { analyzeFixture, analyzeSeedSolution, equationOf, expectNoErrorsBut, expectTag, solution, lineContaining } from './helpers';

const U_PATH = /leaves out the path through u_t: the term ∂h_t\/∂u_t·∂⁺u_t\/∂h_\{t-1\}/;

describe('seed 000 pasted into check lines', () => {
  const report = analyzeFixture('seed000.rnn');

  it("reads every equation; (13)'s ellipsis continues its factors' pattern, as ∏, and holds", () => {
    expectNoErrorsBut(report);
    expectTag(report, '13', 'holds');
    expect(report.diagnostics.some((d) => d.severity === 'information' && /the ellipsis is read as the product/.test(d.message))).toBe(
      true,
    );
  });

  it('the definitions (1), (2), (3), (7) and the derivative of s_t (8) hold', () => {
    for (const tag of ['1', '2', '3', '7', '8']) expectTag(report, tag, 'holds');
  });

  it('(4) — a numerator without ∂ — is read as the derivative it means, and says so', () => {
    expectTag(report, '4', 'holds');
    expect(report.diagnostics.some((d) => d.severity === 'information' && /the numerator has no ∂/.test(d.message))).toBe(true);
  });

  it('(5), (10) and (14) fail, naming the left-out path through u_t', () => {
    for (const tag of ['5', '10', '14']) expectTag(report, tag, 'fails', U_PATH);
  });

  it("the teacher's answer (with the u_t path) and (13) written with ∏ hold", () => {
    expectTag(report, "10'", 'holds');
    expectTag(report, "13'", 'holds');
  });
});

describe('seed 000 as it stands (Markdown solution)', () => {
  const name = '000-gru-long-term-dependencies.md';
  const report = analyzeSeedSolution(name);

  it('flags (5), (10), (14) at their own lines with the u_t path', () => {
    const text = solution(name);
    for (const tag of ['5', '10', '14']) {
      const eq = equationOf(report, tag);
      expect(eq.status).toBe('fails');
      expect(eq.message).toMatch(U_PATH);
      const diag = report.diagnostics.find((d) => d.severity === 'error' && d.line === eq.range.line);
      expect(diag?.message).toMatch(U_PATH);
    }
    expect(equationOf(report, '10').range.line).toBe(lineContaining(text, '= u_t + (1 - u_t).w \\quad (10)'));
  });

  it('the right equations hold; (6) is empty, (11)/(12) use the names A_t/B_t it never defines', () => {
    for (const tag of ['1', '2', '3', '4', '7', '8', '13']) expect(equationOf(report, tag).status, `(${tag})`).toBe('holds');
    expect(equationOf(report, '6').status).toBe('skipped');
    // a name of the student's own, defined here: said as such (no "did you mean x?" for a one-letter name)
    expect(equationOf(report, '11').message).toMatch(
      /A_t is not a name of the network: the equation defines it, so there is nothing to check/,
    );
    expect(equationOf(report, '12').message).toMatch(/B_t is not a name of the network/);
    expect(equationOf(report, '11').message).not.toMatch(/did you mean/);
  });
});
