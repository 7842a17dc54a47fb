// Probe 40 (session 53): seed 003's MLP with its layers as steps handed in by two students — Greta per neuron in
// Markdown (Σ_j, Σ_{i,j}, an align* pasted in), Hugo with vectors (\[ … \], ∂ σ ᵀ ⊙ typed, numbered steps). Every
// right equation holds; each planted mistake fails, named. Fixed: Hugo's chain of three layer Jacobians in the wrong
// order behind the gradient (∂E/∂p_4 ∂p_2/∂p_1 ∂p_3/∂p_2 ∂p_4/∂p_3) failed with its values only; the run is now named
// with its factors in the chain rule's order.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { lex } from '../../src/language/lexer';
import { read40 } from './read40';

describe('Greta’s hand-in (per neuron, index sums)', () => {
  const { r, v } = read40('mlp-greta.md');
  it('every equation is read; the right ones hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the sum written as the capital letter, \\Sigma_j, is the sum (it was "unknown LaTeX command \\Sigma", skipped)', () => {
    expect(v['1b']!.status).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/w_\{k\+1\}\[j, i\] should be w_\{k\+1\}\[i, j\]: with its two indices swapped the check holds/);
    expect(v['m2']!.message).toMatch(
      /p_\{k\+1\} should be z_\{k\+1\}: with that the check holds\. σ'\(p_\{k\+1\}\) is the slope at the unit's output/,
    );
    expect(v['m3']!.message).toMatch(/z_\{k-1\} should be z_k: with that step the check holds/);
    for (const tag of ['m1', 'm2', 'm3']) expect(v[tag]!.status, tag).toBe('fails');
  });
});

describe('Hugo’s hand-in (vectors, Unicode typed)', () => {
  const { r, v } = read40('mlp-hugo.md');
  it('every equation is read; the right ones hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/The factor 2 should not be there: .* the ½ in E cancels the 2/);
    expect(v['m2']!.message).toMatch(/w_\{k\+1\}ᵀ should be w_\{k\+1\}: with that transpose the check holds/);
    expect(v['m3']!.message).toMatch(/p_k should be p_\{k-1\}: with that step the check holds/);
    // it failed with its values only
    expect(v['m4']!.message).toMatch(
      /∂p_2\/∂p_1 ∂p_3\/∂p_2 ∂p_4\/∂p_3 should be ∂p_4\/∂p_3 ∂p_3\/∂p_2 ∂p_2\/∂p_1: the chain rule's factors with the later step on the left/,
    );
    for (const tag of ['m1', 'm2', 'm3', 'm4']) expect(v[tag]!.status, tag).toBe('fails');
  });
});

describe('a run of Jacobians in the wrong order behind a gradient, in check lines', () => {
  const NET = [
    'T = 4',
    'input x : 2 = [[1, -0.5], [0.3, 0.8], [-0.7, 0.2], [0.4, 0.1]]',
    'param W : 2x2 = [[0.6, -0.3], [0.2, 0.5]]',
    'param U : 2x2 = [[0.4, -0.2], [0.3, 0.1]]',
    'h_0 = [0.1, -0.2]',
    'h_t = tanh(W h_{t-1} + U x_t)',
    'loss L = sum(h_T)',
  ];
  it('names three factors reversed, and pairs of two steps reversed', () => {
    const a = analyze(
      [
        ...NET,
        'check ∂L/∂h_1 = ∂L/∂h_4 ∂h_4/∂h_3 ∂h_3/∂h_2 ∂h_2/∂h_1',
        'check ∂L/∂h_1 = ∂L/∂h_4 ∂h_2/∂h_1 ∂h_3/∂h_2 ∂h_4/∂h_3',
        'check ∂L/∂h_0 = ∂L/∂h_4 ∂h_2/∂h_1 ∂h_1/∂h_0 ∂h_4/∂h_3 ∂h_3/∂h_2',
      ].join('\n'),
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'fails']);
    expect(a.checks[1]!.message).toMatch(/∂h_2\/∂h_1 ∂h_3\/∂h_2 ∂h_4\/∂h_3 should be ∂h_4\/∂h_3 ∂h_3\/∂h_2 ∂h_2\/∂h_1/);
    expect(a.checks[2]!.message).toMatch(
      /∂h_2\/∂h_1 ∂h_1\/∂h_0 ∂h_4\/∂h_3 ∂h_3\/∂h_2 should be ∂h_4\/∂h_3 ∂h_3\/∂h_2 ∂h_2\/∂h_1 ∂h_1\/∂h_0/,
    );
  });
});

describe('\\Sigma with a sum’s bounds', () => {
  it('is the sum, as Σ typed is; alone it stays refused', () => {
    for (const src of ['\\Sigma_{t=1}^{T} x_t', '\\Sigma_j w_j', '\\Sigma ^{T}_{t=1} x_t']) {
      const { tokens, errors } = lex(src);
      expect(errors, src).toEqual([]);
      expect(tokens[0], src).toMatchObject({ kind: 'bigop', text: 'sum' });
    }
    expect(lex('\\Sigma').errors.map((e) => e.message)).toEqual(['unknown LaTeX command \\Sigma']);
    expect(lex('\\Sigma x').errors.map((e) => e.message)).toEqual(['unknown LaTeX command \\Sigma']);
  });
  it('reads in a check line: Σ over the steps', () => {
    const a = analyze(
      ['T = 2', 'input x = [1, 2]', 'param w = 0.5', 'h_t = w x_t', 'loss L = \\Sigma_{t=1}^{T} h_t', 'check ∂L/∂w = \\Sigma_t x_t'].join(
        '\n',
      ),
    );
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks[0]!.status).toBe('holds');
  });
});
