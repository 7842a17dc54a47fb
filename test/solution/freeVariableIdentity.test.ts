// An identity in a free variable (session 36, issue 9): a solution writes `\tanh'(z) = 1 − \tanh^2(z)` or
// `\sigma'(a) = \sigma(a)(1 − \sigma(a))` as a step, z and a no names of the network; it was "unknown name z". Such a
// check (it reads nothing of the network) is now an identity in its letters, judged at seeded random values of them.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { TANH_SIGMA_NET } from './helpers';

const check = (line: string, net = TANH_SIGMA_NET) => analyze(`${net}check ${line}\n`);
const solve = (...eqs: string[]) =>
  analyzeSolution(`# Derivatives\n\n\`\`\`rnn\n${TANH_SIGMA_NET}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown')
    .equations;

const HOLDS_Z = 'holds: an identity in z, a free variable (no name of the network): the sides agree at 8 random values of z in [−3, 3]';

describe('an identity in a free variable', () => {
  it("tanh'(z) = 1 − tanh²(z) holds, in a .rnn check line and in a solution", () => {
    const a = check(String.raw`\tanh'(z) = 1 - \tanh^2(z)`);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks[0]!.status).toBe('holds');
    expect(a.checks[0]!.message).toBe(HOLDS_Z);
    // judged at each value, named in the steps
    expect(a.checks[0]!.steps).toHaveLength(8);
    expect(a.checks[0]!.steps.every((s) => s.ok && s.t === null && typeof s.at?.z === 'number')).toBe(true);
    const [eq] = solve(String.raw`\tanh'(z) = 1 - \tanh^2(z)`);
    expect(eq!.status).toBe('holds');
    expect(eq!.message).toBe(HOLDS_Z);
  });

  it("σ'(a) = σ(a)(1 − σ(a)) holds", () => {
    const [eq] = solve(String.raw`\sigma'(a) = \sigma(a)(1-\sigma(a))`);
    expect(eq!.status).toBe('holds');
    expect(eq!.message).toMatch(/^holds: an identity in a, a free variable/);
  });

  it('a wrong identity fails at a value, which the message names, and says z is free', () => {
    const c = check(String.raw`\tanh'(z) = 1 - \tanh(z)`).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /^fails at z = -?\d\.\d+: the left side is [-\d.e]+, the right side [-\d.e]+ \(difference [-\d.e]+\)\. z is a free variable \(no name of the network\): the identity is checked for any z, at random values$/,
    );
    const [eq] = solve(String.raw`\tanh'(z) = 1 - \tanh(z)`);
    expect(eq!.status).toBe('fails');
    expect(eq!.message).toBe(c.message);
    // seeded: the same values every run
    expect(check(String.raw`\tanh'(z) = 1 - \tanh(z)`).checks[0]!.message).toBe(c.message);
  });

  it('a chain, two variables, a letter with a number, and a side outside a domain', () => {
    const links = check(String.raw`\tanh'(z) = 1 - \tanh^2(z) = (1 - \tanh(z))(1 + \tanh(z))`).checks;
    expect(links.map((l) => l.status)).toEqual(['holds', 'holds']);
    const two = check(String.raw`\tanh(a + b) = \frac{\tanh(a) + \tanh(b)}{1 + \tanh(a) \tanh(b)}`).checks[0]!;
    expect(two.message).toMatch(/^holds: an identity in a and b, free variables \(no names of the network\)/);
    expect(check(String.raw`\sigma(x_1) + \sigma(-x_1) = 1`, TANH_SIGMA_NET.replace(/x/g, 'u')).checks[0]!.status).toBe('holds');
    // log(z) at a negative z is no number: that value is tried at |z|
    expect(check(String.raw`\log(z^2) = 2 \log(z)`).checks[0]!.status).toBe('holds');
    // judged at no value: not known to hold, never "holds"
    const none = check(String.raw`\log(-z^2 - 1) = 0 z`).checks[0]!;
    expect(none.status).toBe('holds-at-given-values');
    expect(none.message).toMatch(
      /^not known to hold: z is a free variable \(no name of the network\), and at none of 8 random values of z could both sides be evaluated/,
    );
  });

  it('a letter beside a name of the network keeps its diagnostic; so does a letter the network defines', () => {
    const a = check(String.raw`\sigma'(a) = \sigma(a)(1-\sigma(a)) h_1`);
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.map((d) => d.message)).toContain('unknown name a');
    const [eq] = solve(String.raw`\sigma'(a) = \sigma(a)(1-\sigma(a)) h_1`);
    expect(eq!.message).toBe('not checked: unknown name a');
    // a letter alone on a side names a value of its own (or defines it): no identity
    expect(solve('q = 1')[0]!.status).toBe('skipped');
    expect(check(String.raw`\sigma(a) = b`).diagnostics.map((d) => d.message)).toContain('unknown name a');
    // the network's own h written with no step names no value of it: a variable of the identity (session 37; it was
    // "h is a sequence: write h_t", though the sheet's "σ(x), σ'(x)" is this identity)
    expect(check(String.raw`\tanh'(h) = 1 - \tanh^2(h)`).checks[0]!.message).toMatch(
      /^holds: an identity in h, a free variable \(h written with no step/,
    );
    // nor is x_1, the network's input at step 1: an equation of the network, judged as one
    expect(check(String.raw`\sigma(x_1) + \sigma(-x_1) = 1`).checks[0]!.message).not.toMatch(/identity/);
  });
});
