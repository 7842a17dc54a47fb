// σ's slope written for a tanh quantity, inside a longer product as a backward pass prints it: an LSTM's candidate
// gradient `Σ_t δc̃_t ⊙ c̃_t ⊙ (1 − c̃_t)` (c̃ = tanh), a scalar RNN's `Σ_t ∂L/∂h_t h_t (1 − h_t) x_t`. The slope hint
// read X(1 − X) only as a product of its own; written after a gradient the product reads (δ ⊙ X) ⊙ (1 − X), and the
// check failed with only the values. It is now named there too, underlined from X to (1 − X) (slope.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const SCALAR = `T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  w = 0.8
param  u = 0.3
h_0 = 0.1
h_t = tanh(w h_{t-1} + u x_t)
loss L = Σ_t (h_t - y_t)^2 / 2
`;

const LSTM = String.raw`T = 3
input  x = [1.0, -0.5, 0.3]
target y = [0.2, -0.1, 0.3]
param  W_{xi} = 0.5
param  W_{hi} = -0.4
param  W_{xf} = 0.3
param  W_{hf} = 0.6
param  W_{xo} = -0.2
param  W_{ho} = 0.7
param  W_{xc} = 0.9
param  W_{hc} = -0.5
param  b_c = -0.1
h_0 = 0
c_0 = 0.5
i_t = \sigma(W_{xi} x_t + W_{hi} h_{t-1})
f_t = \sigma(W_{xf} x_t + W_{hf} h_{t-1})
o_t = \sigma(W_{xo} x_t + W_{ho} h_{t-1})
\tilde{c}_t = \tanh(W_{xc} x_t + W_{hc} h_{t-1} + b_c)
c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t
h_t = o_t \odot \tanh(c_t)
L_t = \frac{1}{2}(h_t - y_t)^2
loss L = \sum_t L_t
`;

describe("σ's slope for a tanh, after the gradient it multiplies", () => {
  it('a scalar RNN: h_t (1 − h_t) named, underlined from h_t to (1 − h_t); the right form holds', () => {
    const text = `${SCALAR}check ∂L/∂u = Σ_t ∂L/∂h_t h_t (1 - h_t) x_t\ncheck ∂L/∂u = Σ_t ∂L/∂h_t (1 - h_t^2) x_t\n`;
    const r = analyze(text);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(
      /h_t \(1 − h_t\) should be 1 − h_t\^2 \(that is σ's slope σ\(1 − σ\); tanh' is 1 − tanh²\): with that the check holds$/,
    );
    const line = text.split('\n')[8]!;
    expect(r.checks[0]!.culprit).toMatchObject({ line: 9, column: line.indexOf('h_t (1') + 1, endColumn: line.indexOf(' x_t') + 1 });
  });

  it("an LSTM's candidate: δc̃_t ⊙ c̃_t ⊙ (1 − c̃_t) named, δc̃_t ⊙ (1 − c̃_t²) holds", () => {
    const r = analyze(
      LSTM +
        String.raw`check \frac{\partial L}{\partial b_c} = \sum_t \bar{\tilde{c}}_t \odot \tilde{c}_t \odot (1 - \tilde{c}_t)` +
        '\n' +
        String.raw`check \frac{\partial L}{\partial b_c} = \sum_t \bar{\tilde{c}}_t \odot (1 - \tilde{c}_t^2)` +
        '\n',
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    // scalars: ⊙ is the product, printed as juxtaposition
    expect(r.checks[0]!.message).toMatch(/c̃_t \(1 − c̃_t\) should be 1 − c̃_t\^2 \(that is σ's slope/);
  });
});
