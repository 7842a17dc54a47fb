// Probe 37 (session 50): LeCun's Lagrangian (A theoretical framework for back-propagation, 1988) applied to an RNN —
// ℒ = C + Σ_t λ_tᵀ (f(W h_{t−1} + U x_t) − h_t), λ_T = ∂C_T/∂h_T, λ_t = ∂C_t/∂h_t + Wᵀ diag(f'(a_{t+1})) λ_{t+1},
// ∂ℒ/∂W = Σ_t diag(f'(a_t)) λ_t h_{t−1}ᵀ. Read as written before; the Lagrangian's definition got d2l.ai's message for a
// transition function, and ∂ℒ/∂W "unknown name L".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'lecun-lagrangian.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('LeCun’s Lagrangian', () => {
  it('the multipliers’ recursion and the gradients hold; the Lagrangian and λ’s definition are not checked', () => {
    expect(r.checked).toBe(9);
    expect(r.skipped).toBe(3);
    for (const tag of ['3', '4', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['2']!.message).toMatch(/it defines λ by a derivative/);
  });
  it('the Lagrangian is said to be a function of the solution’s own, and its derivative what to write', () => {
    expect(v['1']!.message).toMatch(/L\(…\) = … defines a function of the solution's own \(L is no name of the network\)/);
    expect(v['1']!.message).toMatch(/if it is a Lagrangian .* write ∂C\/∂W/);
    expect(v['1']!.message).not.toMatch(/d2l/);
    expect(v['5']!.message).toMatch(/∂L\/∂…: L is the function of the solution's own defined on line \d+, no quantity of the network/);
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/W should be Wᵀ/);
    expect(v['m2']!.message).toMatch(/a_t should be a_\{t\+1\}/);
    expect(v['m3']!.message).toMatch(/leaves out the path through C_t/);
    expect(v['m4']!.message).toMatch(/h_t should be h_\{t-1\}/);
    expect(v['m5']!.message).toMatch(/leaves out the path through a_\{t\+1\}/);
  });
});
