// The editor bench's 5,000-step file is analysed whole: its figures are meant to be a whole analysis's, and its
// error-clearing section waits for a Report without errors. When the file's check passed the operation limit (an
// error since a675f67), the bench measured an analysis cut short and then waited for ever (regression test).

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { benchQuestions, longRnn } from '../fixtures/longRnn';

describe("the editor bench's long file", { timeout: 60_000 }, () => {
  it('is analysed within the limits, every question answered', () => {
    const T = 5000;
    const r = analyze(longRnn(T, benchQuestions(T)), { draws: 4 });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.derives).toHaveLength(3);
  });

  it('a check at every one of its 5,000 steps is past the operation limit, said as an error naming it', () => {
    const r = analyze(longRnn(5000, ["check ∂h_t/∂h_{t-1} = σ'(W_xh x_t + W_hh h_{t-1} + b_h) W_hh"]), { draws: 4 });
    const limit = r.diagnostics.find((d) => d.code === 'limit');
    expect(limit?.severity).toBe('error');
    expect(limit?.message).toMatch(/operations for one analysis \(limit\)/);
  });
});
