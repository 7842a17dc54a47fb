// The row-expansion hint's "with that put right the check holds" is evaluated, never assumed: at every point
// the claimed side plus what the hint says is missing, extra or changed must equal the entry. It is read from
// the run's nodes (putRight) instead of compiling the one-off sum; that reading must say exactly what the
// compiled sum said and charge the budget exactly the operations it charged (the limits fall where they fell).
// The compiled evaluation (rowHint's `compiled` flag) is the reference, on fresh runs of every pinned Report's
// text and of the seeds, on every check that fails at the file's values (where the hint is asked).

import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import { guard } from '../../src/engine/check/guard';
import { checkPoints, close, evaluateSides } from '../../src/engine/check/points';
import { rowHint } from '../../src/engine/check/rowExpansion';
import { freshRun, hintTexts } from './failingCheckCases';

const texts = hintTexts();

describe('the row-expansion hint’s put-right claim read from the nodes', () => {
  it('says what the compiled sum said and charges the operations it charged, on every failing check', () => {
    let asked = 0;
    let putRight = 0;
    for (const { name, text } of texts) {
      const c = compile(text);
      if (c.diagnostics.some((d) => d.severity === 'error')) continue;
      for (const q of c.model.questions) {
        if (q.kind !== 'check') continue;
        const points = checkPoints(q);
        const read = freshRun(text, q);
        const sides = guard(() => evaluateSides(points, q.lhs, q.rhs, read.run));
        if (!sides || sides.every((s) => close(s.l.data, s.r.data))) continue;
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
    }
    // the comparison ran, and on texts where the put-right claim holds
    expect(asked).toBeGreaterThan(100);
    expect(putRight).toBeGreaterThan(3);
  }, 120_000);
});
