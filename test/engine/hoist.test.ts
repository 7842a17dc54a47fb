// A Σ/∏ evaluates the parts of its body that do not mention its variable once per evaluation (values.ts
// `invariants`): seed 002's Σ_i ∂L/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} (∏_j …) ∂h^{(i)}/∂W_hh. What the tape gives — the
// numbers bit for bit, the operations charged, the error where one is thrown, the limit passed at the same
// count — must not change; and a hoisted value must never leak into another evaluation or another binding.
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { Budget, LimitError } from '../../src/engine/budget';
import { forward, RunError } from '../../src/engine/run';
import { evaluateValue, type ValueHost } from '../../src/engine/values';
import { add, call, contract, deriv, idx, matmul, model, num, ref, sum, v, vectorNet } from './build';

const R: Expr['range'] = { line: 1, column: 1, endLine: 1, endColumn: 2 };
const mul = (a: Expr, b: Expr, shape = a.shape.length ? a.shape : b.shape): Expr => ({ k: 'mul', a, b, shape, range: R });
const index = (a: Expr, i: Expr): Expr => ({ k: 'index', a, i, j: null, shape: [], range: R });

function both(e: Expr, env: Record<string, number>, limit = Infinity) {
  const m = model(vectorNet(4, 5, 3, 2, 1));
  const out = [new Budget(limit), new Budget(limit)].map((budget, k) => {
    const run = forward(m, undefined, { budget });
    const ops0 = budget.ops;
    try {
      const r = k === 0 ? run.evaluateAt(e, env) : run.evaluateOnTape(e, env);
      return { ok: true, data: Array.from(r.data), ops: budget.ops - ops0 };
    } catch (err) {
      if (!(err instanceof RunError) && !(err instanceof LimitError)) throw err;
      return { ok: false, error: `${err.constructor.name}: ${err.message}`, ops: budget.ops - ops0 };
    }
  });
  return { tapeless: out[0]!, tape: out[1]! };
}

describe('Σ/∏ evaluate what does not change with their variable once', () => {
  const m = model(vectorNet(4, 5, 3, 2, 1));
  const h = (k: number, t: string | null = 't') => ref(m, 'h', idx(k, t));
  // ∂L_5/∂h_5 · ∂h_t/∂h_{t-1}: invariant in i; ∂h_i/∂b_h: not
  const dLdh = deriv(m, ref(m, 'L', idx(5)), 'h', idx(5));
  const J = deriv(m, h(0), 'h', idx(-1, 't'));
  const exprs: [string, Expr][] = [
    [
      'an invariant product of derivatives times a varying one',
      sum('i', idx(1), idx(0, 't'), contract(contract(dLdh, J, [3]), deriv(m, h(0, 'i'), 'b_h', null), [3])),
    ],
    ['an invariant σ of a vector, entry by entry', sum('i', idx(1), idx(3), mul(index(call('sigma', h(0)), v('i')), index(h(0), v('i'))))],
    [
      'a nested Σ invariant in the outer variable',
      sum('i', idx(1), idx(3), mul(v('i'), sum('j', idx(1), idx(0, 't'), index(h(0, 'j'), num(1))))),
    ],
    [
      'a nested Σ that binds the same letter (shadowing)',
      sum('i', idx(1), idx(3), add(v('i'), sum('i', idx(1), idx(2), mul(v('i'), num(2))))),
    ],
    ['an invariant part that cannot be evaluated (a step past the end)', sum('i', idx(1), idx(3), mul(v('i'), index(h(9, null), num(1))))],
    [
      'a ∏ of Jacobians with an invariant factor',
      {
        k: 'prod',
        v: 'j',
        from: idx(2),
        to: idx(0, 't'),
        body: matmul(J, deriv(m, h(0, 'j'), 'h', idx(-1, 'j')), [3, 3]),
        shape: [3, 3],
        range: R,
      },
    ],
  ];
  for (const [what, e] of exprs)
    it(`${what}: what the tape gives, and the same operations`, () => {
      for (const t of [2, 3, 5]) {
        const { tapeless, tape } = both(e, { t });
        expect(tapeless).toEqual(tape);
        expect(tapeless.ok).toBe(!what.includes('cannot'));
      }
    });

  it('under an operation limit: passed at the same operation as on the tape', () => {
    const [, e] = exprs[0]!;
    const run = forward(m, undefined, { budget: new Budget() });
    const base = run.tape.budget.ops;
    let limited = 0;
    for (const extra of [3, 50, 200, 900, 2500, 6000]) {
      const { tapeless, tape } = both(e, { t: 5 }, base + extra);
      expect(tapeless).toEqual(tape);
      if (!tapeless.ok) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });

  it('a hoisted value is not reused by the next evaluation, at other bindings or on another run', () => {
    const [, e] = exprs[1]!;
    const m2 = model(vectorNet(9, 5, 3, 2, 1));
    const a = forward(m);
    const b = forward(m2);
    for (const t of [1, 2, 3, 4, 5]) {
      const onA = a.evaluateAt(e, { t }).data[0]!;
      const onB = b.evaluateAt(e, { t }).data[0]!;
      expect(onA).toBe(a.evaluateOnTape(e, { t }).data[0]);
      expect(onB).toBe(b.evaluateOnTape(e, { t }).data[0]);
      expect(onA).not.toBe(onB);
    }
  });

  it('the invariant derivatives are read once per evaluation of the Σ, the varying one at every index', () => {
    const run = forward(m);
    const reads = new Map<string, number>();
    const host = run as unknown as ValueHost;
    const counting: ValueHost = {
      budget: host.budget,
      nodeOf: (name) => host.nodeOf(name),
      derivativeRead: (of, wrt, env, total, oneStep) => {
        const key = `${of.k === 'ref' ? of.name : '?'}/${wrt.name}`;
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return host.derivativeRead(of, wrt, env, total, oneStep);
      },
    };
    const [, e] = exprs[0]!;
    const fail = (message: string) => new RunError(message);
    evaluateValue(e, { t: 5 }, counting, fail);
    evaluateValue(e, { t: 4 }, counting, fail);
    // Σ_{i=1}^{t}: ∂L/∂h_5 and ∂h_t/∂h_{t-1} once per evaluation (two), ∂h_i/∂b_h at every i (5 + 4)
    expect(Object.fromEntries(reads)).toEqual({ 'L/h': 2, 'h/h': 2, 'h/b_h': 9 });
  });
});
