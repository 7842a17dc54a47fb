// Seed 001 (exercise sheet 7): a scalar RNN over three steps, h_t = σ(h̃_t), y_t = σ(ỹ_t), targets t_t.
// Its mistakes: (21) and (29) keep only the first step's path; (26) and (28) are one-step derivatives
// written as ∂ (right as the sheet means them, not as total derivatives); (32)'s last factor should be
// ∂h_1/∂W_xh; (33)–(35) leave out L_1's term, right only because h_0 = 0.

import { describe, expect, it } from 'vitest';
import {
  analyzeFixture,
  analyzeSeedSolution,
  equationOf,
  expectLink,
  expectNoErrorsBut,
  expectTag,
  lineContaining,
  solution,
} from './helpers';

const ONE_STEP = /holds as a one-step derivative/;
const LAST_FACTOR = /the last factor should be ∂h_1\/∂W_xh/;
// with h_t = σ(h̃_t) the wrong term is named, and the factor it should have (its factors span h̃ too)
const NO_PATH = /The term ∂L_3\/∂y_3·∂y_3\/∂h_3·∂h_3\/∂h_2·∂h_2\/∂h_1·∂h_2\/∂W_xh \(= [-\d.e]+\) is no path from W_xh to L/;
const H0 = /leans on the given value of h_0 \(h_0 = 0\)/;

describe('seed 001 pasted into check lines', () => {
  const report = analyzeFixture('seed001.rnn');

  it("reads every equation; (3)'s 𝓛_t(t_t, y_t), the loss written with its arguments, is read as 𝓛_t and holds", () => {
    expectNoErrorsBut(report);
    expectTag(report, '3', 'holds');
    const note = report.diagnostics.find((d) => d.severity === 'information' && /arguments in parentheses/.test(d.message));
    expect(note?.message).toBe('L_t(…) is read as L_t: the arguments in parentheses name what it depends on');
  });

  it('the definitions, the loss and part (a) hold: (1), (2), (3) without its arguments, (4)–(6), (7)–(8), (10)–(11), (13)–(15), (16)–(17), (18)–(20), exercise 2', () => {
    for (const tag of ['1', '2', "3'", '4', '7', '10', '13', '16', '18', 'E2']) expectTag(report, tag, 'holds');
  });

  it("(21) keeps only L_1's path and fails naming the path through step 2; (22)–(24) hold", () => {
    expectLink(report, '21', 1, 'holds');
    expectLink(report, '21', 2, 'fails', /leaves out the path through h̃_2/);
    expectLink(report, '21', 3, 'holds');
  });

  it('(26) and (28) hold as one-step derivatives, and say what the total derivative adds', () => {
    expectLink(report, '25', 1, 'holds');
    expectLink(report, '25', 2, 'holds-as-one-step', ONE_STEP, /∂h_t\/∂W_xh read as one-step/, /As total derivatives it fails/);
    expectLink(report, '27', 1, 'holds');
    expectLink(report, '27', 2, 'holds-as-one-step', ONE_STEP, /∂h_t\/∂W_hh read as one-step/);
  });

  it("(29) keeps only L_1's path; (30)–(32) fail naming the wrong term and its last factor", () => {
    expectLink(report, '29', 1, 'holds');
    // what a teacher writes beside it: the terms of L_2 and L_3 are missing
    expectLink(report, '29', 2, 'fails', /The right side leaves out ∂L_2\/∂W_xh \+ ∂L_3\/∂W_xh = -0\.1553/);
    expectLink(report, '29', 3, 'fails', NO_PATH, LAST_FACTOR);
    expectTag(report, "32'", 'holds-as-one-step', ONE_STEP);
  });

  it('(33)–(35) hold only because h_0 = 0', () => {
    expectLink(report, '33', 1, 'holds-at-given-values', H0, /leaves out ∂L_1\/∂W_hh/);
    expectLink(report, '33', 2, 'holds-at-given-values', H0);
  });
});

for (const name of ['001-rnn-three-steps.md', '001-rnn-three-steps-latex.tex']) {
  describe(`seed 001 as it stands (${name})`, () => {
    const report = analyzeSeedSolution(name);

    it('(32) is an error on its own line naming the last factor', () => {
      const eq = equationOf(report, '32');
      expect(eq.status).toBe('fails');
      expect(eq.message).toMatch(LAST_FACTOR);
      const line = lineContaining(solution(name), '\\frac{\\partial h_2}{\\partial W_{xh}}\\right)');
      expect(eq.range.line <= line && line <= eq.range.endLine, `(32) spans line ${line}`).toBe(true);
      // the error spans the link's right side, (30) to (32), so it covers (32)'s own line
      expect(
        report.diagnostics.some((d) => d.severity === 'error' && d.line <= line && line <= d.endLine && LAST_FACTOR.test(d.message)),
      ).toBe(true);
    });

    it('(26) holds as a one-step derivative; (33)–(35) lean on h_0 = 0; (21) leaves out step 2', () => {
      expect(equationOf(report, '26').status).toBe('holds-as-one-step');
      for (const tag of ['33', '34', '35']) {
        expect(equationOf(report, tag).status, `(${tag})`).toBe('holds-at-given-values');
        expect(equationOf(report, tag).message).toMatch(H0);
      }
      expect(equationOf(report, '21').status).toBe('fails');
    });

    // (27) writes h_t/W_hh (no ∂) beside ∂σ(…)/∂W_hh: read as ∂h_t/∂W_hh (with a note), so (27) holds and
    // (28) holds as a one-step derivative, as (26) does
    it('(27) is read as ∂h_t/∂W_hh and holds; (28) holds as a one-step derivative', () => {
      expect(equationOf(report, '27').status).toBe('holds');
      expect(equationOf(report, '28').status).toBe('holds-as-one-step');
      expect(report.diagnostics.some((d) => d.severity === 'information' && /the ∂ is missing/.test(d.message))).toBe(true);
    });

    it('the right equations of part (a) hold', () => {
      for (const tag of [
        '1',
        '2',
        '4',
        '5',
        '6',
        '7',
        '8',
        '10',
        '11',
        '13',
        '14',
        '15',
        '16',
        '17',
        '18',
        '19',
        '20',
        '22',
        '23',
        '24',
        '25',
      ]) {
        expect(equationOf(report, tag).status, `(${tag})`).toBe('holds');
      }
    });
  });
}
