// Identities as a sheet on an MLP writes them (session 37b): in a letter at a layer, `\sigma'(z^{(l)}) =
// \sigma(z^{(l)})(1 - \sigma(z^{(l)}))`, and with the derivative by the identity's own variable written out,
// `\frac{d\sigma(z)}{dz} = \sigma(z)(1-\sigma(z))`. Both were "unknown name z".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { TANH_SIGMA_NET } from './helpers';

const check = (line: string) => analyze(`${TANH_SIGMA_NET}check ${line}\n`).checks[0]!;
const solve = (...eqs: string[]) =>
  analyzeSolution(`# Derivatives\n\n\`\`\`rnn\n${TANH_SIGMA_NET}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown')
    .equations;

const HOLDS = (v: string) =>
  `holds: an identity in ${v}, a free variable (no name of the network): the sides agree at 8 random values of ${v} in [−3, 3]`;

describe('an identity in a letter at a layer', () => {
  it('z^{(l)} is one variable, in a .rnn check and in a solution', () => {
    const sig = String.raw`\sigma'(z^{(l)}) = \sigma(z^{(l)})(1 - \sigma(z^{(l)}))`;
    expect(check(sig).message).toBe(HOLDS('z^{(l)}'));
    expect(solve(sig)[0]!.message).toBe(HOLDS('z^{(l)}'));
    const wrong = check(String.raw`\tanh'(z^{(l)}) = 1 + \tanh^2(z^{(l)})`);
    expect(wrong.status).toBe('fails');
    expect(wrong.message).toMatch(/^fails at z\^\{\(l\)\} = -?\d\.\d+: /);
  });

  it('beside a name of the network it stays an unknown name', () => {
    const r = analyze(`${TANH_SIGMA_NET}check \\tanh'(z^{(l)}) = 1 - \\tanh^2(z^{(l)}) h_t\n`);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toBe('unknown name z');
  });
});

describe('a derivative by the identity’s own variable', () => {
  it('dσ(z)/dz, d/dz tanh(z) and ∂σ(z^{(l)})/∂z^{(l)} are the primes, judged', () => {
    expect(check(String.raw`\frac{d\sigma(z)}{dz} = \sigma(z)(1-\sigma(z))`).message).toBe(HOLDS('z'));
    expect(check(String.raw`\frac{d}{dz}\tanh(z) = 1 - \tanh^2(z)`).message).toBe(HOLDS('z'));
    const chain = solve(
      String.raw`\frac{\partial \sigma(z^{(l)})}{\partial z^{(l)}} = \frac{e^{-z^{(l)}}}{(1+e^{-z^{(l)}})^2} = \sigma(z^{(l)})(1-\sigma(z^{(l)}))`,
    );
    expect(chain[0]!.status).toBe('holds');
    expect(chain[0]!.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    const wrong = solve(String.raw`\frac{d\sigma(z)}{dz} = \sigma(z)(1+\sigma(z))`)[0]!;
    expect(wrong.status).toBe('fails');
    expect(wrong.message).toMatch(/^fails at z = -?\d\.\d+: .*z is a free variable/);
  });

  it("Euler's e beside the variable is the constant (it refused the identity: 'unknown name z')", () => {
    expect(check(String.raw`\frac{e^{-z}}{(1+e^{-z})^2} = \sigma(z)(1-\sigma(z))`).message).toBe(HOLDS('z'));
  });

  it('of anything a prime does not write, said', () => {
    expect(
      analyze(`${TANH_SIGMA_NET}check \\frac{d\\sigma(2z)}{dz} = 2\\sigma'(2z)\n`).diagnostics.find((d) => d.severity === 'error')!.message,
    ).toContain("a derivative by z, the identity's own variable, is read of σ, tanh, relu or exp at that variable itself");
  });
});
