// LANGUAGE.md §4 lists `^` among the operators and does not say how a tower reads; a student reads 2^3^2 as
// mathematics (and Python, and every CAS) does, 2^(3^2) = 512. It was read (2^3)^2 = 64, so a right equation
// failed. A braced exponent stays closed (e^{-w}^2 is (e^{-w})^2, as the LaTeX looks), a transpose after a power
// is the whole power's (W^2^T is (W²)ᵀ), and a step superscript keeps its name (h^{(2)}^2 is h_2²).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = [
  'T = 3',
  'param W : 2x2 = [[0.5, -0.3], [0.2, 0.4]]',
  'param w = 0.5',
  'input x = [1, 2, 3]',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + x_t)',
  'loss L = Σ_t h_t',
];

function statuses(...checks: string[]): string[] {
  const r = analyze([...net, ...checks.map((c) => `check ${c}`), ''].join('\n'));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.checks.map((c) => c.status);
}

describe('a tower of powers reads from the top', () => {
  it('2^3^2 is 2^(3^2) = 512, as 2^{3^2} is', () => {
    expect(statuses('2^3^2 = 512', '2^{3^2} = 512', 'w^2^2 = w^4', '2^-w^2 = 2^(-(w^2))')).toEqual(['holds', 'holds', 'holds', 'holds']);
  });

  it('(2^3)^2 written so is 64', () => {
    expect(statuses('(2^3)^2 = 64', '2^3^2 = 64')).toEqual(['holds', 'fails']);
  });

  it('a braced exponent is closed, a transpose and a step superscript are not exponents', () => {
    expect(statuses('e^{-w}^2 = exp(-2 w)', 'W^2^T = (W W)ᵀ', 'W^{2}^{T} = (W W)ᵀ', 'h^{(2)}^2 = h_2 h_2', 'x_t^2^2 = x_t^4')).toEqual([
      'holds',
      'holds',
      'holds',
      'holds',
      'holds',
    ]);
  });
});
