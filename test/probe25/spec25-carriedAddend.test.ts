// Goodfellow's eq. 10.21 after a first try that left the recursion out: `∇_{h^{(t)}} L = V^\top ∇_{o^{(t)}} L` fails
// (the path through h^{(t+1)} left out), and the next line writes the whole sum with its own mistake (h^{(t)} for
// h^{(t+1)} in the diag). The second was told, after its own mistake, "It carries over the mistake of the check on line
// 17 (Vᵀ ∂L/∂o_t is its wrong form of ∂L/∂h_t), and with ∂L/∂h_t in its place it still fails: the term Wᵀ diag(…) …
// should not be there" — but Vᵀ ∇_o L is a right term of that sum, which adds what the first line left out. A copy
// that is a term of a sum, and does not make the check hold when mended, is no carried mistake: nothing is added.
// A copy inside a product (seed 001's (29)) keeps its message.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { GOODFELLOW } from '../textbook/vanilla';

const G = (x: string) => String.raw`\nabla_{${x}} L`;

describe('a term of a sum that an earlier failing line wrote alone', () => {
  it('is not called a carried mistake; each line keeps its own diagnosis', () => {
    const r = analyze(
      [
        GOODFELLOW,
        String.raw`check ${G('h^{(t)}')} = V^\top ${G('o^{(t)}')}`,
        String.raw`check ${G('h^{(t)}')} = W^\top \mathrm{diag}(1 - (h^{(t)})^2) ${G('h^{(t+1)}')} + V^\top ${G('o^{(t)}')}`,
        String.raw`check ${G('h^{(t)}')} = W \mathrm{diag}(1 - (h^{(t+1)})^2) ${G('h^{(t+1)}')} + V^\top ${G('o^{(t)}')}`,
      ].join('\n'),
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'fails']);
    expect(r.checks[0]!.message).toContain('leaves out the path through a_{t+1}');
    expect(r.checks[1]!.message).toMatch(/h_t should be h_\{t\+1\}: with that step the check holds$/);
    expect(r.checks[2]!.message).toMatch(/W should be Wᵀ: with that transpose the check holds$/);
    for (const c of r.checks) expect(c.message).not.toContain('carries over');
  });
});
