// The step-shift hint reads each trial through a probe (values.ts) instead of building and compiling a shifted,
// frozen copy of the side per candidate and point. It must say exactly what the copies said, and charge the
// budget exactly the operations they charged (the operation limits fall where they fell): the copy-building
// reading is kept here as the reference, and both are run on fresh runs of every pinned Report's text and of
// the seeds, on every check that fails at the file's values (where the hint is asked). Both leave out, unevaluated,
// a trial that moves a reference read at every evaluation to a step with no value at some point (it fails there),
// and both return at once, freezing nothing, when neither side has a timed reference outside a derivative.

import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { exprText } from '../../src/language/print';
import { forChildren, mapChildren, VALUE_CHILDREN } from '../../src/language/resolve';
import { shiftHint, type Claim } from '../../src/engine/check/hints';
import { guard } from '../../src/engine/check/guard';
import { close } from '../../src/engine/check/points';
import { rereadOneStep } from '../../src/engine/check/reread';
import { type Env, type Run } from '../../src/engine/run';
import { failingChecks, freshRun } from './failingCheckCases';

/** the hint as it was: a shifted copy of the frozen side per name, step and point, each evaluated as a new expression */
function copyingShiftHint(c: Claim, run: Run, skip = true): string | null {
  const model = run.model;
  const timed = (name: string) => model.quantities.get(name)?.timed || model.decls.get(name)?.perStep;
  const count = (e: Expr): number => {
    if (e.k === 'ref') return e.idx && timed(e.name) ? 1 : 0;
    if (e.k === 'deriv') return 0;
    let n = 0;
    forChildren(e, (x) => (n += count(x)), VALUE_CHILDREN);
    return n;
  };
  const shift = (e: Expr, target: number, delta: number): { e: Expr; from?: Expr; to?: Expr } => {
    let i = 0;
    let from: Expr | undefined, to: Expr | undefined;
    const go = (x: Expr): Expr => {
      if (x.k === 'deriv') return x;
      if (x.k !== 'ref') return mapChildren(x, go, VALUE_CHILDREN);
      if (!x.idx || !timed(x.name) || i++ !== target) return x;
      from = x;
      to = { ...x, idx: { ...x.idx, k: x.idx.k + delta } };
      return to;
    };
    return { e: go(e), from, to };
  };
  // the k-th timed reference in the walk, and the Σ/∏ around it (outermost first)
  type Loop = Expr & { k: 'sum' | 'prod' };
  const nth = (e: Expr, target: number): { ref: Expr & { k: 'ref' }; loops: Loop[] } | null => {
    let i = 0;
    let hit: { ref: Expr & { k: 'ref' }; loops: Loop[] } | null = null;
    const go = (x: Expr, loops: Loop[]): void => {
      if (x.k === 'deriv' || hit) return;
      if (x.k === 'ref') {
        if (x.idx && timed(x.name) && i++ === target) hit = { ref: x, loops };
        return;
      }
      forChildren(x, (y) => go(y, x.k === 'sum' || x.k === 'prod' ? [...loops, x] : loops), VALUE_CHILDREN);
    };
    go(e, []);
    return hit;
  };
  /** the steps the reference reads at this point (every value of its one Σ/∏), or null when not known here */
  const stepsRead = (r: { ref: Expr & { k: 'ref' }; loops: Loop[] }, env: Env): number[] | null => {
    const plain = (i: { v: string | null; terms?: unknown[] }, vars: (string | null)[]) => !i.terms?.length && vars.includes(i.v);
    const value = (i: { v: string | null; k: number }, at: Env) => (i.v === null ? i.k : at[i.v] === undefined ? null : at[i.v]! + i.k);
    const idx = r.ref.idx!;
    if (r.loops.length > 1) return null;
    const loop = r.loops[0];
    if (!loop) return plain(idx, [null, 't']) && value(idx, env) !== null ? [value(idx, env)!] : null;
    if (!plain(idx, [null, 't', loop.v]) || !plain(loop.from, [null, 't']) || !plain(loop.to, [null, 't'])) return null;
    const [lo, hi] = [value(loop.from, env), value(loop.to, env)];
    if (lo === null || hi === null) return null;
    const out: number[] = [];
    for (let j = lo; j <= hi; j++) out.push(value(idx, { ...env, [loop.v]: j })!);
    return out;
  };
  // no timed reference outside a derivative on either side: no trial, and nothing frozen (as the hint)
  if (skip && count(c.lhs) + count(c.rhs) === 0) return null;
  const frozen = guard(() => c.points.map((p) => ({ env: p.env, lhs: freeze(c.lhs, p.env, run), rhs: freeze(c.rhs, p.env, run) })));
  if (!frozen) return null;
  for (const side of ['rhs', 'lhs'] as const) {
    const n = Math.min(40, count(c[side]));
    for (let k = 0; k < n; k++)
      for (const delta of [1, -1, 2, -2]) {
        // a reference read at every evaluation, moved where some point has no value, fails: not evaluated
        const r = nth(c[side], k);
        const missing = frozen.some((f) => (r && stepsRead(r, f.env)?.some((step) => !run.node(r.ref.name, step + delta))) ?? false);
        if (skip && missing) continue;
        let named: { from?: Expr; to?: Expr } = {};
        const holds = guard(() =>
          frozen.every((f) => {
            const s = shift(f[side], k, delta);
            if (!s.from || !s.to) return false;
            named = s;
            const l = side === 'lhs' ? s.e : f.lhs;
            const r = side === 'rhs' ? s.e : f.rhs;
            return close(run.evaluateAt(l, f.env).data, run.evaluateAt(r, f.env).data);
          }),
        );
        if (holds && named.from && named.to)
          return `${exprText(named.from)} should be ${exprText(named.to)}: with that step the check holds`;
      }
  }
  return null;
}

function freeze(e: Expr, env: Env, run: Run): Expr {
  const go = (x: Expr): Expr => {
    switch (x.k) {
      case 'deriv': {
        const v = run.evaluateAt(x, env);
        const lit = (value: number): Expr => ({ k: 'num', value, shape: [], range: x.range });
        if (v.shape.length === 0 || v.data.length === 1) return lit(v.data[0]!);
        if (v.shape.length === 1) return { k: 'vec', items: Array.from(v.data, lit), shape: v.shape, range: x.range };
        if (v.shape.length === 2) {
          const [m, n] = v.shape as [number, number];
          return {
            k: 'mat',
            rows: Array.from({ length: m }, (_, i) => Array.from(v.data.subarray(i * n, i * n + n), lit)),
            shape: v.shape,
            range: x.range,
          };
        }
        return x;
      }
      case 'sum':
      case 'prod':
        return x;
      default:
        return mapChildren(x, go);
    }
  };
  return go(e);
}

describe('the step-shift hint read through probes', () => {
  it('says what the shifted copies said and charges the operations they charged, on every failing check', () => {
    let asked = 0;
    let named = 0;
    for (const { name, text, model, q, points, first: probe } of failingChecks()) {
      const copy = freshRun(text, q);
      // the claim as written, and its one-step re-reading when it has one (answerCheck asks both)
      const rr = rereadOneStep(q.lhs, q.rhs, model);
      for (const [lhs, rhs] of [[q.lhs, q.rhs], ...(rr ? [[rr.lhs, rr.rhs]] : [])] as [Expr, Expr][]) {
        const claim: Claim = { lhs, rhs, points, freeT: q.freeT };
        const [p0, c0] = [probe.budget.ops, copy.budget.ops];
        const got = shiftHint(claim, probe.run);
        const want = copyingShiftHint(claim, copy.run);
        expect(got, `${name}: ${q.text}`).toBe(want);
        // the trials left out fail when they are evaluated: the message is the one every trial gives
        expect(got, `${name}: ${q.text} (every trial evaluated)`).toBe(copyingShiftHint(claim, freshRun(text, q).run, false));
        expect(probe.budget.ops - p0, `${name}: ${q.text} (operations)`).toBe(copy.budget.ops - c0);
        asked++;
        if (got) named++;
      }
    }
    // the comparison ran, and on texts where the hint names a step
    expect(asked).toBeGreaterThan(100);
    expect(named).toBeGreaterThan(5);
  }, 120_000);
});
