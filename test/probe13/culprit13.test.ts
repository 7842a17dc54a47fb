// A failing check names its culprit where a teacher would (session 13, culprit13): a factor of the network's
// own equations left out of a Σ_j formula (seed 003) or of a GRU weight gradient, σ for σ', a gate for its
// complement, and two mistakes in one formula (a missing transpose and a step one off; a missing σ' and a
// swapped index), each named — by the last, bounded hint of the cascade (src/engine/check/factorEdit.ts).

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { CheckReport } from '../../src/report';

/** the checks of a file, by the text after `check ` */
function checks(text: string): Map<string, CheckReport> {
  const r = analyze(text);
  const lines = text.split('\n');
  return new Map(r.checks.map((c) => [lines[c.line - 1]!.replace(/^check /, '').trim(), c]));
}

// seed 003's MLP, layers as steps: z^{(k+1)}_j = Σ_i w_{i,j}^{(k+1)} p_i^{(k)}
const MLP = `T = 3
param w_t : 3x3
p_0 = [0.5, -0.3, 0.8]
z_t = w_tᵀ p_{t-1}
p_t = σ(z_t)
loss E = sum(p_T)
check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)}
check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} w_{i,j}^{(k+1)}
check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)})
check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ(z_j^{(k+1)}) w_{i,j}^{(k+1)}
check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} w_{j,i}^{(k+1)}
`;

const GRU = `T = 4
input x = [0.4, -0.7, 1.1, 0.2]
target y = [0.1, 0.5, -0.2, 0.3]
param W_z = 0.6
param U_z = -0.4
param b_z = 0.1
param W_r = 0.3
param U_r = 0.9
param b_r = -0.2
param W_h = 0.7
param U_h = 0.5
param b_h = 0.05
h_0 = 0.2
z_t = σ(W_z x_t + U_z h_{t-1} + b_z)
r_t = σ(W_r x_t + U_r h_{t-1} + b_r)
a_t = W_h x_t + U_h (r_t h_{t-1}) + b_h
\\tilde{h}_t = tanh(a_t)
h_t = z_t h_{t-1} + (1 - z_t) \\tilde{h}_t
loss L = Σ_t (h_t - y_t)^2 / 2
check ∂h_t/∂W_h = (1 - z_t) tanh'(a_t) x_t
check ∂h_t/∂W_h = tanh'(a_t) x_t
check ∂h_t/∂W_h = z_t tanh'(a_t) x_t
check ∂h_t/∂U_h = (1 - z_t) tanh'(a_t) h_{t-1}
check ∂L/∂U_h = Σ_t \\bar{h}_t (1 - z_t) tanh'(a_t) r_t h_{t-1}
check ∂L/∂U_h = Σ_t \\bar{h}_t (1 - z_t) tanh'(a_t) h_{t-1}
check ∂L/∂W_h = Σ_t ∂L/∂h_t tanh'(a_t) x_t
check ∂L/∂W_z = Σ_t \\bar{h}_t (h_{t-1} - \\tilde{h}_t) x_t
`;

const VECTOR = `T = 4
input x : 2
target y : 2
param W_xh : 3x2
param W_hh : 3x3
param b_h : 3
param W_hy : 2x3
param b_y : 2
h_0 = [0.1, -0.2, 0.3]
a_t = W_xh x_t + W_hh h_{t-1} + b_h
h_t = tanh(a_t)
o_t = W_hy h_t + b_y
loss L = Σ_t sum((o_t - y_t)^2) / 2
check ∂L/∂h_t = W_hyᵀ (o_t - y_t) + W_hhᵀ (tanh'(a_{t+1}) ⊙ ∂L/∂h_{t+1}) for t = 1..3
check ∂L/∂h_t = W_hyᵀ (o_t - y_t) + W_hh (tanh'(a_t) ⊙ ∂L/∂h_{t+1}) for t = 1..3
check ∂L/∂h_t = W_hyᵀ (o_t - y_t) + W_hh ∂L/∂h_{t+1} for t = 1..3
check ∂L/∂W_hh = Σ_t (tanh'(a_t) ⊙ ∂L/∂h_t) h_{t-1}ᵀ
check ∂L/∂W_hh = Σ_t ∂L/∂h_t h_tᵀ
check ∂L/∂W_hh = Σ_t h_t (tanh'(a_t) ⊙ ∂L/∂h_t)ᵀ
`;

describe("seed 003's Σ_j formula: a factor left out is named", () => {
  const cs = checks(MLP);
  it('the formula as printed holds', () => {
    expect(cs.get("∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)}")!.status).toBe('holds');
  });
  it("σ' left out", () => {
    const c = cs.get('∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} w_{i,j}^{(k+1)}')!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/leaves out the factor σ′\(z_\{k\+1\}\[j\]\): with that the check holds/);
    // the term it is left out of is located
    expect(c.culprit?.line).toBe(8);
  });
  it('w left out', () => {
    const c = cs.get("∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)})")!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/leaves out the factor w_\{k\+1\}\[i, j\]: with that the check holds/);
  });
  it("σ written for σ'", () => {
    const c = cs.get('∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ(z_j^{(k+1)}) w_{i,j}^{(k+1)}')!;
    expect(c.message).toMatch(/σ\(z_\{k\+1\}\[j\]\) should be σ′\(z_\{k\+1\}\[j\]\): with that the check holds/);
  });
  it("two mistakes, σ' left out and the indices swapped: both named", () => {
    const c = cs.get('∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} w_{j,i}^{(k+1)}')!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /Two things differ: w_\{k\+1\}\[j, i\] should be w_\{k\+1\}\[i, j\], and .* leaves out the factor σ′\(z_\{k\+1\}\[j\]\)/,
    );
  });
});

describe('a GRU weight gradient with a gate factor left out is named', () => {
  const cs = checks(GRU);
  it('the right one-step form holds as one-step', () => {
    expect(cs.get("∂h_t/∂W_h = (1 - z_t) tanh'(a_t) x_t")!.status).toBe('holds-as-one-step');
    expect(cs.get("∂L/∂U_h = Σ_t \\bar{h}_t (1 - z_t) tanh'(a_t) r_t h_{t-1}")!.status).toBe('holds');
  });
  it('(1 − z_t) left out, read as one-step', () => {
    const c = cs.get("∂h_t/∂W_h = tanh'(a_t) x_t")!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/Read with ∂h_t\/∂W_h as one-step derivative, the right side leaves out the factor \(1 − z_t\)/);
  });
  it('z_t for 1 − z_t', () => {
    expect(cs.get("∂h_t/∂W_h = z_t tanh'(a_t) x_t")!.message).toMatch(/z_t should be 1 − z_t: with that the check holds/);
  });
  it('r_t left out of the candidate’s derivative', () => {
    expect(cs.get("∂h_t/∂U_h = (1 - z_t) tanh'(a_t) h_{t-1}")!.message).toMatch(/leaves out the factor r_t:/);
    const c = cs.get("∂L/∂U_h = Σ_t \\bar{h}_t (1 - z_t) tanh'(a_t) h_{t-1}")!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/The term .* leaves out the factor r_t: with that the check holds/);
  });
  it('the gate factor of a total gradient, and the slope of a gate', () => {
    expect(cs.get("∂L/∂W_h = Σ_t ∂L/∂h_t tanh'(a_t) x_t")!.message).toMatch(/leaves out the factor \(1 − z_t\)/);
    expect(cs.get('∂L/∂W_z = Σ_t \\bar{h}_t (h_{t-1} - \\tilde{h}_t) x_t')!.message).toMatch(
      /leaves out the factor σ′\(W_z x_t \+ U_z h_\{t-1\} \+ b_z\)/,
    );
  });
});

describe('two mistakes in one vector formula are both named', () => {
  const cs = checks(VECTOR);
  it('the right ones hold', () => {
    expect(cs.get("∂L/∂h_t = W_hyᵀ (o_t - y_t) + W_hhᵀ (tanh'(a_{t+1}) ⊙ ∂L/∂h_{t+1}) for t = 1..3")!.status).toBe('holds');
    expect(cs.get("∂L/∂W_hh = Σ_t (tanh'(a_t) ⊙ ∂L/∂h_t) h_{t-1}ᵀ")!.status).toBe('holds');
  });
  it('a missing transpose and a step one off', () => {
    const c = cs.get("∂L/∂h_t = W_hyᵀ (o_t - y_t) + W_hh (tanh'(a_t) ⊙ ∂L/∂h_{t+1}) for t = 1..3")!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/Two things differ: W_hh should be W_hhᵀ, and a_t should be a_\{t\+1\}/);
  });
  it("a missing transpose and a missing tanh'", () => {
    const c = cs.get('∂L/∂h_t = W_hyᵀ (o_t - y_t) + W_hh ∂L/∂h_{t+1} for t = 1..3')!;
    expect(c.message).toMatch(/Two things differ: W_hh should be W_hhᵀ, and ∂L\/∂h_\{t\+1\} needs the factor tanh′\(a_\{t\+1\}\)/);
  });
  it("a step one off and a missing tanh' in an outer product", () => {
    const c = cs.get('∂L/∂W_hh = Σ_t ∂L/∂h_t h_tᵀ')!;
    expect(c.message).toMatch(/Two things differ: h_t should be h_\{t-1\}, and ∂L\/∂h_t needs the factor tanh′\(a_t\)/);
  });
  it('an outer product in the wrong order and a step one off', () => {
    const c = cs.get("∂L/∂W_hh = Σ_t h_t (tanh'(a_t) ⊙ ∂L/∂h_t)ᵀ")!;
    expect(c.message).toMatch(/Two things differ: the right side should be transposed .*, and h_t should be h_\{t-1\}/);
  });
});

describe('the edit hint is bounded', () => {
  it('says nothing of a formula of many terms, and nothing that does not make the check hold', () => {
    const text = `${GRU}check ∂L/∂W_h = Σ_t ∂L/∂h_t x_t + Σ_t ∂L/∂h_t h_{t-1} + Σ_t ∂L/∂h_t r_t + Σ_t ∂L/∂h_t z_t\n`;
    const c = analyze(text).checks.at(-1)!;
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/with that the check holds|Two things differ/);
  });
});

describe('a left-out factor and a constant factor of the whole side', () => {
  const text = `T = 4
input x = [0.4, -0.7, 1.1, 0.2]
target y = [0.1, 0.5, -0.2, 0.3]
param W_z = 0.6
param U_z = -0.4
param W_h = 0.7
param U_h = 0.5
h_0 = 0.2
z_t = σ(W_z x_t + U_z h_{t-1})
a_t = W_h x_t + U_h h_{t-1}
g_t = tanh(a_t)
h_t = z_t h_{t-1} + (1 - z_t) g_t
loss L = Σ_t (h_t - y_t)^2 / T
check ∂L/∂W_h = Σ_t ∂L/∂h_t (1 - z_t) tanh'(a_t) x_t
check ∂L/∂W_h = -Σ_t ∂L/∂h_t tanh'(a_t) x_t
`;
  it('names the factor and says the sign is wrong too', () => {
    const [right, wrong] = analyze(text).checks;
    expect(right!.status).toBe('holds');
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(
      /leaves out the factor \(1 − z_t\); with that the right side is the other side with the opposite sign: a sign is wrong too/,
    );
  });
});
