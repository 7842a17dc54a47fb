// termScreen (termShiftHint's screen) rejects a trial only when the whole side, evaluated with the term replaced,
// fails at one of the claim's points (session 25: screened point by point; until then at the first only) — over
// every failing check of the pinned Reports' texts and the seeds, with every additive term replaced by each other
// term, by twice itself and by itself one step on.

import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { mapChildren } from '../../src/language/resolve';
import { guard } from '../../src/engine/check/guard';
import type { Claim } from '../../src/engine/check/hints';
import { close } from '../../src/engine/check/points';
import { termScreen } from '../../src/engine/check/termScreen';
import { terms } from '../../src/engine/check/textbook';
import { failingChecks } from '../engine/failingCheckCases';

const replaced = (e: Expr, node: Expr, by: Expr): Expr => (e === node ? by : mapChildren(e, (x) => replaced(x, node, by)));

/** every step on t moved by one */
const stepOn = (e: Expr): Expr =>
  e.k === 'ref' && e.idx?.v === 't' ? { ...e, idx: { ...e.idx, k: e.idx.k + 1 } } : e.k === 'deriv' ? e : mapChildren(e, stepOn);

describe('termScreen', { timeout: 120_000 }, () => {
  it('rejects only trials that fail at a point, and rejects some', () => {
    let rejected = 0;
    let passed = 0;
    for (const { q, points, first } of failingChecks()) {
      const c: Claim = { lhs: q.lhs, rhs: q.rhs, points, freeT: q.freeT };
      const screen = termScreen(c, first.run);
      const ts = terms(q.rhs);
      if (ts.length < 2) continue;
      for (const term of ts) {
        const twice: Expr = {
          k: 'mul',
          a: { k: 'num', value: 2, shape: [], range: term.range },
          b: term,
          shape: term.shape,
          range: term.range,
        };
        for (const by of [...ts.filter((x) => x !== term), twice, stepOn(term)]) {
          if (!screen.rejects(term, by)) continue;
          rejected++;
          // the whole side, read where it can be, differs at one point at least
          const rhs = replaced(q.rhs, term, by);
          const differs = points.some(
            (p) => guard(() => close(first.run.evaluateShared(q.lhs, p.env).data, first.run.evaluateShared(rhs, p.env).data)) === false,
          );
          expect(differs, `${q.text}: ${term.range.column} → ${by.range.column}`).toBe(true);
          passed++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(50);
    expect(passed).toBe(rejected);
  });
});
