// A step or a sign wrong inside the expression a side differentiates (seed 001's (16), (25) differentiate σ(…) as
// written): the hints that move steps and signs leave a derivative's numerator alone, so such a check failed with its
// values alone (session 53, found by mutating the example solutions' holding equations).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';
import { analyzeSolution } from '../../src/solution';
import { failingMessage } from './toyNets';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_xh = 0.3
param W_hh = 0.8
param b_h = 0.1
param W_hy = 1.5
param b_y = -0.2
h_0 = 0
h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)
o_t = σ(W_hy h_t + b_y)
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
`;

describe('a slip inside the expression differentiated', () => {
  it('names tanh written for the σ of the equation (session 55: a mutant of the example solutions)', () => {
    expect(failingMessage(NET, '∂o_t/∂h_t = ∂tanh(W_hy h_t + b_y)/∂h_t')).toMatch(
      /In the expression differentiated, tanh\(W_hy h_t \+ b_y\) should be σ\(W_hy h_t \+ b_y\): with that function the check holds$/,
    );
  });
  it('names a step moved', () => {
    expect(failingMessage(NET, '∂h_t/∂h_{t-1} = ∂(σ(W_xh x_t + W_hh h_t + b_h))/∂h_{t-1}')).toMatch(
      /In the expression differentiated, h_t should be h_\{t-1\}: with that step the check holds$/,
    );
  });

  it('names a sign turned', () => {
    expect(failingMessage(NET, '∂h_t/∂W_xh = ∂(σ(W_xh x_t - W_hh h_{t-1} + b_h))/∂W_xh')).toMatch(
      /In the expression differentiated, W_xh x_t − W_hh h_\{t-1\} should be W_xh x_t \+ W_hh h_\{t-1\}: with that the check holds$/,
    );
    expect(failingMessage(NET, '∂o_3/∂h_3 = ∂(σ(W_hy h_3 - b_y))/∂h_3')).toMatch(/W_hy h_3 − b_y should be W_hy h_3 \+ b_y/);
  });

  it('names a weight written for another of its shape', () => {
    expect(failingMessage(NET, '∂h_t/∂h_{t-1} = ∂(σ(W_hh x_t + W_hh h_{t-1} + b_h))/∂h_{t-1}')).toMatch(
      /In the expression differentiated, the first W_hh should be W_xh: with that the check holds$/,
    );
  });

  it('names a derivative by another denominator than the other side asks', () => {
    expect(failingMessage(NET, '∂L/∂W_xh = ∂(L_1 + L_2 + L_3)/∂W_hh')).toMatch(
      /∂\(L_1 \+ L_2 \+ L_3\)\/∂W_hh should be ∂\(L_1 \+ L_2 \+ L_3\)\/∂W_xh, by the other side's W_xh: with that the check holds$/,
    );
  });

  it('the expression as the network writes it holds; a slip no single edit mends is not named', () => {
    const r = analyze(`${NET}check ∂h_t/∂h_{t-1} = ∂(σ(W_xh x_t + W_hh h_{t-1} + b_h))/∂h_{t-1}\n`, { graph: false });
    expect(r.checks[0]!.status).toBe('holds');
    expect(failingMessage(NET, '∂h_t/∂h_{t-1} = ∂(σ(W_xh x_t + 2 W_hh h_{t-1} + b_h))/∂h_{t-1}')).not.toMatch(
      /In the expression differentiated/,
    );
  });

  it('in a Markdown solution, as seed 001 writes (16)', () => {
    const md = `\`\`\`rnn\n${NET}\`\`\`\n\n$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\frac{\\partial \\sigma(W_{xh}x_t + W_{hh}h_{t} + b_h)}{\\partial h_{t-1}} \\tag{16}$$\n`;
    const e = analyzeSolution(md, 'markdown', { sidecar: null }).equations[0]!;
    expect(e.status).toBe('fails');
    expect(e.message).toMatch(/In the expression differentiated, h_t should be h_\{t-1\}/);
  });
});
