// Probe 39 (session 53): Mozer's focused backpropagation (1989), the context units' gradients carried forward per
// unit: α_i(t) ≡ ∂c_i(t)/∂d_i = c_i(t−1) + d_i α_i(t−1), β_ij(t) ≡ ∂c_i(t)/∂w_ij = s'(net_i(t)) x_j(t) + d_i β_ij(t−1).
// Fixed: α_i(t) ≡ ∂c_i(t)/∂d_i, the unit's letter on both ends of the derivative, was read as a unit's vector (the
// letter stripped: α_t the 2×2 Jacobian ∂c_t/∂d), and every use "a 2×2 matrix: pick an entry with two indices"; a use
// of a name defined by a derivative whose own definition has an error said nothing at all — its check vanished.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (f: string) => {
  const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', f), 'utf8'), 'markdown', { sidecar: null });
  return { r, v: Object.fromEntries(r.equations.map((e) => [e.tag, e])) };
};

describe('Mozer’s focused backpropagation', () => {
  const { r, v } = read('mozer-focused.md');
  it('the per-unit forward pass and the gradients carried forward read and hold', () => {
    expect(r.checked).toBe(11);
    expect(r.skipped).toBe(2);
    for (const tag of ['1', '2', '4', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
    for (const tag of ['3', '5']) expect(v[tag]!.message, tag).toMatch(/by a derivative, a name of the solution's own/);
  });
  it('each mistake is named', () => {
    expect(v['m1']!.status).toBe('holds-as-one-step');
    expect(v['m1']!.message).toMatch(/the total derivative also counts the paths through other steps/);
    for (const tag of ['m2', 'm3', 'm4', 'm5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m2']!.message).toMatch(/c_t should be c_\{t-1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/needs the factor d\[i\]: with that the check holds/);
    expect(v['m4']!.message).toMatch(/tanh\(net_t\[i\]\) should be tanh′\(net_t\[i\]\): with that the check holds/);
    expect(v['m5']!.message).toMatch(/its last term alone, t = 3, holds/);
  });
});

const NET = [
  'T = 3',
  'input x : 2 = [[1, -0.5], [0.3, 0.8], [-0.7, 0.2]]',
  'param W : 2x2 = [[0.6, -0.3], [0.2, 0.5]]',
  'param d : 2 = [0.7, 0.4]',
  'c_0 = [0, 0]',
  'c_t = d ⊙ c_{t-1} + tanh(W x_t)',
  'loss E = sum(c_T)',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));

describe('a name defined by a derivative with the unit’s letter on both ends', () => {
  it('is the diagonal entry: its uses at another step read; a unit’s vector (one end) keeps its reading', () => {
    const a = run(
      'α_i(t) = ∂c_i(t)/∂d_i',
      'check α_i(t) = c_i(t-1) + d_i α_i(t-1)',
      'check α_i(t) = c_i(t) + d_i α_i(t-1)',
      'ε_j(t) = ∂E/∂c_j(t)',
      'check ε_j(T) = 1',
    );
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds']);
  });
});

describe('a use of a name whose definition by a derivative has an error', () => {
  it('is said not available where it is written, never dropped in silence', () => {
    const a = run('δ_t = ∂E/∂q_t', 'check δ_t = 1', 'β_{ij}(t) = ∂c_i(t)/∂w_{ij}', 'check β_{ij}(t) = x_j(t)');
    expect(a.diagnostics.filter((d) => d.line === 9).map((d) => d.message)).toEqual([
      'δ is not available: its definition on line 8 has an error',
    ]);
    expect(a.diagnostics.filter((d) => d.line === 11).map((d) => d.message)).toEqual([
      'β_ij is not available: its definition on line 10 has an error',
    ]);
  });
  it('an error at the use itself is still said there', () => {
    const a = run('δ_t = ∂E/∂c_t', 'check δ_t = q');
    expect(a.diagnostics.filter((d) => d.line === 9).map((d) => d.message)).toEqual([expect.stringMatching(/unknown name q/)]);
  });
});
