// An identity as a solution states it (session 37): with its clause (`for all z`, `\forall z \in \mathbb{R}`, `for
// any real z`), in a letter with a letter subscript (`z_i`, an entry of a vector of the student's own), or in a
// sequence of the network written with no step (`σ'(x) = σ(x)(1 − σ(x))` beside an input x). Each was "unknown
// name z" (or "x is a sequence"), and `\text{for any real } z` was judged as a product by z, a wrong "fails".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { TANH_SIGMA_NET } from './helpers';

const check = (line: string) => analyze(`${TANH_SIGMA_NET}check ${line}\n`);
const solve = (...eqs: string[]) =>
  analyzeSolution(`# Derivatives\n\n\`\`\`rnn\n${TANH_SIGMA_NET}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown')
    .equations;

const SIG = String.raw`\sigma'(z) = \sigma(z)(1-\sigma(z))`;
const HOLDS_Z = 'holds: an identity in z, a free variable (no name of the network): the sides agree at 8 random values of z in [−3, 3]';

describe('an identity with its clause', () => {
  it('for all z, ∀z ∈ ℝ, for every z and for any real z: every value of the letter', () => {
    for (const clause of [
      String.raw`\quad \text{for all } z`,
      String.raw`\quad \forall z \in \mathbb{R}`,
      String.raw`\quad \text{for all } z \in \mathbb{R}`,
      String.raw`\quad \text{for any real } z`,
      String.raw`\quad (\forall z)`,
    ]) {
      const [eq] = solve(SIG + ' ' + clause);
      expect(eq!.status, clause).toBe('holds');
      expect(eq!.message, clause).toBe(HOLDS_Z);
    }
    expect(check(`σ'(z) = σ(z)(1-σ(z)) for all z`).checks[0]!.message).toBe(HOLDS_Z);
    expect(check(`σ'(z) = σ(z)(1-σ(z)) for all z ∈ ℝ`).checks[0]!.message).toBe(HOLDS_Z);
  });

  it('a wrong identity with its clause fails at a value, never by the clause', () => {
    // `for any real z` was prose dropped, z a factor of the right side: it "failed" at z = 2.0019 when right
    const [eq] = solve(String.raw`\sigma'(z) = \sigma(z)(1+\sigma(z)) \quad \text{for any real } z`);
    expect(eq!.status).toBe('fails');
    expect(eq!.message).toMatch(/^fails at z = -?\d\.\d+: .*z is a free variable/);
  });

  it('a clause of another letter, or a range of steps, is no identity', () => {
    // w is the network's: read as ever
    expect(check(`σ'(z) = σ(z)(1-σ(z)) for all w`).checks).toEqual([]);
    expect(check(`σ'(z) = σ(z)(1-σ(z)) for z = 1..2`).checks).toEqual([]);
  });
});

describe('an identity in a letter with a letter subscript', () => {
  it("tanh'(z_i) = 1 − tanh²(z_i) is an identity in z_i, not a free index i", () => {
    const c = check(String.raw`\tanh'(z_i) = 1 - \tanh^2(z_i)`).checks[0]!;
    expect(c.status).toBe('holds');
    expect(c.message).toMatch(/^holds: an identity in z_i, a free variable \(no name of the network\)/);
    const [eq] = solve(String.raw`\sigma'(z_j) = \sigma(z_j)(1-\sigma(z_j))`);
    expect(eq!.status).toBe('holds');
    expect(solve(String.raw`\sigma'(z_j) = \sigma(z_j)(1+\sigma(z_j))`)[0]!.status).toBe('fails');
  });

  it('z_i beside a name of the network, or with i bound by a Σ, keeps its reading', () => {
    expect(check(String.raw`\sigma'(z_i) = \sigma(z_i) h_1`).diagnostics.map((d) => d.message)).toContain('unknown name z_i');
    expect(check(String.raw`\sum_i z_i = 1`).checks).toEqual([]);
  });
});

describe('an identity in a sequence written with no step', () => {
  it("σ'(x) = σ(x)(1 − σ(x)) beside an input x holds, and says how x was read", () => {
    const msg =
      'holds: an identity in x, a free variable (x written with no step, no value of the network): the sides agree at 8 random values of x in [−3, 3]';
    const c = check(String.raw`\sigma'(x) = \sigma(x)(1-\sigma(x))`).checks[0]!;
    expect(c.status).toBe('holds');
    expect(c.message).toBe(msg);
    const [eq] = solve(String.raw`\sigma'(x) = \sigma(x)(1-\sigma(x))`);
    expect(eq!.message).toBe(msg);
    // a wrong one fails at a value of x
    expect(solve(String.raw`\sigma'(h) = h(1-h)`)[0]!.message).toMatch(/^fails at h = .*h is a free variable \(h written with no step/);
  });

  it('a sequence with no step beside one with its step is the usual mistake', () => {
    const a = check(String.raw`\sigma'(x) = \sigma(x_1)`);
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.map((d) => d.message)).toContain('x is a sequence: write x_t, x_{t-1} or a step such as x_1');
  });
});
