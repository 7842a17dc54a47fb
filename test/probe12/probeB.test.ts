// probeB (session 12): seeds 002 and 003 pasted as a test author would, under networks of their own. Each
// test pins a gap found that way: a mistake that failed without naming its culprit, or a range that did not read.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { CheckReport, Report } from '../../src/report';

const MLP = `T = 3
param w_t : 3x3
p_0 = [0.2, -0.7, 1.1]
z_t = w_tᵀ p_{t-1}
p_t = σ(z_t)
loss E = sum(p_T) / 2
`;

const RNN = `T = 4
input  x : 2
target y : 2 = [[1,0],[0,1],[0,1],[1,0]]
param  W_hx : 3x2
param  W_hh : 3x3
param  b_h : 3
param  W_ph : 2x3
param  b_p : 2
h_0 = 0
h_t = tanh(W_hx x_t + W_hh h_{t-1} + b_h)
p_t = W_ph h_t + b_p
ŷ_t = softmax(p_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = L_T
`;

const LINEAR = `T = 5
input  x : 2
param  W_hx : 3x2
param  W_hh : 3x3
param  W_ph : 2x3
h_0 = [0.1, 0.2, -0.3]
h_t = W_hh h_{t-1} + W_hx x_t
p_t = W_ph h_t
loss L = sum(p_T^2)/2
`;

function errors(r: Report): string[] {
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`);
}

/** the one check of a file made of `net` and one check line */
function one(net: string, check: string): { report: Report; c: CheckReport } {
  const report = analyze(`${net}${check}\n`);
  expect(report.checks).toHaveLength(1);
  return { report, c: report.checks[0]! };
}

describe("seed 003: a weight's entry indices swapped", () => {
  it('fails and names the entry: w_{j,i}^{(k+1)} should be w_{i,j}^{(k+1)}', () => {
    const { report, c } = one(MLP, "check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{j,i}^{(k+1)}");
    expect(errors(report)).toEqual([]);
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/w_\{k\+1\}\[j, i\] should be w_\{k\+1\}\[i, j\]: with its two indices swapped the check holds/);
  });

  it('in the seed’s double sum too, and the right indices still hold', () => {
    const bad = one(MLP, "check ∂E/∂p_r^{(k-1)} = Σ_{i,j} ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) σ'(z_i^{(k)}) w_{i,j}^{(k+1)} w_{i,r}^{(k)}").c;
    expect(bad.status).toBe('fails');
    expect(bad.message).toMatch(/w_k\[i, r\] should be w_k\[r, i\]/);
    const good = one(MLP, "check ∂E/∂p_r^{(k-1)} = Σ_{i,j} ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) σ'(z_i^{(k)}) w_{i,j}^{(k+1)} w_{r,i}^{(k)}").c;
    expect(good.status).toBe('holds');
  });
});

describe('a range for a free index other than t (seed 003 numbers its layers k)', () => {
  it('for k = 0..T-1 reads and takes in k = 0 (the input layer)', () => {
    const { report, c } = one(MLP, "check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)} for k = 0..T-1");
    expect(errors(report)).toEqual([]);
    expect(c.status).toBe('holds');
    // k = 0 is judged: a claim true only from k = 1 on fails there
    const at0 = one(MLP, 'check ∂E/∂p_i^{(k)} = ∂E/∂p_i^{(1)} for k = 0..1').c;
    expect(at0.status).toBe('fails');
    expect(at0.message).toMatch(/fails at k = 0/);
  });

  it('an entry index takes a range of entries; for k < T leaves out the steps where a side is undefined', () => {
    expect(one(MLP, 'check ∂E/∂p_i^{(k)} = ∂E/∂p_2^{(k)} for i = 2..2').c.status).toBe('holds');
    expect(one(MLP, 'check ∂E/∂p_i^{(k)} = ∂E/∂p_2^{(k)} for i = 2..3').c.status).toBe('fails');
    expect(one(MLP, 'check ∂E/∂p_k = ∂E/∂p_{k+1} ∂p_{k+1}/∂p_k for k < T').c.status).toBe('holds');
  });

  it('a range that does not fit is an error on the range that says why', () => {
    const past = analyze(`${MLP}check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)} for k = 0..3\n`);
    expect(errors(past)).toEqual([expect.stringMatching(/p_\{k\+1\} at k = 3 is not defined: p has no value at step 4/)]);
    const notFree = analyze(`${MLP}check ∂E/∂p_i^{(k)} = ∂E/∂p_i^{(k)} for q = 0..2\n`);
    expect(errors(notFree)).toEqual([expect.stringMatching(/^7:\d+ q is not a free index of this check/)]);
    const entries = analyze(`${MLP}check ∂E/∂p_i^{(k)} = ∂E/∂p_i^{(k)} for i = 0..3\n`);
    expect(errors(entries)).toEqual([expect.stringMatching(/the range 0\.\.3 of i is outside the entries it picks \(1\.\.3\)/)]);
  });
});

describe('seed 002: a chain written with one piece off names the piece', () => {
  it('a matrix power one too many: (W_hhᵀ)^{T-i+1}', () => {
    expect(one(LINEAR, 'check ∂L/∂h_i = (W_hh^\\top)^{T-i} W_ph^\\top p_T').c.status).toBe('holds');
    const c = one(LINEAR, 'check ∂L/∂h_i = (W_hhᵀ)^{T-i+1} W_phᵀ p_T').c;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/\(W_hhᵀ\)\^\(T − i \+ 1\) should be \(W_hhᵀ\)\^\(T − i\): with that power the check holds/);
  });

  it('a Jacobian one step off in the chain-rule order: ∂h^{(T)}/∂h^{(3)} for ∂h^{(T)}/∂h^{(2)}', () => {
    const c = one(RNN, 'check ∂L/∂h^{(2)} = ∂L/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} ∂h^{(T)}/∂h^{(3)}').c;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/∂h_4\/∂h_3 should be ∂h_4\/∂h_2: with that step the check holds/);
  });

  it('the two factors of a step’s Jacobian in the wrong order', () => {
    expect(one(RNN, 'check ∂h_T/∂h_2 = ∏_{j=3}^{T} diag(1 - h_j^2) W_hh').c.status).toBe('holds');
    const c = one(RNN, 'check ∂h_T/∂h_2 = ∏_{j=3}^{T} W_hh diag(1 - h_j^2)').c;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/W_hh diag\(1 − h_j\^2\) should be diag\(1 − h_j\^2\) W_hh: with its two factors in that order/);
  });

  it('a product that does not fit, but would with a transpose, says which', () => {
    const missing = analyze(`${RNN}check ∂L/∂h_T = W_ph (ŷ_T - y_T)\n`);
    expect(errors(missing)).toEqual([expect.stringMatching(/cannot multiply W_ph \(2×3 matrix\) and .*; W_phᵀ \(3×2 matrix\) fits/)]);
    const extra = analyze(`${RNN}check ∂L/∂h_T = (ŷ_T - y_T) W_phᵀ\n`);
    expect(errors(extra)).toEqual([expect.stringMatching(/without its transpose, W_ph fits/)]);
    const both = analyze(`${RNN}check ∂L/∂h_T = (ŷ_T - y_T) W_ph = W_ph^\\top (ŷ_T - y_T)\n`);
    expect(both.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});

const BIDIRECTIONAL = `T = 4
input  x : 2
target y : 2 = [[1,0],[0,1],[0,1],[1,0]]
param  W_f : 3x2
param  U_f : 3x3
param  W_b : 3x2
param  U_b : 3x3
param  V_f : 2x3
param  V_b : 2x3
h_0 = 0
g_{T+1} = 0
h_t = tanh(W_f x_t + U_f h_{t-1})
g_t = tanh(W_b x_t + U_b g_{t+1})
o_t = V_f h_t + V_b g_t
ŷ_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t
`;

describe('seed 003 (bidirectional RNN): a product of Jacobians of the backward recurrence', () => {
  it('∏_j ∂g_j/∂g_{j+1} multiplies in the chain-rule order, the earlier index on the left', () => {
    const r = analyze(`${BIDIRECTIONAL}check ∂g_1/∂g_T = ∏_{j=1}^{T-1} ∂g_j/∂g_{j+1} = ∂g_1/∂g_2 ∂g_2/∂g_3 ∂g_3/∂g_4\n`);
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('the forward half keeps the later index on the left; the backward adjoint recursion holds', () => {
    const r = analyze(
      `${BIDIRECTIONAL}check ∂h_T/∂h_1 = ∏_{j=2}^{T} ∂h_j/∂h_{j-1}\ncheck ∂L/∂g_t = (ŷ_t - y_t) V_b + ∂L/∂g_{t-1} diag(1 - g_{t-1}^2) U_b\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});

describe('seed 002 with a value-less target: a cross-entropy target is one-hot', () => {
  const NET = RNN.replace('target y : 2 = [[1,0],[0,1],[0,1],[1,0]]', 'target y : 2');

  it('∂L/∂p_T = softmax(p_T) − y_T holds, and the sample values say they are one-hot', () => {
    const r = analyze(`${NET}check ∂L/∂p_T = softmax(p_T) - y_T\ncheck ∂L/∂h_T = (ŷ_T - y_T) W_ph\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.find((d) => d.code === 'sampled')?.message).toMatch(/y \(one-hot, as a cross-entropy target\)/);
  });

  it('a squared-error target with no values is still drawn from [0, 1] (not one-hot)', () => {
    const sq = NET.replace('L_t = -sum(y_t ⊙ log(ŷ_t))', 'L_t = sum((y_t - ŷ_t)^2)');
    const r = analyze(`${sq}check sum(y_T) = 1\n`);
    expect(r.checks[0]!.status).toBe('fails');
  });
});

describe('seed 003 typed without the comma: w_{ij}^{(k+1)}', () => {
  it('reads as the entry (i, j), says so, and judges as w_{i,j}^{(k+1)}', () => {
    const r = analyze(
      `${MLP}check ∂E/∂p_i^{(k)} = \\sum_{j=1}^{3} \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\sigma'(z_j^{(k+1)}) w_{ij}^{(k+1)}\n`,
    );
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === 'entry-pair' && /w_\{ij\} is read as entry \(i, j\) of w/.test(d.message))).toBe(true);
    expect(r.checks[0]!.status).toBe('holds');
    const swapped = analyze(`${MLP}check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{ji}^{(k+1)}\n`);
    expect(swapped.checks[0]!.status).toBe('fails');
    expect(swapped.checks[0]!.message).toMatch(/should be w_\{k\+1\}\[i, j\]/);
  });

  it('for a matrix that is not a sequence too (Σ_{i,j} W_{ij}); a defined name always wins', () => {
    const net =
      'T = 2\nparam W : 3x3\nparam W_ij : 3x3\nparam V : 3x3\ninput x : 3\nh_0 = 0\nh_t = tanh(W x_t + W_ij h_{t-1})\nloss L = sum(h_T)\n';
    const r = analyze(`${net}check sum(V) = Σ_{i,j} V_{ij}\ncheck sum(W_ij) = Σ_{i,j} W_ij[i, j]\n`);
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});

describe('Σ_{j=1}^{n} with n the number of neurons, which the network does not name', () => {
  it('runs over every entry j picks, and says so (it used to make n a free step: "p_4 has no value")', () => {
    const r = analyze(`${MLP}check ∂E/∂p_i^{(k)} = Σ_{j=1}^{n} ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)}\n`);
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics.find((d) => d.code === 'entry-count')?.message).toBe(
      'the bound n is read as the number of entries j runs over (3)',
    );
    expect(r.checks[0]!.status).toBe('holds');
  });

  it('a bound the question binds, or a step sum, keeps its reading', () => {
    // Σ_{i=1}^{k} over steps with k free: k stays a free step index
    const steps = analyze(`${MLP}check Σ_{i=1}^{k} sum(p_i) = Σ_{i=1}^{k} sum(σ(z_i))\n`);
    expect(errors(steps)).toEqual([]);
    expect(steps.diagnostics.some((d) => d.code === 'entry-count')).toBe(false);
    expect(steps.checks[0]!.status).toBe('holds');
  });
});

describe('a deep sigmoid net (σ′ ≤ 1/4): a vanishing gradient is small, not 0', () => {
  const DEEP = `T = 8
param w_t : 2x2
p_0 = [1.0, -0.5]
z_t = w_tᵀ p_{t-1}
p_t = σ(z_t)
loss E = sum(p_T)
`;

  it("∂E/∂w_1 = 0 and ∂E/∂p_0 = 2 ∂E/∂p_0 hold by the contract's tolerance, and say how little that means", () => {
    const r = analyze(`${DEEP}check ∂E/∂w_1 = 0\ncheck ∂E/∂p_0 = 2 ∂E/∂p_0\n`);
    // LANGUAGE.md §5: |L − R| ≤ 1e-6·max(1, |L|, |R|) — the verdict is the contract's; the message names the floor
    // the second fails at a draw where the gradient is larger: it holds only for these values
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds-at-given-values']);
    expect(r.checks[0]!.message).toMatch(
      /agree only within the tolerance's absolute floor \(1e-6\), while they differ by 100% of their size/,
    );
    expect(r.checks[1]!.message).toMatch(/^holds only for these values/);
  });

  it('the backpropagation formula still holds at every layer, and a check with no derivative keeps the tolerance', () => {
    const r = analyze(
      `${DEEP}check ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)} for k = 0..T-1\ncheck ∂E/∂p_0 = ∂E/∂p_8 ∏_{j=1}^{8} diag(σ'(z_j)) w_jᵀ\ncheck 0.0000001 = 0\n`,
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
  });
});

describe('a bidirectional RNN’s backward adjoint written in the forward direction', () => {
  it('names the term and the step it should be at', () => {
    const r = analyze(`${BIDIRECTIONAL}check ∂L/∂g_t = (ŷ_t - y_t) V_b + ∂L/∂g_{t+1} diag(1 - g_{t+1}^2) U_b\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(
      /The term ∂L\/∂g_\{t\+1\} diag\(1 − g_\{t\+1\}\^2\) U_b should be ∂L\/∂g_\{t-1\} diag\(1 − g_\{t-1\}\^2\) U_b \(every step of it −2\)/,
    );
  });
});
