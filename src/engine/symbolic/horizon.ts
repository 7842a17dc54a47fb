// A long horizon derived on a short one. For a network whose equations are the same at every step (one
// general equation, a bounded lag, special cases only near the ends), ∂L/∂W at T = 1000 is ∂L/∂W at a
// proxy horizon T′ of a dozen steps with its middle stretched: the first L steps stay, the steps near the
// end move by Δ = T − T′, and each step in between is the proxy's middle step L+1 shifted. So:
//  - the forms are derived and printed once on the proxy, every concrete step printed as its real step
//    (print.ts withStepMap); a second proxy whose middle step is one further from either end must print
//    exactly the same forms, else the
//    network is not uniform enough and the caller derives on the real horizon;
//  - the numbers are the proxy's general step evaluated at every real step: one Evaluator per shift, whose
//    leaves read the run at the shifted step and whose named subexpressions at another real step (δ_{t+1}
//    inside δ_t) are looked up as the proxy's node for that step at its own shift.
// Derivation work is then constant in T and only the numeric evaluation is linear.

import { Memo } from '../memo';
import type { Expr, Idx, Model, Quantity } from '../../language/model';
import { asMat, fromMat, size, type Label, type Node, type NodeName } from './ir';
import { charge } from '../budget';
import { applyFn, evalCharged, Evaluator, matmul as matmulOf, type LeafValues, type Tensor } from './evaluate';
import type { Derivation, PlusSearch, StepItem } from './derive';

export interface Horizon {
  /** the real horizon and the proxy's */
  T: number;
  Tp: number;
  /** proxy steps 1..L are real steps 1..L; proxy steps above L are real steps + Δ */
  L: number;
  delta: number;
  /** the last step written as a number near the start (h_0, Σ_{t=1}) and the first near the end (y_T), real */
  low: number;
  high: number;
}

/** A proxy step (or an absolute step written in the proxy) as the real step. */
export function realStep(h: Horizon, s: number): number {
  return s <= h.L ? s : s + h.delta;
}

/** The proxy step a real step is written at, and the shift from it. */
export function proxyAt(h: Horizon, r: number): { p: number; shift: number } {
  if (r <= h.L + 1) return { p: r, shift: 0 };
  if (r >= h.L + 1 + h.delta) return { p: r - h.delta, shift: h.delta };
  return { p: h.L + 1, shift: r - h.L - 1 };
}

class NotUniform extends Error {}

const isIdx = (x: object): x is Idx => 'v' in x && typeof (x as unknown as { k: unknown }).k === 'number';

/** Every time index of the model's equations (and the override steps). */
function eachIdx(model: Model, f: (i: Idx) => void, override: (k: number) => void): void {
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || ArrayBuffer.isView(x)) return;
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    if (isIdx(x)) {
      f(x);
      return;
    }
    for (const v of Object.values(x)) walk(v);
  };
  for (const q of model.quantities.values()) {
    walk(q.general);
    for (const [k, e] of q.overrides) {
      override(k);
      walk(e);
    }
  }
}

/**
 * The proxy horizon for a model, or null when none is worth it: L and T′ leave the middle step L+1 at
 * least 3·lag + 2 steps away from every step written as a number (h_0, Σ_{t=1}^{T}, y_T, overrides).
 */
export function horizonFor(model: Model): Horizon | null {
  const T = model.T;
  let lag = 1;
  let low = 1;
  let high = T;
  let ok = true;
  const constant = (k: number): void => {
    if (k <= T / 2) low = Math.max(low, k);
    else high = Math.min(high, k);
  };
  eachIdx(
    model,
    (i) => {
      if (i.terms?.length) ok = false;
      else if (i.v === null) constant(i.k);
      else lag = Math.max(lag, Math.abs(i.k));
    },
    constant,
  );
  if (!ok) return null;
  const margin = 3 * lag + 2;
  const L = low + margin;
  const Tp = L + 1 + (T - high) + margin;
  if (T < 2 * Tp + 1) return null;
  return { T, Tp, L, delta: T - Tp, low, high };
}

/** The model on the proxy horizon: every absolute step above L moved down by Δ. */
function proxyModel(model: Model, h: Horizon): Model {
  const mapIdx = (i: Idx): Idx => (i.v === null && i.k > h.L ? { ...i, k: i.k - h.delta } : i);
  const clone = (x: unknown): unknown => {
    if (!x || typeof x !== 'object' || ArrayBuffer.isView(x)) return x;
    if (Array.isArray(x)) return x.map(clone);
    if (isIdx(x)) return mapIdx(x);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = clone(v);
    return out;
  };
  const quantities = new Map<string, Quantity>();
  for (const [name, q] of model.quantities) {
    const overrides = new Map<number, Expr>();
    for (const [k, e] of q.overrides) overrides.set(k > h.L ? k - h.delta : k, clone(e) as Expr);
    quantities.set(name, { ...q, general: clone(q.general) as Expr | null, overrides });
  }
  return { ...model, T: h.Tp, quantities };
}

const proxies = new Memo<Model, Map<string, Model>>();

/** The proxy model of a horizon (one per model, T′ and L, so derivations on it share their context). */
export function proxyOf(model: Model, h: Horizon): Model {
  let byKey = proxies.get(model);
  if (!byKey) proxies.set(model, (byKey = new Map()));
  const key = `${h.Tp}:${h.L}`;
  let m = byKey.get(key);
  if (!m) byKey.set(key, (m = proxyModel(model, h)));
  return m;
}

/**
 * Whether the bounded searches that chose ∂⁺ or ∂ for the proxy's edges give the real horizon's answers:
 * a search that walked into the steps near the start or the end could walk further on the real horizon
 * and stop at its bound instead (derive.ts needsPlus). Each search must stay where the proxy and the real
 * horizon look alike from where it started: inside the uniform middle, or (from the first L steps) below
 * the middle step, or (from the steps after it) above it.
 */
export function searchesAgree(h: Horizon, searches: readonly PlusSearch[]): boolean {
  const proxyHigh = h.high - h.delta;
  return searches.every(
    (s) => (s.lo > h.low && s.hi < proxyHigh) || (s.from <= h.L && s.hi <= h.L + 1) || (s.from >= h.L + 2 && s.lo >= h.L + 1),
  );
}

// ---- numbers at the real horizon -------------------------------------------------------------

/** A named subexpression's step and its label with steps relative to that step (null: untimed). */
function symKey(l: Label): { key: string; step: number | null } {
  const rel = (n: NodeName, at: number): string => ('expr' in n ? `e${n.expr.id}` : `${n.name}@${n.step === null ? 'n' : n.step - at}`);
  switch (l.kind) {
    case 'pre':
      return { key: `p|${l.q}|${l.n}`, step: l.step };
    case 'adj':
      return { key: `a|${l.q}|${l.letter}`, step: l.step };
    case 'jac': {
      const of = 'expr' in l.of ? null : l.of.step;
      const wrt = 'expr' in l.wrt ? null : l.wrt.step;
      const at = of ?? wrt;
      return at === null ? { key: '', step: null } : { key: `j|${rel(l.of, at)}|${rel(l.wrt, at)}|${l.plus}`, step: at };
    }
  }
}

function matmul(a: Tensor, b: Tensor): Tensor {
  const [m, k] = asMat(a.shape);
  const [k2, n] = asMat(b.shape);
  if (k !== k2) throw new NotUniform(`matmul ${a.shape} @ ${b.shape}`);
  return matmulOf(a, b, fromMat(m, n));
}

/**
 * The proxy's nodes evaluated at real steps. A node is evaluated in a slot: 0 is the untimed context
 * (every step read as its real step), slot σ + 1 the node shifted by σ steps (steps written relative to
 * t move by σ, absolute ones are read as their real step). A named subexpression whose real step the
 * proxy writes at another shift is read there (δ_{t+1} inside δ_t of the middle step at shift σ is the
 * middle step's δ at shift σ + 1): one value per real step, as the real horizon has.
 */
class ShiftEval {
  /** per node id: its value per slot */
  private memo = new Map<number, (Tensor | undefined)[]>();
  private keys = new Map<number, { key: string; step: number | null }>();
  /** the proxy's named subexpressions by relative label, then step */
  readonly registry = new Map<string, Map<number, Node>>();
  private seen = new Set<number>();

  constructor(
    private h: Horizon,
    private leaf: LeafValues,
  ) {}

  keyOf(n: Node): { key: string; step: number | null } {
    let k = this.keys.get(n.id);
    if (!k) this.keys.set(n.id, (k = symKey(n.label!)));
    return k;
  }

  /** Record the named subexpressions below a root, so a shifted one can be found by its label. */
  register(root: Node): void {
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (this.seen.has(n.id)) continue;
      this.seen.add(n.id);
      if (size(n.shape) !== 1) this.allScalar = false;
      if (n.op === 'sym') {
        const k = this.keyOf(n);
        if (k.step !== null) {
          let bySteps = this.registry.get(k.key);
          if (!bySteps) this.registry.set(k.key, (bySteps = new Map()));
          bySteps.set(k.step, n);
        }
        stack.push(n.def!);
      } else for (const a of n.args) stack.push(a);
    }
  }

  /** Where a named subexpression met in a slot is evaluated, when not right there (null). */
  target(n: Node, slot: number): [Node, number] | null {
    const k = this.keyOf(n);
    if (k.step === null) return slot === 0 ? null : [n, 0];
    const r = slot === 0 ? realStep(this.h, k.step) : k.step + slot - 1;
    const { p, shift } = proxyAt(this.h, r);
    if (shift + 1 === slot) return null;
    const c = p === k.step ? n : this.registry.get(k.key)?.get(p);
    if (!c) throw new NotUniform(`no proxy node for ${k.key} at step ${p}`);
    return [c, shift + 1];
  }

  private get(n: Node, slot: number): Tensor | undefined {
    return this.memo.get(n.id)?.[slot];
  }
  private set(n: Node, slot: number, t: Tensor): void {
    let bySlot = this.memo.get(n.id);
    if (!bySlot) this.memo.set(n.id, (bySlot = new Array<Tensor | undefined>(this.h.delta + 2)));
    bySlot[slot] = t;
  }

  private leafValue(n: Node, slot: number): Tensor {
    const step = n.step ?? null;
    const real = step === null ? null : slot === 0 || n.abs ? realStep(this.h, step) : step + slot - 1;
    const v = this.leaf(n.name!, real);
    if (!v) throw new Error(`evaluate: no value for ${n.name}${real === null ? '' : `@${real}`}`);
    if (v.data.length !== size(n.shape)) throw new Error(`evaluate: ${n.name} has ${v.data.length} entries, expected ${size(n.shape)}`);
    charge(v.data.length);
    return { shape: n.shape, data: v.data };
  }

  /** Every node registered so far has one entry: the scalar evaluation below applies. */
  allScalar = true;
  // by node id (the proxy's ids are few and dense): the value per slot, and whether it is there
  private nums: (Float64Array | undefined)[] = [];
  private has: (Uint8Array | undefined)[] = [];

  private getNum(n: Node, slot: number): number | undefined {
    return this.has[n.id]?.[slot] ? this.nums[n.id]![slot] : undefined;
  }
  private setNum(n: Node, slot: number, x: number): void {
    let v = this.nums[n.id];
    if (!v) {
      this.nums[n.id] = v = new Float64Array(this.h.delta + 2);
      this.has[n.id] = new Uint8Array(this.h.delta + 2);
    }
    v[slot] = x;
    this.has[n.id]![slot] = 1;
  }

  /**
   * The value of a proxy node of a scalar network in a slot, as a number: the arithmetic of evaluate.ts's
   * evalNode on one entry, in the same order (so the same float), without a tensor per node and step.
   */
  num(root: Node, rootSlot: number): number {
    const done = this.getNum(root, rootSlot);
    if (done !== undefined) return done;
    // childrenFirst with its visit written out: this loop runs ~20 times per node and step (70,000 times
    // for the sheet-7 network at T = 1000), where the closures and their lookups were most of the work
    const nodes = this.numNodes;
    const slots = this.numSlots;
    const expanded = this.numExpanded;
    nodes.length = slots.length = expanded.length = 0;
    nodes.push(root);
    slots.push(rootSlot);
    expanded.push(0);
    while (nodes.length) {
      const n = nodes.pop()!;
      const slot = slots.pop()!;
      const ex = expanded.pop()!;
      if (this.has[n.id]?.[slot]) continue;
      if (n.op === 'num') {
        this.setNum(n, slot, n.num!);
        continue;
      }
      if (n.op === 'leaf') {
        // a shared parameter reads the same at every shift
        const other = n.step === null || n.step === undefined ? this.getNum(n, slot === 1 ? 0 : 1) : undefined;
        this.setNum(n, slot, other ?? this.leafValue(n, slot).data[0]!);
        continue;
      }
      if (n.op === 'sym') {
        const [to, toSlot] = this.target(n, slot) ?? [n.def!, slot];
        const v = this.getNum(to, toSlot);
        if (v !== undefined) this.setNum(n, slot, v);
        else if (ex) throw new Error('evaluate: a named subexpression did not evaluate');
        else {
          nodes.push(n, to);
          slots.push(slot, toSlot);
          expanded.push(1, 0);
        }
        continue;
      }
      if (!ex) {
        nodes.push(n);
        slots.push(slot);
        expanded.push(1);
        for (const k of n.args)
          if (!this.has[k.id]?.[slot]) {
            nodes.push(k);
            slots.push(slot);
            expanded.push(0);
          }
        continue;
      }
      charge(1);
      this.setNum(n, slot, this.scalarOp(n, slot));
    }
    return this.getNum(root, rootSlot)!;
  }
  // num's stacks, kept between calls (num never calls itself)
  private numNodes: Node[] = [];
  private numSlots: number[] = [];
  private numExpanded: number[] = [];

  private scalarOp(n: Node, slot: number): number {
    const a = (i: number): number => this.getNum(n.args[i], slot)!;
    switch (n.op) {
      case 'num':
        return n.num!;
      case 'zero':
        return 0;
      case 'ones':
      case 'eye':
        return 1;
      case 'add': {
        let s = 0;
        for (let i = 0; i < n.args.length; i++) s += a(i);
        return s;
      }
      case 'mul':
      case 'had':
      case 'kron': {
        let p = 1;
        for (let i = 0; i < n.args.length; i++) p *= a(i);
        return p;
      }
      case 'matmul': {
        // evalNode skips a zero entry of the left side (0 · ∞ stays 0)
        const x = a(0);
        return x === 0 ? 0 : 0 + x * a(1);
      }
      case 'pow':
        return a(0) ** a(1);
      case 'div':
        return a(0) / a(1);
      case 'call':
        return applyFn(n.fn!, a(0));
      case 'softmax': {
        const x = a(0);
        return Math.exp(x - x) / Math.exp(x - x);
      }
      case 'sumall':
        return 0 + a(0);
      case 'mean':
        return (0 + a(0)) / 1;
      case 'pick':
      case 'basis':
        throw new Error('evaluate: a vector entry in a scalar network');
      case 'T':
      case 'diag':
      case 'index':
      case 'vecop':
      case 'vec':
      case 'mat':
        return a(0);
      case 'leaf':
      case 'sym':
        throw new Error('evaluate: handled above');
    }
  }

  /** The value of a proxy node in a slot (iterative: a δ-recursion of length T never deepens the stack). */
  value(root: Node, rootSlot: number): Tensor {
    if (this.allScalar) return { shape: root.shape, data: Float64Array.of(this.num(root, rootSlot)) };
    const done = this.get(root, rootSlot);
    if (done) return done;
    this.childrenFirst(root, rootSlot, {
      known: (n, slot) => this.get(n, slot) !== undefined,
      copy: (n, slot, from, fromSlot) => this.set(n, slot, this.get(from, fromSlot)!),
      direct: (n, slot) => n.op === 'leaf' && (this.set(n, slot, this.leafValue(n, slot)), true),
      compute: (n, slot) => {
        const args: Tensor[] = new Array(n.args.length);
        for (let i = 0; i < n.args.length; i++) args[i] = this.get(n.args[i], slot)!;
        this.set(n, slot, evalCharged(n, args, this.leaf));
      },
    });
    return this.get(root, rootSlot)!;
  }

  /**
   * Every node below root that `known` lacks, in a slot, handed to `compute` after its arguments (iterative:
   * a δ-recursion of length T never deepens the stack); leaves and the like are set by `direct`, a named
   * subexpression takes its definition's value (at the slot `target` redirects it to).
   */
  private childrenFirst(root: Node, rootSlot: number, v: SlotVisit): void {
    const nodes: Node[] = [root];
    const slots: number[] = [rootSlot];
    const expanded: boolean[] = [false];
    while (nodes.length) {
      const n = nodes.pop()!;
      const slot = slots.pop()!;
      const ex = expanded.pop()!;
      if (v.known(n, slot) || v.direct(n, slot)) continue;
      if (n.op === 'sym') {
        const [to, toSlot] = this.target(n, slot) ?? [n.def!, slot];
        if (v.known(to, toSlot)) v.copy(n, slot, to, toSlot);
        else if (ex) throw new Error('evaluate: a named subexpression did not evaluate');
        else {
          nodes.push(n, to);
          slots.push(slot, toSlot);
          expanded.push(true, false);
        }
        continue;
      }
      if (!ex) {
        nodes.push(n);
        slots.push(slot);
        expanded.push(true);
        for (const k of n.args)
          if (!v.known(k, slot)) {
            nodes.push(k);
            slots.push(slot);
            expanded.push(false);
          }
        continue;
      }
      v.compute(n, slot);
    }
  }
}

/** What childrenFirst asks of an evaluation: its store, and how it sets leaves and computes the rest. */
interface SlotVisit {
  known(n: Node, slot: number): boolean;
  copy(n: Node, slot: number, from: Node, fromSlot: number): void;
  /** sets n's value at once when it needs no arguments (a leaf; a number); false otherwise */
  direct(n: Node, slot: number): boolean;
  compute(n: Node, slot: number): void;
}

/** The proxy derivation's forms evaluated at the real horizon's values. */
export class StretchedValues {
  private ev: ShiftEval;
  /** row-vector evaluation (a vector network's gradient from the loss side): an Evaluator per slot */
  private rowEvs = new Map<number, Evaluator>();

  constructor(
    private d: Derivation,
    private h: Horizon,
    private leaf: LeafValues,
  ) {
    this.ev = new ShiftEval(h, leaf);
  }

  private rowEv(slot: number): Evaluator {
    let ev = this.rowEvs.get(slot);
    if (!ev) {
      const h = this.h;
      const leaf = this.leaf;
      ev = new Evaluator(
        (name, step, abs) => leaf(name, step === null ? null : slot === 0 || abs ? realStep(h, step) : step + slot - 1),
        (n) => {
          const to = this.ev.target(n, slot);
          return to ? { ev: this.rowEv(to[1]), n: to[0] } : null;
        },
      );
      this.rowEvs.set(slot, ev);
    }
    return ev;
  }

  /** The δ-recursion's result: the sum of its per-step items at every real step. */
  recursive(): Float64Array {
    const r = this.d.recursive;
    if (!r) throw new NotUniform('no recursion');
    const items = this.realItems(r.result);
    this.ev.register(r.value);
    const out = new Float64Array(size(r.value.shape));
    const add = (v: Tensor): void => {
      if (v.data.length === 1) for (let j = 0; j < out.length; j++) out[j] += v.data[0];
      else for (let j = 0; j < out.length; j++) out[j] += v.data[j];
    };
    for (const it of items) {
      // the real sum is one flat sum: an item that is itself a sum adds its terms one by one
      if (it.node.op === 'add') for (const a of it.node.args) add(this.ev.value(a, it.slot));
      else add(this.ev.value(it.node, it.slot));
    }
    return out;
  }

  /** The proxy's per-step items as the real horizon's: the middle step's block repeated once per shift. */
  private realItems(items: StepItem[]): { node: Node; slot: number }[] {
    const timed = items.filter((x) => x.step !== null).map((x) => x.step!);
    const up = timed.length < 2 || timed[0] <= timed[timed.length - 1];
    for (let i = 1; i < timed.length; i++)
      if (up ? timed[i] < timed[i - 1] : timed[i] > timed[i - 1]) throw new NotUniform('items out of step order');
    const mid = this.h.L + 1;
    const block = items.filter((x) => x.step === mid);
    const out: { node: Node; slot: number }[] = [];
    let blockDone = false;
    for (const it of items) {
      if (it.step === null) out.push({ node: it.node, slot: 0 });
      else if (it.step !== mid) out.push({ node: it.node, slot: (it.step < mid ? 0 : this.h.delta) + 1 });
      else if (!blockDone) {
        blockDone = true;
        for (let k = 0; k <= this.h.delta; k++) {
          const shift = up ? k : this.h.delta - k;
          for (const b of block) out.push({ node: b.node, slot: shift + 1 });
        }
      }
    }
    return out;
  }

  /** The general chain Σ_t prefix_t Σ_k (∏ J_j) P_k, regrouped from the output side, at the real horizon. */
  general(): Float64Array {
    const g = this.d.general;
    if (!g) throw new NotUniform('no general form');
    const h = this.h;
    const vjp = this.d.vjp;
    // a vector network's rows times Jacobians go through Evaluator.rowTimes (diag and I ⊗ hᵀ act on the row)
    const rows = vjp && !this.d.scalar;
    const tops = new Map(g.tops.map((x) => [x.t, x.prefix]));
    for (const x of g.tops) this.ev.register(x.prefix);
    for (const n of g.J.values()) this.ev.register(n);
    for (const n of g.P.values()) this.ev.register(n);
    const node = (m: Map<number, Node>, r: number): { n: Node; slot: number } | null => {
      const { p, shift } = proxyAt(h, r);
      const n = m.get(p);
      return n ? { n, slot: shift + 1 } : null;
    };
    const val = (x: { n: Node; slot: number }): Tensor => this.ev.value(x.n, x.slot);
    /** v times x's value: a row vector times a Jacobian, or a product of Jacobians */
    const times = (v: Tensor | null, x: { n: Node; slot: number }): Tensor => {
      if (rows)
        return {
          shape: [1, size(x.n.shape) / (v ? v.data.length : 1)],
          data: this.rowEv(x.slot).rowTimes(v ? v.data : Float64Array.of(1), x.n),
        };
      const X = val(x);
      if (!v) return X;
      if (v.data.length === 1) return { shape: X.shape, data: X.data.map((x) => v.data[0] * x) };
      if (X.data.length === 1) return { shape: v.shape, data: v.data.map((x) => x * X.data[0]) };
      return matmul(v, X);
    };
    const hi = realStep(h, g.tops[g.tops.length - 1].t);
    const lo = realStep(h, g.tops[0].t);
    const terms: Tensor[] = [];
    if (g.state === null) {
      for (let t = lo; t <= hi; t++) terms.push(times(null, node(tops, t)!));
    } else {
      const k0 = realStep(h, g.k0);
      let G: Tensor | null = null;
      for (let k = hi; k >= k0; k--) {
        const own = node(tops, k);
        const J: { n: Node; slot: number } | null = G ? node(g.J, k + 1) : null;
        const P = node(g.P, k);
        if (!P) throw new NotUniform(`no ∂⁺ at step ${k}`);
        const ownV = own ? times(null, own) : null;
        const carried: Tensor | null = G && J ? times(G, J) : null;
        if (ownV && carried) {
          const s = new Float64Array(ownV.data.length);
          for (let j = 0; j < s.length; j++) s[j] = ownV.data[j] + carried.data[j];
          G = { shape: ownV.shape, data: s };
        } else G = ownV ?? carried;
        if (G) terms.push(times(G, P));
      }
    }
    const out = new Float64Array(terms[0]?.data.length ?? 0);
    for (const t of terms) for (let j = 0; j < out.length; j++) out[j] += t.data[j];
    return out;
  }
}

export { NotUniform };
