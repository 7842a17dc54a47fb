// ASCII ||x|| is the norm ‖x‖, as plain text writes it (session 34): `loss L = Σ_t 0.5 ||y_t − o_t||^2` was read as
// |(|y_t − o_t|)|^2, a vector, and refused as "the loss L is a vector of 2". |a||b| stays two absolute values.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (loss: string) => `T = 3
input x : 2
target y : 2
param W : 2x2
h_0 = 0
h_t = tanh(W h_{t-1} + x_t)
o_t = h_t
${loss}
derive ∂L/∂W
check ∂L/∂o_1 = o_1 - y_1
`;

const errors = (text: string) => analyze(text).diagnostics.filter((d) => d.severity === 'error');
const gradient = (text: string) => JSON.stringify(analyze(text).derives[0]!.results[0]!.value);

describe('ASCII ||x|| is the norm', () => {
  it('½||y_t − o_t||² is a number, and reads as ‖y_t − o_t‖²', () => {
    const ascii = net('loss L = Σ_t 0.5 ||y_t - o_t||^2');
    expect(errors(ascii)).toEqual([]);
    expect(analyze(ascii).checks[0]!.status).toBe('holds');
    expect(gradient(ascii)).toBe(gradient(net('loss L = Σ_t 0.5 ‖y_t - o_t‖^2')));
    expect(gradient(net('loss L = Σ_t 0.5 ||y_t - o_t||_2^2'))).toBe(gradient(ascii));
  });

  it('the norm unsquared is the Euclidean norm', () => {
    expect(gradient(net('loss L = Σ_t ||y_t - o_t||'))).toBe(gradient(net('loss L = Σ_t \\|y_t - o_t\\|')));
  });

  it('|a||b| with nothing between the bars stays a product of two absolute values', () => {
    const tight = net('loss L = Σ_t sum(|y_t - o_t||y_t|)');
    expect(errors(tight)).toEqual([]);
    expect(gradient(tight)).toBe(gradient(net('loss L = Σ_t sum(|y_t - o_t| |y_t|)')));
  });
});
