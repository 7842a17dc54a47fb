// A backward formula written as one term per user of the node (an LSTM's c̄_t = h̄_t ⊙ o_t ⊙ tanh'(c_t) +
// c̄_{t+1} ⊙ f_{t+1}) with one local factor wrong names that term and what is wrong with it: a factor of the
// user's equation left out (o_t), σ' for tanh', the sign, a textbook δ's extra σ' (the gradient at the
// pre-activation). Before, such a check failed with only the two values.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const LSTM = `T = 4
input  x = [1.0, -0.5, 0.3, 0.8]
target y = [0.2, -0.1, 0.3, 0.4]
param  W_xi = 0.5
param  W_hi = -0.4
param  W_xf = 0.3
param  W_hf = 0.6
param  W_xo = -0.2
param  W_ho = 0.7
param  W_xc = 0.9
param  W_hc = -0.5
h_0 = 0
c_0 = 0.5
i_t = σ(W_xi x_t + W_hi h_{t-1})
f_t = σ(W_xf x_t + W_hf h_{t-1})
o_t = σ(W_xo x_t + W_ho h_{t-1})
\\tilde{c}_t = tanh(W_xc x_t + W_hc h_{t-1})
c_t = f_t ⊙ c_{t-1} + i_t ⊙ \\tilde{c}_t
h_t = o_t ⊙ tanh(c_t)
L_t = (h_t - y_t)^2 / 2
loss L = Σ_t L_t
`;

function check(line: string) {
  const r = analyze(`${LSTM}check ${line}\n`);
  expect(r.checks.length, JSON.stringify(r.diagnostics)).toBe(1);
  return r.checks[0]!;
}

describe('a wrong local factor of a backward formula is named', () => {
  it('the right formula holds (the control)', () => {
    expect(check("\\bar{c}_t = \\bar{h}_t ⊙ o_t ⊙ tanh'(c_t) + \\bar{c}_{t+1} ⊙ f_{t+1} for t = 1..T-1").status).toBe('holds');
    expect(check('\\bar{f}_t = \\bar{c}_t ⊙ c_{t-1}').status).toBe('holds');
  });

  it('o_t left out of the h_t term', () => {
    const c = check("\\bar{c}_t = \\bar{h}_t ⊙ tanh'(c_t) + \\bar{c}_{t+1} ⊙ f_{t+1} for t = 1..T-1");
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/should be ∂L\/∂h_t·∂⁺h_t\/∂c_t: it leaves out the factor o_t/);
  });

  it("σ' where h_t's equation has tanh", () => {
    const c = check("\\bar{c}_t = \\bar{h}_t ⊙ o_t ⊙ σ'(c_t) + \\bar{c}_{t+1} ⊙ f_{t+1} for t = 1..T-1");
    expect(c.message).toMatch(/it has σ' where h_t's equation needs tanh'/);
  });

  it('the sign of the update gate term', () => {
    const c = check('\\bar{f}_t = -\\bar{c}_t ⊙ c_{t-1}');
    expect(c.message).toMatch(/it has the wrong sign/);
  });

  it("a textbook δf_t (the gradient at f_t's pre-activation) written as f̄_t", () => {
    const c = check('\\bar{f}_t = \\bar{c}_t ⊙ c_{t-1} ⊙ f_t ⊙ (1 - f_t)');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/it has the extra factor σ'\(…\) = f_t ⊙ \(1 − f_t\), which makes it the gradient at f_t's argument/);
  });

  // session 12 (probeC): the derivative written for the function itself is now named as such
  it('a derivative written where the function is meant names the term, the partial it needs and the swap', () => {
    const c = check("\\bar{o}_t = \\bar{h}_t ⊙ tanh'(c_t)");
    expect(c.message).toMatch(
      /The term ∂L\/∂h_t tanh′\(c_t\) should be ∂L\/∂h_t·∂⁺h_t\/∂o_t: tanh'\(c_t\) should be tanh\(c_t\) itself, not its derivative/,
    );
  });

  it("tanh' for σ' inside a parameter gradient's Σ (no term-by-term reading): the swap is named", () => {
    expect(check("∂L/∂W_hf = Σ_{t=1}^{T} \\bar{f}_t σ'(W_xf x_t + W_hf h_{t-1}) h_{t-1}").status).toBe('holds');
    const c = check("∂L/∂W_hf = Σ_{t=1}^{T} \\bar{f}_t tanh'(W_xf x_t + W_hf h_{t-1}) h_{t-1}");
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/tanh' should be σ': with that derivative the check holds/);
  });

  it('a left-out path is named when the check runs over every step and holds at the last one (no c_{T+1} there)', () => {
    const c = check("\\bar{c}_t = \\bar{h}_t ⊙ o_t ⊙ tanh'(c_t)");
    expect(c.status).toBe('fails');
    expect(c.failingStep).toBe(1);
    expect(c.message).toMatch(/leaves out the path through c_{t\+1}: the term ∂L\/∂c_{t\+1}·∂⁺c_{t\+1}\/∂c_t/);
  });
});
