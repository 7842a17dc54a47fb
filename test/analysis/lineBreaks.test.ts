// A diagnostic that spans its whole line (a loss that is not a finite number, a plan's or a run's error) ends at the
// line's end as the lexer counts lines: \r\n, \r and \n each end one. The fuzzer found a lone \r inside a loss line
// (`loss L = Σ_{i,j}-1e308\rσ`) whose squiggle ran past the end of the line (its length was counted to the \n).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { reportProblems } from '../fuzz/validate';

const HEADER = ['T = 3', 'input x = [1, 2, 3]', 'param W_hh = 0.5', 'param W_xh = 0.2', 'h_0 = 0'];

describe('whole-line diagnostics end where the line ends, whatever its break', () => {
  it("a lone \\r inside the loss line (the fuzzer's counterexample)", () => {
    const text = `${HEADER.join('\n')}\nloss L = Σ_{i,j}-1e308\rσ\nh_t = σ`;
    const r = analyze(text, {});
    const nan = r.diagnostics.find((d) => d.code === 'nan');
    expect(nan?.line).toBe(6);
    expect(nan?.endColumn).toBe('loss L = Σ_{i,j}-1e308'.length + 1);
    expect(reportProblems(text, r)).toEqual([]);
  });

  for (const [name, br] of [
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
    ['\\n', '\n'],
  ] as const)
    it(`every line ended by ${name}: the loss that is not finite`, () => {
      const nan = [...HEADER, 'h_t = σ(W_hh h_{t-1} + W_xh x_t)', 'loss L = Σ_t h_t / 0'].join(br) + br;
      const r = analyze(nan, {});
      const d = r.diagnostics.find((x) => x.code === 'nan');
      expect(d?.line).toBe(7);
      expect(d?.endColumn).toBe('loss L = Σ_t h_t / 0'.length + 1);
      expect(reportProblems(nan, r)).toEqual([]);
    });
});
