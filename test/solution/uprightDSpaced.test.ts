// An upright d spaced from what it differentiates above, run into the variable below (session 38): `\frac{d e^{z}}{dz}
// = e^{z}` was "unknown name d" (read37b's leftover), and `\frac{d L}{dw}` was worse — the d below alone read as
// code's gradient dw = ∂L/∂w, so the fraction was dL/(∂L/∂w) and a right equation failed with two numbers. Both
// spacings are layout: the fraction is the derivative, and Euler's e^{z} differentiated by its own variable is exp′.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { TANH_SIGMA_NET } from './helpers';

const check = (line: string) => analyze(`${TANH_SIGMA_NET}check ${line}\n`);
const solve = (...eqs: string[]) =>
  analyzeSolution(`# Derivatives\n\n\`\`\`rnn\n${TANH_SIGMA_NET}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown')
    .equations;

const HOLDS = 'holds: an identity in z, a free variable (no name of the network): the sides agree at 8 random values of z in [−3, 3]';

describe("the derivative of Euler's e^{z} by z", () => {
  it('d e^{z}/dz = e^{z} holds as an identity, spaced or not, with d, \\mathrm{d} or ∂, above or as the operator', () => {
    for (const lhs of [
      String.raw`\frac{d e^{z}}{dz}`,
      String.raw`\frac{d e^z}{dz}`,
      String.raw`\frac{de^{z}}{dz}`,
      String.raw`\frac{d}{dz} e^{z}`,
      String.raw`\frac{\mathrm{d} e^{z}}{\mathrm{d} z}`,
      String.raw`\frac{\partial e^{z}}{\partial z}`,
    ]) {
      expect(check(`${lhs} = e^{z}`).checks[0]!.message, lhs).toBe(HOLDS);
      expect(solve(`${lhs} = e^{z}`)[0]!.message, lhs).toBe(HOLDS);
    }
    expect(check(String.raw`\frac{d \exp(z)}{dz} = \exp(z)`).checks[0]!.message).toBe(HOLDS);
  });

  it('a wrong one fails at a value of z; e^{-z} asks for the chain rule', () => {
    const wrong = check(String.raw`\frac{d e^{z}}{dz} = z e^{z}`).checks[0]!;
    expect(wrong.status).toBe('fails');
    expect(wrong.message).toMatch(/^fails at z = -?\d\.\d+: .*z is a free variable/);
    const minus = check(String.raw`\frac{d e^{-z}}{dz} = -e^{-z}`);
    expect(minus.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/write this one with the chain rule/);
  });
});

describe('a spaced d above, a d run into the variable below', () => {
  it('\\frac{d\\,L}{dw}, \\frac{dL}{d w} and \\frac{d L}{d w}: the d above and the d below each spaced or not', () => {
    for (const lhs of [
      String.raw`\frac{d\,L}{dw}`,
      String.raw`\frac{dL}{d w}`,
      String.raw`\frac{d L}{d\, w}`,
      String.raw`\frac{d L}{d w}`,
    ]) {
      const r = check(`${lhs} = \\sum_t 2 (y_t - d_t) y_t (1 - y_t) \\frac{\\partial h_t}{\\partial w}`);
      expect(
        r.diagnostics.filter((d) => /read as ∂L\/∂/.test(d.message)).map((d) => d.message),
        lhs,
      ).toEqual([]);
      expect(r.checks[0]!.status, lhs).toBe('holds');
    }
  });

  it('\\frac{d L}{dw} and \\frac{d h_1}{dw} are derivatives, not code gradients dL and dw', () => {
    const r = check(String.raw`\frac{d L}{dw} = \sum_t 2 (y_t - d_t) y_t (1 - y_t) \frac{\partial h_t}{\partial w}`);
    expect(r.diagnostics.filter((d) => /read as ∂L\/∂/.test(d.message))).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
    const eqs = solve(String.raw`\frac{d h_1}{dw} = (1 - h_1^2) h_0`, String.raw`\frac{d L}{dw} = 0`);
    expect(eqs.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(eqs[1]!.message).not.toMatch(/dw is read/);
  });
});
