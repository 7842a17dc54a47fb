// Prince's per-layer gradients on a recurrent network whose weights are shared: ∂ℓ_i/∂Ω_k = ∂ℓ_i/∂f_k h_kᵀ, Ω a shared
// matrix. One index picks no entry of a matrix, so Ω_k was refused ("Ω is a 2×2 matrix: pick an entry with two
// indices"); under a derivative it is now Ω's copy used at step k, as Goodfellow's W^{(t)} and Hinton's tied w_1 are
// (stepCopy.ts). A shared vector's β_k stays its entry k (LANGUAGE.md §3/§4); where that makes a side a scalar against
// a vector, the message says so and how the copy is written, β^{(k)}.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]
target y : 2 = [[0, 0], [0, 0], [0.4, -0.3]]
param Ω : 2x2 = [[0.5, -0.3], [0.2, 0.6]]
param β : 2 = [0.1, -0.2]
f_0 = [0.3, -0.2]
h_t = tanh(f_{t-1})
f_t = β + Ω h_t + x_t
loss E = sum((f_T - y_T)^2)
`;

describe('a shared parameter with a step under a derivative', () => {
  it('a matrix’s Ω_k is its copy at step k', () => {
    const r = analyze(`${NET}check ∂E/∂Ω_k = ∂E/∂f_k h_k^T\ncheck ∂E/∂Ω = Σ_k ∂E/∂Ω_k\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.some((d) => /Ω_k is read as Ω's copy used at step k alone/.test(d.message))).toBe(true);
  });
  it('a vector’s β_k stays its entry k, and the failure says how the copy is written', () => {
    const r = analyze(`${NET}check ∂E/∂β_k = ∂E/∂f_k\ncheck ∂E/∂β^{(k)} = ∂E/∂f_k\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(
      /the shapes differ\. β_k is read as entry k of the vector β \(\(∂E\/∂β\)\[k\]\); the copy of β used at step k is written β\^\{\(k\)\}/,
    );
    expect(r.checks[1]!.status).toBe('holds');
  });
});
