// withVar (env.ts) and derivAs (check/derivAs.ts) replace spreads that add a field ({ ...env, [v]: i },
// { ...d, oneStep: true }), which V8 makes slowly: they must make what the spread made, fields in the same order.

import { describe, expect, it } from 'vitest';
import { withVar } from '../../src/engine/env';
import { derivAs } from '../../src/engine/check/derivAs';
import { compile } from '../../src/language';
import type { Expr } from '../../src/language/model';

describe('field by field, as the spread made it', () => {
  it('withVar: a copy with v added last, or set where it was; the original untouched', () => {
    const env = { t: 2, k: 1 };
    expect(Object.entries(withVar(env, 'i', 3))).toEqual(Object.entries({ ...env, i: 3 }));
    expect(Object.entries(withVar(env, 't', 5))).toEqual(Object.entries({ ...env, t: 5 }));
    expect(env).toEqual({ t: 2, k: 1 });
    expect(withVar({}, 't', 1)).toEqual({ t: 1 });
  });

  it("derivAs: the resolver's derivative with its readings set, as { ...d, oneStep, total } gave", () => {
    const { model } = compile(
      'T = 3\nparam w = 0.5\ninput x = [1, 2, 3]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = h_T^2\ncheck ∂h_t/∂h_{t-1} = 1',
    );
    const q = model.questions.find((x) => x.kind === 'check')!;
    const d = (q as { lhs: Expr }).lhs as Expr & { k: 'deriv' };
    expect(d.k).toBe('deriv');
    for (const oneStep of [true, false])
      for (const total of [true, false]) {
        const made = derivAs(d, oneStep, total);
        const spread = { ...d, total, oneStep };
        expect(Object.entries(made)).toEqual(Object.entries(spread));
      }
    const whole = derivAs(d, true, d.total, d.wrt as unknown as Expr, [2]);
    expect(whole.of).toBe(d.wrt);
    expect(whole.shape).toEqual([2]);
  });
});
