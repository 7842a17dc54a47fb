// Elman's simple recurrent network (probe 50): context units copy the hidden layer, c_t = h_{t-1}, and are trained as
// one more input — the weights change by the one-step gradient of each step's error. ∂E_t/∂W_ch = [h_t ⊙ (1 − h_t) ⊙
// ∂E_t/∂h_t] c_tᵀ failed ("the derivative by W_ch's copy at step t alone"): a per-step loss's ∂ stays total elsewhere
// (CS224n's ∂J^{(t)}/∂H, seed 002). In a network with context units it is re-read as one-step (engine/check/reread.ts),
// and a slope slip in it is named in that reading (answer.ts oneStepSlope). The whole loss's gradient stays total.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const elman = (copy: string) =>
  [
    'T = 3',
    'input x = [1, 0, 1]',
    'target d = [0.2, 0.9, 0.4]',
    'param w = 0.5',
    'param u = 0.4',
    'param v = 0.8',
    'h_0 = 0.5',
    copy,
    'h_t = σ(w x_t + u c_t)',
    'y_t = σ(v h_t)',
    'E_t = 1/2 (y_t - d_t)^2',
    'loss E = Σ_t E_t',
  ].join('\n');

const WITH = elman('c_t = h_{t-1}');
const one = (net: string, check: string) => analyze(`${net}\ncheck ${check}\n`).checks[0]!;

describe('a per-step error in a network with context units', () => {
  it("Elman's one-step gradient holds as one-step, saying what the total adds", () => {
    const c = one(WITH, '∂E_t/∂u = (y_t - d_t) y_t (1 - y_t) v h_t (1 - h_t) c_t');
    expect(c.status).toBe('holds-as-one-step');
    expect(c.message).toMatch(/∂E_t\/∂u read as one-step derivative.*As total derivatives it fails/);
  });
  it('tanh’s slope for σ’s is named in that reading', () => {
    const c = one(WITH, '∂E_t/∂u = (y_t - d_t) y_t (1 - y_t) v (1 - h_t^2) c_t');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/1 − h_t\^2 should be h_t \(1 − h_t\).*holds as a one-step derivative/);
  });
  it('the whole loss’s gradient stays total', () => {
    const c = one(WITH, '∂E/∂u = Σ_t (y_t - d_t) y_t (1 - y_t) v h_t (1 - h_t) c_t');
    expect(c.status).toBe('fails');
  });
  it('without context units the per-step error’s ∂ stays total (the step copy named)', () => {
    const vanilla = WITH.replace('c_t = h_{t-1}\n', '').replace('u c_t', 'u h_{t-1}');
    const c = one(vanilla, '∂E_t/∂u = (y_t - d_t) y_t (1 - y_t) v h_t (1 - h_t) h_{t-1}');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/the derivative by u's copy at step t alone/);
  });
});
