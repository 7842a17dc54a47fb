// derive writes the identity as I₃ (∂L/∂b_h = … ∂L₂/∂y₂·∂y₂/∂h₂·(I₃ + ∂h₂/∂h₁)), and sheets write ∂z/∂b = I; LANGUAGE.md
// lists no such name, so a derive's own chain form pasted into a check was "unknown name I". I_n (I₃, I_{3},
// \mathbf{I}_3) is the n×n identity where the file defines no I; a bare I, which has no size, is told to write one
// (unless it is a whole side beside a square matrix, session 55).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = ['T = 2', 'param W : 3x3', 'input x : 3', 'h_0 = 0', 'h_t = W h_{t-1} + x_t', 'loss L = sum(h_T)'];

describe('the identity I_n', () => {
  it('I_3, I₃, \\mathbf{I}_{3} are the 3×3 identity', () => {
    const r = analyze(
      [...net, 'check ∂h_t/∂x_t = I_3', 'check ∂h_t/∂x_t = I₃', 'check ∂h_t/∂x_t = \\mathbf{I}_{3}', 'check ∂h_2/∂x_1 = I_3', ''].join(
        '\n',
      ),
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
  });

  it('a bare I as a side takes the size of the square matrix it equals (probe 42); with nothing to size it, it is told to give its size', () => {
    const r = analyze([...net, 'check ∂h_t/∂x_t = I', ''].join('\n'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    const v = analyze([...net, 'check ∂L/∂x_2 = I', ''].join('\n'));
    expect(v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'unknown name I: the identity matrix is written with its size, I_n (I_3 is 3×3)',
    ]);
  });

  it('a file that defines I keeps its own', () => {
    const r = analyze(
      ['T = 2', 'input I = [1, 2]', 'param w = 0.5', 'h_0 = 0', 'h_t = w h_{t-1} + I_t', 'loss L = h_T', 'check I_2 = 2', ''].join('\n'),
    );
    expect(r.checks[0]!.premise).toBe(true);
  });

  it("derive's chain form with I₃, pasted into a check, holds", () => {
    const text = [
      'T = 3',
      'input x : 2 = [[1, 0], [1, 1], [0, 1]]',
      'target s = [1, 0, 1]',
      'param U : 3x2 = [[1, 1], [1, 1], [1, 1]]',
      'param W : 3x3 = [[0.1, 0.2, 0], [0, 0.1, 0.3], [0.2, 0, 0.1]]',
      'param b_h : 3 = [-0.5, -1.5, -2.5]',
      'param v : 1x3 = [[1, -1, 1]]',
      'param b_y = -0.5',
      'h_0 = 0',
      'h_t = U x_t + W h_{t-1} + b_h',
      'y_t = v h_t + b_y',
      'L_t = (s_t - y_t)^2',
      'loss L = Σ_t L_t',
    ];
    const chain = analyze([...text, 'derive ∂L/∂b_h', ''].join('\n'), { forms: true }).derives[0]!.results[0]!.forms!.chain!.text;
    const sides = chain
      .split('\n')
      .map((l) => l.trim())
      .join(' ')
      .split(' = ');
    expect(sides[1]).toContain('I₃');
    const r = analyze([...text, `check ∂L/∂b_h = ${sides[1]}`, `check ∂L/∂b_h = ${sides[2]}`, ''].join('\n'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
