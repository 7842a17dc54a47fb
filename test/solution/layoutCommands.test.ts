// Layout an Overleaf derivation carries, that sets its math as it is (session 30: each made its equation skipped, or
// read wrong): `\\*` (a row break with no page break: its `*` was a product), `\displaybreak[0]`, `\phantom{=}` (an
// invisible sign aligning a continued row: it was an `=`), `\smash[b]{…}`, `\mathrel{…}`, `\mathrlap{…}`, `\cancel{…}`.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const SIDECAR = 'T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.8\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\n';
const DL = '\\frac{\\partial L}{\\partial h_2}';
const read = (body: string) =>
  analyzeSolution(`\\begin{document}\n${body}\n\\end{document}\n`, 'latex', { sidecar: SIDECAR, analyze: { draws: 2, graph: false } })
    .equations[0]!;

describe('layout commands in a derivation', () => {
  it.each([
    [`\\begin{align*}\n${DL} &= 1 + w \\\\*\n&= 1.8\n\\end{align*}`, 2],
    [`\\begin{align*}\n${DL} &= 1 + w \\\\*[2pt]\n&= 1.8 \\displaybreak[0]\n\\end{align*}`, 2],
    [`\\begin{align*}\n${DL} &= 1 \\\\\n&\\phantom{=} + w \\\\\n&\\phantom{=} \\mathrlap{\\text{(done)}}\n\\end{align*}`, 1],
    [`\\begin{align}\n${DL} &= 1 + w \\\\\n&\\mathrel{\\phantom{=}} + 0\n\\end{align}`, 1],
    [`\\[ ${DL} = \\smash[b]{1} + \\smash{w} \\]`, 1],
    [`\\[ ${DL} = \\mathrel{} 1 + \\cancel{w} + \\bcancel{0} \\]`, 1],
  ])('%s reads, every link judged', (tex, links) => {
    const eq = read(tex);
    expect(eq.status).not.toBe('skipped');
    expect(eq.checks).toHaveLength(links);
    expect(eq.checks.every((c) => c.status === 'holds' || c.status === 'holds-at-given-values')).toBe(true);
  });

  it('a phantom is invisible: `&\\phantom{=} 2` continues the side before it, it states no equality', () => {
    const eq = read(`\\begin{align*}\n${DL} &= 1 + w \\\\\n&\\phantom{=} + 1\n\\end{align*}`);
    expect(eq.checks).toHaveLength(1);
    expect(eq.status).toBe('fails');
  });
});
