// ∂σ(a_t)/∂a_t written with ∂ (not \frac): a function applied is the operand, as in \frac{\partial \sigma(a_t)}{…}.
// It was "expected a name after ∂, found 'σ'"; a function written bare (∂σ/∂z) is said to need its argument.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { errors, lastCheck, SHEET7 } from './helpers';

describe('∂ of a function applied', () => {
  it('∂σ(…)/∂…, ∂tanh(…)/∂… read as the derivative of the call, and judged', () => {
    expect(lastCheck(`${SHEET7}check ∂σ(W_hy h_2 + b_y)/∂h_2 = σ'(W_hy h_2 + b_y) W_hy\n`).status).toBe('holds');
    expect(lastCheck(`${SHEET7}check ∂ tanh(W_hh h_1)/∂h_1 = (1 - tanh(W_hh h_1)^2) W_hh\n`).status).toBe('holds');
    // the same with the wrong slope fails: the call is differentiated, not read as a name
    expect(lastCheck(`${SHEET7}check ∂σ(W_hy h_2 + b_y)/∂h_2 = σ'(W_hy h_2 + b_y)\n`).status).toBe('fails');
    // an identity in a free variable
    expect(lastCheck(`${SHEET7}check ∂σ(z)/∂z = σ(z)(1 - σ(z))\n`).status).toBe('holds');
  });

  it('a function written bare after ∂ is named, in both spellings, and the rest of the file answers', () => {
    for (const line of ['check ∂σ/∂z = σ(z)(1 - σ(z))', 'check \\frac{\\partial \\sigma}{\\partial z} = \\sigma(z)(1 - \\sigma(z))']) {
      const r = analyze(`${SHEET7}${line}\ncheck ∂o_3/∂h_3 = σ'(W_hy h_3 + b_y) W_hy\n`);
      expect(errors(r).map((d) => d.message)).toEqual([
        "∂σ/…: σ is a function; a derivative takes it applied to its argument, ∂σ(z)/∂z (or its derivative σ'(z))",
      ]);
      expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    }
  });
});
