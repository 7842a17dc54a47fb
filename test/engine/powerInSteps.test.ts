// A scalar's power counted in steps one off: Mikolov's SCRN context ∂s_T/∂s_t = α^{T−t} I written α^{T−t+1} I gave two
// values and no reason (session 56). textbook.ts powerHint, which tried matrix powers only, now tries a scalar power
// whose exponent reads a step variable, printed with T as written.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const NET = `T = 3
input x : 2
param B : 2x2
param a = 0.9
s_0 = [0.1, -0.1]
s_t = B x_t + a s_{t-1}
loss L = sum(s_T)
`;

describe('a power of a scalar one step off', () => {
  it('is named, with T as the check writes it', () => {
    const r = analyze(`${NET}check ∂s_T/∂s_t = a^{T-t+1} I_2\ncheck ∂s_T/∂s_t = a^{T-t-1} I_2\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    expect(r.checks[0]!.message).toMatch(/a\^\(T − t \+ 1\) should be a\^\(T − t\): with that the check holds/);
    expect(r.checks[1]!.message).toMatch(/should be a\^\(T − t\): with that the check holds/);
  });
  it('a fixed exponent is a formula’s, not tried', () => {
    const r = analyze(`${NET}check ∂s_t/∂s_{t-1} = a^2 I_2\n`, FAST);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toMatch(/with that power/);
  });
});
