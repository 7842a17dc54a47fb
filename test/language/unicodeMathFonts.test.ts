// Probe 47 (Overleaf with XeLaTeX): unicode-math's \symbf{W}, \symit, \symup, \mathbfit were "unknown LaTeX command
// \symbf"; they are fonts, transparent as \mathbf is (LANGUAGE.md §1), and \symbf{1} is the all-ones vector.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = ['T = 2', 'input x = [0.5, -1.0]', 'param w = 0.8', 'h_0 = 0.1', 'h_t = tanh(w h_{t-1} + x_t)', 'loss L = Σ_t h_t^2'];

describe('unicode-math fonts', () => {
  it('read as their content', () => {
    const c = analyze(
      [...NET, 'check \\frac{\\partial L}{\\partial \\symbf{h}_2} = 2 \\symit{h}_2', 'check \\symup{h}_1 = \\mathbfit{h}_1'].join('\n'),
    ).checks;
    expect(c.map((x) => x.status)).toEqual(['holds', 'holds']);
  });
});
