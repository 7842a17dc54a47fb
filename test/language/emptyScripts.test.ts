// An empty ^{} or _{} written by hand is nothing, as TeX sets it (read31): `\partial^{} L` was "second and higher
// derivatives", `w_{}` and `h_{2}^{}` "expected a value". The lexer drops the script with its empty group.
import { describe, expect, it } from 'vitest';
import { errors, lastCheck, run, SHEET7 } from './helpers';

const holds = (check: string) => lastCheck(`${SHEET7}check ${check}`).status;

describe('an empty script is nothing', () => {
  it.each([
    ['\\frac{\\partial^{} L}{\\partial W_hh} = \\frac{\\partial L}{\\partial W_hh}'],
    ['\\frac{\\partial L}{\\partial W_hh^{ }} = ∂L/∂W_hh'],
    ['\\frac{d^{}L}{dW_hh} = ∂L/∂W_hh'],
    ['\\frac{\\mathrm{d}^{} L}{\\mathrm{d} W_hh} = ∂L/∂W_hh'],
    ['h_{2}^{} = σ(W_xh x_2 + W_hh h_1 + b_h)'],
    ['h^{}_{2} = σ(W_xh x_2 + W_hh h_1 + b_h)'],
    ['h_{}^{(2)} = σ(W_xh x_2 + W_hh h_1 + b_h)'],
    ['W_hh^{}W_hh = W_hh^2'],
  ])('%s holds', (check) => {
    expect(holds(check)).toBe('holds');
  });

  it('a wrong side still fails: the script is gone, not the name or step it followed', () => {
    expect(holds('h_{3}^{} = σ(W_xh x_2 + W_hh h_1 + b_h)')).toBe('fails');
    expect(holds('\\frac{\\partial^{} L}{\\partial W_hh} = \\frac{\\partial L}{\\partial W_xh}')).toBe('fails');
  });

  it('w_{} is the parameter w, and a script with content is still read', () => {
    const r = run(`${SHEET7}check b_h_{} = 0.1\ncheck \\partial^{2} L = 1`);
    expect(r.checks[0]!.status).not.toBe('fails');
    expect(errors(r).map((d) => d.message)).toEqual([expect.stringMatching(/second and higher derivatives/)]);
  });
});
