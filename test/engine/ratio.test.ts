// A derivative written without its ∂ (seed 001's (27): \frac{h_t}{W_{hh}}) fails, and the failure names
// the ratio and says that with ∂h_t/∂W_hh the check holds (as written, or as a one-step derivative).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SHEET7 } from '../language/helpers';

describe('a ratio where a derivative was meant', () => {
  const r = analyze(
    `${SHEET7}check h_t/W_hh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) h_{t-1}\ncheck L_3/o_3 = -2(y_3 - o_3)\ncheck o_3/h_3 = 2\n`,
  );

  it('names the missing ∂ and the reading under which it holds', () => {
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(
      /The side h_t\/W_hh is a ratio of two values where ∂h_t\/∂W_hh was meant \(its ∂ is missing\): with it the check holds as a one-step derivative$/,
    );
    expect(r.checks[1]!.status).toBe('fails');
    expect(r.checks[1]!.message).toMatch(/∂L_3\/∂o_3 was meant \(its ∂ is missing\): with it the check holds$/);
  });

  it('says nothing of the kind when the derivative does not make it hold either', () => {
    expect(r.checks[2]!.status).toBe('fails');
    expect(r.checks[2]!.message).not.toMatch(/ratio/);
  });
});
