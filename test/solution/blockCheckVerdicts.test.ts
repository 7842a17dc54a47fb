// A `check` line in a solution's own network (its ```rnn block, or the NAME.rnn beside it) that does not hold is a
// diagnostic, as in a .rnn file (LANGUAGE.md §5: an error on the check line). Session 30: it was in `checks` and made
// `unroll check` exit 1, but no diagnostic said so: the editor showed no squiggle and the JSON's diagnostics were empty.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { slice } from './helpers';

const NET = 'T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n';
const BAD = 'check ∂L/∂w = 3 w h_0\n';
const LEANS = 'check ∂L/∂w = 2 w\n';

describe("a network's own check lines in a solution", () => {
  it('in an rnn block: fails an error on the wrong term, holds only for these values a warning', () => {
    const md = `# Sheet\n\n\`\`\`rnn\n${NET}${BAD}${LEANS}check ∂L/∂h_2 = 1\n\`\`\`\n`;
    const d = analyzeSolution(md, 'markdown').diagnostics.filter((x) => x.code?.startsWith('check-'));
    expect(d.map((x) => [x.severity, x.code, x.line])).toEqual([
      ['error', 'check-fails', 9],
      ['warning', 'check-holds-at-given-values', 10],
    ]);
    expect(slice(md, d[0]!)).toBe('3');
    expect(d[0]!.message).toMatch(/^fails: .*The 3 should be 2/);
  });

  it("in a sidecar: said at the solution's start, naming the sidecar's line", () => {
    const r = analyzeSolution('\\begin{document}\\[ \\frac{\\partial L}{\\partial w} = 2 w h_0 \\]\\end{document}\n', 'latex', {
      sidecar: NET + BAD,
    });
    const d = r.diagnostics.filter((x) => x.code === 'check-fails');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(d[0]!.message).toMatch(/^in the sidecar \.rnn, line 6: fails: /);
    // the equation itself holds, and has no verdict diagnostic
    expect(r.equations[0]!.status).toBe('holds');
  });
});
