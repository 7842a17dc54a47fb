// The checks' shortcuts (src/engine/check/shortcuts.ts, issue 11) return before a costly part what that part
// would have led to. Each is compared with the full computation (shortcuts switched off): the hints on fresh
// runs of every pinned Report's text and of the seeds, for every check that fails at the file's values (the
// claim as written and its one-step re-reading), the one-step re-reading of every check, and the whole
// Report of every text. With the shortcuts the
// operations charged are never more, and on some checks fewer (so the comparison is of two different paths).

import { afterEach, describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { compile } from '../../src/language/index';
import { analyze } from '../../src/analysis';
import { shiftHint, termsHint, type Claim } from '../../src/engine/check/hints';
import { localFactorHint } from '../../src/engine/check/localFactor';
import { invertedHint } from '../../src/engine/check/inverted';
import { rereadOneStep } from '../../src/engine/check/reread';
import { shortcuts } from '../../src/engine/check/shortcuts';
import { comparable, reportCases } from '../analysis/reportCases';
import { failingChecks, freshRun, hintTexts } from './failingCheckCases';
import type { Run } from '../../src/engine/run';
import type { Point } from '../../src/engine/check/points';

afterEach(() => {
  shortcuts.on = true;
});

const HINTS: Record<string, (c: Claim, run: Run, bad: Point) => unknown> = {
  termsHint: (c, run, bad) => termsHint(c, run, bad),
  localFactorHint: (c, run, bad) => localFactorHint(c, run, bad),
  shiftHint: (c, run) => shiftHint(c, run),
  invertedHint: (c, run) => invertedHint(c, run),
};

describe('the checks’ shortcuts give what the full computation gives', () => {
  it.each(Object.keys(HINTS))(
    '%s, on every failing check of the pinned texts and the seeds',
    (hint) => {
      let asked = 0;
      let fewer = 0;
      for (const { name, text, model, q, points, bad, first: fast } of failingChecks()) {
        const full = freshRun(text, q);
        const rr = rereadOneStep(q.lhs, q.rhs, model);
        for (const [lhs, rhs] of [[q.lhs, q.rhs], ...(rr ? [[rr.lhs, rr.rhs]] : [])] as [Expr, Expr][]) {
          const claim: Claim = { lhs, rhs, points, freeT: q.freeT };
          const [f0, g0] = [fast.budget.ops, full.budget.ops];
          shortcuts.on = true;
          const got = HINTS[hint]!(claim, fast.run, bad);
          shortcuts.on = false;
          const want = HINTS[hint]!(claim, full.run, bad);
          shortcuts.on = true;
          expect(got, `${name}: ${q.text}`).toEqual(want);
          const [df, dg] = [fast.budget.ops - f0, full.budget.ops - g0];
          expect(df, `${name}: ${q.text} (operations)`).toBeLessThanOrEqual(dg);
          if (df < dg) fewer++;
          asked++;
        }
      }
      expect(asked).toBeGreaterThan(100);
      // the shortcut is taken somewhere: otherwise this compares a path with itself
      expect(fewer).toBeGreaterThan(3);
    },
    240_000,
  );

  it('the one-step re-reading: none exactly where the full walk finds none, on every check of the pinned texts and seeds', () => {
    let none = 0;
    let some = 0;
    for (const { name, text } of hintTexts()) {
      const c = compile(text);
      if (c.diagnostics.some((d) => d.severity === 'error')) continue;
      for (const q of c.model.questions) {
        if (q.kind !== 'check') continue;
        shortcuts.on = false;
        const want = rereadOneStep(q.lhs, q.rhs, c.model);
        shortcuts.on = true;
        expect(rereadOneStep(q.lhs, q.rhs, c.model), `${name}: ${q.text}`).toEqual(want);
        if (want) some++;
        else none++;
      }
    }
    expect(none).toBeGreaterThan(100);
    expect(some).toBeGreaterThan(20);
  }, 120_000);

  it('the Report of every pinned text is the same with and without them', () => {
    for (const c of reportCases()) {
      shortcuts.on = false;
      const want = comparable(analyze(c.text, c.options));
      shortcuts.on = true;
      expect(comparable(analyze(c.text, c.options)), c.name).toEqual(want);
    }
  }, 300_000);
});
