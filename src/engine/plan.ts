// The unrolled graph's shape: one node per (quantity, step), in an order where every node comes
// after everything its equation reads. Built once per model, reused by every evaluation.

import { LIMITS } from '../language/limits';
import type { Expr, Model, Quantity } from '../language/model';
import { displayName } from '../language/print';
import { forChildren } from '../language/resolve';
import { entries } from '../language/shapes';

export interface PlanNode {
  name: string;
  /** null for an untimed quantity */
  step: number | null;
  expr: Expr;
  /** the node keys this node reads */
  deps: string[];
}

export interface Plan {
  order: PlanNode[];
  /** estimated scalar operations of one forward pass */
  work: number;
}

export const nodeKey = (name: string, step: number | null) => (step === null ? name : `${name}@${step}`);

export class PlanError extends Error {
  constructor(message: string, public readonly code: string, public readonly line: number | null = null) {
    super(message);
  }
}

/** the steps at which a quantity has a value, with the equation that gives it */
export function quantitySteps(q: Quantity, T: number): [number | null, Expr][] {
  if (!q.timed) return q.general ? [[null, q.general]] : [];
  const out: [number | null, Expr][] = [];
  for (let s = 0; s <= T + 1; s++) {
    const o = q.overrides.get(s);
    if (o) out.push([s, o]);
    else if (q.general && s >= 1 && s <= T) out.push([s, q.general]);
  }
  return out;
}

export function buildPlan(model: Model): Plan {
  const T = model.T;
  const nodes = new Map<string, PlanNode>();
  let work = 0;
  let depCount = 0;
  for (const q of model.quantities.values()) {
    const cost = exprCost(q.general ?? [...q.overrides.values()][0]!);
    for (const [step, expr] of quantitySteps(q, T)) {
      const deps: string[] = [];
      collectDeps(expr, step === null ? {} : { t: step }, model, deps);
      depCount += deps.length;
      if (depCount > 5_000_000) throw new PlanError(`the unrolled graph has more than 5,000,000 edges (limit)`, 'limit', q.line);
      nodes.set(nodeKey(q.name, step), { name: q.name, step, expr, deps });
      work += cost;
    }
    if (work > LIMITS.maxWork) {
      throw new PlanError(`network too large to analyse in time: about ${Math.round(work).toLocaleString('en')} operations per pass (limit ${LIMITS.maxWork.toLocaleString('en')})`, 'limit', q.line);
    }
  }
  // Kahn's algorithm, iterative (recurrences are thousands of steps deep)
  const indeg = new Map<string, number>();
  const users = new Map<string, string[]>();
  for (const [k, n] of nodes) {
    let d = 0;
    for (const dep of n.deps) {
      if (!nodes.has(dep)) continue;
      d++;
      let u = users.get(dep);
      if (!u) users.set(dep, (u = []));
      u.push(k);
    }
    indeg.set(k, d);
  }
  const queue: string[] = [];
  for (const [k, d] of indeg) if (d === 0) queue.push(k);
  const order: PlanNode[] = [];
  for (let qi = 0; qi < queue.length; qi++) {
    const k = queue[qi]!;
    order.push(nodes.get(k)!);
    for (const u of users.get(k) ?? []) {
      const d = indeg.get(u)! - 1;
      indeg.set(u, d);
      if (d === 0) queue.push(u);
    }
  }
  if (order.length < nodes.size) {
    const stuck = [...indeg].filter(([, d]) => d > 0).map(([k]) => k);
    const first = nodes.get(stuck[0]!)!;
    const names = [...new Set(stuck.map((k) => displayName(nodes.get(k)!.name)))];
    throw new PlanError(`dependency cycle across steps among ${names.join(', ')}: no order computes ${displayName(first.name)}${first.step === null ? '' : `_${first.step}`}`, 'cycle', model.quantities.get(first.name)?.line ?? null);
  }
  return { order, work };
}

function collectDeps(e: Expr, env: Record<string, number>, model: Model, out: string[]): void {
  if (e.k === 'ref') {
    if (!model.quantities.has(e.name)) return;
    const step = e.idx ? (e.idx.v === null ? 0 : env[e.idx.v]!) + e.idx.k : null;
    out.push(nodeKey(e.name, step));
    return;
  }
  if (e.k === 'sum' || e.k === 'prod') {
    const a = (e.from.v === null ? 0 : env[e.from.v]!) + e.from.k;
    const b = (e.to.v === null ? 0 : env[e.to.v]!) + e.to.k;
    for (let i = a; i <= b; i++) collectDeps(e.body, { ...env, [e.v]: i }, model, out);
    return;
  }
  forChildren(e, (c) => collectDeps(c, env, model, out));
}

/** scalar operations of one evaluation of an expression (Σ bodies counted once per step of T at most) */
function exprCost(e: Expr): number {
  let c = 0;
  const go = (x: Expr) => {
    const n = entries(x.shape ?? []);
    if (x.k === 'matmul') {
      const a = x.a.shape ?? [];
      c += n * (a.length === 2 ? a[1]! : 1);
    } else c += n;
    forChildren(x, go);
  };
  go(e);
  return c + 1;
}
