// A step shift named by the check's hints must hold at other values too (check/confirm.ts): with y_2 = 0 in the
// file, a stray 0.5 y_3 "became" y_2 — the second y_3 "should be y_2" — which holds only at the file's values.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3\nparam w = 0.5\ninput x = [1, 2, 3]\ntarget y = [1, 0, 1]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t (h_t - y_t)^2\n`;
const check = (line: string) => analyze(`${NET}check ${line}\n`).checks[0]!;

describe('a step shift is confirmed at a draw before it is named', () => {
  it('2(h_3 − y_3) + 0.5 y_3: no "the second y_3 should be y_2" (true only because y_2 = 0 here)', () => {
    const c = check('∂L/∂h_3 = 2(h_3 - y_3) + 0.5 y_3');
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/should be y_2/);
  });
  it('a real shift is still named: 2(h_2 − y_3) for 2(h_3 − y_3)', () => {
    const c = check('∂L/∂h_3 = 2(h_2 - y_3)');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/h_2 should be h_3/);
  });
});

describe('a hint that opens with "the" starts its sentence with a capital', () => {
  it('Goodfellow ∇_W L with h_t for h_{t-1}: "… . The second h_t should be h_{t-1}"', () => {
    const net = `T = 3\nparam W : 2x2 = [[0.5, -0.3], [0.2, 0.4]]\ninput x : 2 = [[1, 0], [0, 1], [1, 1]]\nh_0 = [0.1, -0.2]\na_t = W h_{t-1} + x_t\nh_t = tanh(a_t)\nloss L = Σ_t sum(h_t)\n`;
    const c = analyze(`${net}check ∇_W L = Σ_t diag(1 - h_t^2)(∇_{h_t} L) h_tᵀ\n`).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/\. The second h_t should be h_\{t-1\}/);
    expect(c.message).not.toMatch(/\. the /);
  });
});
