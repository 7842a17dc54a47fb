// A primed step index with no Σ/∏ binding it, `\frac{\partial L}{\partial h_{t'}}` (copied out of a sum): it was "a
// time index is t, t±k, a step number, T or T±k, or a Σ/∏ variable", not naming t'. It now says t' is not bound and
// where a primed index reads; under its Σ it reads as spec25 made it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 3
input x = [0.5, -1, 0.8]
target y = [0.2, 0.1, -0.3]
param W_hh = 0.8
h_0 = 0
h_t = tanh(W_hh h_{t-1} + x_t)
L_t = (h_t - y_t)^2
loss L = \sum_t L_t`;

describe("a free t'", () => {
  it('is named, and reads under its Σ', () => {
    const r = analyze(
      [
        NET,
        String.raw`check \frac{\partial L}{\partial h_{t'}} = 2(h_{t'} - y_{t'})`,
        String.raw`check \frac{\partial L}{\partial h_t} = \sum_{t'=t}^{T} \frac{\partial L_{t'}}{\partial h_{t'}} \frac{\partial h_{t'}}{\partial h_t}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toContain(
      "t' is not bound here: a primed index is read under the Σ or ∏ that binds it (Σ_{t'=t}^{T}); at one step, write t or the step's number",
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
