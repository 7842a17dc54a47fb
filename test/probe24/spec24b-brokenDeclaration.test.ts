// LANGUAGE.md §6: "a name whose definition has an error is reported once, at that definition — its uses elsewhere say
// 'h is not available: its definition on line 7 has an error', never 'unknown name'". A declaration whose shape or
// value does not read (`param W : 100000x100000`, a limit; `param W : 2x = 3`; a value list left open) was dropped
// whole, and every use of W said "unknown name W" — a second error for one mistake. Its name is now kept, broken.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const problems = (src: string) =>
  analyze(src)
    .diagnostics.filter((d) => d.severity !== 'information' && d.severity !== 'hint')
    .map((d) => `${d.line}: ${d.severity}: ${d.message}`);

describe('a declaration with an error: its uses say it is not available', () => {
  it('a dimension above the limit: one error, naming the limit', () => {
    expect(problems('T = 3\nparam W : 100000x100000\nloss L = sum(W)')).toEqual([
      '2: error: a dimension above 4096 (limit)',
      '3: warning: W is not available: its definition on line 2 has an error',
    ]);
  });

  it('a shape that does not read, a value list left open, a per-step parameter', () => {
    expect(problems('T = 3\nparam W : 2x = 3\nloss L = sum(W)')).toEqual([
      "2: error: a shape is 'n' or 'm x n' with positive integers, found '='",
      '3: warning: W is not available: its definition on line 2 has an error',
    ]);
    const r = problems('T = 3\nparam w_t = [1, 2, )\nh_0 = 0\nh_t = w_t h_{t-1} + 1\nloss L = h_3\ncheck ∂L/∂h_3 = 1');
    expect(r.filter((m) => /unknown name/.test(m))).toEqual([]);
    expect(r).toContain('4: warning: w is not available: its definition on line 2 has an error');
    expect(r.filter((m) => /error:/.test(m))).toHaveLength(1);
  });

  it('a declaration that reads is unchanged', () => {
    const r = analyze('T = 2\nparam W : 2x2 = 1\nloss L = sum(W)\ncheck ∂L/∂W = [[1, 1], [1, 1]]');
    expect(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('a broken declaration used with a step index is not available either (not "no time index")', () => {
    const r = problems('T = 2\nparam b 0.2, 0]\np_0 = 1\np_t = σ(p_{t-1} + b_t)\nloss E = p_T');
    expect(r.filter((m) => /error:/.test(m))).toHaveLength(1);
    expect(r).toContain('4: warning: b is not available: its definition on line 2 has an error');
  });
});
