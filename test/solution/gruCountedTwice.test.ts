// d2l.ai's GRU (§10.2, row vectors X_t W_xr as printed) with the backward step a student writes from the chain rule:
// ∂L/∂H_{t-1} = ∂L/∂H_t ⊙ Z_t + ∂L/∂H̃_t ∂H̃_t/∂H_{t-1} + ∂L/∂Z_t ∂Z_t/∂H_{t-1} + ∂L/∂R_t ∂R_t/∂H_{t-1}. Meant with
// ∂H̃_t/∂H_{t-1} the direct appearance of H_{t-1} in H̃_t's equation, it is right; read as the total derivative
// (LANGUAGE.md §4) the path through R_t is counted twice. Session 33: at a general t the failure was blamed on
// the last term's step ("∂R_t/∂H_{t-1} should be ∂R_t/∂H_t", a derivative that is 0, which deletes the term), at
// t = T on a factor "that should be ∂H̃_3/∂H_2", the factor written. Both now name the derivative counted twice.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`
~~~rnn
T = 3
input  X : 2
param W_xr : 2x3
param W_hr : 3x3
param W_xz : 2x3
param W_hz : 3x3
param W_xh : 2x3
param W_hh : 3x3
param b_r : 3
param b_z : 3
param b_h : 3
H_0 = [0.1, -0.2, 0.3]
R_t = σ(X_t W_xr + H_{t-1} W_hr + b_r)
Z_t = σ(X_t W_xz + H_{t-1} W_hz + b_z)
\tilde{H}_t = tanh(X_t W_xh + (R_t ⊙ H_{t-1}) W_hh + b_h)
H_t = Z_t ⊙ H_{t-1} + (1 - Z_t) ⊙ \tilde{H}_t
loss L = sum(H_T)
~~~
`.replace(/~~~/g, '```');

const solve = (eq: string) => analyzeSolution(`# GRU\n${NET}\n$$${eq}$$\n`, 'markdown').equations[0]!.checks[0]!;

const TAIL = String.raw`+ \frac{\partial L}{\partial Z_t}\frac{\partial Z_t}{\partial H_{t-1}} + \frac{\partial L}{\partial R_t}\frac{\partial R_t}{\partial H_{t-1}}`;

describe("a GRU's backward step with the path through R_t counted twice", () => {
  it('at a general t: names the total ∂H̃_t/∂H_{t-1}, not the step of ∂R_t/∂H_{t-1}', () => {
    const c = solve(
      String.raw`\frac{\partial L}{\partial H_{t-1}} = \frac{\partial L}{\partial H_t} \odot Z_t + \frac{\partial L}{\partial \tilde H_t} \frac{\partial \tilde H_t}{\partial H_{t-1}} ` +
        TAIL,
    );
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/should be ∂R/);
    expect(c.message).toMatch(
      /∂H̃_t\/∂H_\{t-1\} is the total derivative: it also counts the path through R_t, which another term counts again\. With the immediate partial ∂⁺H̃_t\/∂H_\{t-1\} .* the check holds/,
    );
  });

  it('at t = T, as written with T', () => {
    const c = solve(
      String.raw`\frac{\partial L}{\partial H_{T-1}} = Z_T + \frac{\partial L}{\partial \tilde H_T} \frac{\partial \tilde H_T}{\partial H_{T-1}} ` +
        TAIL.replace(/_t\b/g, '_T').replace(/\{t-1\}/g, '{T-1}'),
    );
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/should be ∂H̃/);
    expect(c.message).toMatch(/∂H̃_T\/∂H_\{T-1\} is the total derivative: it also counts the path through R_T/);
  });

  it('holds with ∂⁺, and without the R_t term', () => {
    const plus = solve(
      String.raw`\frac{\partial L}{\partial H_{t-1}} = \frac{\partial L}{\partial H_t} \odot Z_t + \frac{\partial L}{\partial \tilde H_t} \frac{\partial^+ \tilde H_t}{\partial H_{t-1}} ` +
        TAIL,
    );
    expect(plus.status).toBe('holds');
    const total = solve(
      String.raw`\frac{\partial L}{\partial H_{t-1}} = \frac{\partial L}{\partial H_t} \odot Z_t + \frac{\partial L}{\partial \tilde H_t} \frac{\partial \tilde H_t}{\partial H_{t-1}} + \frac{\partial L}{\partial Z_t}\frac{\partial Z_t}{\partial H_{t-1}}`,
    );
    expect(total.status).toBe('holds');
  });
});
