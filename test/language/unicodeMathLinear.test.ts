// Word's equations copied in its UnicodeMath linear format (probe 49): `tanh⁡(…)` with the invisible function
// application U+2061, `(∂L)/(∂W_hh )` (the parentheses are the fraction's), `∑_(t=1)^T▒〖…〗` (▒ sets the n-ary
// operator's operand apart, 〖 〗 group it invisibly). Each was "unexpected character" or "expected '/' in ∂A/∂B".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 0.8]
param W_xh = 0.6
param W_hh = 0.7
h_0 = 0.2
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = Σ_t h_t^2
`;

const status = (line: string) => analyze(`${NET}check ${line}\n`).checks.map((c) => c.status);

describe('UnicodeMath linear format', () => {
  it('the invisible function application, times and separator are layout', () => {
    expect(status('h_t=tanh\u2061(W_xh\u2062x_t+W_hh h_(t−1) )')).toEqual(['holds']);
  });
  it('(∂A)/(∂B) is the derivative ∂A/∂B, each side any expression', () => {
    expect(status('(∂h_t)/(∂h_(t−1) )=(1−h_t^2 ) W_hh')).toEqual(['holds']);
    expect(status('(∂L)/(∂W_hh )=∑_(t=1)^T 2 h_t (∂h_t)/(∂W_hh )')).toEqual(['holds']);
  });
  it('▒ and 〖 〗 around an n-ary operator’s operand group it', () => {
    expect(status('(∂L)/(∂W_xh )=∑_(t=1)^T▒〖(∂L)/(∂h_t ) (1−h_t^2 ) x_t 〗')).toEqual(['holds']);
    expect(status('(∂h_3)/(∂h_1 )=∏_(k=2)^3▒〖(1−h_k^2 ) W_hh 〗')).toEqual(['holds']);
  });
  it('a parenthesised group that is no fraction of differentials stays a group', () => {
    expect(status('(h_t) / (h_t) = 1')).toEqual(['holds']);
  });
});
