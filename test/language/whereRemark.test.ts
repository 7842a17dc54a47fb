// An assistant's `… \quad \text{where} \quad \frac{∂L}{∂h_t} \text{ is given by (6)}` (probe 49): a where clause with
// no '=' is a remark in words. It said "is not read (expected '=' in a 'where' clause …, found the end of the line)",
// as if the student had left a slip; it now says the clause states no equation (parser.ts whereClause). The equation
// before it is judged alone, as before.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { SHEET7 } from './helpers';

const solve = (display: string) =>
  analyzeSolution(['```rnn', SHEET7.trimEnd(), '```', '', display, ''].join('\n'), 'markdown', { sidecar: null });

describe('a where clause with no equation', () => {
  it('is said to be a remark, and the equation before it holds', () => {
    const r = solve(
      String.raw`$$\frac{\partial o_t}{\partial h_t} = \sigma'(W_{hy} h_t + b_y) W_{hy} \quad \text{where} \quad \sigma' \text{ is given above}$$`,
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds']);
    const said = r.diagnostics.find((d) => d.message.startsWith('the clause'));
    expect(said?.message).toMatch(/states no equation \(a remark in words, its = not written\): it is not read: the equation before/);
  });
  it('a clause with an = that does not read still says why', () => {
    const r = solve(
      String.raw`$$\frac{\partial o_t}{\partial h_t} = \sigma'(W_{hy} h_t + b_y) W_{hy} \quad \text{where } \sigma' = \sigma(1-\sigma)$$`,
    );
    expect(r.diagnostics.find((d) => d.message.startsWith('the clause'))?.message).toMatch(/is not read \(expected the argument/);
  });
});
