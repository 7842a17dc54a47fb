// dh_t read as ∂L/∂h_t (CS231n's and min-char-rnn's names for gradients) is said once per name, at its first use: a
// CS231n-style LSTM backward pass got 31 such notes for 11 checks (session 41, a probe of textbook formulas).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.8
param u = 0.3
h_0 = 0
a_t = w h_{t-1} + u x_t
h_t = tanh(a_t)
loss L = Σ_t h_t^2
check da_t = dh_t ⊙ (1 - h_t^2)
check dh_t = 2 h_t + da_{t+1} w
check da_2 = dh_2 (1 - h_2^2)
`;

describe('the dX reading', () => {
  it('is said once per name, at its first use', () => {
    const notes = analyze(NET).diagnostics.filter((d) => d.code === 'code-gradient');
    expect(notes.map((d) => [d.line, d.message.split(' is read')[0]])).toEqual([
      [9, 'da_t'],
      [9, 'dh_t'],
    ]);
  });
});
