// `\cfrac{∂L}{∂o_3}` (a display fraction some notes use throughout) was "unknown LaTeX command \cfrac"; it is \frac.
// A check line pasted with an end-of-proof mark (`… \qquad \blacksquare`, `\qed`, `\checkmark`) said "unknown LaTeX
// command \blacksquare"; a solution's reader already blanked those marks, and the lexer now ignores the same list.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { derivativeAt } from '../../src/extension/solution/derivativeAt';
import { SIGMA_NET } from '../probe24/spec24b-network';

describe('\\cfrac and end marks', () => {
  it('read on check lines', () => {
    const r = analyze(
      [
        SIGMA_NET,
        String.raw`check \cfrac{\partial L}{\partial o_3} = -2(y_3 - o_3)`,
        String.raw`check \frac{\partial L}{\partial o_3} = -2(y_3 - o_3) \qquad \blacksquare`,
        String.raw`check \frac{\partial L}{\partial o_3} = -2(y_3 - o_3) \quad \checkmark`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
  });

  it('a hover finds the derivative written with \\cfrac', () => {
    const text = String.raw`$$\cfrac{\partial L}{\partial o_3} = 1$$`;
    const found = derivativeAt(text, text.indexOf('partial L') + 2);
    expect(found?.text).toBe(String.raw`\cfrac{\partial L}{\partial o_3}`);
  });
});
