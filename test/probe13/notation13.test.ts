// notation13 (session 13): notation met when textbook and lecture-note formulas are pasted as printed —
// \mathbf{1} as the all-ones vector, sech/cosh/sinh, a value after ≈ judged to its digits, d2l.ai's loss
// function l(o_t, y_t) applied to an output and its target.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const VEC = String.raw`T = 3
input x : 2
target y : 2
param W_xh : 3x2
param W_hh : 3x3
param b_h : 3
param W_hy : 2x3
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)
o_t = W_hy h_t
L_t = sum((o_t - y_t)^2)
loss L = Σ_t L_t
`;

const SCALAR = String.raw`T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_xh = 0.3
param W_hh = 0.8
param b_h = 0.1
param W_hy = 1.5
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)
o_t = W_hy h_t
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
`;

const errors = (r: ReturnType<typeof analyze>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
const statuses = (text: string) => {
  const r = analyze(text);
  expect(errors(r)).toEqual([]);
  return r.checks.map((c) => c.status);
};

describe('\\mathbf{1}: the all-ones vector', () => {
  it('in diag(1 − h ⊙ h) and 1 − h², as every spelling (\\mathbf, \\boldsymbol, 𝟙)', () => {
    const lines = [
      String.raw`check ∂h_t/∂h_{t-1} = \operatorname{diag}(\mathbf{1} - h_t \odot h_t) W_hh`,
      String.raw`check ∂h_t/∂h_{t-1} = \mathrm{diag}(\boldsymbol{1} - h^{(t)2}) W_hh`,
      String.raw`check ∂h_t/∂h_{t-1} = diag(𝟙 - h_t^2) W_hh`,
      String.raw`check ∂L/∂W_hh = \sum_{t=1}^{T} \operatorname{diag}(\mathbf{1} - h_t^2) ∂L/∂h_t h_{t-1}^\top`,
    ];
    expect(statuses(VEC + lines.join('\n') + '\n')).toEqual(['holds', 'holds', 'holds', 'holds']);
  });

  it('1ᵀv is the sum of v, vᵀ1 too, M1 the row sums, 1ᵀM the column sums; a wrong one fails', () => {
    const lines = [
      String.raw`check \mathbf{1}^\top h_3 = sum(h_3)`,
      String.raw`check \mathbf{1}^T o_3 = sum(o_3)`,
      String.raw`check h_3^T \mathbf{1} = sum(h_3)`,
      String.raw`check (W_hh \boldsymbol{1})[1] = W_hh[1,1] + W_hh[1,2] + W_hh[1,3]`,
      String.raw`check \mathbf{1}^\top W_hy = [W_hy[1,1] + W_hy[2,1], W_hy[1,2] + W_hy[2,2], W_hy[1,3] + W_hy[2,3]]`,
      String.raw`check \mathbf{1}^\top h_3 = sum(o_3)`,
    ];
    expect(statuses(VEC + lines.join('\n') + '\n')).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
  });

  it('in a network equation: L_t = 1ᵀ(o_t − y_t)²', () => {
    const net = VEC.replace('L_t = sum((o_t - y_t)^2)', String.raw`L_t = \mathbf{1}^\top (o_t - y_t)^2`);
    expect(statuses(net + 'check L_t = sum((o_t - y_t)^2)\ncheck ∂L/∂o_t = 2(o_t - y_t)\n')).toEqual(['holds', 'holds']);
  });

  it('the indicator \\mathbb{1}_{i=2} and 𝟙_{i=2} still read', () => {
    expect(statuses(VEC + 'check Σ_i \\mathbb{1}_{i=2} h_3[i] = h_3[2]\ncheck Σ_i 𝟙_{i=2} h_3[i] = h_3[2]\n')).toEqual(['holds', 'holds']);
  });
});

describe('sech, cosh, sinh', () => {
  it("tanh' written sech² (\\operatorname{sech}, sech^2, 1/\\cosh^2) holds; a wrong power fails", () => {
    const z = 'W_xh x_t + W_hh h_{t-1} + b_h';
    const lines = [
      String.raw`check ∂h_t/∂h_{t-1} = diag(sech^2(${z})) W_hh`,
      String.raw`check ∂h_t/∂h_{t-1} = \operatorname{diag}(\operatorname{sech}^2(${z})) W_hh`,
      String.raw`check ∂h_t/∂h_{t-1} = diag(1/\cosh^2(${z})) W_hh`,
      String.raw`check \sinh(b_h) = (exp(b_h) - exp(-b_h))/2`,
      String.raw`check \cosh(b_h)^2 - \sinh(b_h)^2 = 1`,
      String.raw`check ∂h_t/∂h_{t-1} = diag(sech(${z})) W_hh`,
    ];
    expect(statuses(VEC + lines.join('\n') + '\n')).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
  });
});

describe('a value after ≈, judged to the digits written', () => {
  // ∂L/∂W_hh = −0.0398942…, ∂L/∂o_3 = −0.193101… at SCALAR's values
  it('holds when the value rounds to what is written (\\approx, ≈, \\simeq, m × 10^{e}, trailing zeros)', () => {
    const lines = [
      String.raw`check ∂L/∂W_hh \approx -0.0399`,
      'check ∂L/∂W_hh ≈ -0.04',
      'check ∂L/∂W_hh ≈ -0.040',
      String.raw`check ∂L/∂W_hh ≈ -3.99 \times 10^{-2}`,
      String.raw`check ∂L/∂o_3 \simeq -0.193`,
    ];
    const r = analyze(SCALAR + lines.join('\n') + '\n');
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
    expect(r.checks[0]!.message).toMatch(
      /^holds to the digits written at the file's values: the left side is -0.0398942, which rounds to -0.0399/,
    );
  });

  it('a wrongly rounded value fails, naming the value and what it rounds to', () => {
    const r = analyze(SCALAR + 'check ∂L/∂W_hh ≈ -0.0398\ncheck ∂L/∂W_hh \\approx 0.0421\n');
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    expect(r.checks[0]!.message).toBe('fails: the left side is -0.0398942, which rounds to -0.0399, not -0.0398 as written');
    expect(r.checks[1]!.message).toBe('fails: the left side is -0.0398942, which rounds to -0.0399, not 0.0421 as written');
  });

  it('in a chain A = B ≈ v: the value is its own link, against the first side', () => {
    const r = analyze(SCALAR + 'check ∂L/∂o_3 = -2(y_3 - o_3) \\approx -0.193\ncheck ∂L/∂o_3 = -2(y_3 - o_3) ≈ -0.18\n');
    expect(r.checks.map((c) => [c.line, c.link, c.status])).toEqual([
      [13, 1, 'holds'],
      [13, 2, 'holds'],
      [14, 1, 'holds'],
      [14, 2, 'fails'],
    ]);
    expect(r.checks[3]!.message).toMatch(/which rounds to -0.19, not -0.18 as written/);
  });

  it('a vector value is judged entry by entry', () => {
    // o_1 = 0.37…, o_2 = −0.0061
    const r = analyze(`${SCALAR}check [o_1, o_2] ≈ [0.37, -0.01]\ncheck [o_1, o_2] ≈ [0.37, 0.01]\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toBe('fails: entry 2 of the left side is -0.00609757, which rounds to -0.01, not 0.01 as written');
  });

  it('≈ before an expression that is no written value is an error naming what ≈ takes', () => {
    const r = analyze(`${SCALAR}check ∂L/∂W_hh ≈ x_1\n`);
    expect(errors(r)).toEqual([
      'after ≈ a check takes a value written to some digits (0.0421, -4.21 × 10^{-2}, or a list of numbers), judged to those digits; for an equation write =',
    ]);
  });

  it('in a solution: `= … \\approx v` is a link judged to its digits; an expression after ≈ is still left out', () => {
    const md = ['```rnn', SCALAR, '```', '', String.raw`$$ \frac{\partial L}{\partial W_{hh}} \approx -0.0398 \tag{2} $$`, ''].join('\n');
    const sol = analyzeSolution(md, 'markdown');
    const checks = sol.networks.flatMap((n) => n.report.checks);
    expect(checks.map((c) => [c.tag, c.status])).toEqual([['2', 'fails']]);
    expect(checks[0]!.message).toMatch(/rounds to -0.0399, not -0.0398 as written/);
  });
});

describe("d2l.ai's l(o_t, y_t): a per-step loss applied to an output and its target", () => {
  const D2L = String.raw`T = 4
input x : 2
target y : 2
param W_hx : 3x2
param W_hh : 3x3
param W_qh : 2x3
h_0 = 0
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
l_t = sum((o_t - y_t)^2)
loss L = \frac{1}{T}\sum_{t=1}^T l(o_t, y_t)
`;
  it('reads as l at its arguments’ step, in the network and in a check (d2l.ai eq. 9.7.x as printed)', () => {
    const r = analyze(
      D2L +
        String.raw`check L = \frac{1}{T}\sum_{t=1}^T l_t
check \frac{\partial L}{\partial \mathbf{o}_t} = \frac{\partial l(\mathbf{o}_t, y_t)}{T \cdot \partial \mathbf{o}_t}
check \frac{\partial L}{\partial \mathbf{o}_t} = \frac{\partial l(\mathbf{o}_t, y_t)}{\partial \mathbf{o}_t}
`,
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.checks[2]!.message).toMatch(/misses a factor 1\/T/);
    expect(
      r.diagnostics.some((d) => d.severity === 'information' && d.message === 'l(…) is read as l_t, at the step of its arguments'),
    ).toBe(true);
  });

  it('arguments at different steps, or at none, are an error that says so', () => {
    const r = analyze(`${D2L}check ∂L/∂o_t = l(o_t, y_{t-1})\ncheck ∂L/∂o_t = l(W_hh, y)\n`);
    expect(errors(r)).toEqual([
      'l is a sequence: l(…) takes its step from its arguments, and they are written at different steps — write l_t or a step such as l_1',
      'l is a sequence: l(…) takes its step from its arguments, and they name no step — write l_t or a step such as l_1',
    ]);
  });
});

describe('transposes and spacing as textbooks typeset them', () => {
  const NET = String.raw`T = 4
input x : 2
target y : 3 = [[1,0,0],[0,1,0],[0,0,1],[1,0,0]]
param U : 4x2
param W : 4x4
param b : 4
param V : 3x4
param c : 3
h_0 = 0
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
o_t = c + V h_t
ŷ_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t
`;
  // Goodfellow et al. eq. 10.28 with the transpose of x^{(t)} in the ways papers typeset it
  const g = (xT: string) =>
    String.raw`check \nabla_{\boldsymbol{U}} L = \sum_t \text{diag}\left(1 - \left(\boldsymbol{h}^{(t)}\right)^2\right) (\nabla_{\boldsymbol{h}^{(t)}} L) ${xT}`;
  it('x^{(t)}{}^\\top (an empty group), x^{(t)\\prime}, x_t^{\\prime}, x_t^{\\mkern-1.5mu\\mathsf{T}}, x_t^{\\scriptscriptstyle\\top}', () => {
    const lines = [
      g(String.raw`\boldsymbol{x}^{(t)}{}^\top`),
      g(String.raw`\boldsymbol{x}^{(t)\prime}`),
      g(String.raw`x_t^{\prime}`),
      g(String.raw`x_t^\prime`),
      g(String.raw`x_t^{\mkern-1.5mu\mathsf{T}}`),
      g(String.raw`x_t^{\scriptscriptstyle\top}`),
      g(String.raw`x_t^{\hspace{1pt}\top}`),
    ];
    expect(statuses(NET + lines.join('\n') + '\n')).toEqual(lines.map(() => 'holds'));
  });

  it('a ⊗ b of two vectors is the outer product a bᵀ; of a matrix, an error that says so', () => {
    const ok = String.raw`check \nabla_{U} L = \sum_t diag(1 - h_t^2) (\nabla_{h_t} L) \otimes x_t`;
    const wrong = String.raw`check \nabla_{U} L = \sum_t (\nabla_{h_t} L) ⊗ x_t`;
    expect(statuses(`${NET}${ok}\n`)).toEqual(['holds']);
    const r = analyze(`${NET}${wrong}\ncheck W ⊗ h_1 = 0\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails']);
    expect(errors(r)).toEqual([
      '⊗ is read as the outer product of two vectors (a ⊗ b = a bᵀ), not of a 4×4 matrix; the product entry by entry is written ⊙',
    ]);
  });
});

describe('dX (CS231n, min-char-rnn): the gradient of the loss by X', () => {
  const LSTM = String.raw`T = 3
input x : 2
target y : 2
param W_f : 3x2
param U_f : 3x3
param W_i : 3x2
param U_i : 3x3
param W_o : 3x2
param U_o : 3x3
param W_c : 3x2
param U_c : 3x3
param V : 2x3
h_0 = 0
c_0 = 0
f_t = σ(W_f x_t + U_f h_{t-1})
i_t = σ(W_i x_t + U_i h_{t-1})
o_t = σ(W_o x_t + U_o h_{t-1})
\tilde{c}_t = tanh(W_c x_t + U_c h_{t-1})
c_t = f_t ⊙ c_{t-1} + i_t ⊙ \tilde{c}_t
h_t = o_t ⊙ tanh(c_t)
ŷ_t = V h_t
L_t = 0.5 sum((ŷ_t - y_t)^2)
loss L = Σ_t L_t
`;
  it('an LSTM backward pass in dc, dh, do holds; f_t for f_{t+1} fails naming it', () => {
    const r = analyze(
      LSTM +
        [
          'check dc_t = dh_t ⊙ o_t ⊙ (1 - tanh^2(c_t)) + dc_{t+1} ⊙ f_{t+1}',
          'check do_t = dh_t ∘ tanh(c_t)',
          'check dV = Σ_t (ŷ_t - y_t) h_t^T',
          'check dc_t = dh_t ⊙ o_t ⊙ (1 - tanh^2(c_t)) + dc_{t+1} ⊙ f_t',
        ].join('\n') +
        '\n',
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(r.checks[3]!.message).toMatch(/f_t should be f_\{t\+1\}/);
    expect(r.diagnostics.find((d) => d.severity === 'information' && /^dc_t is read/.test(d.message))?.message).toBe(
      "dc_t is read as ∂L/∂c_t, the loss's gradient by c_t (dX, as code and CS231n notes name gradients)",
    );
  });

  it('in an equation dX stays an unknown name; a defined dX is itself; dL/dW is still the ASCII derivative', () => {
    const r = analyze(`${LSTM}check \\frac{dL}{dV} = Σ_t (ŷ_t - y_t) h_t^T\ncheck dL/dV = Σ_t (ŷ_t - y_t) h_t^T\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.some((d) => /read as ∂L/.test(d.message))).toBe(false);
    const bad = analyze(LSTM.replace('ŷ_t = V h_t', 'ŷ_t = V h_t + dh_t'));
    expect(errors(bad)[0]).toMatch(/^unknown name dh/);
  });
});

describe("d2l.ai §9.7's f(x_t, h_{t-1}, w_h) and g(h_t, w_o): the functions of the network's own equations", () => {
  const NET = String.raw`T = 4
input x = [0.5, -1.0, 2.0, 0.3]
target y = [1, 0, 1, 0]
param w_h = 0.7
param w_x = 0.4
param w_o = 1.2
h_0 = 0
h_t = tanh(w_h h_{t-1} + w_x x_t)
o_t = w_o h_t
L_t = (o_t - y_t)^2
loss L = \frac{1}{T}\sum_{t=1}^T L_t
`;
  it('eqs. 9.7.3–9.7.7 as printed hold: f(…) is h_t, g(…) is o_t, l(…) is L_t; ∂f(…)/∂(an argument) is the partial ∂⁺', () => {
    const lines = [
      String.raw`check \frac{\partial L}{\partial w_h} = \frac{1}{T}\sum_{t=1}^T \frac{\partial l(y_t, o_t)}{\partial w_h} = \frac{1}{T}\sum_{t=1}^T \frac{\partial l(y_t, o_t)}{\partial o_t} \frac{\partial g(h_t, w_o)}{\partial h_t}  \frac{\partial h_t}{\partial w_h}`,
      String.raw`check \frac{\partial h_t}{\partial w_h}= \frac{\partial f(x_{t},h_{t-1},w_h)}{\partial w_h} +\frac{\partial f(x_{t},h_{t-1},w_h)}{\partial h_{t-1}} \frac{\partial h_{t-1}}{\partial w_h}`,
      String.raw`check \frac{\partial h_t}{\partial w_h}=\frac{\partial f(x_{t},h_{t-1},w_h)}{\partial w_h}+\sum_{i=1}^{t-1}\left(\prod_{j=i+1}^{t} \frac{\partial f(x_{j},h_{j-1},w_h)}{\partial h_{j-1}} \right) \frac{\partial f(x_{i},h_{i-1},w_h)}{\partial w_h}`,
    ];
    const r = analyze(NET + lines.join('\n') + '\n');
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
    expect(r.diagnostics.some((d) => /^f\(…\) is read as h_j, the quantity whose equation takes these arguments/.test(d.message))).toBe(
      true,
    );
  });

  it('a typical mistake fails naming it: ∂h_t/∂w_h for ∂h_{t-1}/∂w_h in the recursion, the partial alone for the total', () => {
    const r = analyze(
      NET +
        String.raw`check \frac{\partial h_t}{\partial w_h}= \frac{\partial f(x_{t},h_{t-1},w_h)}{\partial w_h} +\frac{\partial f(x_{t},h_{t-1},w_h)}{\partial h_{t-1}} \frac{\partial h_{t}}{\partial w_h}
check \frac{\partial h_t}{\partial w_h}= \frac{\partial f(x_{t},h_{t-1},w_h)}{\partial w_h}
`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    expect(r.checks[1]!.message).toMatch(/The other side is the immediate partial ∂⁺h_t\/∂w_h/);
  });

  it('arguments no equation takes keep the refusal that says what to write', () => {
    const r = analyze(`${NET}check \\frac{\\partial h_t}{\\partial w_h}= \\frac{\\partial f(x_{t},h_{t},w_h)}{\\partial w_h}\n`);
    expect(errors(r)[0]).toMatch(/^f\(…\): a name applied to arguments/);
  });
});

describe('property: the new notation against its plain spelling on random vector networks', () => {
  // a small seeded generator: the same networks every run
  let state = 12345;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const vec = (n: number) => `[${Array.from({ length: n }, () => rand().toFixed(3)).join(', ')}]`;
  const mat = (m: number, n: number) => `[${Array.from({ length: m }, () => vec(n)).join(', ')}]`;
  it('1ᵀv, vᵀ1, M1, sech², cosh and ≈ at the rounded value hold on every network; dX is the adjoint', () => {
    for (let trial = 0; trial < 6; trial++) {
      const n = 2 + (trial % 3);
      const m = 1 + (trial % 2) + 1;
      const text = `T = 3
input x : ${m} = [${[0, 1, 2].map(() => vec(m)).join(', ')}]
param W : ${n}x${n} = ${mat(n, n)}
param U : ${n}x${m} = ${mat(n, m)}
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
loss L = sum(h_3 ⊙ h_3)
check \\mathbf{1}^\\top h_t = sum(h_t)
check h_t^\\top \\boldsymbol{1} = sum(h_t)
check (W \\mathbf{1})[1] = Σ_j W[1, j]
check diag(\\operatorname{sech}^2(W h_{t-1} + U x_t)) W = ∂h_t/∂h_{t-1}
check \\cosh(h_t)^2 - \\sinh(h_t)^2 = 1 + 0 h_t
check dh_t = ∂L/∂h_t
`;
      const r = analyze(text);
      expect(errors(r)).toEqual([]);
      expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'holds']);
      // the value of ∂L/∂W[1,1], written rounded to 4 decimals, holds; one unit off in the last digit fails
      const exact = analyze(`${text}derive ∂L/∂U\n`).derives[0]!.results[0]!.value as number[][];
      const v = exact[0]![0]!;
      const ok = analyze(`${text}check (∂L/∂U)[1, 1] ≈ ${v.toFixed(4)}\ncheck (∂L/∂U)[1, 1] ≈ ${(v + 2e-4).toFixed(4)}\n`);
      expect(ok.checks.slice(-2).map((c) => c.status)).toEqual(['holds', 'fails']);
    }
  });
});
