// Probe 35 (session 48): Jurafsky & Martin's SLP3 ch. 9 — h_t = g(U h_{t−1} + W x_t), y_t = f(V h_t) with g = tanh,
// f = softmax named once — and its backward pass in the book's δ's: δ_out, ∂L/∂V, δ_h = g'(z) ⊙ Vᵀ δ_out plus the error
// from the next step through U, ∂L/∂W, ∂L/∂U. The hidden layer's error written with its step, δ_{h,t}, was read as entry
// h of δ at step t: its definition "the left side's index must be t … not this", and every equation after it "δ is not
// available" (10 of 13 unchecked). A letter the file defines, before a step, is now part of the name (letterBeforeStep.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'slp3-rnn.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('SLP3’s backward pass in the book’s δ’s', () => {
  it('every equation reads, and the book’s formulas hold (regression: "δ is not available")', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/The right side leaves out ∂L_2\/∂z_1 \+ ∂L_3\/∂z_1/);
    expect(v['m2']!.message).toMatch(/U should be Uᵀ: with that transpose the check holds/);
    expect(v['m3']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(v['m4']!.message).toMatch(/tanh'\(z_t\) = 1 − h_t\^2 — that factor is missing, and with it the check holds/);
  });
  const NET = [
    'T = 2',
    'input x = [0.5, -1]',
    'param u = 0.7',
    'param w = 0.4',
    'h_0 = 0',
    'z_t = u h_{t-1} + w x_t',
    'h_t = tanh(z_t)',
    'loss L = Σ_t h_t^2',
  ];
  it('δ_{h,t} is the name δ_h at step t where the file defines h and not δ', () => {
    const text = [...NET, 'δ_{h,t} = ∂L/∂z_t', "check δ_{h,T} = 2 h_T tanh'(z_T)", "check δ_{h,t} = (2 h_t + u δ_{h,t+1}) tanh'(z_t)"].join(
      '\n',
    );
    expect(analyze(text).checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('a letter the file does not define stays an entry index (IndRNN’s h_{n,t}), and so does any index of a name the file defines', () => {
    const vec = [
      'T = 2',
      'input x : 2 = [[1, 0], [0, 1]]',
      'param u : 2 = [0.5, -0.3]',
      'h_0 = 0',
      'h_t = tanh(u ⊙ h_{t-1} + x_t)',
      'loss L = Σ_t sum(h_t)',
    ];
    expect(analyze([...vec, 'check h_{n,t} = tanh(u_n h_{n,t-1} + x_{n,t})'].join('\n')).checks.map((c) => c.status)).toEqual(['holds']);
    // x is defined: x_{h,t} is no name the file does not define, so nothing is glued (h is no entry index: an error)
    const glued = analyze([...vec, 'check x_{h,t} = 1'].join('\n'));
    expect(glued.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
