// The tapeless evaluator (values.ts) against the tape it replaces for values: on every pinned text's check
// sides, at every point, at the file's values and at a draw, the same numbers bit for bit (−0 and NaN
// included), the same shape, the same operations charged, the same error and message where the tape
// throws; and under an operation limit, the limit passed at the same count.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import type { Expr } from '../../src/language/model';
import { Budget, LimitError } from '../../src/engine/budget';
import { checkPoints } from '../../src/engine/check/points';
import { buildPlan } from '../../src/engine/plan';
import { Draws } from '../../src/engine/questions';
import { forward, RunError, type Env, type Run } from '../../src/engine/run';
import { reportCases } from '../analysis/reportCases';
import { add, contract, deriv, idx, indicator, matmul, matpow, model, num, ref, sum, v, vectorNet } from './build';

type Outcome = { ok: true; shape: number[]; data: number[]; ops: number } | { ok: false; error: string; message: string; ops: number };

function outcome(budget: Budget, f: () => { shape: readonly number[]; data: Float64Array }): Outcome {
  const ops0 = budget.ops;
  try {
    const r = f();
    return { ok: true, shape: [...r.shape], data: Array.from(r.data), ops: budget.ops - ops0 };
  } catch (e) {
    if (!(e instanceof RunError) && !(e instanceof LimitError)) throw e;
    return { ok: false, error: e.constructor.name, message: e.message, ops: budget.ops - ops0 };
  }
}

/** two runs of the same values, one evaluated without the tape and one on it, compared point by point */
function compareOn(make: (b: Budget) => Run, work: { e: Expr; env: Env }[], limit = Infinity): number {
  const [ba, bb] = [new Budget(limit), new Budget(limit)];
  let a: Run, b: Run;
  try {
    a = make(ba);
    b = make(bb);
  } catch (e) {
    if (e instanceof RunError || e instanceof LimitError) return 0;
    throw e;
  }
  let n = 0;
  for (const { e, env } of work) {
    const x = outcome(ba, () => a.evaluateAt(e, env));
    const y = outcome(bb, () => b.evaluateOnTape(e, env));
    // Object.is per entry: −0 and NaN must come out as the tape gives them
    expect(x.ok).toBe(y.ok);
    if (x.ok && y.ok) {
      expect(x.shape).toEqual(y.shape);
      expect(x.data.length).toBe(y.data.length);
      x.data.forEach((xv, i) => expect(Object.is(xv, y.data[i]), `${xv} vs ${y.data[i]}`).toBe(true));
    } else expect(x).toEqual(y);
    expect(x.ops).toBe(y.ops);
    n++;
  }
  return n;
}

function sidesOf(text: string) {
  const c = compile(text);
  if (c.fatal) return null;
  const work: { e: Expr; env: Env }[] = [];
  for (const q of c.model.questions) {
    if (q.kind === 'check') for (const p of checkPoints(q)) work.push({ e: q.lhs, env: p.env }, { e: q.rhs, env: p.env });
    else if (q.expr.k !== 'deriv') for (const t of q.freeT ? q.steps : [null]) work.push({ e: q.expr, env: t === null ? {} : { t } });
  }
  return { model: c.model, work };
}

describe('the tapeless evaluator gives what the tape gives', () => {
  const cases = reportCases();
  it('on the check sides of every pinned text, at the file values and at a draw', () => {
    let n = 0;
    for (const c of cases) {
      const s = sidesOf(c.text);
      if (!s?.work.length) continue;
      let plan;
      try {
        plan = buildPlan(s.model);
      } catch {
        continue;
      }
      n += compareOn((budget) => forward(s.model, undefined, { plan, budget }), s.work);
      n += compareOn((budget) => new Draws(s.model, plan, new Map(), undefined, budget).run(2), s.work);
    }
    expect(n).toBeGreaterThan(2000);
  }, 120_000);

  it('under an operation limit: passed at the same operation', () => {
    let limited = 0;
    for (const c of cases.slice(0, 40)) {
      const s = sidesOf(c.text);
      if (!s?.work.length) continue;
      let plan;
      try {
        plan = buildPlan(s.model);
      } catch {
        continue;
      }
      // the forward run's own operations, then a little more: the sides' evaluation passes the limit part way
      const probe = new Budget();
      forward(s.model, undefined, { plan, budget: probe });
      for (const extra of [5, 37, 400]) {
        const ba = new Budget(probe.ops + extra);
        const bb = new Budget(probe.ops + extra);
        const a = forward(s.model, undefined, { plan, budget: ba });
        const b = forward(s.model, undefined, { plan, budget: bb });
        for (const { e, env } of s.work) {
          const x = outcome(ba, () => a.evaluateAt(e, env));
          const y = outcome(bb, () => b.evaluateOnTape(e, env));
          expect(x).toEqual(y);
          if (!x.ok && x.error === 'LimitError') limited++;
        }
        expect(ba.ops).toBe(bb.ops);
      }
    }
    expect(limited).toBeGreaterThan(10);
  }, 60_000);

  it('on the kinds the sheets rarely write: contractions, matrix powers, indicators, empty Σ and ∏, bad indices', () => {
    const m = model(vectorNet(3, 5, 3, 2, 1));
    const W = ref(m, 'W_hh');
    const h = (k: number, t: string | null = 't') => ref(m, 'h', idx(k, t));
    const J = deriv(m, h(0), 'h', idx(-1, 't'));
    const exprs: Expr[] = [
      contract(h(0), J, [3]),
      contract(J, J, [3, 3]),
      matpow(W, num(3)),
      matpow(W, num(0)),
      matpow(W, num(-1)),
      matpow(h(0), num(2)),
      indicator(v('t'), num(2)),
      add(matmul(W, h(-1), [3]), h(0)),
      sum('j', idx(1), idx(0, 't'), matmul(J, h(0, 'j'), [3])),
      sum('j', idx(5), idx(2), h(0, 'j')),
      { k: 'prod', v: 'j', from: idx(3), to: idx(1), body: J, shape: [3, 3], range: J.range },
      {
        k: 'prod',
        v: 'j',
        from: idx(2, 't'),
        to: idx(0, 't'),
        body: deriv(m, h(0, 'j'), 'h', idx(-1, 'j')),
        shape: [3, 3],
        range: J.range,
      },
      { k: 'index', a: h(0), i: v('t'), j: null, shape: [], range: J.range },
      { k: 'index', a: W, i: num(2), j: v('t'), shape: [], range: J.range },
      { k: 'index', a: W, i: num(1.5), j: num(1), shape: [], range: J.range },
      { k: 'transpose', a: W, shape: [3, 3], range: J.range },
      { k: 'call', fn: 'softmax', arg: h(0), shape: [3], range: J.range },
      { k: 'call', fn: 'diag', arg: h(0), shape: [3, 3], range: J.range },
      { k: 'call', fn: 'sum', arg: { k: 'neg', a: num(0), shape: [], range: J.range }, shape: [], range: J.range },
      { k: 'pow', a: h(0), b: num(2), shape: [3], range: J.range },
      { k: 'div', a: num(1), b: h(0), shape: [3], range: J.range },
      { k: 'vec', items: [num(1), v('t'), { k: 'neg', a: num(0), shape: [], range: J.range }], shape: [3], range: J.range },
      h(0, 'u'),
      h(7),
    ];
    const work = exprs.flatMap((e) => [1, 2, 3, 6].map((t) => ({ e, env: { t } })));
    expect(compareOn((budget) => forward(m, undefined, { budget }), work)).toBe(work.length);
  });
});

describe('what the evaluator returns', () => {
  it('a bare reference and an entry of a matrix: a plain tensor of the node, never the graph node itself', () => {
    const m = model(vectorNet(3, 3, 3, 2, 2));
    const run = forward(m);
    const h2 = run.node('h', 2)!;
    const r = run.evaluateShared(ref(m, 'h', idx(2)), {});
    // inside the evaluation a reference reads the node (values.ts 'ref'); what leaves it is {shape, data} only
    expect(Object.keys(r).sort()).toEqual(['data', 'shape']);
    expect(r).not.toBe(h2);
    expect(r.data).toBe(h2.data);
    expect(run.evaluateAt(ref(m, 'W_hh'), {}).data).toEqual(run.node('W_hh', null)!.data);
  });
});
