// Probe 36 (session 49): Haykin's epochwise BPTT (Neural Networks and Learning Machines, ch. 15) — local gradients
// δ_j(n) = −∂E_total/∂v_j(n), δ_j(n_1) = φ'(v_j(n_1)) e_j(n_1), δ_j(n) = φ'(v_j(n)) [e_j(n) + Σ_k w_kj δ_k(n+1)],
// ∂E_total/∂w_ji = −Σ_{n=n_0+1}^{n_1} δ_j(n) x_i(n−1). The definition with n (and its sign) defined nothing (every δ_j
// "unknown name"), n_0 and n_1 were no steps, and y_j²(n) was y_j² times n: 9 of 12 equations unchecked or false.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'haykin-epochwise.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = [
  'T = 3',
  'input u : 2 = [[0.5, -1], [1, 0.2], [-0.4, 0.9]]',
  'target d : 2 = [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]]',
  'param w : 2x2 = [[0.4, -0.6], [0.5, 0.3]]',
  'param b : 2x2 = [[0.7, -0.2], [0.1, 0.6]]',
  'φ = tanh',
  'y_0 = [0.2, -0.1]',
  'v_t = w y_{t-1} + b u_t',
  'y_t = φ(v_t)',
  'e_t = d_t - y_t',
  'E_t = 1/2 e_t^T e_t',
  'loss E = Σ_t E_t',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
const statuses = (...lines: string[]) => run(...lines).checks.map((c) => c.status);

describe('Haykin’s epochwise BPTT', () => {
  it('every equation but the weight change Δw reads, and the book’s formulas hold', () => {
    expect(r.skipped).toBe(1);
    expect(v['6']!.message).toMatch(/unknown name Δ: if Δw is a change of w \(a descent step/);
    for (const tag of ['1', '2', '3', '4', '5', '7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/w\[j, k\] should be w\[k, j\]/);
    // named by the δ written (it was "∂E_total/∂v_n should be …"), the steps as ranges (it listed the four pairs)
    expect(v['m2']!.message).toMatch(
      /δ_n should be δ_\{n\+1\}: with that step the check holds for n = 1\.\.2 and j = 1\.\.2 \(at n = 3 and j = 1\.\.2 it reads/,
    );
    expect(v['m3']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m4']!.message).toMatch(/y_n should be y_\{n-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/leaves out −∂E_1\/∂v_1 \(its entry j\)/);
  });
  it('a unit’s local gradient defined with the general step n and a minus sign defines δ for every unit', () => {
    expect(statuses('δ_j(n) = -∂E/∂v_j(n)', 'check δ_j(t) = -∂E/∂v_j(t)')).toEqual(['holds']);
    expect(statuses('δ_j(n) = -∂E/∂v_j(n)', "check δ_j(n) = φ'(v_j(n)) (e_j(n) + Σ_k w_{kj} δ_k(n+1))")).toEqual(['holds']);
  });
  it('n_0 and n_1 are the epoch’s ends where the file names neither, said in an information', () => {
    const a = run(
      'δ_j(n) = -∂E/∂v_j(n)',
      "check δ_j(n_1) = φ'(v_j(n_1)) e_j(n_1)",
      'check ∂E/∂w_{ji} = -Σ_{n=n_0+1}^{n_1} δ_j(n) y_i(n-1)',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(a.diagnostics.some((d) => d.code === 'epoch-steps' && /n_1 is the last step T = 3/.test(d.message))).toBe(true);
    // the sum from n_0 (one term too many: y_{-1}) is no epoch of the network's
    expect(statuses('δ_j(n) = -∂E/∂v_j(n)', 'check ∂E/∂w_{ji} = -Σ_{n=n_0+2}^{n_1} δ_j(n) y_i(n-1)')).toEqual(['fails']);
  });
  it('the range n_0 < n < n_1 and Haykin’s Σ over the set of neurons, Σ_{k ∈ 𝒜}', () => {
    expect(v['4']!.message).toMatch(/holds for n = 1\.\.2 and j = 1\.\.2/);
    const a = run('δ_j(n) = -∂E/∂v_j(n)', "check δ_j(n) = φ'(v_j(n)) (e_j(n) + Σ_{k ∈ A} w_{kj} δ_k(n+1)) for n_0 < n < n_1");
    expect(a.checks.map((c) => c.status)).toEqual(['holds']);
    expect(a.diagnostics.some((d) => /Σ_\{k ∈ A\} is read as Σ_k, over all of k's values/.test(d.message))).toBe(true);
  });
  it('a power written before the step in parentheses, y_j²(n), is the square of y_j(n)', () => {
    expect(statuses("check φ'(v_j(n)) = 1 - y_j^2(n)", 'check e^2(t) = e_t ⊙ e_t')).toEqual(['holds', 'holds']);
  });
});
