// Probe 39 (session 53): Lukoševičius's leaky-integrator echo state network as the guide prints it, x̃(n) =
// tanh(W^{in}[1; u(n)] + W x(n−1)), x(n) = (1 − α) x(n−1) + α x̃(n), with a student's backward pass through it.
// Fixed: the stacked column tight after a weight, W^{in}[1; u(n)], was "expected ']' to close the index, found ';'";
// a bare I scaled in a sum, (1 − α)I + α diag(…) W, was "unknown name I"; the transpose left off a bracketed
// Jacobian and α exchanged with 1 − α failed with their values only; the inner product ⟨u, v⟩ was "'⟨' is read only
// around a step in a superscript".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (f: string) => {
  const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', f), 'utf8'), 'markdown', { sidecar: null });
  return { r, v: Object.fromEntries(r.equations.map((e) => [e.tag, e])) };
};

describe('Lukoševičius’s leaky-integrator ESN', () => {
  const { r, v } = read('leaky-esn.md');
  it('the update as printed and the backward pass read and hold', () => {
    expect(r.checked).toBe(13);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '6b']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/diag\(1 − x̃_n\^2\) W needs the factor α: with that the check holds/);
    expect(v['m2']!.message).toMatch(/x_n should be x̃_n: with that the check holds/);
    expect(v['m3']!.message).toMatch(
      /\(\(1 − α\) I_2 \+ α diag\(1 − x̃_\{n\+1\}\^2\) W\) should be \(\(1 − α\) I_2 \+ α diag\(1 − x̃_\{n\+1\}\^2\) W\)ᵀ: with that transpose the check holds/,
    );
    expect(v['m4']!.message).toMatch(/x_n should be x_\{n-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/x_n should be x_\{n-1\}: with that step the check holds/);
    expect(v['m6']!.message).toMatch(/α and 1 − α are exchanged: with each in the other's place the check holds/);
  });
});

const NET = [
  'T = 3',
  'input u = [0.5, -1.0, 0.8]',
  'param A : 2x2 = [[0.1, 0.6], [-0.2, 0.4]]',
  'param W : 2x2 = [[0.3, -0.5], [0.4, 0.2]]',
  'param a = 0.3',
  'x_0 = [0.1, -0.2]',
  'x_t = (1 - a) x_{t-1} + a tanh(A [1; u_t] + W x_{t-1})',
  'loss E = Σ_t sum(x_t)',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));

describe('a column stacked with ; tight after a weight', () => {
  it('is the column the weight multiplies, as with a space; a comma list stays the entry or the concatenation', () => {
    const a = run(
      'check x_t = (1 - a) x_{t-1} + a tanh(A[1; u_t] + W x_{t-1})',
      'check x_t = (1 - a) x_{t-1} + a tanh(A[1; u_{t-1}] + W x_{t-1})',
      'check W[1, 2] = -0.5',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds-at-given-values']);
    expect(a.checks[1]!.message).toMatch(/u_\{t-1\} should be u_t/);
  });
});

describe('a bare I scaled in a sum takes the other term’s size', () => {
  it('c I + M and M + c I read; a scale that is no scalar does not', () => {
    const a = run(
      'check ∂x_t/∂x_{t-1} = (1 - a) I + a diag(1 - tanh(A [1; u_t] + W x_{t-1})^2) W',
      'check ∂x_t/∂x_{t-1} = a diag(1 - tanh(A [1; u_t] + W x_{t-1})^2) W + I (1 - a)',
      'check ∂x_t/∂x_{t-1} = (1 - a) I_2 + a diag(1 - tanh(A [1; u_t] + W x_{t-1})^2) W',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
    const b = run('check ∂x_t/∂x_{t-1} = x_t I + W');
    expect(b.checks).toEqual([]);
    expect(b.diagnostics.some((d) => /unknown name I/.test(d.message))).toBe(true);
  });
});

describe('α exchanged with 1 − α', () => {
  it('is named; one of them alone is not said exchanged', () => {
    const a = run('check x_t = a x_{t-1} + (1 - a) tanh(A [1; u_t] + W x_{t-1})', 'check x_t = a x_{t-1} + a tanh(A [1; u_t] + W x_{t-1})');
    expect(a.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    expect(a.checks[0]!.message).toMatch(/a and 1 − a are exchanged/);
    expect(a.checks[1]!.message).not.toMatch(/exchanged/);
  });
});

describe('a where clause’s name in a font', () => {
  const BLOCK = ['```rnn', ...NET, '```', ''];
  const solve = (eq: string) => analyzeSolution([...BLOCK, `$$${eq}$$`, ''].join('\n'), 'markdown', { sidecar: null }).equations;
  it('\\mathbf{D}_t = … after a comma and \\quad defines D, as D_t = … does', () => {
    const jacobian = (d: string) =>
      `\\frac{\\partial \\mathbf{x}_t}{\\partial \\mathbf{x}_{t-1}} = (1-a)\\mathbf{I} + a\\,${d}_t \\mathbf{W}, \\quad ${d}_t = \\mathrm{diag}\\left(1 - \\tanh(A [1; u_t] + W x_{t-1})^2\\right)`;
    for (const d of ['D', '\\mathbf{D}', '\\boldsymbol{D}']) {
      const [e] = solve(jacobian(d));
      expect(e!.status, d).toBe('holds');
    }
    const [wrong] = solve(jacobian('\\mathbf{D}').replace('(1-a)', '(1+a)'));
    expect(wrong!.status).toBe('fails');
  });
});

describe('the inner product ⟨u, v⟩', () => {
  it('is the sum of the entries of u ⊙ v, uᵀv of two vectors; a wrong operand is named', () => {
    const a = run(
      'check ⟨x_t, x_{t-1}⟩ = x_t^T x_{t-1}',
      'check \\left\\langle x_t, W x_t \\right\\rangle = sum(x_t ⊙ (W x_t))',
      'check 2 ⟨x_t, x_t⟩ = 2 ‖x_t‖^2',
      'check ∂E/∂a = Σ_t ⟨∂E/∂x_t, tanh(A [1; u_t] + W x_{t-1}) - x_{t-1}⟩',
      'check ∂E/∂a = Σ_t ⟨∂E/∂x_t, tanh(A [1; u_t] + W x_{t-1}) - x_t⟩',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
    expect(a.checks[4]!.message).toMatch(/x_t should be x_\{t-1\}/);
  });
  it('angle brackets around one value are refused saying what they read', () => {
    const a = run('check \\langle x_1 \\rangle = 0');
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.map((d) => d.message)).toContain(
      "angle brackets are read around a step in a superscript (a^{⟨t⟩}) or around an inner product of two values, ⟨u, v⟩: expected ',' after the first, found '\\rangle'",
    );
  });
});

describe('a column stacked with ; tight after a value that is no matrix', () => {
  it('is refused naming it, not taken entry by entry', () => {
    const a = run('check x_t[1; 2] = x_t ⊙ [1; 2]');
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.map((d) => d.message)).toContain(
      "x_t[…; …]: rows set apart by ';' in brackets right after a value are the column a matrix multiplies (W^{in}[1; u_t]), and x_t is no matrix — an entry is x[i], a product x ⊙ [a; b]",
    );
  });
});

describe('a GRU’s gate exchanged with its complement (the other convention’s interpolation)', () => {
  it('is named', () => {
    const a = analyze(
      [
        'T = 3',
        'input x : 2 = [[1, -0.5], [0.3, 0.8], [-0.7, 0.2]]',
        'param W_z : 2x2 = [[-0.3, 0.6], [0.1, -0.4]]',
        'param U_z : 2x2 = [[-0.4, 0.2], [0.2, 0.1]]',
        'param W : 2x2 = [[0.4, 0.2], [-0.2, 0.1]]',
        'param U : 2x2 = [[0.5, -0.3], [0.1, 0.2]]',
        'h_0 = [0.1, -0.2]',
        'z_t = σ(W_z x_t + U_z h_{t-1})',
        '\\tilde{h}_t = tanh(W x_t + U h_{t-1})',
        'h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ \\tilde{h}_t',
        'loss L = Σ_t h_t^T h_t',
        'check h_t = (1 - z_t) ⊙ h_{t-1} + z_t ⊙ \\tilde{h}_t',
      ].join('\n'),
    );
    expect(a.checks.map((c) => c.status)).toEqual(['fails']);
    expect(a.checks[0]!.message).toMatch(/z_t and 1 − z_t are exchanged: with each in the other's place the check holds/);
  });
});
