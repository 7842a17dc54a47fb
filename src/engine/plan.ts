// The unrolled graph's shape: one node per (quantity, step), in an order where every node comes
// after everything its equation reads. Built once per model, reused by every evaluation.

import { nodeKey as idKey } from '../ids';
import { LIMITS } from '../language/limits';
import { idxValue } from '../language/idx';
import type { Expr, Model, Quantity, Shape } from '../language/model';
import { displayName } from '../language/print';
import { forChildren } from '../language/resolve';
import { entries } from '../language/shapes';
import { zerosI32 } from './slab';
import { withVar } from './env';

export interface PlanNode {
  name: string;
  /** null for an untimed quantity */
  step: number | null;
  expr: Expr;
  /** nodeKey(name, step): where value overrides give this node (made once, not per forward run) */
  key: string;
  /** the bindings its equation is evaluated with ({ t: step }, {} untimed): shared by every run, never written */
  env: Record<string, number>;
  /** the quantity's shape, and whether a scalar equation's value is spread over it (more than one entry) */
  shape: Shape;
  spread: boolean;
}

export interface Plan {
  order: PlanNode[];
  /** estimated scalar operations of one forward pass */
  work: number;
}

/** the key of a model name at a step in value overrides ("h@0"), as src/ids.ts spells every node key */
export const nodeKey = (name: string, step: number | null) => idKey({ name, step });

export class PlanError extends Error {
  constructor(
    message: string,
    public readonly code: string,
    public readonly line: number | null = null,
  ) {
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

/**
 * The unrolled graph has a node per quantity and step: 2,000 quantities at T = 1,000 are 2,000,000, whose plan
 * alone took seconds before the forward pass ran into the operation limit. Past LIMITS.maxUnrolledNodes it is
 * an error naming the count (LANGUAGE.md §6: a clear error naming the limit, never a wait).
 */
function tooManyNodes(model: Model, slots: number): void {
  if (slots <= LIMITS.maxUnrolledNodes) return;
  const timed = [...model.quantities.values()].filter((q) => q.timed).length;
  throw new PlanError(
    `the unrolled graph would have ${slots.toLocaleString('en')} nodes (${timed.toLocaleString('en')} quantities over T + 2 = ${(model.T + 2).toLocaleString('en')} steps), more than ${LIMITS.maxUnrolledNodes.toLocaleString('en')} (limit)`,
    'limit',
    1,
  );
}

export function buildPlan(model: Model): Plan {
  const T = model.T;
  // every (quantity, step) gets an integer slot: base[name] + step (one slot for untimed quantities)
  const base = new Map<string, number>();
  let slots = 0;
  for (const q of model.quantities.values()) {
    base.set(q.name, slots);
    slots += q.timed ? T + 2 : 1;
  }
  tooManyNodes(model, slots);
  const slotOf = (name: string, step: number | null) => {
    const b = base.get(name);
    if (b === undefined) return -1;
    return b + (step ?? 0);
  };
  const nodes: (PlanNode | undefined)[] = new Array(slots);
  const depSlots: number[][] = new Array(slots);
  let work = 0;
  let depCount = 0;
  for (const q of model.quantities.values()) {
    const cost = exprCost(q.general ?? [...q.overrides.values()][0]!);
    // the general equation's references, read once for all its steps (null: it has a Σ/∏, walked per step)
    let refsOf: Expr | null = null;
    let refs: (Expr & { k: 'ref' })[] | null = null;
    for (const [step, expr] of quantitySteps(q, T)) {
      const deps: number[] = [];
      const env: Record<string, number> = step === null ? {} : { t: step };
      if (expr !== refsOf) refs = quantityRefs((refsOf = expr), model);
      if (refs) for (const r of refs) deps.push(slotOf(r.name, r.idx ? idxValue(r.idx, env)! : null));
      else collectDeps(expr, env, model, (name, s) => deps.push(slotOf(name, s)));
      depCount += deps.length;
      if (depCount > 5_000_000) throw new PlanError(`the unrolled graph has more than 5,000,000 edges (limit)`, 'limit', q.line);
      const slot = slotOf(q.name, step);
      nodes[slot] = {
        name: q.name,
        step,
        expr,
        key: nodeKey(q.name, step),
        env,
        shape: q.shape,
        spread: entries(q.shape) > 1,
      };
      depSlots[slot] = deps;
      work += cost;
    }
    if (work > LIMITS.maxWork) {
      throw new PlanError(
        `network too large to analyse in time: about ${Math.round(work).toLocaleString('en')} operations per pass (limit ${LIMITS.maxWork.toLocaleString('en')})`,
        'limit',
        q.line,
      );
    }
  }
  // Kahn's algorithm over the slots, iterative (recurrences are thousands of steps deep)
  const indeg = zerosI32(slots);
  const userCount = zerosI32(slots + 1);
  for (let i = 0; i < slots; i++) {
    if (!nodes[i]) continue;
    for (const d of depSlots[i]!)
      if (d >= 0 && nodes[d]) {
        indeg[i]!++;
        userCount[d + 1]!++;
      }
  }
  for (let i = 0; i < slots; i++) userCount[i + 1]! += userCount[i]!;
  const users = zerosI32(userCount[slots]!);
  // a copy from the slab (a typed array's slice() gets a buffer of its own, slab.ts)
  const fillAt = zerosI32(slots);
  fillAt.set(userCount.subarray(0, slots));
  for (let i = 0; i < slots; i++) {
    if (!nodes[i]) continue;
    for (const d of depSlots[i]!) if (d >= 0 && nodes[d]) users[fillAt[d]!++] = i;
  }
  const queue: number[] = [];
  let total = 0;
  for (let i = 0; i < slots; i++)
    if (nodes[i]) {
      total++;
      if (indeg[i] === 0) queue.push(i);
    }
  const order: PlanNode[] = [];
  for (let qi = 0; qi < queue.length; qi++) {
    const k = queue[qi]!;
    order.push(nodes[k]!);
    for (let u = userCount[k]!; u < userCount[k + 1]!; u++) {
      const v = users[u]!;
      if (--indeg[v]! === 0) queue.push(v);
    }
  }
  if (order.length < total) {
    const stuck: PlanNode[] = [];
    for (let i = 0; i < slots; i++) if (nodes[i] && indeg[i]! > 0) stuck.push(nodes[i]!);
    const first = stuck[0]!;
    const names = [...new Set(stuck.map((n) => displayName(n.name)))];
    throw new PlanError(
      `dependency cycle across steps among ${names.join(', ')}: no order computes ${displayName(first.name)}${first.step === null ? '' : `_${first.step}`}`,
      'cycle',
      model.quantities.get(first.name)?.line ?? null,
    );
  }
  return { order, work };
}

/**
 * the references to quantities of an equation with no Σ/∏, in collectDeps's order (the plan's order follows
 * it); null when it has one (a Σ's bindings change what it reads). Walking the equation again at every step
 * was most of what a plan cost.
 */
function quantityRefs(e: Expr, model: Model): (Expr & { k: 'ref' })[] | null {
  const out: (Expr & { k: 'ref' })[] = [];
  let bound = false;
  const go = (x: Expr) => {
    if (x.k === 'ref') {
      if (model.quantities.has(x.name)) out.push(x);
    } else if (x.k === 'sum' || x.k === 'prod') bound = true;
    else if (!bound) forChildren(x, go);
  };
  go(e);
  return bound ? null : out;
}

function collectDeps(e: Expr, env: Record<string, number>, model: Model, out: (name: string, step: number | null) => void): void {
  if (e.k === 'ref') {
    if (!model.quantities.has(e.name)) return;
    out(e.name, e.idx ? idxValue(e.idx, env)! : null);
    return;
  }
  if (e.k === 'sum' || e.k === 'prod') {
    const a = idxValue(e.from, env)!;
    const b = idxValue(e.to, env)!;
    const inner = withVar(env, e.v, a);
    for (let i = a; i <= b; i++) {
      inner[e.v] = i;
      collectDeps(e.body, inner, model, out);
    }
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
