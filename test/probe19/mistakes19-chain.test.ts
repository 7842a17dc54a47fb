// A chain A = B = C = D (LANGUAGE.md §5): every later side is judged against the first. Where B is wrong and C, D
// are right again (the student recovered), B fails and C, D hold; where C is only B simplified, C fails too and says
// the mistake was made at B ("it equals the side before it"), confirmed at a draw, after its own diagnosis.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { GIVEN, otherWeights, scalarNetwork } from './solutions';

const recovered = `$$ \\frac{\\partial L}{\\partial h_3} = \\frac{\\partial L}{\\partial o_3} \\frac{\\partial o_3}{\\partial h_3} = \\frac{\\partial L}{\\partial o_3} h_3 = (o_3 - y_3) W_{hy} = W_{hy} o_3 - W_{hy} y_3 \\tag{1} $$`;
const simplified = `$$ \\frac{\\partial L}{\\partial h_3} = \\frac{\\partial L}{\\partial o_3} \\frac{\\partial o_3}{\\partial h_3} = (o_3 - y_3) h_3 = o_3 h_3 - y_3 h_3 \\tag{2} $$`;

describe('a chain with one wrong side', () => {
  for (const w of [GIVEN, ...otherWeights(2, 7)]) {
    it(`W_hy = ${w.v}: recovered sides hold, a side simplified from the wrong one says where the mistake is`, () => {
      const r = analyzeSolution(`${scalarNetwork(w)}\n${recovered}\n\n${simplified}\n`, 'markdown', { sidecar: null });
      const [one, two] = r.equations.filter((e) => e.tag !== null);
      expect(one!.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds', 'holds']);
      expect(one!.checks[1]!.message).toMatch(/h_3 should be W_hy/);
      expect(one!.checks[2]!.message).not.toMatch(/side before it/);
      expect(two!.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'fails']);
      expect(two!.checks[1]!.message).not.toMatch(/side before it/);
      expect(two!.checks[2]!.message).toMatch(
        /\. It equals the side before it \(link 2\), which already fails: the mistake is made there and carried into this side$/,
      );
      // the summary shows the first mistake at (1), the first failing equation in the file
      expect(r.equations.find((e) => e.status === 'fails')).toBe(one);
      expect(r.checked).toBe(2);
    });
  }

  it('a later side wrong in another way is not said to equal the one before', () => {
    const net = scalarNetwork(GIVEN).replace(/```(rnn)?\n/g, '');
    const r = analyze(`${net}check ∂L/∂h_3 = (o_3 - y_3) h_3 = (o_3 - y_3) h_3^2\n`);
    const [, second] = r.checks;
    expect(second!.status).toBe('fails');
    expect(second!.message).not.toMatch(/side before it/);
  });

  it('a .rnn chain says the same', () => {
    const net = scalarNetwork(GIVEN).replace(/```(rnn)?\n/g, '');
    const r = analyze(`${net}check ∂L/∂h_3 = (o_3 - y_3) h_3 = o_3 h_3 - y_3 h_3 = h_3 (o_3 - y_3)\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'fails']);
    expect(r.checks[1]!.message).toMatch(/It equals the side before it \(link 1\)/);
    expect(r.checks[2]!.message).toMatch(/It equals the side before it \(link 2\)/);
  });
});
