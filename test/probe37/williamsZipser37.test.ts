// Probe 37 (session 50): Williams & Zipser's epochwise BPTT (1995) — ε_k(τ) = −∂J^total/∂y_k(τ), δ_k(τ) =
// −∂J^total/∂s_k(τ−1), δ_k(τ) = f_k'(s_k(τ−1)) ε_k(τ), ε_k(τ−1) = e_k(τ−1) + Σ_{l∈U} w_lk δ_l(τ), ∂J^total/∂w_ij =
// −Σ_τ δ_i(τ) x_j(τ−1), x = (y, u) the units first. Before: τ (Goodfellow's last step) defined nothing, J^{total} was
// "unknown name total", and w_lk over x's three columns "picks entries of different sizes": 9 of 11 unchecked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'williams-zipser.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = [
  'T = 3',
  'input u = [0.5, -1, 0.8]',
  'target d : 2 = [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]]',
  'param w : 2x3 = [[0.4, -0.6, 0.7], [0.5, 0.3, -0.2]]',
  'f = tanh',
  'x_0 = [0.2, -0.1, 0.6]',
  's_0 = w x_0',
  'y_t = f(s_{t-1})',
  'x_t = [y_t[1], y_t[2], u_t]',
  's_t = w x_t',
  'e_t = d_t - y_t',
  'J_t = 1/2 e_t^T e_t',
  'loss J = Σ_t J_t',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
const statuses = (...lines: string[]) => run(...lines).checks.map((c) => c.status);

describe('Williams & Zipser’s ε and δ', () => {
  it('every equation reads; the chapter’s formulas hold', () => {
    expect(r.skipped).toBe(0);
    expect(r.checked).toBe(11);
    for (const tag of ['1', '2', '3', '4', '5', '6']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['4']!.message).toMatch(/holds for τ = 1\.\.3 and k = 1\.\.2/);
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/w\[k, l\] should be w\[l, k\]: with its two indices swapped the check holds/);
    expect(v['m2']!.message).toMatch(/s_τ should be s_\{τ-1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/leaves out −∂J_1\/∂y_1 \(its entry k\)/);
    expect(v['m4']!.message).toMatch(/x_τ should be x_\{τ-1\}/);
    expect(v['m5']!.message).toMatch(/the opposite sign: a sign is wrong/);
  });
  it('a unit’s ε defined with τ as its step, ε_k(τ) = −∂J/∂y_k(τ), defines ε for every unit and step', () => {
    expect(statuses('ε_k(τ) = -∂J/∂y_k(τ)', 'check ε_k(T) = e_k(T)', 'check ε(2) = -∂J/∂y_2')).toEqual(['holds', 'holds']);
  });
  it('τ is a free step in a file that sums over τ (it was the last step only)', () => {
    const a = run('ε_k(τ) = -∂J/∂y_k(τ)', 'check ε_k(τ) = e_k(τ)', 'check ∂J/∂u = Σ_{τ=1}^{T} ∂J/∂u_τ');
    expect(a.checks[0]!.status).toBe('fails');
    expect(a.checks[0]!.message).toMatch(/at τ = 1/);
    // where no Σ binds τ it stays the last step (Goodfellow's)
    expect(statuses('ε_k(τ) = -∂J/∂y_k(τ)', 'check ε_k(τ) = e_k(τ)')).toEqual(['holds']);
  });
  it('J^{total} on the file’s objective is the objective', () => {
    const a = run('check J^{total} = J');
    expect(a.checks.map((c) => c.status)).toEqual(['holds']);
    expect(a.diagnostics.some((d) => /J\^\{total\} is read as J, the objective/.test(d.message))).toBe(true);
  });
  it('a unit’s index over a weight matrix wider than the units picks the units’ columns (x = (y, u))', () => {
    const a = run('ε_k(τ) = -∂J/∂y_k(τ)', 'δ_k(τ) = -∂J/∂s_k(τ-1)', 'check ε_k(2) = e_k(2) + Σ_{l ∈ U} w_{lk} δ_l(3)');
    expect(a.checks.map((c) => c.status)).toEqual(['holds']);
    expect(a.diagnostics.some((d) => /the free index k runs over the 2 units/.test(d.message))).toBe(true);
    // two vectors of different sizes stay refused (a wrong index, not a union of units and inputs)
    expect(statuses('check ∂J/∂y_2[k] = x_2[k]')).toEqual([]);
  });
});
