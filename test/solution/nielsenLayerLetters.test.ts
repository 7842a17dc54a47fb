// Nielsen's BP1 and BP2 as printed, in a solution whose network has its layers as steps (session 37b): the
// definition δ^l ≡ ∂C/∂z^l (eq. 29, also by entry, δ^l_j ≡ ∂C/∂z^l_j) was refused ("write δ_t = … (with t for l)"),
// ∇_a C with no step was "a is a sequence, so the gradient by it needs a step", and BP1 with δ defined nowhere was
// "the left side's index must be t".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { NIELSEN_NET } from './helpers';

const FAST = { draws: 2, graph: false };
const solution = (...displays: string[]) =>
  analyzeSolution(['# BP', '', '```rnn', NIELSEN_NET + '```', '', ...displays.flatMap((d) => [d, ''])].join('\n'), 'markdown', {
    analyze: FAST,
  });
const BP1 = String.raw`$$\delta^L = \nabla_a C \odot \sigma'(z^L) \tag{BP1}$$`;
const BP2 = String.raw`$$\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l) \tag{BP2}$$`;

describe('∇_a C with no step', () => {
  it('in a .rnn check: the step C reads a at alone, said so', () => {
    const r = analyze(`${NIELSEN_NET}check ∂C/∂z^L = \\nabla_a C \\odot \\sigma'(z^L)\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "∇_a C is read as ∇_{a_T} C: C reads a at that step alone (the last layer's, as Nielsen's ∇_a C in BP1)",
    );
    // judged, not assumed: the slope at the layer before fails
    expect(analyze(`${NIELSEN_NET}check ∂C/∂z^L = \\nabla_a C \\odot \\sigma'(z^{L-1})\n`, FAST).checks[0]!.status).toBe('fails');
  });

  it('a cost that reads a at every step still asks for the step', () => {
    const net = NIELSEN_NET.replace('loss C = 0.5 sum((a^{(T)} - y^{(T)})^2)', 'loss C = Σ_t sum(a_t^2)');
    const r = analyze(`${net}check ∂C/∂z^L = \\nabla_a C \\odot \\sigma'(z^L)\n`, FAST);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toContain('so the gradient by it needs a step');
  });
});

describe('δ defined for layer l, then BP1 and BP2 as printed', () => {
  it('δ^l ≡ ∂C/∂z^l defines δ for every layer; BP1 and BP2 hold', () => {
    const sol = solution(String.raw`$$\delta^l \equiv \frac{\partial C}{\partial z^l} \tag{29}$$`, BP1, BP2);
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'holds']);
    expect(sol.equations[0]!.message).toContain('it defines δ by a derivative');
  });

  it('by entry, δ^l_j ≡ ∂C/∂z^l_j, also in inline math; a slip in BP2 fails', () => {
    const sol = solution(
      String.raw`$$\delta^l_j \equiv \frac{\partial C}{\partial z^l_j} \tag{29}$$`,
      BP1,
      String.raw`$$\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^{l+1})$$`,
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'fails']);
    const inline = solution(String.raw`Let $\delta^l = \frac{\partial C}{\partial z^l}$.`, BP1, BP2);
    expect(inline.equations.map((e) => e.status)).toEqual(['holds', 'holds']);
  });

  it('a δ defined by the wrong derivative makes BP1 fail, judged', () => {
    const sol = solution(String.raw`$$\delta^l \equiv \frac{\partial C}{\partial a^l}$$`, BP1);
    expect(sol.equations[1]!.status).toBe('fails');
  });

  it('entries that differ (δ^l_j ≡ ∂C/∂z^l_k) are not every entry: said what to write, as before', () => {
    const sol = solution(String.raw`$$\delta^l_j \equiv \frac{\partial C}{\partial z^l_k}$$`);
    expect(sol.equations[0]!.message).toContain('write δ_t = … (with t for l, and no entry j)');
  });

  it("BP1 by entry after the solution's own δ^l_j ≡ ∂C/∂z^l_j is a claim about δ (probe 42)", () => {
    // δ^L_j = … was taken as a second definition (δ_j, a name of its own) and refused as δ at the last layer alone
    const BP1j = String.raw`$$\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j) \tag{BP1}$$`;
    const sol = solution(String.raw`$$\delta^l_j \equiv \frac{\partial C}{\partial z^l_j} \tag{29}$$`, BP1j);
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds']);
    const slip = solution(
      String.raw`$$\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}$$`,
      String.raw`$$\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma(z^L_j)$$`,
    );
    expect(slip.equations[1]!.status).toBe('fails');
    expect(slip.equations[1]!.message).toMatch(/σ\(z_L\[j\]\) should be σ′\(z_L\[j\]\)|should be σ′/);
  });

  it('BP1 with δ defined nowhere says to define it first', () => {
    const sol = solution(BP1);
    expect(sol.equations[0]!.status).toBe('skipped');
    expect(sol.equations[0]!.message).toContain('δ^L = … would define δ at the last layer alone: define δ for every layer first');
  });
});
