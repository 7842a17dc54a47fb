// A primed step index, as BPTT derivations write the later steps a state reaches: `∂L/∂h_t = \sum_{t'=t}^{T}
// ∂L_{t'}/∂h_{t'} ∂h_{t'}/∂h_t`, `\sum_{t'=1}^{t}`, `\prod_{j=t+1}^{t'}`. It was refused ("a primed index t' is not one
// — use another letter"). A primed step letter (t, s, k, i, j, τ) is an index variable of its own, t′, in the body
// and the bounds inside it. Graves' Σ_{h'=1}^{H} (h a name of the network, h′ its units) stays refused, as before.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SIGMA_NET } from '../probe24/spec24b-network';

const d = (a: string, b: string) => String.raw`\frac{\partial ${a}}{\partial ${b}}`;

describe("a primed step index t'", () => {
  it('reads in Σ and in the ∏ inside it, and a slip beside it is named', () => {
    const r = analyze(
      [
        SIGMA_NET,
        String.raw`check ${d('L', 'h_t')} = \sum_{t'=t}^{T} ${d("L_{t'}", "h_{t'}")} ${d("h_{t'}", 'h_t')}`,
        String.raw`check ${d('L', 'h_t')} = \sum_{t'=t}^{T} ${d("L_{t'}", "h_{t'}")} \prod_{j=t+1}^{t'} ${d('h_j', 'h_{j-1}')}`,
        String.raw`check ${d('L', 'W_{hh}')} = \sum_{t=1}^{T} ${d('L_t', 'h_t')} \sum_{k'=1}^{t} \left(\prod_{j=k'+1}^{t} ${d('h_j', 'h_{j-1}')}\right) \frac{\partial^+ h_{k'}}{\partial W_{hh}}`,
        String.raw`check L = \sum_{t'} L_{t'}`,
        String.raw`check ${d('L', 'h_t')} = \sum_{t'=t}^{T} ${d("L_{t'}", "h_{t'}")} \prod_{j=t+1}^{t'} h_{j-1} (1 - h_{j-1}) W_{hh}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
    expect(r.checks[4]!.message).toContain('h_{j-1} should be h_j');
  });

  it("Graves' Σ_{h'} over a network name's units stays refused by name", () => {
    const r = analyze(`${SIGMA_NET}\ncheck L = \\sum_{h'=1}^{2} h_{h'}`);
    expect(r.diagnostics.map((x) => x.message)).toContainEqual(expect.stringMatching(/a primed index h' is not one — use another letter/));
  });
});
