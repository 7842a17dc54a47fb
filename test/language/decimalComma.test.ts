// A German sheet's network (probe 51): `param w = 0,8` was "unexpected ',' after the statement". Digits, a comma and
// digits with no space, right after = or ≈ and outside any bracket, are a decimal comma (lexer.ts); a list keeps its
// commas, and a bracket's content is a list or arguments; `t = 1,2` (a range) and 1,000 (thousands) stay as they were.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const run = (src: string) => analyze(src);

describe('a decimal comma', () => {
  it('is a number after = in a declaration or a definition', () => {
    const r = run(
      'T = 2\ninput x = [1.0, 0.5]\nparam w = 0,8\nh_0 = 0,5\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\ncheck h_1 = 1,4\ncheck h_t = w h_{t-1} + x_t for t = 1,2\n',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds']);
    expect(r.checks[1]!.message).toMatch(/t = 1\.\.2/);
  });
  it('not inside brackets, nor with a space after the comma', () => {
    const r = run('T = 2\ninput x = [1,0]\nparam w = 0.8\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(run('T = 2\nparam w = 0, 8\n').diagnostics.some((d) => d.severity === 'error')).toBe(true);
    // (a thousands separator, as a display reads one: 1,000 is no 1.0)
    expect(run('T = 2\nparam w = 1,000\n').diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
