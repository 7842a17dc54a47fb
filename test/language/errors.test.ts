// LANGUAGE.md §6: every problem is a diagnostic with a precise range, and analysis goes on past it.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/report';
import { errors, run, SHEET7 } from './helpers';

const one = (text: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => {
  const ds = run(text).diagnostics.filter((d) => d.severity === severity);
  expect(ds.length, JSON.stringify(ds)).toBeGreaterThanOrEqual(1);
  return ds[0]!;
};

describe('§6 diagnostics', () => {
  it('syntax error with its exact 1-based range', () => {
    const d = one('T = 3\nparam w = 0.5\nh_t = w * ) 2\n');
    expect(d).toMatchObject({ line: 3, column: 11, endLine: 3, endColumn: 12 });
    expect(d.message).toContain("expected a value, found ')'");
  });

  it('one bad line never hides the results of the others', () => {
    const r = run(SHEET7 + 'derive ∂L/∂W_hh\ncheck ∂L/∂ = 1\nderive ∂L/∂W_xh\nz_t = (1 + \ncheck ∂L/∂o_3 = -2(y_3 - o_3)');
    expect(errors(r).length).toBe(2);
    expect(r.derives).toHaveLength(2);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('an unclosed bracket does not swallow the following statements', () => {
    const r = run('T = 2\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1}\nderive w\n');
    expect(errors(r)[0]!.line).toBe(4);
    expect(r.derives[0]!.results[0]!.value).toBe(0.5);
  });

  it('unknown names, with the nearest known name suggested', () => {
    const d = one(SHEET7 + 'derive ∂L/∂W_hx');
    expect(d.message).toBe('unknown name W_hx — did you mean W_hh?');
    expect(d).toMatchObject({ line: 14, column: 12, endLine: 14, endColumn: 16 });
  });

  it('a shape mismatch names both shapes', () => {
    const d = one('T = 1\nparam W : 3x2 = 0\nparam x : 3 = 0\nderive W x');
    expect(d.message).toContain('3×2 matrix');
    expect(d.message).toContain('vector of 3');
    expect(d.line).toBe(4);
  });

  it('a declared shape that the value contradicts', () => {
    expect(one('T = 1\nparam W : 2x2 = [1, 2]').message).toContain('declared a 2×2 matrix but its value is a vector of 2');
  });

  it('a missing initial state', () => {
    const d = one('T = 3\nparam w = 0.5\nh_t = w h_{t-1}\n');
    expect(d.message).toContain('missing initial state');
    expect(d.message).toContain('h_0');
    expect(d).toMatchObject({ line: 3, column: 9 });
  });

  it('a missing terminal state for a backward recurrence', () => {
    expect(one('T = 3\ng_t = 0.5 g_{t+1}\n').message).toContain('terminal state');
  });

  it('a dependency cycle within one step', () => {
    const d = one('T = 2\na_t = b_t + 1\nb_t = a_t\n');
    expect(d.message).toMatch(/dependency cycle within one step: (a_t → b_t → a_t|b_t → a_t → b_t)/);
  });

  it('an index outside 0..T+1', () => {
    expect(one('T = 3\ninput x = [1, 2, 3]\nh_t = x_{t-5}\n').message).toContain('outside 0..T+1');
  });

  it("an index past a sequence's length", () => {
    expect(one('T = 3\ninput x = [1, 2, 3]\nh_t = x_{t+1}\n').message).toContain('past the end of x');
  });

  it('a sequence with the wrong number of entries', () => {
    const d = one('T = 3\ninput x = [1, 2]\n');
    expect(d.message).toBe('x has 2 entries but T = 3: a sequence gives one entry per step');
    expect(d).toMatchObject({ line: 2, column: 11, endColumn: 17 });
  });

  it('a horizon that is not an integer in range', () => {
    expect(one('T = 2.5\n').message).toContain('integer from 1 to 10,000');
    expect(one('T = 0\n').message).toContain('integer from 1 to 10,000');
    const big = run('T = 100000\nparam w = 1\nderive w\nx = 1 +\n');
    expect(errors(big)[0]!.message).toContain('10,000 (limit)');
    expect(errors(big)).toHaveLength(2);
  });

  it('∂A/∂B where A does not depend on B: value 0 and a hint, not an error', () => {
    const r = run(SHEET7 + 'derive ∂h_1/∂W_hy');
    expect(errors(r)).toEqual([]);
    expect(r.derives[0]!.results[0]!.value).toBe(0);
    const h = r.diagnostics.find((d) => d.severity === 'hint')!;
    expect(h.message).toContain('does not depend on W_hy');
  });

  it('NaN or infinity in a result', () => {
    const d = one('T = 1\nparam a = -1\nderive log(a)', 'warning');
    expect(d.message).toContain('not a finite number');
  });

  it('a file too large to analyse in time: a clear error naming the limit', () => {
    const d = one('T = 10000\nparam W : 1000x1000 = 0\nh_0 = 0\nh_t = tanh(W h_{t-1})\n');
    expect(d.message).toMatch(/\(limit|limit \d/);
  });

  it('time indices on names that are not sequences', () => {
    expect(one('T = 2\nparam w = 1\nderive w_{t-1}').message).toContain('w has no time index');
  });

  it('a sequence used without its index', () => {
    expect(one(SHEET7 + 'derive h').message).toContain('h is a sequence');
  });

  it('a quantity defined twice', () => {
    expect(one(SHEET7 + 'o_t = 1').message).toContain('defined twice');
  });

  it('derivative terms belong in questions: a name they define is used there, not in the loss', () => {
    expect(one('T = 1\nparam w = 1\nz = ∂w/∂w\nloss L = z').message).toContain('derive and check');
  });

  it('ranges are 1-based with an exclusive end column', () => {
    const d = one('T = 1\nderive nope');
    expect(d).toMatchObject({ line: 2, column: 8, endLine: 2, endColumn: 12 });
  });
});
