// Two more culprits a teacher names: σ' written through σ's output at the wrong step, both times
// (h_{t-1}(1 − h_{t-1}) for h_t(1 − h_t): it was "no term covers the path h_0 → h_1"), and σ written for σ' in a
// GRU's gate path, named as such (it was "leaves out the factor (1 − u_t)", true only because u_t is that σ).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SEED001 } from './networks';

const GRU = `T = 4
input x = [0.4, -0.3, 0.9, 0.2]
param w = 0.6
h_0 = 0.5
u_t = σ(w.h_{t-1} + w.x_t)
s_t = w.(h_{t-1} + x_t)
h_t = u_t.h_{t-1} + (1 - u_t).s_t
L = h_T
`;

const first = (text: string) => analyze(text).checks[0]!;

describe('a step wrong twice, and σ for σ′', () => {
  it('h_{t-1}(1 − h_{t-1}) for h_t(1 − h_t): both moved together', () => {
    expect(first(`${SEED001}check ∂h_t/∂h_{t-1} = h_t (1 - h_t) W_hh\n`).status).toBe('holds');
    const c = first(`${SEED001}check ∂h_t/∂h_{t-1} = h_{t-1} (1 - h_{t-1}) W_hh\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('h_{t-1} should be h_t, both times it is written: with that step the check holds');
    expect(c.message).not.toContain('No term covers');
  });

  it('σ(…) for σ′(…) in the GRU’s path through u_t is named as the slope', () => {
    const c = first(`${GRU}check ∂h_t/∂h_{t-1} = u_t + (1 - u_t) w + σ(w h_{t-1} + w x_t) w (h_{t-1} - s_t)\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('σ(w h_{t-1} + w x_t) should be σ′(w h_{t-1} + w x_t): with that the check holds');
  });
});
