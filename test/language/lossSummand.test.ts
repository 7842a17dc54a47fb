// `loss L = Σ_t …` with its steps read elsewhere as L_t, L_3, L^{(t)}: the summand is the per-step loss (Goodfellow's
// L = Σ_t L^{(t)}), as if the file said L_t = … and loss L = Σ_t L_t (src/language/lossSummand.ts). It was "L has no
// time index: it is not a sequence", and ∂L^{(t)}/∂h^{(t)} read as a power of the whole loss.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { compile } from '../../src/language';
import { errors } from './helpers';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param w = 0.3
param u = 0.8
h_0 = 0
h_t = tanh(w x_t + u h_{t-1})
`;

function statuses(text: string): string[] {
  const r = analyze(text);
  expect(errors(r).map((d) => d.message)).toEqual([]);
  return r.checks.map((c) => c.status);
}

describe('the steps of a loss written as one sum', () => {
  it('L_t, L_3, L^{(t)} and \\mathcal{L}_t are the summand at that step', () => {
    const text =
      NET +
      [
        'loss L = Σ_t \\frac{1}{2}(h_t - y_t)^2',
        'check ∂L_3/∂h_3 = h_3 - y_3',
        'check ∂L^{(t)}/∂h^{(t)} = h_t - y_t',
        'check ∂L/∂u = Σ_t ∂L_t/∂u',
        'check L = L_1 + L_2 + L_3',
        'check \\frac{\\partial \\mathcal{L}_t}{\\partial h_t} = h_t - y_t',
        // a wrong one still fails
        'check ∂L_2/∂h_2 = h_2 - y_3',
      ].join('\n');
    expect(statuses(text)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
    expect(analyze(text).loss?.name).toBe('L');
  });

  it("a minus before the Σ is each step's (a cross-entropy −Σ_t y_t log p_t)", () => {
    const text = NET.replace('tanh', 'σ') + ['loss L = -\\sum_{t=1}^{T} y_t \\log h_t', 'check ∂L_t/∂h_t = -y_t / h_t'].join('\n');
    expect(statuses(text)).toEqual(['holds']);
  });

  it('a mean (1/T Σ_t) is not split: whether L_t carries the 1/T is not written', () => {
    const r = analyze(NET + 'loss L = \\frac{1}{T} Σ_t (h_t - y_t)^2\ncheck ∂L_3/∂h_3 = 2(h_3 - y_3)');
    expect(errors(r).map((d) => d.message)).toEqual(['L has no time index: it is not a sequence']);
  });

  it('a file that never reads a step of the loss is read as before (no per-step nodes)', () => {
    const text = NET + 'loss L = Σ_t (h_t - y_t)^2\ncheck ∂L/∂h_3 = 2(h_3 - y_3)';
    const r = analyze(text, { graph: true });
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(JSON.stringify(r.graph)).not.toContain('"L@1"');
    // and one that does has them
    expect(JSON.stringify(analyze(text.replace('∂L/∂h_3', '∂L_3/∂h_3'), { graph: true }).graph)).toContain('"L@1"');
  });
});

describe('the summand has no name in the text', () => {
  it('no symbol of L stands on the summand (a rename of L would write over it)', () => {
    const text = NET + 'loss L = Σ_t (h_t - y_t)^2\ncheck ∂L_3/∂h_3 = 2(h_3 - y_3)';
    const ls = compile(text).symbols.filter((s) => s.name === 'L');
    expect(ls.map((s) => `${s.line}:${s.column} ${s.text} ${s.role}`)).toEqual(['8:6 L definition', '9:8 L_3 use']);
  });
});
