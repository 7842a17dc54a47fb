// LANGUAGE.md is silent on a solution restating its exercise's data; docs/language.md §9 says a value the
// network gives, stated as given, is a premise (not checked), and a .rnn check says "states a value the network
// gives". Seed 004 restates vectors and matrices — `b_h = \begin{bmatrix} -0.5 \\ -1.5 \\ -2.5 \end{bmatrix}`,
// an all-ones W, `v = [1 \quad -1 \quad 1]` — and only its scalar `b_y = -0.5` was taken as a premise: the others
// were "holds only for these values: it leans on the given value of b_h", a warning for copying the sheet.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const block = [
  'T = 3',
  'input x : 2 = [[1, 0], [1, 1], [0, 1]]',
  'param U : 3x2 = [[1, 1], [1, 1], [1, 1]]',
  'param W : 3x3 = 1',
  'param b_h : 3 = [-0.5, -1.5, -2.5]',
  'param v : 1x3 = [[1, -1, 1]]',
  'param b_y = -0.5',
  'h_0 = 0',
  'h_t = U x_t + W h_{t-1} + b_h',
  'y_t = v h_t + b_y',
  'loss L = Σ_t y_t^2',
];

describe('a vector or matrix given value, restated, is a premise', () => {
  it('in a solution, as seed 004 writes its data: not checked, said why', () => {
    const text = [
      '```rnn',
      ...block,
      '```',
      '',
      '$$W = \\begin{bmatrix} 1 & 1 & 1 \\\\ 1 & 1 & 1 \\\\ 1 & 1 & 1 \\end{bmatrix}$$',
      '',
      '$$b_h = \\begin{bmatrix} -0.5 \\\\ -1.5 \\\\ -2.5 \\end{bmatrix}$$',
      '',
      '$$v = [1 \\quad -1 \\quad 1]$$',
      '',
      '$$b_y = -0.5$$',
      '',
      '$$b_h = \\begin{bmatrix} -0.5 \\\\ -2.5 \\\\ -1.5 \\end{bmatrix}$$',
      '',
    ].join('\n');
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'fails']);
    expect(r.equations[0]!.message).toBe(
      'not checked: it states a value the network gives (W = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]), a premise of the solution, not a claim',
    );
    expect(r.equations[1]!.message).toBe(
      'not checked: it states a value the network gives (b_h = [-0.5, -1.5, -2.5]), a premise of the solution, not a claim',
    );
    expect(r.equations[2]!.message).toBe(
      'not checked: it states a value the network gives (v = [[1, -1, 1]]), a premise of the solution, not a claim',
    );
    // entries in another order are another value: a claim, and a wrong one
    expect(r.equations[4]!.message).toMatch(/^fails: the left side is \[-0\.5, -1\.5, -2\.5\], the right side \[-0\.5, -2\.5, -1\.5\]/);
    expect(r.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });

  it('in a .rnn check: a vector state and a filled matrix, as given', () => {
    const r = analyze([...block, 'check h_0 = [0, 0, 0]', 'check W = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]', 'check b_h = 0', ''].join('\n'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds-at-given-values', 'fails']);
    expect(r.checks[0]!.message).toBe('states a value the network gives (h_0 = [0, 0, 0]): true by its definition, for these values only');
    expect(r.checks[0]!.premise).toBe(true);
    expect(r.checks[1]!.premise).toBe(true);
    expect(r.checks[2]!.premise).toBeUndefined();
  });

  it('a matrix of the transposed shape is not the given one', () => {
    const r = analyze(
      [
        'T = 2',
        'param M : 2x3 = [[1, 2, 3], [4, 5, 6]]',
        'input x : 3 = 1',
        'loss L = sum(M x_1)',
        'check M = [[1, 2], [3, 4], [5, 6]]',
        '',
      ].join('\n'),
    );
    expect(r.checks).toEqual([]);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^5: shape mismatch: the left side is a 2×3 matrix, the right side a 3×2 matrix/);
  });
});

describe('an entry of a given value, stated, is a premise', () => {
  it('v_2 = 2, W_{1,2} = 2, h_0[2] = 0.25 as given; a different entry is a claim', () => {
    const r = analyze(
      [
        'T = 2',
        'param W : 2x2 = [[1, 2], [3, 4]]',
        'param v : 2 = [1, 2]',
        'input x : 2 = [[1, 0], [0, 1]]',
        'h_0 = [0.5, 0.25]',
        'h_t = tanh(W h_{t-1} + x_t + v)',
        'loss L = Σ_t sum(h_t)',
        'check v_2 = 2',
        'check W_{1,2} = 2',
        'check h_0[2] = 0.25',
        'check W_{2,1} = 2',
        '',
      ].join('\n'),
    );
    expect(r.checks.map((c) => [c.status, c.premise ?? false])).toEqual([
      ['holds-at-given-values', true],
      ['holds-at-given-values', true],
      ['holds-at-given-values', true],
      ['fails', false],
    ]);
    expect(r.checks[1]!.message).toBe('states a value the network gives (W[1, 2] = 2): true by its definition, for these values only');
  });
});
