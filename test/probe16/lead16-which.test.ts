// An edit hint names which of a value written twice it means (mistakes16: "u_t should be 1 − u_t" in a GRU's
// u_t + … + u_t w did not say it was the second u_t; the step-shift hint already said so).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const GRU = `T = 4
input x = [0.4, -0.3, 0.9, 0.2]
param w = 0.6
h_0 = 0.5
u_t = σ(w.h_{t-1} + w.x_t)
s_t = w.(h_{t-1} + x_t)
h_t = u_t.h_{t-1} + (1 - u_t).s_t
L = h_T
`;

describe('which of a value written twice', () => {
  it("GRU's ∂h_t/∂h_{t-1} with u_t for 1 − u_t in its last term: the second u_t", () => {
    const r = analyze(
      `${GRU}check ∂h_t/∂h_{t-1} = u_t + σ'(w h_{t-1} + w x_t) w (h_{t-1} - s_t) + (1 - u_t) w\ncheck ∂h_t/∂h_{t-1} = u_t + σ'(w h_{t-1} + w x_t) w (h_{t-1} - s_t) + u_t w\n`,
    );
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.checks[1]!.status).toBe('fails');
    expect(r.checks[1]!.message).toContain('The second u_t should be 1 − u_t: with that the check holds');
  });
  it('a value written once keeps its plain name', () => {
    const c = analyze(`${GRU}check ∂h_t/∂h_{t-1} = u_t + σ'(w h_{t-1} + w x_t) w (h_{t-1} - s_t) + w\n`).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/The (first|second) /);
  });
});
