// What the hovers and the panel show of the unrolled graph: nodes with values and ∂loss/∂node,
// edges with the gradient that flows back along them, per-quantity partials and the flow picture.

import { defineLazy } from '../language/lazy';
import { idxValue } from '../language/idx';
import { nameOfKey, nodeIdOf, nodeKey } from '../ids';
import { LIMITS } from '../language/limits';
import type { Expr, Idx, Model } from '../language/model';
import { refText } from '../language/print';
import { forChildren, walkRefs } from '../language/resolve';
import type { FlowReport, Form, GraphEdge, GraphNode, GraphReport, NodeKind, PartialReport, QuantityReport } from '../report';
import type { Plan } from './plan';
import { quantitySteps } from './plan';
import type { Env, Run } from './run';
import { norm2, toValue } from './tensor';
import { withVar } from './env';

/** the Report's key of a model key at a step (the untimed twin "L#" is the node "L") */
const graphKey = (key: string, t: number | null) => nodeKey({ name: nameOfKey(key), step: t });

function kindOf(model: Model, name: string, step: number | null): NodeKind {
  const d = model.decls.get(name);
  if (d) return d.kind;
  const q = model.quantities.get(name)!;
  if (name === model.loss) return 'loss';
  if (q.timed && step !== null && q.overrides.has(step)) return 'state';
  return 'quantity';
}

/**
 * Recurrent quantities: the states (read at another step somewhere) that depend on themselves at another
 * step, directly (h_{t-1} in h_t's equation) or through others (h_{t-1} in the gates that make h_t).
 * Same-step cycles are errors, so any cycle in the graph of quantities crosses steps.
 */
export function recurrentNames(model: Model): string[] {
  const edges = new Map<string, Set<string>>();
  // the states: what some equation reads at another step (h_{t-1}, c_{t-1}); gates are not states
  const states = new Set<string>();
  for (const q of model.quantities.values()) {
    const out = new Set<string>();
    const add = (e: Expr) =>
      walkRefs(e, (r) => {
        if (!model.quantities.get(r.name)?.timed || !r.idx) return;
        out.add(r.name);
        if (r.idx.v === 't' && r.idx.k !== 0) states.add(r.name);
      });
    if (q.timed && q.general) add(q.general);
    edges.set(q.name, out);
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      for (const m of edges.get(n) ?? []) stack.push(m);
    }
    return false;
  };
  const out: string[] = [];
  for (const q of model.quantities.values()) {
    if (!q.timed || !q.general || !states.has(q.name)) continue;
    if ([...edges.get(q.name)!].some((r) => reaches(r, q.name))) out.push(q.name);
  }
  return out;
}

export function flowReport(model: Model, run: Run): FlowReport[] {
  if (!run.loss) return [];
  return recurrentNames(model).map((name) => ({
    name: nameOfKey(name),
    norms: Array.from({ length: model.T }, (_, k) => {
      const g = run.lossGrad(name, k + 1);
      return g ? norm2(g.data) : 0;
    }),
  }));
}

/** the distinct references of an equation, relative to its step: h_{t-1}, x_t, W_hh; `text` as refText prints it */
export function equationRefs(e: Expr): { name: string; idx: Idx | null; text: string }[] {
  const seen = new Map<string, { name: string; idx: Idx | null; text: string }>();
  walkRefs(e, (r) => {
    // references with a Σ-bound index are summarised by their quantity alone
    if (r.idx && r.idx.v !== null && r.idx.v !== 't') return;
    const text = refText(r.name, r.idx);
    if (!seen.has(text)) seen.set(text, { name: r.name, idx: r.idx, text });
  });
  return [...seen.values()];
}

export type PartialFormHook = (quantity: string, wrt: { name: string; idx: Idx | null }) => Form | null;

export function quantityReports(model: Model, run: Run, partialForm: PartialFormHook | null, deadline: number): QuantityReport[] {
  const out: QuantityReport[] = [];
  for (const q of model.quantities.values()) {
    const steps = q.timed ? quantitySteps(q, model.T).map(([s]) => s) : [null];
    const grads = steps
      .filter((s) => s === null || (s >= 1 && s <= model.T))
      .slice(0, LIMITS.maxPartialSteps)
      .map((t) => {
        const g = run.lossGrad(q.name, t);
        return { t, value: g ? toValue(g) : 0 };
      });
    const partials: QuantityReport['partials'] = [];
    if (q.general && Date.now() < deadline) {
      for (const wrt of equationRefs(q.general)) {
        const values: { t: number; value: import('../report').Value }[] = [];
        const last = q.timed ? Math.min(model.T, LIMITS.maxPartialSteps) : 0;
        for (let t = q.timed ? 1 : 0; t <= last; t++) {
          if (q.timed && q.overrides.has(t)) continue;
          const env: Env = q.timed ? { t } : {};
          const A = run.node(q.name, q.timed ? t : null);
          // a step that is not bound here (L = Σ_t L_t read at no step) has no node: asked without stepOf, whose
          // RunError for it was made and caught at every analysis
          const s = wrt.idx ? idxValue(wrt.idx, env) : null;
          const B = s === undefined ? undefined : run.node(wrt.name, s);
          if (!A || !B || A.len * B.len > 256) continue;
          const rows = run.immediate(A).get(B.id) ?? new Float64Array(A.len * B.len);
          const shape = A.len === 1 ? B.shape : B.len === 1 ? A.shape : [A.len, B.len];
          values.push({ t, value: toValue({ shape, data: rows }) });
        }
        const label = `∂⁺${refText(q.name, q.timed ? { v: 't', k: 0 } : null)}/∂${wrt.text}`;
        partials.push(
          partialReport(nameOfKey(q.name), wrt.text, () => partialForm?.(q.name, wrt) ?? { text: label, latex: label }, values),
        );
      }
    }
    out.push({
      name: nameOfKey(q.name),
      kind: kindOf(model, q.name, null) === 'loss' ? 'loss' : 'quantity',
      shape: q.shape,
      timed: q.timed,
      line: q.line,
      equation: q.equationText,
      grads,
      partials,
    });
  }
  return out;
}

/**
 * A partial's report whose symbolic form is derived when first read (a hover or the panel asks for one
 * partial; issue 11: printing every quantity's partials was a tenth of an analysis). The form is an
 * enumerable property in its place, so the Report serialises, clones and compares as if it were plain.
 */
function partialReport(of: string, wrt: string, derive: () => Form, values: PartialReport['values']): PartialReport {
  const out = { of, wrt } as PartialReport;
  defineLazy(out, 'form', derive);
  out.values = values;
  return out;
}

export function graphReport(model: Model, plan: Plan, run: Run): GraphReport {
  const T = model.T;
  const truncated = T > LIMITS.maxGraphSteps;
  const half = Math.floor(LIMITS.maxGraphSteps / 2);
  const shown = (s: number | null) => s === null || !truncated || s <= half || s > T - half;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const stepSet = new Set<number>();
  let capped = false;
  const rows: GraphReport['rows'] = [];
  /** the node's ∂loss/∂node as push read it (graph nodes read it again for their edges' flow) */
  const push = (name: string, t: number | null, kind: NodeKind, timed: boolean): ReturnType<Run['lossGrad']> => {
    const n = run.node(name, t);
    if (!n) return null;
    const g = run.lossGrad(name, t);
    const gn = g ? norm2(g.data) : 0;
    const id = nodeIdOf(name, t, timed);
    nodes.push({
      id: nodeKey(id),
      name: id.name,
      t,
      timed: id.timed,
      kind,
      shape: n.shape,
      value: toValue(n),
      grad: g ? toValue(g) : null,
      gradNorm: gn,
    });
    if (t !== null) stepSet.add(t);
    return g;
  };
  for (const d of model.decls.values()) {
    rows.push({ name: d.name, kind: d.kind, shape: d.shape, timed: d.perStep, line: d.line });
    if (d.perStep)
      for (let t = 1; t <= T; t++) {
        if (shown(t)) push(d.name, t, d.kind, true);
      }
    else push(d.name, null, d.kind, false);
  }
  for (const q of model.quantities.values()) {
    rows.push({ name: nameOfKey(q.name), kind: kindOf(model, q.name, null), shape: q.shape, timed: q.timed, line: q.line });
  }
  for (const pn of plan.order) {
    if (!shown(pn.step)) continue;
    if (nodes.length >= LIMITS.maxGraphNodes) {
      capped = true;
      break;
    }
    const g = push(pn.name, pn.step, kindOf(model, pn.name, pn.step), model.quantities.get(pn.name)?.timed ?? false);
    const to = run.node(pn.name, pn.step)!;
    // ‖∂⁺to/∂from‖ for every input at once (rows of the local Jacobians, kept by the run), skipped for wide nodes
    const wide = to.op === 'leaf' || to.len > 16;
    const J = wide ? null : run.immediate(to);
    // edges: what this node reads; the flow along an edge is the node's loss gradient pushed through its own
    // equation into that input: gᵀ J from the local Jacobians above, or for a wide node one immediate sweep, read
    // below before any other sweep (transient, so no result array and accumulators of its own per node)
    const below = new Map<number, Float64Array>();
    const flowing = g !== null && to.op !== 'leaf' && g.data.some((x) => x !== 0);
    if (flowing && !J) run.tape.sweepTransient(to, g.data, to.start, below);
    const seen = new Set<string>();
    for (const [name, step] of concreteRefs(pn.expr, pn.step === null ? {} : { t: pn.step })) {
      const from = run.node(name, step);
      const id = graphKey(name, step);
      if (!from || seen.has(id) || !shown(step)) continue;
      seen.add(id);
      const jac = J?.get(from.id);
      const contribution = !flowing ? undefined : J ? jac && rowTimes(g.data, jac) : below.get(from.id);
      const local = J ? (jac ? norm2(jac) : 0) : -1;
      edges.push({ from: id, to: graphKey(pn.name, pn.step), local, flow: contribution ? norm2(contribution) : 0 });
    }
  }
  const steps = [...stepSet].sort((a, b) => a - b);
  return { T, steps, rows, nodes, edges, truncated: truncated || capped };
}

/** gᵀ J: a row of m entries times an m×n Jacobian stored by rows (the gradient pushed through one edge) */
function rowTimes(g: Float64Array, J: Float64Array): Float64Array {
  const m = g.length;
  const n = J.length / m;
  if (m === 1) return J.map((x) => g[0]! * x);
  const out = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const gi = g[i]!;
    if (gi !== 0) for (let j = 0; j < n; j++) out[j]! += gi * J[i * n + j]!;
  }
  return out;
}

/** every (name, step) an expression reads at these variable values, Σ/∏ expanded */
function concreteRefs(e: Expr, env: Env): [string, number | null][] {
  const out: [string, number | null][] = [];
  const go = (x: Expr, env: Env) => {
    if (x.k === 'ref') {
      if (!x.idx) out.push([x.name, null]);
      else {
        const step = idxValue(x.idx, env);
        if (step !== undefined) out.push([x.name, step]);
      }
      return;
    }
    if (x.k === 'sum' || x.k === 'prod') {
      const val = (i: Idx) => idxValue(i, env) ?? NaN;
      const a = val(x.from);
      const b = val(x.to);
      for (let i = a; i <= b; i++) go(x.body, withVar(env, x.v, i));
      return;
    }
    forChildren(x, (c) => go(c, env));
  };
  go(e, env);
  return out;
}
