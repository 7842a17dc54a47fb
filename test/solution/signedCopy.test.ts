// A slip that only drops a sign (∂E/∂y_t = t_t − y_t for −(t_t − y_t), Skansi's letters, probe 52) is not carried
// over by a later equation that writes t_t − y_t under its minus, −Σ_t (t_t − y_t) y_t (1 − y_t): that is −∂E/∂y_t,
// the right form. Its message said "It carries over the mistake of (m1) … a sign is wrong too".
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const DOC = [
  '```rnn',
  'T = 3',
  'input x = [0.5, -1.0, 0.8]',
  'target t = [1, 0, 1]',
  'param w = 0.6',
  'param w_o = 1.5',
  'h_0 = 0',
  'h_t = tanh(w x_t + 0.8 h_{t-1})',
  'y_t = σ(w_o h_t)',
  'loss E = 1/2 Σ_t (t_t - y_t)^2',
  '```',
  '',
  '$$\\frac{\\partial E}{\\partial y_t} = t_t - y_t \\tag{1}$$',
  '',
  '$$\\frac{\\partial E}{\\partial w_o} = -\\sum_{t=1}^{T} (t_t - y_t)\\, y_t (1 - y_t) \\tag{2}$$',
  '',
  '$$\\frac{\\partial E}{\\partial w_o} = \\sum_{t=1}^{T} (t_t - y_t)\\, y_t (1 - y_t)\\, h_t \\tag{3}$$',
].join('\n');

describe('a sign slip’s form under a minus', () => {
  const r = analyzeSolution(DOC, 'markdown', { sidecar: null });
  const by = Object.fromEntries(r.equations.map((e) => [e.tag, e]));
  it('is no copy of the slip', () => {
    expect(by['2']!.status).toBe('fails');
    expect(by['2']!.message).toMatch(/leaves out the factor h_t/);
    expect(by['2']!.message).not.toMatch(/carries over/);
  });
  it('written without the minus, it is the slip carried over', () => {
    expect(by['3']!.status).toBe('fails');
    expect(by['3']!.message).toMatch(/mistake of \(1\)/);
  });
});
