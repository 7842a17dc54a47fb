// LANGUAGE.md §4: expression forms, products by shape, functions, indexing, Σ/∏, ∂ terms.
import { describe, expect, it } from 'vitest';
import { derived, derivedAll, errors, near, run, SHEET7 } from './helpers';

const pre = `T = 1
param a = 2
param b = 3
param u : 2 = [1, 2]
param v : 2 = [3, 5]
param M : 2x2 = [[1, 2], [3, 4]]
param N : 2x2 = [[0, 1], [1, 0]]
param r : 1x2 = [[2, 1]]
`;
const d = (e: string) => derived(pre + 'derive ' + e);

describe('§4 expressions', () => {
  it('numbers, + - * / ^, unary minus and parentheses', () => {
    expect(d('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(d('-a^2')).toBe(-4);
    expect(d('(a + b)^2')).toBe(25);
    expect(d('2^-1')).toBe(0.5);
    expect(d('1.5e2')).toBe(150);
  });

  it('juxtaposition multiplies: 2(a - b), a b, a(b + 1)', () => {
    expect(d('2(a - b)')).toBe(-2);
    expect(d('a b')).toBe(6);
    expect(d('a(b + 1)')).toBe(8);
  });

  it('scalar × vector/matrix is scaling', () => {
    expect(d('a u')).toEqual([2, 4]);
    expect(d('M a')).toEqual([
      [2, 4],
      [6, 8],
    ]);
  });

  it('matrix × vector and matrix × matrix are matrix products where inner sizes agree', () => {
    expect(d('M u')).toEqual([5, 11]);
    expect(d('M N')).toEqual([
      [2, 1],
      [4, 3],
    ]);
    expect(d('M · u')).toEqual([5, 11]);
  });

  it('two vectors of the same shape multiply elementwise (gates)', () => {
    expect(d('u v')).toEqual([3, 10]);
    expect(d('u * v')).toEqual([3, 10]);
  });

  it('⊙ is always elementwise, @ always the matrix product, ᵀ transposes', () => {
    expect(d('M ⊙ N')).toEqual([
      [0, 2],
      [3, 0],
    ]);
    expect(d('M @ N')).toEqual([
      [2, 1],
      [4, 3],
    ]);
    expect(d('uᵀ v')).toBe(13);
    expect(d('u vᵀ')).toEqual([
      [3, 5],
      [6, 10],
    ]);
  });

  it('a 1×n row times a vector is a scalar', () => {
    expect(d('r u')).toBe(4);
    expect(run(pre + 'y = r u + 1\nderive y').derives[0]!.results[0]!.value).toBe(5);
  });

  it('functions: σ tanh relu exp log sqrt abs softmax sum mean diag', () => {
    expect(d('σ(0)')).toBe(0.5);
    expect(d('tanh(0)')).toBe(0);
    expect(d('relu(-1) + relu(2)')).toBe(2);
    expect(near(d('exp(1)'), Math.E)).toBe(true);
    expect(d('log(1)')).toBe(0);
    expect(d('sqrt(4)')).toBe(2);
    expect(d('abs(-3)')).toBe(3);
    const sm = d('softmax(u)') as number[];
    expect(near(sm, [1 / (1 + Math.E), Math.E / (1 + Math.E)])).toBe(true);
    expect(d('sum(M)')).toBe(10);
    expect(d('mean(u)')).toBe(1.5);
    expect(d('diag(u)')).toEqual([
      [1, 0],
      [0, 2],
    ]);
    expect(d('diag(M)')).toEqual([1, 4]);
    expect(d('σ(u)')).toHaveLength(2);
  });

  it("σ', tanh', relu' are the derivatives", () => {
    expect(d("σ'(0)")).toBe(0.25);
    expect(d("tanh'(0)")).toBe(1);
    expect(d("relu'(2) + relu'(-2)")).toBe(1);
  });

  it('v[i] and M[i, j] are 1-based entries', () => {
    expect(d('u[2]')).toBe(2);
    expect(d('M[2, 1]')).toBe(3);
  });

  it('Σ and ∏ over an index; the empty sum is 0, the empty product 1 (the identity for Jacobians)', () => {
    expect(d('Σ_{i=1}^{3} i')).toBe(6);
    expect(d('∏_{i=1}^{4} i')).toBe(24);
    expect(d('Σ_{i=2}^{1} a')).toBe(0);
    expect(d('∏_{i=2}^{1} a')).toBe(1);
    expect(d('∏_{i=2}^{1} M')).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(d('∏_{i=1}^{2} M')).toEqual([
      [7, 10],
      [15, 22],
    ]);
  });

  it('∂A/∂B total: every path; ∂⁺A/∂B immediate: the direct appearance only', () => {
    // h_2 depends on W_xh directly and through h_1
    const tot = derived(SHEET7 + 'derive ∂h_2/∂W_xh');
    const imm = derived(SHEET7 + 'derive ∂⁺h_2/∂W_xh');
    const via = derived(SHEET7 + 'derive ∂h_2/∂h_1 · ∂h_1/∂W_xh');
    expect(near(tot, (imm as number) + (via as number))).toBe(true);
  });

  it('∂ of an expression: ∂(L_2 + L_3)/∂h_2', () => {
    const a = derived(SHEET7 + 'derive ∂(L_2 + L_3)/∂h_2');
    const b = derived(SHEET7 + 'derive ∂L_2/∂h_2 + ∂L_3/∂h_2');
    expect(near(a, b)).toBe(true);
  });

  it("for a vector, ∂A/∂B is the Jacobian (rows: A, columns: B); for a scalar A it has B's shape", () => {
    const text =
      'T = 2\nparam W : 2x2 = [[0.5, 0.1], [0.2, 0.3]]\ninput x : 2 = [[1, 2], [3, 4]]\nh_0 = 0\nh_t = tanh(W h_{t-1} + x_t)\nloss L = sum(h_T)\n';
    const J = derived(text + 'derive ∂h_2/∂h_1') as number[][];
    const h1 = derived(text + 'derive h_1') as number[];
    const h2 = derived(text + 'derive h_2') as number[];
    expect(J).toHaveLength(2);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++)
        expect(
          near(
            J[i]![j]!,
            (1 - h2[i]! ** 2) *
              [
                [0.5, 0.1],
                [0.2, 0.3],
              ][i]![j]!,
          ),
        ).toBe(true);
    void h1;
    expect(derived(text + 'derive ∂L/∂W')).toHaveLength(2);
    expect((derived(text + 'derive ∂L/∂W') as number[][])[0]).toHaveLength(2);
  });

  it('ASCII forms dA/dB, grad(A, B), grad+(A, B) in any expression', () => {
    const r = run(SHEET7 + 'check dL/dW_hh = grad(L, W_hh) + 0 grad+(h_2, W_hh)');
    expect(errors(r)).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
  });

  it('a per-step result with a free t', () => {
    expect(derivedAll(SHEET7 + 'derive ∂L/∂h_t')).toHaveLength(3);
  });
});

describe('count (docs/language-notes.md)', () => {
  it('count(A, B) is the number of entries, count(params) every trainable entry', () => {
    const r = run(
      'T = 2\nparam W : 3x2 = 0\nparam b : 3 = 0\nparam w_t = [1, 2]\ncheck count(params) = 11\ncheck count(W, b) = 9\ncheck count(w) = 2',
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
  });

  it('a constant is not taken for the objective', () => {
    expect(run('T = 1\nparam w = 2\nE = w^2\nn = 3').loss?.name).toBe('E');
  });
});

describe('a quantity written with its arguments (seed 001 eq. 3: 𝓛_t(t_t, y_t))', () => {
  const NET =
    'T = 3\ninput x = [0.5, -1.0, 2.0]\ntarget t = [1, 0, 1]\nparam w = 0.3\nh_0 = 0\nh_t = σ(w x_t + w h_{t-1})\n\\mathcal{L}_t = (t_t - h_t)^2\nloss \\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t\n';
  it('is read as the quantity, with a note, and checked', () => {
    const r = run(NET + 'check \\mathcal{L}_t(t_t, h_t) = (t_t - h_t)^2\ncheck \\mathcal{L}_t(t_t, h_t) = (t_t - h_t)^3\n');
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    const notes = r.diagnostics.filter((d) => /arguments in parentheses/.test(d.message));
    expect(notes.map((d) => [d.severity, d.line, d.column])).toEqual([
      ['information', 9, 16],
      ['information', 10, 16],
    ]);
  });
  it('keeps its text as written in the report (the font command and its braces)', () => {
    const r = run(NET + 'check \\mathcal{L}_t(t_t, h_t) = (t_t - h_t)^2\ncheck \\mathbf{h}_t = σ(w x_t + w h_{t-1})\n');
    expect(r.checks.map((c) => c.equation)).toEqual(['\\mathcal{L}_t(t_t, h_t) = (t_t - h_t)^2', '\\mathbf{h}_t = σ(w x_t + w h_{t-1})']);
  });
  it('an undefined function of arguments is an unknown name, not a syntax error; so is one with a space before (', () => {
    // x_t with h_t: no equation takes them at one step (f(x_t, h_{t-1}) reads as h_t since session 13)
    const r = run(NET + 'check f(x_t, h_t) = h_t\n');
    expect(errors(r).map((d) => d.message)).toEqual([expect.stringMatching(/^f\(…\): a name applied to arguments, as d2l.ai writes/)]);
    expect(r.diagnostics.some((d) => /arguments in parentheses/.test(d.message))).toBe(false);
    // session 16: a space before ( changes nothing (d2l.ai's `l (o_t, y_t)`)
    const spaced = run(NET + 'check f (x_t, h_t) = h_t\n');
    expect(errors(spaced).map((d) => d.message)).toEqual([expect.stringMatching(/^f\(…\): a name applied to arguments, as d2l.ai writes/)]);
  });
});
