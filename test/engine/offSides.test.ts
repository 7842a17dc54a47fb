// offSides (points.ts), which the draws and the culprit search judge with: on every pinned text's checks, at
// the file's values and at a draw, the points where evaluateSides' two sides differ, in order, with the same
// values, the same error where a point cannot be evaluated, and the same operations charged.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import { Budget } from '../../src/engine/budget';
import { checkPoints, close, evaluateSides, offSides } from '../../src/engine/check/points';
import { buildPlan } from '../../src/engine/plan';
import { Draws } from '../../src/engine/questions';
import { forward, RunError, type Env, type Run } from '../../src/engine/run';
import type { Expr } from '../../src/language/model';
import { reportCases } from '../analysis/reportCases';

const attempt = <T>(f: () => T): { ok: true; v: T } | { ok: false; message: string } => {
  try {
    return { ok: true, v: f() };
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    return { ok: false, message: e.message };
  }
};

describe('offSides', () => {
  // every pinned text's checks, at every draw: ~3 s alone, past vitest's 5 s default on a loaded machine
  it('is evaluateSides filtered to the points that differ, on every pinned text', () => {
    let judged = 0;
    let differing = 0;
    for (const c of reportCases()) {
      const compiled = compile(c.text);
      if (compiled.fatal) continue;
      const model = compiled.model;
      let plan;
      try {
        plan = buildPlan(model);
      } catch {
        continue;
      }
      for (const seed of [0, 2]) {
        const [ba, bb] = [new Budget(), new Budget()];
        const make = (budget: Budget) =>
          attempt(() =>
            seed === 0 ? forward(model, undefined, { plan, budget }) : new Draws(model, plan, new Map(), undefined, budget).run(seed),
          );
        const ra = make(ba);
        const rb = make(bb);
        if (!ra.ok || !rb.ok) continue;
        for (const q of model.questions) {
          if (q.kind !== 'check') continue;
          const points = checkPoints(q);
          const a0 = ba.ops;
          const b0 = bb.ops;
          const all = attempt(() => evaluateSides(points, q.lhs, q.rhs, ra.v));
          const off = attempt(() => offSides(points, q.lhs, q.rhs, rb.v));
          expect(off.ok).toBe(all.ok);
          expect(bb.ops - b0).toBe(ba.ops - a0);
          judged++;
          if (!all.ok || !off.ok) {
            expect(off).toEqual(all);
            continue;
          }
          const want = all.v.filter((s) => !close(s.l.data, s.r.data));
          expect(off.v.map((s) => s.label)).toEqual(want.map((s) => s.label));
          off.v.forEach((s, i) => {
            expect(Array.from(s.l.data)).toEqual(Array.from(want[i]!.l.data));
            expect(Array.from(s.r.data)).toEqual(Array.from(want[i]!.r.data));
            expect(s.t).toBe(want[i]!.t);
          });
          differing += want.length ? 1 : 0;
        }
      }
    }
    // the texts exercise both: sides that hold, sides that differ (a point that cannot be evaluated: below)
    expect(judged).toBeGreaterThan(200);
    expect(differing).toBeGreaterThan(20);
  }, 60_000);

  it('evaluates every point in order: a later point that cannot be evaluated throws, after a difference', () => {
    const read: string[] = [];
    const value = (x: number) => ({ shape: [], data: Float64Array.of(x) });
    // left = t, right = 1: they differ from t = 2 on, and t = 4 cannot be evaluated
    const evaluate = (e: Expr, env: Env) => {
      read.push(`${e.k}@${env.t}`);
      if (env.t === 4) throw new RunError('h_5 has no value');
      return value(e.k === 'var' ? env.t! : 1);
    };
    // offSides reads scalars as numbers (evaluateRead); either reading gives a tensor here
    const run = { evaluateShared: evaluate, evaluateRead: evaluate } as unknown as Run;
    const points = [1, 2, 3, 4].map((t) => ({ t, env: { t }, label: ` at t = ${t}` }));
    const lhs = { k: 'var' } as Expr;
    const rhs = { k: 'num' } as Expr;
    expect(() => offSides(points, lhs, rhs, run)).toThrow('h_5 has no value');
    expect(read).toEqual(['var@1', 'num@1', 'var@2', 'num@2', 'var@3', 'num@3', 'var@4']);
    read.length = 0;
    const off = offSides(points.slice(0, 3), lhs, rhs, run);
    expect(off.map((s) => s.label)).toEqual([' at t = 2', ' at t = 3']);
    expect(read).toHaveLength(6);
  });
});
