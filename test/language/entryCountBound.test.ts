// Ba, Kiros & Hinton's μ^t = 1/H Σ_{i=1}^{H} a_i^t. With H not defined, the Σ read H as the number of entries i runs
// over, but the 1/H before it stayed a free index: "fails at t = 1, H = 1". The letter a Σ reads as its count is now
// that number on every side. And a network that names H = 3 (its hidden size) had "a time index is t, …" at the
// bound: a bound that is a constant the file names, equal to the entries the index runs over, is that count.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = (extra: string) => `T = 2
input x = [0.5, -1.0]
param W : 3 = [0.6, -0.4, 0.9]
${extra}a_t = W x_t
μ_t = mean(a_t)
loss L = sum(a_T) + μ_T
`;

describe('a Σ’s bound that is the number of entries', () => {
  it('a free letter: its other uses are the same number', () => {
    const r = analyze(`${NET('')}check μ_t = 1/H Σ_{i=1}^{H} a_t[i]\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
  it('a constant the file names, equal to the count', () => {
    const r = analyze(`${NET('H = 3\n')}check μ_t = 1/H Σ_{i=1}^{H} a_t[i]\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain('the bound H = 3 is the number of entries i runs over');
  });
  it('a constant of another value is no count', () => {
    const r = analyze(`${NET('H = 2\n')}check μ_t = 1/H Σ_{i=1}^{H} a_t[i]\n`);
    expect(r.checks).toHaveLength(0);
  });
});
