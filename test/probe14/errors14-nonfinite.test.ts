// A side that is not a finite number (LANGUAGE.md §6: "NaN or infinity in a result"): an infinite side never
// holds, and a failing one names the part outside its domain (σ^{-1} of a value outside (0, 1), log of a
// negative number, a division by 0). Probed in session 14.
import { describe, expect, it, vi } from 'vitest';

// the machine is shared: a limit answers in about a second alone, several under load (a hang took minutes)
vi.setConfig({ testTimeout: 60_000 });
import { analyze } from '../../src/analysis';

const NET = [
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'param w = 0.8',
  'param v : 2 = [0.5, 3]',
  'h_0 = 0',
  'h_t = σ(w h_{t-1} + x_t)',
  'loss L = Σ_t h_t^2',
  '',
].join('\n');

const checkOf = (line: string) => analyze(`${NET}${line}\n`).checks[0]!;

describe('an infinite side holds against nothing (|∞ − 0| ≤ 1e-6·∞ made it hold)', () => {
  it('1/(h_1 − h_1) = 0 fails, naming the division by 0', () => {
    const c = checkOf('check 1/(h_1 - h_1) = 0');
    expect(c.status).toBe('fails');
    expect(c.message).toBe(
      'fails: the left side is ∞, the right side 0 (difference ∞) — not a finite number (NaN or ∞): 1/(h_1 − h_1) divides by 0 (h_1 − h_1 is 0)',
    );
  });

  it('exp(1000 h_3) = 5 fails (it held, and exp(1000 h_1) = 0 was told "h_1 should be h_3")', () => {
    expect(checkOf('check exp(1000 h_3) = 5').status).toBe('fails');
    const c = checkOf('check exp(1000 h_1) = 0');
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/should be h_3/);
  });

  it('a rounded value (≈) against ∞ fails too', () => {
    const c = checkOf('check exp(1000 h_3) ≈ 5.0');
    expect(c.status).toBe('fails');
    expect(c.message).toBe('fails: the left side is ∞, not a finite number (NaN or ∞), not 5.0 as written');
  });
});

describe('a NaN side names the part outside its domain', () => {
  it('σ^{-1}(2): the logit is defined on (0, 1)', () => {
    const c = checkOf('check σ^{-1}(2) = 0');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /^fails: the left side is NaN, the right side 0 \(difference NaN\) — not a finite number \(NaN or ∞\): σ\^\{-1\}\(2\): σ\^\{-1\} \(the logit\) is defined on \(0, 1\) only, and its argument is 2\./,
    );
  });

  it('tanh^{-1} at −1 (t = 2), entry by entry for a vector, and inside a Σ with the term named', () => {
    expect(checkOf('check tanh^{-1}(x_t) = tanh^{-1}(x_t) for t = 2').message).toMatch(
      /tanh\^\{-1\}\(x_t\): tanh\^\{-1\} \(artanh\) is defined on \(−1, 1\) only, and its argument is -1/,
    );
    expect(checkOf('check sqrt(v - 1) = v').message).toMatch(
      /sqrt\(v − 1\): sqrt is defined for numbers ≥ 0 only, and entry 1 of its argument is -0\.5$/,
    );
    expect(checkOf('check Σ_{i=1}^{3} log(x_i) = 0').message).toMatch(
      /log\(x_i\): log is defined for positive numbers only, and its argument is -1 \(the term i = 2 of the Σ\)$/,
    );
  });

  it('a side that is NaN on both sides still fails (NaN = NaN is no verdict of holding)', () => {
    expect(checkOf('check log(x_2) = log(x_2)').status).toBe('fails');
  });
});
