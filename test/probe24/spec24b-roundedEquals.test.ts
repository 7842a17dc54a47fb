// `∂L/∂o_3 = -0.4073`, a number copied to the digits a sheet shows, written with = (judged to 1e-6, LANGUAGE.md §5;
// a rounded value is written after ≈). It fails, rightly, and said only the two values; the message now says the
// number is the other side rounded, and how a rounded value is written.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SIGMA_NET } from './spec24b-network';

const NET = SIGMA_NET;

describe('a rounded number written with =', () => {
  it('fails, saying it is the other side rounded', () => {
    const r = analyze(
      `${NET}\ncheck \\frac{\\partial L}{\\partial o_3} = -0.4073\ncheck ∂L/∂o_3 = -2(y_3 - o_3) = -0.41\ncheck -0.407 = ∂L/∂o_3\ncheck ∂L/∂o_3 ≈ -0.4073`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds', 'fails', 'fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(/-0\.4073 is the left side rounded to 4 decimals: a rounded value is written after ≈/);
    expect(r.checks[2]!.message).toMatch(/-0\.41 is the left side rounded to 2 decimals/);
    expect(r.checks[3]!.message).toMatch(/-0\.407 is the right side rounded to 3 decimals/);
  });

  it('a number that is not the other side rounded gets no such hint', () => {
    const r = analyze(`${NET}\ncheck ∂L/∂o_3 = -0.4083\ncheck ∂L/∂o_3 = -1`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    for (const c of r.checks) expect(c.message).not.toMatch(/rounded/);
  });
});
