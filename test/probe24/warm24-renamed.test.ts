// renamedCalls (check/renamed.ts) skips renameCalls' copy when there is no call to rename: over every check side of
// the pinned Reports' texts and the seeds, and with the renames the hints ask for, it answers as renameCalls does.

import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import type { Fn } from '../../src/language/model';
import { renameCalls } from '../../src/language/resolve';
import { renamedCalls } from '../../src/engine/check/renamed';
import { hintTexts } from '../engine/failingCheckCases';

const RENAMES: Partial<Record<Fn, Fn>>[] = [
  { logit: 'dsigma', artanh: 'dtanh' },
  { dsigma: 'dtanh', dtanh: 'dsigma' },
];

describe('renamedCalls', { timeout: 60_000 }, () => {
  it('is renameCalls on every check side, and renames some', () => {
    let renamed = 0;
    for (const { text } of hintTexts())
      for (const q of compile(text).model.questions) {
        if (q.kind !== 'check') continue;
        for (const e of [q.lhs, q.rhs])
          for (const r of RENAMES) {
            const want = renameCalls(e, r);
            expect(renamedCalls(e, r)).toEqual(want);
            if (want) renamed++;
          }
      }
    expect(renamed).toBeGreaterThan(0);
  });
});
