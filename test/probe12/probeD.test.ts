// probeD (session 12): textbook BPTT formulas pasted as printed — Pascanu, Mikolov and Bengio's
// ∏_{t≥i>k} with two free steps, and a wrong step offset in d2l.ai's (W_hhᵀ)^{T−i} sum.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const PASCANU = String.raw`T = 4
input u : 2
target y : 3
param W_rec : 3x3
param W_in : 3x2
param b : 3
x_0 = [0.1, -0.2, 0.3]
x_t = W_rec σ(x_{t-1}) + W_in u_t + b
E_t = 0.5 sum((x_t - y_t)^2)
loss E = Σ_{1≤t≤T} E_t
`;

function checksOf(src: string) {
  const r = analyze(src);
  return { r, checks: r.checks };
}

describe('Pascanu et al. eq. 5: ∂x_t/∂x_k = ∏_{t≥i>k} …, two free steps', () => {
  it('holds: the bounds t ≥ i > k presuppose k ≤ t (k = t is the empty product, the identity)', () => {
    const { checks } = checksOf(
      PASCANU +
        String.raw`check \frac{\partial x_t}{\partial x_k} = \prod_{t \geq i > k} \frac{\partial x_i}{\partial x_{i-1}}` +
        "\ncheck ∂x_t/∂x_k = ∏_{t≥i>k} W_rec diag(σ'(x_{i−1}))\n",
    );
    expect(checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('a wrong step inside the product fails at a pair k < t, naming the step', () => {
    const { checks } = checksOf(PASCANU + "check ∂x_t/∂x_k = ∏_{t≥i>k} W_rec diag(σ'(x_i))\n");
    expect(checks[0]!.status).toBe('fails');
    expect(checks[0]!.message).toMatch(/at t = 2, k = 1/);
    expect(checks[0]!.message).toMatch(/x_i should be x_\{i-1\}/);
  });

  it('the transpose as Pascanu prints it (W_recᵀ, denominator layout) fails, naming the transpose', () => {
    const { checks } = checksOf(PASCANU + "check ∂x_t/∂x_k = ∏_{t≥i>k} W_recᵀ diag(σ'(x_{i−1}))\n");
    expect(checks[0]!.status).toBe('fails');
    expect(checks[0]!.message).toMatch(/W_recᵀ should be W_rec/);
  });

  it('a product one factor short (t > i > k) fails at k < t', () => {
    const { checks } = checksOf(PASCANU + "check ∂x_t/∂x_k = ∏_{t>i>k} W_rec diag(σ'(x_{i−1}))\n");
    expect(checks[0]!.status).toBe('fails');
    expect(checks[0]!.message).toMatch(/at t = 2, k = 1/);
  });

  it('with no bound relating the two steps every pair is still judged (∂x_t/∂x_k = I fails at k > t)', () => {
    const { checks } = checksOf(PASCANU + 'check ∂x_t/∂x_k = ∏_{i=1}^{0} W_rec\n');
    expect(checks[0]!.status).toBe('fails');
  });
});

const D2L = String.raw`T = 5
input x : 3
target y : 2
param W_hx : 4x3
param W_hh : 4x4
param W_qh : 2x4
h_0 = 0
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
l_t = 0.5 sum((o_t - y_t)^2)
loss L = \frac{1}{T} \sum_{t=1}^{T} l_t
`;

describe('d2l.ai eq. 9.7.17 with a wrong step offset', () => {
  it('o_{T−i} for o_{T+t−i}: the error names the reference and the step it misses, at that reference', () => {
    const line = String.raw`check \frac{\partial L}{\partial \mathbf{h}_t}= \sum_{i=t}^T {\left(\mathbf{W}_{hh}^\top\right)}^{T-i} \mathbf{W}_{qh}^\top \frac{\partial L}{\partial \mathbf{o}_{T-i}}`;
    const r = analyze(D2L + line + '\n');
    const e = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(e.message).toMatch(
      /there is no step where both sides are defined: o_\{5-i\} at t = 1 is not defined \(o has no value at step 0\)/,
    );
    expect(e.line).toBe(12);
    expect(e.column).toBe(line.indexOf('o}_{T-i}') + 1);
  });
});

const GOODFELLOW = String.raw`T = 3
input x : 2
target y = [1, 3, 2]
param U : 3x2
param W : 3x3
param b : 3
param V : 3x3
param c : 3
h^{(0)} = [0, 0, 0]
a^{(t)} = b + W h^{(t-1)} + U x^{(t)}
h^{(t)} = tanh(a^{(t)})
o^{(t)} = c + V h^{(t)}
\hat{y}^{(t)} = softmax(o^{(t)})
L^{(t)} = -\log \hat{y}^{(t)}_{y^{(t)}}
loss L = \sum_t L^{(t)}
`;

describe('a gradient written as an explicit row (numerator layout) against a vector', () => {
  it('(∇_o L)ᵀ V is ∇_h L: read, compared entry by entry, with an information note', () => {
    const r = analyze(GOODFELLOW + String.raw`check \nabla_{h^{(T)}} L = (\nabla_{o^{(T)}} L)^\top V` + '\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.diagnostics.find((d) => d.code === 'row-gradient')!.message).toMatch(/1×3 matrix on the right side is a row/);
  });

  it('a row on the left, in a chain, against a column and another row', () => {
    const r = analyze(GOODFELLOW + String.raw`check (\nabla_{h^{(T)}} L)^T = V^T \nabla_{o^{(T)}} L = (\nabla_{o^{(T)}} L)^T V` + '\n');
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('a missing or extra transpose in the row form still fails, naming it', () => {
    const r = analyze(
      GOODFELLOW +
        'check ∂L/∂h_2 = (∂L/∂h_3)ᵀ diag(1 − h_3²) Wᵀ + (∂L/∂o_2)ᵀ V\ncheck ∂L/∂h_2 = (∂L/∂h_3)ᵀ diag(1 − h_3²) W + (∂L/∂o_2)ᵀ V\n',
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(/Wᵀ should be W/);
  });

  it('a row of another size is still a shape mismatch', () => {
    const r = analyze(GOODFELLOW + 'check ∂L/∂h_2 = [[1, 2]]\n');
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/shape mismatch/);
  });
});

describe('a vector target given no values (its sample values are not one-hot)', () => {
  const NET = String.raw`T = 3
input x : 2
target y : 3
param U : 3x2
param W : 3x3
param V : 3x3
h^{(0)} = [0, 0, 0]
h^{(t)} = tanh(W h^{(t-1)} + U x^{(t)})
o^{(t)} = V h^{(t)}
\hat{y}^{(t)} = softmax(o^{(t)})
L^{(t)} = -sum(y^{(t)} ⊙ log(\hat{y}^{(t)}))
loss L = \sum_t L^{(t)}
`;

  // merged with probeB: a value-less target multiplied by a log (cross-entropy) is sampled and drawn one-hot, so
  // Goodfellow's formula holds as a teacher reads it; the "no value given" note says the samples are one-hot
  it("Goodfellow's ∇_o L = ŷ − y holds with a value-less cross-entropy target, sampled one-hot", () => {
    const r = analyze(NET + String.raw`check \nabla_{o^{(t)}} L = \hat{y}^{(t)} - y^{(t)}` + '\n');
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.diagnostics.find((d) => d.code === 'sampled')?.message).toMatch(/one-hot/);
  });

  it('a wrong formula gets no such hint', () => {
    const r = analyze(NET + String.raw`check \nabla_{o^{(t)}} L = \hat{y}^{(t)} + y^{(t)}` + '\n');
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toMatch(/one-hot/);
  });

  it('with one-hot values given, it holds', () => {
    const r = analyze(
      NET.replace('target y : 3', 'target y : 3 = [[1, 0, 0], [0, 0, 1], [0, 1, 0]]') +
        String.raw`check \nabla_{o^{(t)}} L = \hat{y}^{(t)} - y^{(t)}` +
        '\n',
    );
    expect(r.checks[0]!.status).toBe('holds');
  });
});

describe('a Σ or ∏ one term short or long names its bound', () => {
  it("Pascanu's eq. 3 with Σ_{k<t} for Σ_{k≤t}: the term k = t is left out", () => {
    const r = analyze(
      PASCANU +
        String.raw`check \frac{\partial E}{\partial W_{rec}} = \sum_{t} \sum_{k < t} \frac{\partial E_t}{\partial x_t} \frac{\partial x_t}{\partial x_k} \frac{\partial^+ x_k}{\partial W_{rec}}` +
        '\n',
    );
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(
      /The Σ over k on the right side \(k = 1\.\.t−1\) leaves out its last term k = t: with it the check holds/,
    );
  });

  it('∏_{t>i>k} for ∏_{t≥i>k}: the factor i = t is left out', () => {
    const r = analyze(PASCANU + "check ∂x_t/∂x_k = ∏_{t>i>k} W_rec diag(σ'(x_{i−1}))\n");
    expect(r.checks[0]!.message).toMatch(/The ∏ over i on the right side \(i = k\+1\.\.t−1\) leaves out its last term i = t/);
  });

  it('the right formula has no such message', () => {
    const r = analyze(
      PASCANU +
        String.raw`check \frac{\partial E}{\partial W_{rec}} = \sum_{t} \sum_{k \le t} \frac{\partial E_t}{\partial x_t} \frac{\partial x_t}{\partial x_k} \frac{\partial^+ x_k}{\partial W_{rec}}` +
        '\n',
    );
    expect(r.checks[0]!.status).toBe('holds');
  });
});

describe('the transpose written as a superscript of the step: h^{(t-1)^\\top}, h^{(t-1)^T}, h^{(t-1)^{\\top}}', () => {
  const NET = 'T = 2\ninput x : 2\nparam W : 2x2\nh_0 = [0.1, 0.2]\nh_t = tanh(W h_{t-1} + x_t)\nloss L = sum(h_2)\n';
  it.each([String.raw`h^{(t-1)^\top}`, 'h^{(t-1)^T}', String.raw`h^{(t-1)^{\top}}`, 'h^{(t-1)}^T'])('%s reads as h_{t-1}ᵀ', (h) => {
    const r = analyze(NET + `check ∂L/∂W = Σ_t diag(1 - h_t^2) ∂L/∂h_t ${h}\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
  });
  it('and with the wrong step it fails, naming it', () => {
    const r = analyze(NET + 'check ∂L/∂W = Σ_t diag(1 - h_t^2) ∂L/∂h_t h^{(t)^T}\n');
    expect(r.checks[0]!.message).toMatch(/h_t should be h_\{t-1\}/);
  });
});
