// Session 19 (text19): Karpathy's min-char-rnn backward pass written as math, with d-prefixed gradient names:
// dy = p − t, dh = W_hyᵀ dy + dhnext, dhraw = (1 − h ⊙ h) ⊙ dh, dW_xh += dhraw xᵀ.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const FAST = { draws: 2, graph: false };
const run = (text: string) => analyze(text, FAST);
const errors = (text: string) =>
  run(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

/** min-char-rnn with its pre-activation named (a_t), as a student names what the code calls hraw */
const NAMED = [
  'T = 3',
  'input x : 4',
  'param W_xh : 3x4',
  'param W_hh : 3x3',
  'param W_hy : 4x3',
  'param b_h : 3',
  'param b_y : 4',
  'target t : 4 = [[1,0,0,0],[0,1,0,0],[0,0,0,1]]',
  'h_0 = [0, 0, 0]',
  'a_t = W_xh x_t + W_hh h_{t-1} + b_h',
  'h_t = tanh(a_t)',
  'y_t = W_hy h_t + b_y',
  'p_t = softmax(y_t)',
  'loss L = -Σ_t sum(t_t ⊙ log(p_t))',
  '',
].join('\n');
const UNNAMED = NAMED.replace('a_t = W_xh x_t + W_hh h_{t-1} + b_h\nh_t = tanh(a_t)', 'h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)');

describe('min-char-rnn as equations', () => {
  it('dy, dh (with dhnext spelled out), dhraw, dW_xh, dW_hh, db_h hold; dh_raw is da where h = tanh(a)', () => {
    const lines = [
      'check dy_t = p_t - t_t',
      'check dh_t = W_hy^T dy_t + W_hh^T dh_raw_{t+1}',
      'check dh_raw_t = (1 - h_t ⊙ h_t) ⊙ dh_t',
      'check dhraw_t = (1 - h_t ⊙ h_t) ⊙ dh_t',
      'check dW_xh = Σ_t dh_raw_t x_t^T',
      'check dW_hh = Σ_t dh_raw_t h_{t-1}^T',
      'check db_h = Σ_t dh_raw_t',
      'check dW_hy = Σ_t dy_t h_t^T',
    ];
    const a = run(NAMED + lines.join('\n') + '\n');
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks.map((c) => c.status)).toEqual(lines.map(() => 'holds'));
    expect(a.diagnostics.some((d) => d.message === "dh_raw (min-char-rnn's dhraw) is read as da: h is the activation of a")).toBe(true);
  });

  it('the typical slip, 1 − h for 1 − h ⊙ h, fails naming the missing square', () => {
    const a = run(NAMED + 'check dh_raw_t = (1 - h_t) ⊙ dh_t\n');
    expect(a.checks[0]!.status).toBe('fails');
    expect(a.checks[0]!.message).toContain('the square is missing');
  });

  it('dh_raw with no named pre-activation, dh_next and += say what to write', () => {
    expect(errors(UNNAMED + 'check dh_raw_t = (1 - h_t ⊙ h_t) ⊙ dh_t\n')[0]).toContain(
      "dh_raw (min-char-rnn's dhraw: the gradient at the input of h's activation) is no name here",
    );
    expect(errors(UNNAMED + 'check dh_t = W_hy^T dy_t + dh_next\n')[0]).toContain('dh_next (as min-char-rnn');
    // session 50: dW_xh += … is the loop's total, dW_xh = Σ_t dz_t x_tᵀ (it was refused, "write the whole sum")
    expect(errors(NAMED + 'check dW_xh += dh_raw_t x_t^T\n')).toEqual([]);
    expect(errors(NAMED + 'check dW_xh += W_xh\n')).toEqual([
      "'+=' (code's accumulation over the steps, as min-char-rnn's dWxh += …) is no equation: write the whole sum, as in dW_xh = Σ_t dz_t x_tᵀ",
    ]);
  });

  it('as a Markdown solution: the backward pass holds, the slip fails; dh\\_raw is dh_raw (session 38: an escaped _ in a name)', () => {
    const text = [
      '```rnn',
      NAMED,
      '```',
      '',
      '$$\\mathrm{d}y_t = p_t - t_t$$',
      '',
      '$$dh_t = W_{hy}^T dy_t + W_{hh}^T dhraw_{t+1}$$',
      '',
      '$$dh_{raw}^{(t)} = (1 - h_t \\odot h_t) \\odot dh_t$$',
      '',
      '$$dW_{xh} = \\sum_t dh_{raw}^{(t)} x_t^T$$',
      '',
      '$$dh_{raw}^{(t)} = (1 - h_t) \\odot dh_t$$',
      '',
      '$$dh\\_raw_t = (1 - h_t \\odot h_t) \\odot dh_t$$',
      '',
    ].join('\n');
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails', 'holds']);
  });
});
