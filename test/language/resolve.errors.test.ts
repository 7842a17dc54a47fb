// LANGUAGE.md §6: a non-scalar loss, an unbounded Σ hiding an equation's t, and no cascades.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';

const lines = (text: string) =>
  compile(text).diagnostics.map((d) => `${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`);

const NET = (h: string) => `T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  w = 0.8
h_0 = 0
h_t = ${h}
o_t = σ(h_t)
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
check ∂L/∂o_3 = -2(y_3 - o_3)
`;

describe('no cascades', () => {
  it('an error in h_t is reported once; its uses say h is not available (regression: "past the end of h")', () => {
    const d = lines(NET('σ(w h_{t-1} + zz x_t)'));
    expect(d).toEqual([
      'error 6:21-6:23 unknown name zz',
      'warning 7:8-7:13 h is not available: its definition on line 6 has an error',
      'warning 8:14-8:17 o is not available: it depends on h_t, whose definition on line 6 has an error',
      'warning 9:14-9:17 L is not available: it depends on h_t, whose definition on line 6 has an error',
      'warning 10:8-10:9 L is not available: it depends on h_t, whose definition on line 6 has an error',
    ]);
    expect(d.join('\n')).not.toMatch(/past the end|unknown name h\b|unknown name o\b/);
    expect(compile(NET('σ(w h_{t-1} + zz x_t)')).model.quantities.has('h')).toBe(false);
  });

  // session 12: a quantity defined before h_t and reading h_{t-1} got "missing initial state … needs h_1"
  it('an earlier equation reading h_{t-1} of a broken h_t says h is not available, not "missing initial state"', () => {
    const text = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.8
param u = 0.5
h_0 = 0
s_t = w (h_{t-1} + x_t)
h_t = u_t h_{t-1} + (1 - u_t) s_t
loss L = Σ_t h_t^2
`;
    expect(lines(text)).toEqual([
      'warning 6:10-6:17 h is not available: its definition on line 7 has an error',
      'error 7:7-7:10 u has no time index: it is not a sequence',
      'warning 8:14-8:17 h is not available: its definition on line 7 has an error',
    ]);
  });

  it("a missing initial state is reported once, at its own quantity's equation; a loop of them at each", () => {
    const d = lines(`T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.8
s_t = h_{t-1} + x_t
h_t = tanh(w h_{t-1} + x_t)
a_t = b_{t-1} + x_t
b_t = a_{t-1} + w
loss L = Σ_t (s_t + a_t + b_t)
`);
    expect(d.filter((x) => x.startsWith('error'))).toEqual([
      'error 5:14-5:21 missing initial state: h_{t-1} at t = 1 needs h_0 (add `h_0 = 0`)',
      'error 6:7-6:14 missing initial state: b_{t-1} at t = 1 needs b_0 (add `b_0 = 0`)',
      'error 7:7-7:14 missing initial state: a_{t-1} at t = 1 needs a_0 (add `a_0 = 0`)',
    ]);
    expect(d).toContain('warning 4:7-4:14 h is not available: its definition on line 5 has an error');
  });

  it('a shape error in h_t: the same, once', () => {
    const d = lines(NET('w h_{t-1} + [1, 2] ⊙ [1, 2, 3]'));
    expect(d.filter((x) => x.startsWith('error'))).toEqual([
      'error 6:19-6:37 shape mismatch: ⊙ needs equal shapes, not the literal (vector of 2) and the literal (vector of 3)',
    ]);
    expect(d.slice(1)).toHaveLength(4);
    expect(
      d
        .slice(1)
        .every((x) => /^warning .* is not available: (its definition|it depends on h_t, whose definition) on line 6 has an error$/.test(x)),
    ).toBe(true);
  });

  it('a right side that reads but is followed by what does not (an unknown command after a term) is broken too', () => {
    // regression: "2 \\| y_t" dropped the statement, so L_t's uses read L_t as the loss L with an index
    for (const rhs of ['2 \\foo y_t', '(y_t - o_t)^2 \\foo']) {
      const d = lines(NET('σ(w h_{t-1} + x_t)').replace('(y_t - o_t)^2', rhs));
      expect(d.filter((x) => x.startsWith('error'))).toEqual([expect.stringMatching(/^error 8:\d+-8:\d+ unknown LaTeX command \\foo$/)]);
      expect(d.join('\n')).not.toMatch(/no time index/);
      expect(d.filter((x) => x.startsWith('warning')).every((x) => / is not available: /.test(x))).toBe(true);
    }
  });

  it('a name whose left side is refused is not available, never unknown', () => {
    // h_{t+2}: h_{t+1} = … is the general equation for the step ahead (session 44, stepAhead.ts)
    const text = 'T = 3\ninput x = [1, 2, 3]\nh_{t+2} = x_t\ncheck h_2 = 1\n';
    expect(lines(text)).toEqual([
      "error 3:4-3:7 the left side's index must be t (the general equation) or one step (h_0, h_{T+1}), not this",
      'warning 4:7-4:10 h is not available: its definition on line 3 has an error',
    ]);
  });

  it('a missing initial state: one error, uses say h is not available', () => {
    const text = 'T = 3\ninput x = [1, 2, 3]\nh_t = h_{t-1} + x_t\ncheck h_2 = 1\n';
    const d = lines(text);
    expect(d[0]).toMatch(/^error 3:7-3:14 missing initial state: h_\{t-1\} at t = 1 needs h_0/);
    expect(d.slice(1)).toEqual(['warning 4:7-4:10 h is not available: its definition on line 3 has an error']);
  });
});

describe('the horizon (issue 13 item 4)', () => {
  it('T = 3.5: one precise diagnostic, not "y has 4 entries but T = 0" nor step errors', () => {
    const text = 'T = 3.5\ninput x = [0.5, -1.0, 2.0, 1]\nh_0 = 0\nh_t = x_t + h_{t-1}\nh_3 = 2\ncheck h_t = x_t\ncheck h_2 = x_2\n';
    const c = compile(text);
    expect(lines(text)).toEqual(['error 1:5-1:8 the horizon T must be an integer from 1 to 10,000 (limit), not 3.5']);
    expect(c.fatal).toBe(true);
  });
});

describe('the loss is one number', () => {
  it('a vector loss: names its shape and suggests sum(…)', () => {
    const text = 'T = 2\ninput x : 3 = 1\nparam W : 3x3 = 0.1\nh_t = W x_t\nloss L = h_1 + h_2\n';
    expect(lines(text)).toEqual([
      'error 5:10-5:19 the loss L is a vector of 3, but a loss is one number: add its entries with `loss L = sum(…)`',
    ]);
    expect(compile(text).model.loss).toBeNull();
  });

  // a cross-entropy as textbooks print it multiplies two vectors entry by entry (§4): the error names that product and
  // how its dot product is written, which then reads as one number
  const NET = 'T = 2\ninput x_t : 2\ntarget y_t : 2\nparam V : 2x2\no_t = softmax(V x_t)\n';
  it('a vector loss from y_t log(o_t): the product is named, with its dot product', () => {
    const text = NET + 'loss L = -Σ_t y_t log(o_t)\n';
    const error = lines(text).find((l) => l.startsWith('error'));
    expect(error).toBe(
      'error 6:10-6:27 the loss L is a vector of 2, but a loss is one number: add its entries with `loss L = sum(…)`; y_t ⊙ log(o_t) multiplies two vectors entry by entry: for their dot product write y_tᵀ log(o_t)',
    );
  });

  it('…also in a per-step loss the loss adds up, under its minus, and the dot product then reads', () => {
    const text = NET + 'E_t = -y_t · log(o_t)\nloss E = Σ_t E_t\n';
    expect(lines(text).find((l) => l.startsWith('error'))).toContain(
      '; y_t ⊙ log(o_t) multiplies two vectors entry by entry: for their dot product write y_tᵀ log(o_t)',
    );
    const mended = compile(NET + 'E_t = -y_t^T log(o_t)\nloss E = Σ_t E_t\n');
    expect(mended.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(mended.model.loss).not.toBeNull();
  });

  it('a vector loss with no such product names none', () => {
    const text = NET + 'loss L = Σ_t (y_t - o_t)^2\n';
    expect(lines(text).find((l) => l.startsWith('error'))).toMatch(/add its entries with `loss L = sum\(…\)`$/);
  });
});

describe('an unbounded Σ in a per-step equation', () => {
  it("warns that it hides the equation's own t, suggesting sum(…)", () => {
    const text = 'T = 3\ninput x = [1, 2, 3]\ns_t = Σ_t x_t\n';
    expect(lines(text)).toEqual([
      "warning 3:7-3:14 this Σ runs over every step 1..T and hides this equation's own t; to add the entries of a vector write sum(…)",
    ]);
  });

  it('not with bounds, not in an untimed equation, not in a question', () => {
    const text = 'T = 3\ninput x = [1, 2, 3]\ns_t = Σ_{i=1}^{t} x_i\nS = Σ_t x_t\ncheck Σ_t x_t = 6\n';
    expect(lines(text)).toEqual([]);
  });
});
