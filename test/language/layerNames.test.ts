// A deep (stacked) RNN's layers written as superscripts (session 43): d2l's H_t^{(l)}, W_{xh}^{(l)}, deeplearning.ai's
// a^{[l]<t>}. Before, `param W_{xh}^{(1)}` was "declare W_xh without an index" and `h_t^{(1)} = …` made the whole
// network unreadable. A file that declares a name with a layer tag, or defines one with a step besides the tag, reads
// that spelling as one name everywhere (superscriptNames.ts); every other superscript reads as before.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { lex } from '../../src/language/lexer';
import { layerNames } from '../../src/language/superscriptNames';

const FAST = { graph: false, symbolic: false } as const;

const d2l = (w1 = 0.3) => `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_{xh}^{(1)} = ${w1}
param W_{hh}^{(1)} = 0.8
param b^{(1)} = 0.1
param W_{xh}^{(2)} = 0.5
param W_{hh}^{(2)} = -0.4
param b^{(2)} = -0.2
param W_{hq} = 1.2
h_0^{(1)} = 0
h_0^{(2)} = 0
h_t^{(1)} = \\tanh(W_{xh}^{(1)} x_t + W_{hh}^{(1)} h_{t-1}^{(1)} + b^{(1)})
h_t^{(2)} = \\tanh(W_{xh}^{(2)} h_t^{(1)} + W_{hh}^{(2)} h_{t-1}^{(2)} + b^{(2)})
o_t = W_{hq} h_t^{(2)}
loss L = \\sum_t (o_t - y_t)^2
`;

/** the loss of the network at its values, computed here by hand (tanh layers, squared error) */
function lossByHand(w1: number): number {
  const x = [0.5, -1.0, 2.0];
  const y = [1, 0, 1];
  let h1 = 0;
  let h2 = 0;
  let L = 0;
  for (let t = 0; t < 3; t++) {
    h1 = Math.tanh(w1 * x[t]! + 0.8 * h1 + 0.1);
    h2 = Math.tanh(0.5 * h1 - 0.4 * h2 - 0.2);
    L += (1.2 * h2 - y[t]!) ** 2;
  }
  return L;
}

describe("a deep RNN's layer tags", () => {
  it('name one parameter and one sequence per layer: the loss is the one computed by hand, ∂L/∂W_xh^{(1)} its central difference', () => {
    const r = analyze(`${d2l()}derive ∂L/∂W_{xh}^{(1)}\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.params.map((p) => p.name)).toEqual(['W^{(1)}_xh', 'W^{(1)}_hh', 'b^{(1)}', 'W^{(2)}_xh', 'W^{(2)}_hh', 'b^{(2)}', 'W_hq']);
    expect(r.loss!.value).toBeCloseTo(lossByHand(0.3), 12);
    const eps = 1e-6;
    const fd = (lossByHand(0.3 + eps) - lossByHand(0.3 - eps)) / (2 * eps);
    expect(r.derives[0]!.results[0]!.value as number).toBeCloseTo(fd, 8);
  });

  it('at random values of W_xh^{(1)}: ∂L/∂W_xh^{(1)} is the central difference of the loss by hand (within 1e-7, relative)', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (w1) => {
        const r = analyze(`${d2l(w1)}derive ∂L/∂W_{xh}^{(1)}\n`, FAST);
        const eps = 1e-6;
        const fd = (lossByHand(w1 + eps) - lossByHand(w1 - eps)) / (2 * eps);
        const got = r.derives[0]!.results[0]!.value as number;
        expect(Math.abs(got - fd)).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
      }),
      { numRuns: 20, seed: 43 },
    );
  });

  it('its forms print the tag over the name, an accent on the letter only, and render in KaTeX', () => {
    const r = analyze(`${d2l()}derive ∂L/∂W_{xh}^{(1)}\n`, { forms: true });
    const res = r.derives[0]!.results[0]!;
    const forms = Object.values(res.forms ?? {}).filter((f) => f !== undefined);
    expect(forms.length).toBeGreaterThan(2);
    const latex = [res.latex, ...forms.map((f) => f.latex)].join('\n');
    expect(latex).toContain('W^{(1)}_{xh}');
    expect(latex).toContain('\\tilde{h}^{(2)}_{t}');
    expect(latex).not.toContain('\\text{(}');
    for (const l of [res.latex, ...forms.map((f) => f.latex)])
      expect(() => katex.renderToString(l, { throwOnError: true }), l).not.toThrow();
    expect(forms.map((f) => f.text).join('\n')).toContain('h̃^{(2)}_t = W^{(2)}_xh h^{(1)}_t');
  });

  it('checks written with them hold where right, and a weight of the wrong layer is named', () => {
    const r = analyze(
      `${d2l()}check ∂L/∂h_3^{(2)} = 2(o_3 - y_3) W_{hq}
check ∂L/∂h_3^{(1)} = ∂L/∂h_3^{(2)} (1 - (h_3^{(2)})^2) W_{xh}^{(2)}
check ∂L/∂h_2^{(1)} = ∂L/∂h_2^{(2)} (1 - (h_2^{(2)})^2) W_{xh}^{(2)} + ∂L/∂h_3^{(1)} (1 - (h_3^{(1)})^2) W_{hh}^{(1)}
check ∂L/∂h_2^{(1)} = ∂L/∂h_2^{(2)} (1 - (h_2^{(2)})^2) W_{xh}^{(2)} + ∂L/∂h_3^{(1)} (1 - (h_3^{(1)})^2) W_{hh}^{(2)}
check ∂L/∂W_{hh}^{(2)} = Σ_t ∂L/∂h_t^{(2)} (1 - (h_t^{(2)})^2) h_{t-1}^{(2)}
check ∂L/∂W_{hh}^{(2)} = Σ_t ∂L/∂h_t^{(2)} (1 - (h_t^{(2)})^2) h_{t-1}^{(1)}
`,
      FAST,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails', 'holds', 'fails']);
    expect(r.checks[3]!.message).toContain('W^{(2)}_hh should be W^{(1)}_hh');
    expect(r.checks[5]!.message).toContain('h^{(1)}_{t-1} should be h^{(2)}_{t-1}');
    // a power of a tagged name is bracketed in messages: (h^{(1)}_3)^2
    expect(r.checks[3]!.message).toContain('(1 − (h^{(1)}_3)^2)');
  });

  it("deeplearning.ai's a^{[l]<t>} (the step in angle brackets after the layer) reads the same", () => {
    const r = analyze(
      `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_{aa}^{[1]} = 0.8
param W_{ax}^{[1]} = 0.3
param W_{aa}^{[2]} = -0.4
param W_{ax}^{[2]} = 0.5
param W_{ya} = 1.2
a^{[1]<0>} = 0
a^{[2]\\langle 0 \\rangle} = 0
a^{[1]<t>} = \\tanh(W_{aa}^{[1]} a^{[1]<t-1>} + W_{ax}^{[1]} x^{<t>})
a^{[2]⟨t⟩} = \\tanh(W_{aa}^{[2]} a^{[2]⟨t-1⟩} + W_{ax}^{[2]} a^{[1]<t>})
\\hat{y}^{<t>} = W_{ya} a^{[2]<t>}
loss L = \\sum_t (\\hat{y}^{<t>} - y^{<t>})^2
check ∂L/∂a^{[1]<2>} = ∂L/∂a^{[2]<2>} (1 - (a^{[2]<2>})^2) W_{ax}^{[2]} + ∂L/∂a^{[1]<3>} (1 - (a^{[1]<3>})^2) W_{aa}^{[1]}
check ∂L/∂a^{[1]<2>} = ∂L/∂a^{[2]<2>} (1 - (a^{[2]<2>})^2) W_{ax}^{[2]}
`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
  });

  it('a vector deep RNN in a Markdown solution: Goodfellow-style transposes of tagged weights (W_{xh}^{(2)\\top}, (W_{xh}^{(2)})^\\top)', () => {
    const text = [
      '```rnn',
      'T = 3',
      'input x : 2 = [[0.5, -1.0], [2.0, 0.1], [-0.3, 0.7]]',
      'target y = [1, 0, 1]',
      'param W_{xh}^{(1)} = [[0.3, -0.2], [0.1, 0.4], [0.5, 0.2]]',
      'param W_{hh}^{(1)} = [[0.5, 0.1, 0], [0.2, -0.3, 0.1], [0, 0.2, 0.4]]',
      'param W_{xh}^{(2)} = [[0.3, -0.1, 0.2], [0.6, 0.2, -0.5]]',
      'param W_{hh}^{(2)} = [[0.4, 0.1], [-0.2, 0.3]]',
      'param w_q = [1.2, -0.7]',
      'h_0^{(1)} = [0, 0, 0]',
      'h_0^{(2)} = [0, 0]',
      'h_t^{(1)} = \\tanh(W_{xh}^{(1)} x_t + W_{hh}^{(1)} h_{t-1}^{(1)})',
      'h_t^{(2)} = \\tanh(W_{xh}^{(2)} h_t^{(1)} + W_{hh}^{(2)} h_{t-1}^{(2)})',
      'o_t = w_q^\\top h_t^{(2)}',
      'loss L = \\sum_t (o_t - y_t)^2',
      '```',
      '',
      '$$ \\nabla_{h_3^{(1)}} L = W_{xh}^{(2)\\top} \\operatorname{diag}(1 - h_3^{(2)} \\odot h_3^{(2)}) \\nabla_{h_3^{(2)}} L $$',
      '',
      '$$ \\nabla_{h_3^{(1)}} L = (W_{xh}^{(2)})^\\top \\left( (1 - (h_3^{(2)})^2) \\odot \\nabla_{h_3^{(2)}} L \\right) $$',
      '',
      '$$ \\nabla_{W_{xh}^{(1)}} L = \\sum_t \\operatorname{diag}(1 - h_t^{(1)} \\odot h_t^{(1)}) \\nabla_{h_t^{(1)}} L \\, x_t^\\top $$',
      '',
      '$$ \\nabla_{h_3^{(1)}} L = W_{hh}^{(2)\\top} \\operatorname{diag}(1 - h_3^{(2)} \\odot h_3^{(2)}) \\nabla_{h_3^{(2)}} L $$',
      '',
    ].join('\n');
    const s = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(s.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(s.equations[3]!.message).toMatch(/shape mismatch: the left side is a vector of 3, the right side a vector of 2/);
  });

  it('the name without its layer (a formula for every layer l, or the tag forgotten) says the layers the file has', () => {
    const r = analyze(`${d2l()}check ∂L/∂h_3^{(l)} = 1\ncheck ∂L/∂W_{xh} = 1\n`, FAST);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "unknown name h: the file names it by layer, h^{(1)} or h^{(2)} — write the layer's number over it (h^{(1)}); a formula for every layer l is not checked",
      "unknown name W_xh: the file names it by layer, W^{(1)}_xh or W^{(2)}_xh — write the layer's number over it (W^{(1)}_xh); a formula for every layer l is not checked",
    ]);
  });

  it('only a declaration, or a definition at the general step t besides the tag, makes a layer name', () => {
    const names = (text: string) => [...layerNames(lex(text).tokens)];
    expect(names('param W_{xh}^{(1)} = 0.3\nh_t^{(2)} = 1\nh^{(3)}_t = 2\nh_{t-1}^{(4)} = 0\ninput u^{[5]} = [1, 2]\n')).toEqual([
      'W^{(1)}_xh',
      'h^{(2)}',
      'h^{(3)}',
      'h^{(4)}',
      'u^{[5]}',
    ]);
    // at one step alone, no layer: CS224n's label δ_1^{(2)} is δ_1 at step 2 (test/solution/labelledChain.test.ts), and an
    // initial state h_0^{(1)} = 0 is a layer's only where the file defines h_t^{(1)} too
    expect(names('δ_1^{(2)} = 1\nh_0^{(1)} = 0\n')).toEqual([]);
    // Goodfellow's h^{(0)} = 0 and z^{(t)} = … are steps; a tag in a value defines nothing
    expect(names('h^{(0)} = 0\nz^{(t)} = W^{(1)} x\ny = h_t^{(1)}\n')).toEqual([]);
  });

  it('every other superscript reads as before: steps as superscripts, powers, a layer-like tag the file does not define', () => {
    // Goodfellow's steps: h^{(1)} is step 1 of h
    const g = analyze(
      'T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.8\nparam u = 0.3\nh^{(0)} = 0\nh^{(t)} = tanh(w h^{(t-1)} + u x^{(t)})\nloss L = Σ_t (h^{(t)})^2\ncheck ∂L/∂h^{(3)} = 2 h^{(3)}\ncheck ∂L/∂h_3 = 2 h_3^2\n',
      FAST,
    );
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(g.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    // a tag on a name no statement declares or defines so: h_3^{(1)} is entry 3 at step 1, as before (an MLP's
    // p_j^{(k)}), and h a scalar has none
    const n = analyze(
      'T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.8\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\ncheck ∂L/∂h_3 = 2 h_3^{(1)}\n',
      FAST,
    );
    expect(n.diagnostics.map((d) => d.message)).toEqual(['h_1 is a scalar: it has no entries to pick']);
  });
});
