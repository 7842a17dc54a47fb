// A network whose targets are called t (Skansi's letter, seed 001's t_t), probe 52: ½ Σ_{t=1}^{T} (t − y_t)² subtracts
// the step number where the target t_t is meant. It failed with its values only; the message now says the bare t is
// the step and t_t the target.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 3',
  'input x = [0.5, -1.0, 0.8]',
  'target t = [1, 0, 1]',
  'param w = 0.6',
  'h_0 = 0',
  'h_t = tanh(w x_t + 0.8 h_{t-1})',
  'y_t = σ(1.5 h_t)',
  'loss E = 1/2 Σ_t (t_t - y_t)^2',
].join('\n');

describe('the step’s letter for the target called t', () => {
  it('names the bare t as the step number', () => {
    const r = analyze(`${NET}\ncheck E = 1/2 Σ_{t=1}^{T} (t - y_t)^2\ncheck E = 1/2 Σ_{t=1}^{T} (t_t - y_t)^2\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(
      /The bare t is the step number here \(1, 2, …\), not the target: the target sequence called t is written t_t at step t/,
    );
  });
});
