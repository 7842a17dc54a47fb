// LANGUAGE.md read as a contract, sentence by sentence, for `.rnn` files (session 15, contract15): the promises
// found broken, each pinned on a network a test author would write. §6: no cascades — a quantity that merely uses
// a dependency cycle, or a loss that is not one number, is "not available", never a second error or a verdict
// computed on a vector loss; a sequence whose value is refused is not "no value given".

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const bySeverity = (text: string, severity: string) =>
  analyze(text)
    .diagnostics.filter((d) => d.severity === severity)
    .map((d) => [d.line, d.message]);

describe('§6 no cascades', () => {
  it('a loss that uses a dependency cycle is not available, not a cycle of its own', () => {
    const text = `T = 3
input x = [1, 2, 3]
param w = 0.5
a_t = b_t + x_t
b_t = w a_t
loss L = Σ_t b_t
`;
    expect(bySeverity(text, 'error')).toEqual([[5, 'dependency cycle within one step: a_t → b_t → a_t']]);
    expect(bySeverity(text, 'warning')).toEqual([[6, 'b is not available: its definition on line 5 has an error']]);
  });

  it('two separate cycles are each reported once; a quantity using both is not available', () => {
    const text = `T = 2
input x = [1, 2]
a_t = b_t + x_t
b_t = 2 a_t
c_t = d_t + x_t
d_t = 3 c_t
loss L = Σ_t (b_t + d_t)
`;
    const errs = bySeverity(text, 'error').map(([, m]) => m);
    expect(errs).toEqual(['dependency cycle within one step: a_t → b_t → a_t', 'dependency cycle within one step: c_t → d_t → c_t']);
    expect(bySeverity(text, 'warning')).toEqual([[7, 'b is not available: its definition on line 4 has an error']]);
  });

  it('a quantity met first that uses a cycle is not a cycle; the cycle names the line its error stands on', () => {
    // before: "dependency cycle within one step: c_t → b_t" at c's line, and "b is not available: its definition
    // on line 6" where b is defined on line 7 (the cycle's error stands in a's equation, line 6)
    const text = `T = 3
input x = [1, 2, 3]
param w = 0.5
loss L = Σ_t b_t
c_t = 2 b_t
a_t = b_t + x_t
b_t = w a_t
`;
    expect(bySeverity(text, 'error')).toEqual([[6, 'dependency cycle within one step: b_t → a_t → b_t']]);
    const via = 'it depends on a_t, whose definition on line 6 has an error';
    expect(bySeverity(text, 'warning')).toEqual([
      [4, `b is not available: ${via}`],
      [5, `b is not available: ${via}`],
    ]);
  });

  const VECTOR_LOSS = `T = 3
input x : 2 = 0.5
param W : 2x2 = 0.1
h_0 = 0
h_t = tanh(W h_{t-1} + x_t)
loss L = Σ_t h_t
`;

  it('a loss that is not one number: one error at its definition, every use "not available", no verdict', () => {
    const r = analyze(VECTOR_LOSS + 'M = 2 L\ncheck ∂L/∂W = 0\ncheck L = 0\nderive ∂L/∂h_2\n');
    const errs = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errs.map((d) => [d.line, d.message])).toEqual([
      [6, 'the loss L is a vector of 2, but a loss is one number: add its entries with `loss L = sum(…)`'],
    ]);
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message]);
    const na = 'L is not available: its definition on line 6 has an error';
    expect(warnings).toEqual([
      [7, na],
      [8, na],
      [9, na],
      [10, na],
    ]);
    expect(r.checks).toEqual([]);
    expect(r.loss).toBeNull();
  });

  it('an adjoint under a vector loss still says why (no scalar loss), and other quantities are checked', () => {
    const r = analyze(VECTOR_LOSS + 'c = sum(h_3)\ncheck \\bar{h}_3 = 0\ncheck ∂c/∂h_3 = [1, 1]\n');
    expect(r.diagnostics.find((d) => d.line === 8)?.message).toBe(
      'the adjoint h̄_3 = ∂loss/∂h_3 needs the gradient of a scalar loss, but the loss L is not a scalar (line 6: a vector of 2)',
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});

describe('§6 a sequence with the wrong number of entries', () => {
  it('is that error alone, not also "no value given" (its value was given)', () => {
    const r = analyze(`T = 3
input x = [1, 2]
param w = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t
`);
    expect(r.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['error', 'x has 2 entries but T = 3: a sequence gives one entry per step'],
    ]);
  });

  it('a declaration without a value beside it is still named', () => {
    const r = analyze(`T = 2
input x = [1, 2, 3]
param w
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t
`);
    expect(r.diagnostics.filter((d) => d.severity === 'information').map((d) => d.message)).toEqual([
      'no value given for w: numbers shown use deterministic sample values',
    ]);
  });
});

describe('§3 an entry index before a superscripted step: ŷ_{y}^{(t)} with y a target of class indices', () => {
  const NET = `T = 3
input x : 2 = [[0.5, -1.0], [2.0, 0.1], [0.3, 0.3]]
target y = [1, 2, 1]
param W : 2x2 = [[0.1, 0.2], [0.3, 0.4]]
param U : 2x2 = [[0.5, -0.2], [0.1, 0.3]]
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
ŷ_t = softmax(h_t)
L_t = -log(ŷ_t[y_t])
loss L = Σ_t L_t
`;
  // before: ŷ_{y}^{(t)} was ŷ_{y} (entry y_t of ŷ_t) raised to the power t, failing at t = 2; ŷ_{y_t}^{(t)} an unknown name
  for (const written of ['ŷ_{y}^{(t)}', 'ŷ_{y_t}^{(t)}', '\\hat{y}_{y}^{(t)}']) {
    it(`L_t = -log(${written}) holds, with an information saying how it was read`, () => {
      const r = analyze(`${NET}check L_t = -log(${written})\n`);
      expect(r.checks.map((c) => c.status)).toEqual(['holds']);
      expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['information', 'entry-by-value']]);
    });
  }

  it('a wrong one still fails (the entry is y^{(t)}, not the first one)', () => {
    const r = analyze(`${NET}check L_t = -log(ŷ_{y}^{(t)}) + 0.1\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails']);
  });
});

describe('§1 accents make new names, Greek ones too', () => {
  // \sigma alone is the function σ; under an accent it is the letter of a new name σ̂ (an estimate), which the
  // refusal "\hat over something that is not a letter" said it was not
  it('\\hat{\\sigma}, \\hat\\sigma and σ̂ are one parameter', () => {
    const r = analyze(`T = 2
input x = [0.5, -1.0]
param \\hat{\\sigma} = 0.3
param w = 0.5
h_0 = 0
h_t = σ(w h_{t-1} + x_t + σ̂)
loss L = Σ_t h_t
check ∂L/∂\\hat{\\sigma} = Σ_t ∂L/∂h_t σ'(w h_{t-1} + x_t + \\hat\\sigma)
check \\sigma(σ̂) = 1/(1 + exp(-\\hat{\\sigma}))
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.params.map((p) => p.name)).toEqual(['σ̂', 'w']);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});

describe('§5 derive: a form that is its number is written once', () => {
  it('∂L/∂c = 3, not ∂L/∂c = 3 = 3; a form beside a different number keeps both', () => {
    const r = analyze(
      `T = 2
input x = [1, 2]
param w = 0.5
param c = 2
h_0 = 0
h_t = w h_{t-1} + x_t
loss L = sum(h_2) + 3 c
derive ∂L/∂c
derive ∂L/∂h_2
derive ∂L/∂h_1
`,
      { forms: true },
    );
    const texts = r.derives.map((d) => d.results[0]!.text);
    expect(texts[0]).toBe('∂L/∂c = 3');
    expect(texts[1]).toMatch(/^∂L\/∂h(_2|₂) = 1$/);
    expect(texts[2]).toMatch(/^∂L\/∂h(_1|₁) = .*w.* = 0\.5$/);
    expect(r.derives[0]!.results[0]!.latex).not.toMatch(/= 3 .*= 3/);
  });
});

describe('a check pasted with its sentence punctuation', () => {
  // a final full stop was read already; a final comma was "expected a value, found the end of the line"
  it('a trailing comma ends the equation, as a trailing full stop does; a range after a comma still reads', () => {
    const r = analyze(`T = 2
input x = [1, 2]
param w = 0.5
h_0 = 0
h_t = w h_{t-1} + x_t
loss L = sum(h_2)
check ∂L/∂h_2 = 1,
check ∂L/∂h_1 = w.
check ∂L/∂h_1 = w, for t = 1..1
check h_t = w h_{t-1} + x_t, \\quad t = 1, \\dots, T
check ∂L/∂h_1 = 2 w,
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.checks.map((c) => [c.line, c.status])).toEqual([
      [7, 'holds'],
      [8, 'holds'],
      [9, 'holds'],
      [10, 'holds'],
      [11, 'fails'],
    ]);
  });
});

describe('§2 `loss` marked twice', () => {
  // LANGUAGE.md has one objective; the last `loss` was taken silently
  it('the last is the objective, and each earlier one says so', () => {
    const r = analyze(`T = 2
input x = [1, 2]
param w = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
L_t = h_t^2
loss L = Σ_t L_t
loss M = 2 L
check ∂M/∂L = 2
`);
    expect(r.loss?.name).toBe('M');
    expect(r.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 7, '`loss` is marked again on line 8: M is the objective, not L (mark one loss)'],
    ]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('one loss: no warning', () => {
    const r = analyze('T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t\n');
    expect(r.diagnostics).toEqual([]);
  });
});
