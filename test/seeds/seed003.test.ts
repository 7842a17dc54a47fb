// Seed 003 (Deep Learning for NLP, exercise 8.3): backpropagation through an MLP with its layers as
// steps, written with entry indices (p_i^{(k)}, w_{i,j}^{(k+1)}), a free layer index k and sums over
// neurons (Σ_j, Σ_{i,j}). Everything the seed writes holds; a swapped weight index fails.

import { describe, expect, it } from 'vitest';
import { analyzeFixture, analyzeSeedSolution, expectNoErrorsBut, expectTag, lineContaining, solution } from './helpers';

describe('seed 003 pasted into check lines', () => {
  const layers = analyzeFixture('seed003.rnn');
  const one = analyzeFixture('seed003-one-layer.rnn');

  it('reads every equation with no error', () => {
    expectNoErrorsBut(layers);
    expectNoErrorsBut(one);
  });

  it("the lecture's formula holds, for one layer and for layer k", () => {
    expectTag(one, '0', 'holds');
    expectTag(layers, '1', 'holds');
  });

  it('the unfolded iteration holds, all three sides (Σ_i, nested Σ_i Σ_j, Σ_{i,j})', () => {
    expectTag(layers, '2', 'holds');
    expect(layers.checks.filter((c) => c.tag === '2')).toHaveLength(3);
  });

  it('with the weight indices swapped (w_{j,i}) it fails, at a layer and neuron it names', () => {
    expectTag(layers, '1x', 'fails', /fails at k = \d+, i = \d+/);
  });
});

describe('seed 003 as it stands (Markdown solution)', () => {
  const name = '003-mlp-layers-as-steps.md';
  const report = analyzeSeedSolution(name);
  const text = solution(name);

  it('reads all three equations (one-layer network, then the layered one) and they hold', () => {
    expect(report.networks).toHaveLength(2);
    expect(report.skipped).toBe(0);
    expect(report.checked).toBe(3);
    for (const e of report.equations) expect(e.status, `line ${e.range.line}: ${e.message}`).toBe('holds');
    expect(report.equations.map((e) => e.range.line)).toContain(lineContaining(text, '\\partial p_r^{(k-1)}} &='));
  });
});
