// What makes the checks cheap without changing what they say (issue 11): the derivative memo's numeric
// key, the culprit search skipping names the sides cannot read, and the one-name draws reusing the sample
// values. Each is checked against the plain computation it replaces.
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analysis';
import { Budget } from '../../src/engine/budget';
import { reach } from '../../src/engine/check/reach';
import { buildPlan } from '../../src/engine/plan';
import { Draws } from '../../src/engine/questions';
import { drawDecl } from '../../src/engine/random';
import { forward, RunError } from '../../src/engine/run';
import { compile } from '../../src/language/index';
import { deriv, idx, model, ref, vectorNet } from './build';

const m = model(vectorNet(4, 5, 3, 2, 1));

describe('the derivative memo', () => {
  it('keeps apart every pair of steps and every kind: each answer equals a fresh run’s', () => {
    const run = forward(m);
    const asks: [number, number, 'total' | 'immediate' | 'oneStep'][] = [];
    for (const a of [1, 2, 3, 4, 5])
      for (const b of [0, 1, 2, 3]) for (const k of ['total', 'immediate', 'oneStep'] as const) asks.push([a, b, k]);
    // twice over: the second round is answered from the memo
    for (let round = 0; round < 2; round++)
      for (const [a, b, k] of asks) {
        const d = deriv(m, ref(m, 'h', idx(a)), 'h', idx(b), k);
        if (d.k !== 'deriv') throw new Error('not a derivative');
        const got = run.derivativeAt(d.of, d.wrt, {}, d.total, d.oneStep);
        const want = forward(m).derivativeAt(d.of, d.wrt, {}, d.total, d.oneStep);
        expect(Array.from(got.tensor.data)).toEqual(Array.from(want.tensor.data));
        expect(got.reached).toBe(want.reached);
      }
  });

  it('a step far outside the run (past what the key holds) is computed, not cached: the same error every time', () => {
    const run = forward(m);
    for (const b of [2 ** 21, -(2 ** 21), 1e15])
      for (let round = 0; round < 2; round++)
        expect(() => run.derivativeAt(ref(m, 'h', idx(2)), { name: 'h', idx: idx(b) }, {}, true)).toThrow(RunError);
  });

  it('a reader of the shared result gets the same numbers and charges the same operations as an owner', () => {
    const [ba, bb] = [new Budget(), new Budget()];
    const a = forward(m, undefined, { budget: ba });
    const b = forward(m, undefined, { budget: bb });
    for (let round = 0; round < 2; round++)
      for (const t of [2, 3, 4]) {
        const of = ref(m, 'h', idx(t));
        const x = a.derivativeShared(of, { name: 'h', idx: idx(t - 1) }, {}, true);
        const y = b.derivativeAt(of, { name: 'h', idx: idx(t - 1) }, {}, true);
        expect(Array.from(x.tensor.data)).toEqual(Array.from(y.tensor.data));
        expect(ba.ops).toBe(bb.ops);
      }
  });
});

describe('the culprit search', () => {
  const net = `T = 3
param w = 0.5
param v = 0.7
input x = [1, 2, 3]
h_0 = 0
h_t = w h_{t-1} + x_t
g_t = v g_{t-1} + x_t
g_0 = 0
loss L = sum(h_3 + g_3)
`;
  it('reaches the names a side reads through the equations, and no other', () => {
    const { model: mm } = compile(net);
    const side = (text: string) => {
      const q = compile(`${net}check ${text}\n`).model.questions.at(-1)!;
      if (q.kind !== 'check') throw new Error('not a check');
      return [q.lhs, q.rhs];
    };
    expect([...reach(mm, side('h_2 = w h_1 + x_2'))].sort()).toEqual(['h', 'w', 'x']);
    expect([...reach(mm, side('∂L/∂v = 1'))].sort()).toEqual(['L', 'g', 'h', 'v', 'w', 'x']);
    expect([...reach(mm, side('∂h_3/∂v = 0'))].sort()).toEqual(['h', 'v', 'w', 'x']);
  });

  it('still names the value a check leans on, and only it, when other names cannot matter', () => {
    const c = analyze(`${net}check h_1 = x_1\n`).checks.at(-1)!;
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toContain('leans on the given value of h_0');
    expect(c.message).not.toMatch(/\bv\b|g_0/);
    const w = analyze(`${net}check h_2 = 0.5 h_1 + x_2\n`).checks.at(-1)!;
    expect(w.status).toBe('holds-at-given-values');
    expect(w.message).toContain('leans on the given value of w');
  });

  // the initial state tried first; once it is found, the other names redrawn together in one run (session 44)
  const overrides = () => vi.spyOn(Draws.prototype, 'overrides');
  it('clears the other names by one joint draw once an initial state is found, and names the state alone', () => {
    const spy = overrides();
    try {
      // ∂h_3/∂w reads h_0, w and x: one run per name until now; h_0's and one joint run of w and x here
      const d = analyze(`${net}check ∂h_3/∂w = 2 w x_1 + x_2\n`).checks.at(-1)!;
      expect(d.status).toBe('holds-at-given-values');
      expect(d.message).toContain('leans on the given value of h_0 (h_0 = 0)');
      expect(d.message).not.toMatch(/values of|\bw\b.*\(w = /);
      // every draw of the check (4) and the culprit search's: h_0 alone, then w and x together
      expect(spy.mock.calls.filter((c) => c[1] !== undefined).map((c) => c[1])).toEqual(['h@0', ['w', 'x']]);
    } finally {
      spy.mockRestore();
    }
  });

  it('still finds a declaration beside the state when the joint draw fails, and names both in the file’s order', () => {
    // with h_0 = 0 and w = 0.5 the right side is h_2 = w h_1 + x_2: vary either and it is not
    const c = analyze(`${net}check h_2 = 0.5 h_1 + x_2 + w^2 h_0\n`).checks.at(-1)!;
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toContain('leans on the given values of w, h_0');
  });

  it('tries a target drawn from 0/1 alone, never in the joint draw', () => {
    const spy = overrides();
    try {
      const c = analyze(
        `${net.replace('loss L = sum(h_3 + g_3)', 'target y = [1, 0, 1]\nloss L = sum(h_3 + g_3 + y_3)')}check h_1 + y_1 = x_1 + 1\n`,
      ).checks.at(-1)!;
      expect(c.status).toBe('holds-at-given-values');
      const asked = spy.mock.calls.filter((c) => c[1] !== undefined).map((c) => c[1]);
      expect(asked).toContainEqual('y');
      for (const a of asked) if (Array.isArray(a)) expect(a).not.toContain('y');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('one-name draws', () => {
  it('keep every other declaration at the sample values a run draws for itself', () => {
    const { model: mm } = compile(`T = 3
param w : 2x2
param u : 2x2
input x : 2
h_0 = [0, 0]
h_t = tanh(w h_{t-1} + u x_t)
loss L = sum(h_3)
`);
    const plan = buildPlan(mm);
    const base = forward(mm, undefined, { plan });
    const draws = new Draws(mm, plan, new Map());
    for (const only of ['w', 'u', 'x', 'h@0']) {
      const r = draws.run(2, only);
      for (const name of ['w', 'u', 'x'].filter((n) => n !== only))
        for (const t of name === 'x' ? [1, 2, 3] : [null])
          expect(Array.from(r.value(name, t)!.data)).toEqual(Array.from(base.value(name, t)!.data));
      if (only !== 'h@0') {
        const d = mm.decls.get(only)!;
        const want = drawDecl(d, mm.T, 2);
        expect(Array.from(r.value(only, d.perStep ? 1 : null)!.data)).toEqual(Array.from(want[0]!));
      }
    }
  });
});
