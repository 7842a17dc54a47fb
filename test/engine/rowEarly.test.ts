// The row-expansion hint is asked early (answer.ts, right after the wrong-number hint) when a side writes an entry
// of a defined quantity and the hint is certain: the other side only misses terms of the definition, and with them
// put back the check holds. Early, it must pre-empt no hint that spoke before it in the cascade's old order: on every
// failing check of the pinned texts and the seeds where it applies, those hints say nothing. A row that adds or
// changes a term is not certain (a wrong step or number may be why) and keeps its place.

import { describe, expect, it } from 'vitest';
import { adjointHint } from '../../src/engine/check/adjoint';
import { groupShiftHint } from '../../src/engine/check/groupShift';
import { inverseHint, shiftHint } from '../../src/engine/check/hints';
import { missingSumHint } from '../../src/engine/check/missingSum';
import { rowDiagnosis, writesEntry } from '../../src/engine/check/rowExpansion';
import { selfTermHint } from '../../src/engine/check/selfTerm';
import { sumScopeHint } from '../../src/engine/check/sumScope';
import { indexSwapHint } from '../../src/engine/check/textbook';
import { checkPoints } from '../../src/engine/check/points';
import { compile } from '../../src/language/index';
import type { CheckQuestion } from '../../src/language/model';
import { failingChecks, freshRun } from './failingCheckCases';

const NET = `T = 4
input  x : 2 = [[0, 1], [1, 1], [1, 0], [0, 0]]
param  U : 3x2 = [[1, 1], [1, 1], [1, 1]]
param  W : 3x3 = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
param  b_h : 3 = [-0.5, -1.5, -2.5]
h_0 = 0
h_t = U x_t + W h_{t-1} + b_h
loss L = Σ_t sum(h_t)
`;

describe('the row-expansion hint asked early', () => {
  it('pre-empts no hint that spoke before it, on every failing check where it is certain', () => {
    let early = 0;
    for (const { name, q, points, bad, first } of failingChecks()) {
      const claim = { lhs: q.lhs, rhs: q.rhs, points, freeT: q.freeT };
      if (!writesEntry(claim, first.run.model) || !rowDiagnosis(claim, first.run)?.missesOnly) continue;
      early++;
      const run = first.run;
      const before = [
        adjointHint(claim, run),
        inverseHint(claim, run),
        selfTermHint(claim),
        missingSumHint(claim, run, null),
        sumScopeHint(claim, run, null),
        shiftHint(claim, run, null),
        groupShiftHint(claim, run, bad, null),
        indexSwapHint(claim, run),
      ];
      expect(before, `${name}: ${q.text}`).toEqual(before.map(() => null));
    }
    // seed 004's three rows at least, in the example, the pinned Reports and the seeds' fixtures
    expect(early).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('is certain for a row that only misses terms, and not for one that adds or changes a term', () => {
    const diagnosis = (check: string) => {
      const text = `${NET}check ${check}\n`;
      const q = compile(text).model.questions[0] as CheckQuestion;
      const { run } = freshRun(text, q);
      const claim = { lhs: q.lhs, rhs: q.rhs, points: checkPoints(q), freeT: q.freeT };
      expect(writesEntry(claim, run.model)).toBe(true);
      return rowDiagnosis(claim, run);
    };
    // misses h_{t-1}[2] + h_{t-1}[3]: said with the terms it misses, and that it then holds
    const misses = diagnosis('h_t[1] = x_t[1] + x_t[2] + h_{t-1}[1] - 0.5');
    expect(misses?.missesOnly).toBe(true);
    expect(misses?.text).toMatch(/misses h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] from W h_\{t-1\}.*with that put right the check holds$/);
    // h_t[1] for h_{t-1}[1] (a term added) and a constant changed: not certain, asked at the hint's old place
    for (const check of [
      'h_t[1] = x_t[1] + x_t[2] + h_t[1] + h_{t-1}[2] + h_{t-1}[3] - 0.5',
      'h_t[1] = x_t[1] + x_t[2] + h_{t-1}[1] + h_{t-1}[2] + h_{t-1}[3] - 1.5',
    ]) {
      const d = diagnosis(check);
      expect(d, check).not.toBeNull();
      expect(d!.missesOnly, check).toBe(false);
    }
  });
});
