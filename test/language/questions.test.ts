// LANGUAGE.md §5: derive and check, verdicts over the file's values and random draws.
import { describe, expect, it } from 'vitest';
import { errors, lastCheck, run, SHEET7 } from './helpers';

describe('§5 derive', () => {
  it('one result per step with a free t, t null without', () => {
    const r = run(SHEET7 + 'derive ∂h_t/∂h_{t-1}\nderive ∂L/∂W_hh');
    expect(r.derives[0]!.results.map((x) => x.t)).toEqual([1, 2, 3]);
    expect(r.derives[1]!.results.map((x) => x.t)).toEqual([null]);
    expect(r.derives[0]!.line).toBe(14);
    expect(r.derives[0]!.query).toBe('∂h_t/∂h_{t-1}');
  });

  it('text and latex state the derivative at its step and its value', () => {
    const r = run(SHEET7 + 'derive ∂h_t/∂h_{t-1}', { symbolic: false });
    const res = r.derives[0]!.results[1]!;
    expect(res.text).toMatch(/^∂h_2\/∂h_1 = 0\.\d+/);
    expect(res.latex).toContain('\\frac{\\partial h_{2}}{\\partial h_{1}}');
  });
});

describe('§5 check', () => {
  it('holds at every draw', () => {
    const c = lastCheck(SHEET7 + 'check ∂L/∂o_3 = -2(y_3 - o_3)');
    expect(c.status).toBe('holds');
    expect(c.message).toMatch(/holds/);
  });

  it('fails: names the first failing step and both values', () => {
    const c = lastCheck(SHEET7 + 'check ∂h_t/∂h_{t-1} = W_hh');
    expect(c.status).toBe('fails');
    expect(c.failingStep).toBe(1);
    expect(c.message).toMatch(/^fails at t = 1: the left side is 0\.\d+, the right side 0\.8/);
  });

  it('holds only for these values: names what to vary', () => {
    const c = lastCheck(SHEET7 + 'check ∂L/∂W_hh = ∂(L_2 + L_3)/∂W_hh');
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toContain('h_0');
  });

  it('a check that leans on a parameter value names that parameter', () => {
    const c = lastCheck(SHEET7 + 'check W_hh h_1 = 0.8 h_1');
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toContain('W_hh');
    expect(c.message).not.toContain('h_0');
  });

  it('the right side is the immediate partial instead of the total derivative: the message says so', () => {
    // with ∂ the v2 one-step re-reading holds (seed 001 eq. 26); a ∂⁺ elsewhere in the check keeps ∂ total
    const c = lastCheck(SHEET7 + "check ∂h_t/∂W_xh + 0 ∂⁺h_t/∂b_h = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t");
    expect(c.status).toBe('fails');
    expect(c.failingStep).toBe(2);
    expect(lastCheck(SHEET7 + "check ∂h_t/∂W_xh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t").status).toBe('holds-as-one-step');
  });

  it('and the reverse: ∂⁺ asked, the total given', () => {
    const c = lastCheck(SHEET7 + 'check ∂⁺h_3/∂W_xh = ∂h_3/∂W_xh');
    expect(c.status).toBe('fails');
    expect(c.message).toContain('total derivative');
  });

  it('for t = a..b restricts the steps; by default every step where both sides are defined', () => {
    const dflt = lastCheck(SHEET7 + 'check ∂L/∂h_t = ∂L_t/∂h_t + ∂L/∂h_{t+1} ∂h_{t+1}/∂h_t');
    expect(dflt.steps.map((s) => s.t)).toEqual([1, 2]);
    expect(dflt.status).toBe('holds');
    const ranged = lastCheck(SHEET7 + 'check ∂L/∂h_t = ∂L_t/∂h_t + ∂L/∂h_{t+1} ∂h_{t+1}/∂h_t for t = 2..T-1');
    expect(ranged.steps.map((s) => s.t)).toEqual([2]);
  });

  it('tolerance is relative: 1e-6·max(1, |L|, |R|)', () => {
    expect(lastCheck('T = 1\ncheck 1000000 = 1000000.5').status).toBe('holds');
    expect(lastCheck('T = 1\ncheck 1 = 1.00001').status).toBe('fails');
    expect(lastCheck('T = 1\ncheck 0 = 0.0000005').status).toBe('holds');
  });

  it('checks of vectors compare every entry', () => {
    const text = 'T = 1\nparam u : 2 = [1, 2]\ncheck 2 u = u + u\ncheck 2 u = [2, 4]\ncheck 2 u = [2, 4.1]';
    const r = run(text);
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds-at-given-values', 'fails']);
  });
});

describe('§5 where a failing check goes wrong', () => {
  it('a check that leaves out one path names it (the one-weight GRU of seed 000)', () => {
    const gru = `T = 4
input x = [0.5, -1, 0.25, 1]
target y = [0.2, 0.4, 0.1, 0.3]
param w = 0.7
h_0 = 0.1
u_t = σ(w h_{t-1} + w x_t)
s_t = w(h_{t-1} + x_t)
h_t = u_t h_{t-1} + (1 - u_t) s_t
loss L = Σ_t (y_t - h_t)^2
check ∂h_t/∂h_{t-1} = u_t + (1 - u_t) w
`;
    const c = lastCheck(gru);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('leaves out the path through u_t');
  });
});

describe('§5 a wrong term of a hand-written chain rule is named', () => {
  it('seed 001 eq. 32: the last factor should be ∂⁺h_1/∂W_xh', () => {
    const c = lastCheck(
      SHEET7 +
        'check ∂L/∂W_xh = ∂L_1/∂o_1 · ∂o_1/∂h_1 · ∂⁺h_1/∂W_xh + ∂L_2/∂o_2 · ∂o_2/∂h_2 · (∂⁺h_2/∂W_xh + ∂h_2/∂h_1 · ∂⁺h_1/∂W_xh) + ∂L_3/∂o_3 · ∂o_3/∂h_3 · (∂⁺h_3/∂W_xh + ∂h_3/∂h_2 · ∂⁺h_2/∂W_xh + ∂h_3/∂h_2 · ∂h_2/∂h_1 · ∂⁺h_2/∂W_xh)',
    );
    expect(c.status).toBe('fails');
    expect(c.message).toContain('The term ∂L_3/∂o_3·∂o_3/∂h_3·∂h_3/∂h_2·∂h_2/∂h_1·∂⁺h_2/∂W_xh');
    expect(c.message).toContain('no term covers the path W_xh → h_1 → h_2 → h_3 → o_3 → L_3 → L');
  });

  // the Σ's bound named (the path alone until session 31), and the path it leaves out
  it('a dropped step is named as the Σ bound and the missing path', () => {
    const c = lastCheck(SHEET7.replace('h_0 = 0', 'h_0 = 0.5') + 'check ∂L/∂W_hh = Σ_{i=2}^{T} ∂L/∂h_i · ∂⁺h_i/∂W_hh');
    expect(c.status).toBe('fails');
    expect(c.message).toContain('The Σ over i on the right side (i = 2..3) leaves out its first term i = 1: with it the check holds');
    expect(c.message).toContain('(it leaves out the path through h_1: the term ∂L/∂h_1·∂⁺h_1/∂W_hh');
  });
});

describe('derive: the chain-rule terms, one per path', () => {
  it('sum to the value, carry their path and typeset', async () => {
    const katex = (await import('katex')).default;
    const r = run(SHEET7 + 'derive ∂L/∂W_xh');
    const res = r.derives[0]!.results[0]!;
    const terms = res.forms!.chain!.terms!;
    expect(terms).toHaveLength(6);
    expect(Math.abs(terms.reduce((a, t) => a + (t.value as number), 0) - (res.value as number))).toBeLessThan(1e-12);
    const longest = terms.find((t) => t.path.length === 7)!;
    expect(longest.text).toBe('∂L_3/∂o_3·∂o_3/∂h_3·∂h_3/∂h_2·∂h_2/∂h_1·∂⁺h_1/∂W_xh');
    expect(longest.path).toEqual(['W_xh', 'h@1', 'h@2', 'h@3', 'o@3', 'L@3', 'L']);
    for (const t of terms) expect(() => katex.renderToString(t.latex, { throwOnError: true })).not.toThrow();
  });
});
