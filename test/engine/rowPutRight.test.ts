// The row-expansion hint's "with that put right the check holds" is evaluated, never assumed: at every point
// the claimed side plus what the hint says is missing, extra or changed must equal the entry. It is read from
// the run's nodes (putRight) instead of compiling the one-off sum; that reading must say exactly what the
// compiled sum said and charge the budget exactly the operations it charged (the limits fall where they fell).
// The compiled evaluation (rowHint's `compiled` flag) is the reference, on fresh runs of every pinned Report's
// text and of the seeds, on every check that fails at the file's values (where the hint is asked).

import { describe, expect, it } from 'vitest';
import { rowHint } from '../../src/engine/check/rowExpansion';
import { failingChecks, freshRun } from './failingCheckCases';

describe('the row-expansion hint’s put-right claim read from the nodes', () => {
  it('says what the compiled sum said and charges the operations it charged, on every failing check', () => {
    let asked = 0;
    let putRight = 0;
    for (const { name, text, q, points, first: read } of failingChecks()) {
      const ref = freshRun(text, q);
      const claim = { lhs: q.lhs, rhs: q.rhs, points, freeT: q.freeT };
      const [r0, c0] = [read.budget.ops, ref.budget.ops];
      const got = rowHint(claim, read.run);
      const want = rowHint(claim, ref.run, true);
      expect(got, `${name}: ${q.text}`).toBe(want);
      expect(read.budget.ops - r0, `${name}: ${q.text} (operations)`).toBe(ref.budget.ops - c0);
      asked++;
      if (got?.endsWith('with that put right the check holds')) putRight++;
    }
    // the comparison ran, and on texts where the put-right claim holds
    expect(asked).toBeGreaterThan(100);
    expect(putRight).toBeGreaterThan(3);
  }, 120_000);
});
