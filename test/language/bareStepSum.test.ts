// Skansi's error E = ½ Σ (t − y)² (Introduction to Deep Learning; t his letter for the target), probe 52: a Σ with no
// index over sequences written bare was "y is a sequence: write y_t …". It is the sum over the steps, each sequence at
// step t, and a sequence called t is the bare t (t_t), said in an information. A bare Σ whose term reads as written
// keeps its reading (the sum of a vector's entries).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 3',
  'input x = [0.5, -1.0, 0.8]',
  'target t = [1, 0, 1]',
  'param w = 0.6',
  'param u = 0.8',
  'h_0 = 0',
  'h_t = tanh(w x_t + u h_{t-1})',
  'y_t = σ(1.5 h_t)',
  'loss E = 1/2 Σ_t (t_t - y_t)^2',
].join('\n');

describe('Σ with no index over bare sequences', () => {
  it('½ Σ (t − y)² is ½ Σ_t (t_t − y_t)²', () => {
    const r = analyze(`${NET}\ncheck E = \\frac{1}{2}\\sum (t - y)^2\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(
      r.diagnostics.some((d) =>
        /read as Σ_t over the steps 1..3, each sequence at step t \(the bare t is the sequence t, t_t, as texts that call the target t write it\)/.test(
          d.message,
        ),
      ),
    ).toBe(true);
  });
  it('a bare Σ whose term reads as written is unchanged (the sum of the entries)', () => {
    const r = analyze(`${NET}\ncheck Σ (h_3 - 1)^2 = (h_3 - 1)^2\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.some((d) => d.code === 'bare-step-sum')).toBe(false);
  });
  it('a bare sequence outside a Σ still asks for its step', () => {
    const r = analyze(`${NET}\ncheck E = 1/2 (t - y)^2\n`);
    expect(r.diagnostics.some((d) => /y is a sequence: write y_t/.test(d.message))).toBe(true);
  });
});
