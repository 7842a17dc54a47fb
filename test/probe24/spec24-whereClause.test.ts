// A student states the derivative and then reminds the reader of the notation: `… σ'(W_{hy} h_t + b_y) W_{hy} \quad
// \text{where } σ' = σ(1 − σ)`. The reminder is no equation of the network's (σ without its argument), and the whole
// display was "not checked: expected the argument of \sigma'" — the right derivative before it went unjudged. A
// `where` clause that does not read is now dropped with an information saying so (parser.ts whereClause); the
// equation before it is checked. A clause that reads is kept as before (its own claim, or a free index's value).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { SHEET7 } from '../language/helpers';

/** the sheet-7 network, without its last newline (the fence closes on the next line) */
const NET = SHEET7.trimEnd();

const solve = (...displays: string[]) =>
  analyzeSolution(['```rnn', NET, '```', '', ...displays.flatMap((d) => [d, ''])].join('\n'), 'markdown', { sidecar: null });

describe('a where clause that does not read is a remark: the equation before it is checked', () => {
  it("σ' = σ(1 − σ) after \\text{where}: the derivative holds, the clause is an information", () => {
    const r = solve(
      String.raw`$$\frac{\partial o_t}{\partial h_t} = \sigma'(W_{hy} h_t + b_y) W_{hy} \quad \text{where } \sigma' = \sigma(1-\sigma)$$`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
    const info = r.diagnostics.filter((d) => d.severity === 'information');
    expect(info.map((d) => d.message)).toEqual([
      "the clause '\\sigma' = \\sigma(1-\\sigma)' is not read (expected the argument of \\sigma', found '='): the equation before it is checked without it",
    ]);
    // the information underlines the clause itself
    expect(info[0]!.column).toBe(92);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a wrong equation before an unreadable clause still fails, by name', () => {
    const r = solve(String.raw`$$\frac{\partial o_t}{\partial h_t} = o_t W_{hy} \quad \text{where } \sigma' = \sigma(1-\sigma)$$`);
    expect(r.equations.map((e) => e.status)).toEqual(['fails']);
    expect(r.equations[0]!.message).toMatch(/leaves out the factor \(1 − o_t\)/);
  });

  it('a clause that reads is still judged as its own claim', () => {
    const r = solve(
      String.raw`$$\frac{\partial o_t}{\partial h_t} = \sigma'(W_{hy} h_t + b_y) W_{hy}, \text{ where } \sigma'(z) = \sigma(z)(1-\sigma(z))$$`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
    expect(r.diagnostics.filter((d) => /is not read/.test(d.message))).toEqual([]);
  });
});
