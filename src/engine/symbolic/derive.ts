// The derivation of one ∂of/∂wrt on the unrolled graph, as IR:
//  - the chain-rule form: the sum over paths of products of immediate partials, grouped as a worked
//    solution groups it (a single continuation is a factor; a branch point opens a bracket holding its
//    expanded paths), guarded by a size limit — never exponential;
//  - the explicit form: the same with every immediate partial written out;
//  - the δ-recursion: one adjoint per recurrent state and step (δ_t = ∂L/∂h_t), defined backwards, and
//    the result as a sum over its consumers — linear in T.
// Everything stays concrete (steps are numbers); general lines (δ_t = …) are found later by printing
// relative to a step and comparing.

import { Memo } from '../memo';
import type { Expr, Model } from '../../language/model';
import { Builder, isScalar, jacShape, sameShape, size, substitute, type Label, type Node, type NodeName } from './ir';
import { Rules } from './rules';
import { nodeKey, Unrolled, type GNode } from './graph';
import { routesOf } from './routes';
import { recurrentNames } from '../graph';
import { sumsToOne } from '../random';
import { forwardRecursion } from './forward';
import { backwardRecursion } from './backward';

/** Above this many ∂-factors in the fully expanded chain form, the chain form is not written out. */
export const CHAIN_LIMIT = 160;
/** Above this many nodes between wrt and of, the forward recursion (forward.ts) is not written out. */
export const FORWARD_LIMIT = 400;
/**
 * The most nodes a search for another route (∂⁺ or ∂) walks before it answers ∂⁺; only networks whose paths
 * run both ways in time (a quantity read at a later and at an earlier step) come near it.
 */
export const PLUS_SEARCH_LIMIT = 512;
/** Above this many top-level terms, the general Σ/∏ form replaces the expanded chain form. */
export const GENERAL_OVER = 4;

export interface Edge {
  /** the consumer (its equation mentions `dep`) */
  c: GNode;
  dep: GNode;
  /** the immediate Jacobian ∂⁺c/∂dep, explicit (computed on first use; null: structurally zero) */
  readonly J: Node | null;
}

/** An edge whose Jacobian is looked up (and built once per context) when first read: one class rather
 *  than an object literal with a getter, which allocated a closure per edge */
class LazyEdge implements Edge {
  constructor(
    readonly c: GNode,
    readonly dep: GNode,
    private readonly jOf: (c: GNode, dep: GNode) => Node | null,
  ) {}
  get J(): Node | null {
    return this.jOf(this.c, this.dep);
  }
}

/** One per-step item of a printed sum or recursion, with the step it is relative to. */
export interface StepItem {
  step: number | null;
  /** the quantity the item comes from (items of one quantity are summed as one Σ) */
  q?: string;
  node: Node;
}

export interface AdjLine {
  sym: Node;
  /** its definition in chain notation (scalar networks) and explicitly */
  chain: Node | null;
  explicit: Node;
  step: number | null;
  q: string;
}

/** a recursion through named total derivatives, and the lines of the other states it names at its own step */
export interface Recursion {
  chain: Node;
  explicit: Node;
  companions: { sym: Node; chain: Node; explicit: Node }[];
}

export interface Derivation {
  b: Builder;
  U: Unrolled;
  model: Model;
  of: GNode;
  wrt: GNode;
  total: boolean;
  /** the derivative is structurally zero (of does not depend on wrt) */
  zero: boolean;
  /** every shape involved is a scalar */
  scalar: boolean;
  /** VJP (gradient-shaped) results, for a scalar `of`; else Jacobian rows */
  vjp: boolean;
  chain: Node | null;
  explicit: Node | null;
  /**
   * a free-t derive's numerator or denominator written at a fixed step (h_T in ∂h_T/∂h_t, h_0 in ∂h_t/∂h_0): a
   * step's general line prints it with its own step, not relative to t (set by the caller, which has the query)
   */
  fixed: { of: boolean; wrt: boolean };
  /** the chain and explicit forms as a forward recursion (∂h_t/∂W = ∂⁺h_t/∂W + ∂h_t/∂h_{t-1}·∂h_{t-1}/∂W), where one exists */
  forward: Recursion | null;
  /** the same as a backward recursion (∂h_T/∂h_t = ∂h_T/∂h_{t+1}·∂h_{t+1}/∂h_t), where one exists */
  backward: Recursion | null;
  recursive: { lines: AdjLine[]; result: StepItem[]; resultChain: StepItem[] | null; value: Node; letter: 'delta' | 'bar' } | null;
  /** an immediate partial: the explicit Jacobian */
  immediate: Node | null;
  /** the chain form's general shape, where one exists: Σ_t prefix_t·Σ_k (∏_j ∂h_j/∂h_{j-1}) ∂⁺h_k/∂W */
  general: General | null;
  /** the relevant subgraph as paths read it (src/engine/symbolic/factored.ts); null for an immediate partial */
  paths: PathGraph | null;
  /** the bounded searches that chose ∂⁺ or ∂ for the edge symbols (of this model's derivations so far) */
  searches: readonly PlusSearch[];
}

/** The part of the unrolled graph on a path from wrt to of, with its edge symbols. */
export interface PathGraph {
  wrtKey: string;
  /** names of the recurrent states (quantities read at another step) */
  states: ReadonlySet<string>;
  /** the edges from a node to its dependencies on a path to wrt, structurally zero ones left out */
  live(n: GNode): Edge[];
  /** an edge's ∂-symbol (∂h_t/∂h_{t-1}, ∂⁺h_t/∂W), or the identity for an identity edge */
  sym(e: Edge): Node;
  /** the product of two Jacobians (scalar or matrix) */
  mul(A: Node, B: Node): Node;
}

export interface General {
  /** the single recurrent state; null: no recursion (Σ_t prefix_t alone) */
  state: string | null;
  /** first step at which the state depends on wrt */
  k0: number;
  /** per top-level step t: the product of partials from `of` down to the state at t */
  tops: { t: number; prefix: Node }[];
  /** ∂h_j/∂h_{j-1} and ∂⁺h_k/∂W by step */
  J: Map<number, Node>;
  P: Map<number, Node>;
  /** the same sum regrouped from the output side (G_k = prefix_k + G_{k+1} J_{k+1}; Σ_k G_k P_k), for evaluation */
  value: Node;
}

export function derive(
  model: Model,
  of: { ref: { name: string; step: number | null } } | { expr: Expr; t: number | null },
  wrt: { name: string; step: number | null },
  total: boolean,
): Derivation {
  const wrtKey = nodeKey(wrt.name, wrt.step);
  const ctx = contextFor(model, wrt);
  const { b, rules, U, edgeMemo, symMemo } = ctx;
  const ofNode = 'ref' in of ? U.node(of.ref.name, of.ref.step) : U.exprNode(of.expr, of.t);
  const wrtNode = U.node(wrt.name, wrt.step);
  U.expand(ofNode);
  if (!U.nodes.has(wrtKey)) U.nodes.set(wrtKey, wrtNode);

  const d: Derivation = {
    b,
    U,
    model,
    of: ofNode,
    wrt: wrtNode,
    total,
    zero: false,
    scalar: true,
    vjp: false,
    chain: null,
    explicit: null,
    fixed: { of: false, wrt: false },
    forward: null,
    backward: null,
    recursive: null,
    immediate: null,
    general: null,
    paths: null,
    searches: ctx.searches,
  };
  const ofShape = ofNode.eq ? ofNode.eq.shape : ofNode.leaf.shape;
  const wrtShape = wrtNode.leaf.shape;
  d.vjp = isScalar(ofShape);

  // ---- immediate partial ∂⁺of/∂wrt --------------------------------------------------------
  if (!total) {
    if (ofNode === wrtNode) d.immediate = b.eye(size(wrtShape));
    else {
      const J = ofNode.eq ? rules.jacobian(ofNode.eq, wrtNode.leaf) : null;
      d.immediate = J;
      if (!J) d.zero = true;
    }
    d.scalar = isScalar(ofShape) && isScalar(wrtShape);
    return d;
  }

  // ---- the relevant subgraph: nodes on a path from wrt to of --------------------------------
  const topo = topoOrder(ofNode);
  const edgeJ = (c: GNode, dep: GNode): Node | null => {
    let byDep = edgeMemo.get(c);
    if (!byDep) edgeMemo.set(c, (byDep = new Map()));
    const hit = byDep.get(dep);
    if (hit !== undefined) return hit;
    const J = c.eq ? rules.withSelf(c.eq, c.leaf, () => rules.jacobian(c.eq!, dep.leaf)) : null;
    byDep.set(dep, J);
    return J;
  };
  // graph nodes are unique per (name, step) within a context: maps keyed by the objects themselves
  const inR = new Set<GNode>([wrtNode]);
  const rdeps = new Map<GNode, Edge[]>();
  const edge = (c: GNode, dep: GNode): Edge => new LazyEdge(c, dep, edgeJ);
  // membership by structure (the equation mentions the node); Jacobians are built only where printed
  for (const n of topo) {
    if (n === wrtNode) continue;
    const es: Edge[] = [];
    for (const dep of n.deps) if (inR.has(dep)) es.push(edge(n, dep));
    // the direct appearance of wrt first, as a worked solution writes ∂⁺h_t/∂W + ∂h_t/∂h_{t-1}·…
    if (es.length > 1) es.sort((a, z) => Number(z.dep === wrtNode) - Number(a.dep === wrtNode));
    if (es.length) {
      inR.add(n);
      rdeps.set(n, es);
    }
  }
  if (ofNode === wrtNode) {
    d.chain = d.explicit = b.eye(size(wrtShape));
    return d;
  }
  if (!inR.has(ofNode)) {
    d.zero = true;
    return d;
  }
  const rel = topo.filter((n) => inR.has(n));
  d.scalar = rel.every((n) => isScalar((n.eq ?? n.leaf).shape)) && isScalar(wrtShape);

  // ---- edge symbols ∂c/∂dep (∂⁺ where the partial is not the whole story) -----------------
  const jsym = (e: Edge): Node => {
    let byDep = symMemo.get(e.c);
    if (!byDep) symMemo.set(e.c, (byDep = new Map()));
    const hit = byDep.get(e.dep);
    if (hit) return hit;
    // a partial that is the identity (∂L/∂L_t = 1 in L = Σ_t L_t) is dropped
    const shape = jacShape((e.c.eq ?? e.c.leaf).shape, e.dep.leaf.shape);
    const s = isIdentityEdge(e)
      ? b.eye(size(e.dep.leaf.shape))
      : b.lazySym({ kind: 'jac', of: nodeName(e.c), wrt: nodeName(e.dep), plus: needsPlus(e) }, shape, () => e.J ?? b.zero(shape));
    byDep.set(e.dep, s);
    return s;
  };
  /** c's equation is dep itself, or a sum in which dep appears once as a plain term */
  function isIdentityEdge(e: Edge): boolean {
    const eq = e.c.eq;
    if (!eq || !sameShape(eq.shape, e.dep.leaf.shape)) return false;
    const isDep = (n: Node): boolean => n.op === 'leaf' && n.name === e.dep.name && n.step === e.dep.step;
    if (isDep(eq)) return true;
    if (eq.op !== 'add') return false;
    const hits = rules.argsMentioning(eq, e.dep.name, e.dep.step);
    return hits.length === 1 && isDep(hits[0]);
  }
  const jmul = (A: Node, B: Node): Node => (isScalar(A.shape) && isScalar(B.shape) ? b.mul(A, B) : b.matmul(A, B));

  // the recurrent states: quantities read at another step
  const states = new Set<string>();
  for (const n of rel) {
    if (n.kind !== 'quantity' || n.step === null) continue;
    for (const e of rdeps.get(n) ?? [])
      if (e.dep.kind === 'quantity' && e.dep.step !== null && e.dep.step !== n.step) states.add(e.dep.name);
  }
  // and a state of the network met strictly between wrt's step and of's: ∂L/∂h_{T-1} of an LSTM reaches c only at
  // step T, where no c reads another c — yet every other step's line names c̄_{t+1}, and a free-t derive prints its
  // steps alike only when each names the same adjoints
  if (wrtNode.step !== null) {
    const recurrent = recurrentStates(model);
    for (const n of rel)
      if (
        n.kind === 'quantity' &&
        n.step !== null &&
        n.step > wrtNode.step &&
        (ofNode.step === null || n.step < ofNode.step) &&
        recurrent.has(n.name)
      )
        states.add(n.name);
  }

  // the edges into each node from the nodes that read it (the δ-recursion and the backward recursion go up them)
  const consumers = new Map<GNode, Edge[]>();
  for (const n of rel)
    for (const e of rdeps.get(n) ?? []) {
      const list = consumers.get(e.dep);
      if (list) list.push(e);
      else consumers.set(e.dep, [e]);
    }

  // ---- chain-rule form, if its expansion is small enough -----------------------------------
  const paths = new Map<GNode, number>([[wrtNode, 1]]);
  const cost = new Map<GNode, number>([[wrtNode, 0]]);
  for (const n of rel) {
    if (n === wrtNode) continue;
    let p = 0;
    let c = 0;
    for (const e of rdeps.get(n) ?? []) {
      const pd = paths.get(e.dep)!;
      p += pd;
      c += pd + cost.get(e.dep)!;
    }
    paths.set(n, Math.min(p, 1e300));
    cost.set(n, Math.min(c, 1e300));
  }
  // the edges whose partial is not structurally zero, per node: the chain and factored forms ask again and again
  const liveOf = new Map<GNode, Edge[]>();
  const live = (n: GNode): Edge[] => {
    let es = liveOf.get(n);
    if (!es) liveOf.set(n, (es = (rdeps.get(n) ?? []).filter((e) => e.J !== null)));
    return es;
  };
  if (cost.get(ofNode)! <= CHAIN_LIMIT) {
    const expandPaths = (n: GNode): Node[] => {
      const out: Node[] = [];
      for (const e of live(n)) {
        if (e.dep === wrtNode) out.push(jsym(e));
        else for (const p of expandPaths(e.dep)) out.push(jmul(jsym(e), p));
      }
      return out;
    };
    const group = (n: GNode): Node => {
      const es = live(n);
      if (es.length === 1) {
        const e = es[0];
        return e.dep === wrtNode ? jsym(e) : jmul(jsym(e), group(e.dep));
      }
      return b.add(...expandPaths(n));
    };
    const top = live(ofNode).map((e) => (e.dep === wrtNode ? jsym(e) : jmul(jsym(e), group(e.dep))));
    d.chain = b.add(...top);
    d.explicit = explicitOf(b, d.chain);
  }
  // the forward recursion is linear in the subgraph (each earlier step named, defined through the one before): it is
  // written where the chain form is too long (a GRU's three routes a step grow as 3^t), up to a size of its own
  if (rel.length <= FORWARD_LIMIT) {
    const forward = forwardRecursion(b, ofNode, wrtNode, states, { live, sym: jsym, mul: jmul });
    if (forward)
      d.forward = {
        chain: forward.top,
        explicit: explicitOf(b, forward.top),
        companions: forward.companions.map((x) => ({ sym: x.sym, chain: x.def, explicit: explicitOf(b, x.def) })),
      };
  }
  if (cost.get(ofNode)! <= CHAIN_LIMIT) {
    const backward = backwardRecursion(b, ofNode, wrtNode, consumers, states, { live, sym: jsym, mul: jmul }, b.eye(size(ofShape)));
    if (backward) d.backward = { chain: backward, explicit: explicitOf(b, backward), companions: [] };
  }

  // ---- δ-recursion -------------------------------------------------------------------------
  const stateNames = [...states];
  d.paths = { wrtKey, states, live, sym: jsym, mul: jmul };
  const letter: 'delta' | 'bar' = stateNames.length === 1 ? 'delta' : 'bar';
  if (stateNames.length <= 1) d.general = generalChain(stateNames[0] ?? null);
  // with a general shape at hand, a long expansion is not worth printing
  if (d.general && d.chain && d.chain.op === 'add' && d.chain.args.length > GENERAL_OVER) d.chain = d.explicit = null;

  const seed = d.vjp ? b.num(1) : b.eye(size(ofShape));
  const adjRef = new Map<GNode, Node>([[ofNode, seed]]);
  const adjChainRef = new Map<GNode, Node>([[ofNode, seed]]);
  const lines: AdjLine[] = [];
  const withChain = d.scalar;
  const contribution = (e: Edge, a: Node): Node | null => {
    if (d.vjp) return rules.withSelf(e.c.eq!, e.c.leaf, () => rules.pullback(e.c.eq!, e.dep.leaf, a));
    return e.J && jmul(a, e.J);
  };
  let result: StepItem[] = [];
  let resultChain: StepItem[] | null = null;
  for (let i = rel.length - 1; i >= 0; i--) {
    const n = rel[i];
    if (n === ofNode) continue;
    const items: StepItem[] = [];
    const chainItems: StepItem[] | null = withChain ? [] : null;
    for (const e of consumers.get(n) ?? []) {
      const a = adjRef.get(e.c);
      // a consumer whose own adjoint vanished, or a partial that is structurally zero (relu′), adds nothing
      const node = a ? contribution(e, a) : null;
      if (!node) continue;
      items.push({ step: e.c.step, q: e.c.name, node });
      chainItems?.push({ step: e.c.step, q: e.c.name, node: b.mul(adjChainRef.get(e.c)!, jsym(e)) });
    }
    if (n === wrtNode) {
      result = items;
      resultChain = chainItems;
      break;
    }
    if (!items.length) continue;
    const explicit = b.add(...items.map((x) => x.node));
    const chainDef = chainItems ? b.add(...chainItems.map((x) => x.node)) : null;
    if (n.kind === 'quantity' && states.has(n.name)) {
      const label: Label = { kind: 'adj', q: n.name, step: n.step, letter };
      const sym = b.sym(label, explicit);
      adjRef.set(n, sym);
      if (chainDef) adjChainRef.set(n, b.sym(label, chainDef));
      lines.push({ sym, chain: chainDef, explicit, step: n.step, q: n.name });
    } else {
      adjRef.set(n, explicit);
      if (chainDef) adjChainRef.set(n, chainDef);
    }
  }
  if (!result.length) {
    d.zero = true;
    d.chain = d.explicit = null;
    return d;
  }
  const value = b.add(...result.map((x) => x.node));
  d.recursive = { lines, result, resultChain, value, letter };
  return d;

  /** Σ_t prefix_t·Σ_k (∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}) ∂⁺h_k/∂W, when the graph has exactly that shape. */
  function generalChain(S: string | null): General | null {
    const edgesOf = (n: GNode): Edge[] => rdeps.get(n) ?? [];
    const isState = (n: GNode): boolean => S !== null && n.kind === 'quantity' && n.name === S && n.step !== null;
    if (isState(ofNode) || isState(wrtNode)) return null;
    const tops: { t: number; prefix: Node }[] = [];
    let flat = 0;
    for (const e0 of edgesOf(ofNode)) {
      if (e0.J === null || e0.dep.step === null) return null;
      let prefix = jsym(e0);
      let n = e0.dep;
      // a single chain of non-state nodes down to the state (or straight to wrt: no recursion)
      while (!isState(n) && n !== wrtNode) {
        const es = edgesOf(n);
        if (es.length !== 1 || es[0].J === null) return null;
        prefix = jmul(prefix, jsym(es[0]));
        n = es[0].dep;
      }
      if (n === wrtNode) flat++;
      tops.push({ t: n === wrtNode ? e0.dep.step : n.step!, prefix });
    }
    if (!tops.length || (flat && flat !== tops.length)) return null;
    tops.sort((a, z) => a.t - z.t);
    for (let i = 1; i < tops.length; i++) if (tops[i].t !== tops[0].t + i) return null;
    if (flat) return { state: null, k0: tops[0].t, tops, J: new Map(), P: new Map(), value: b.add(...tops.map((x) => x.prefix)) };
    const stateAt = new Map<number, GNode>();
    for (const n of rel) if (isState(n)) stateAt.set(n.step!, n);
    const steps = [...stateAt.keys()].sort((a, z) => a - z);
    if (!steps.length) return null;
    const k0 = steps[0];
    const J = new Map<number, Node>();
    const P = new Map<number, Node>();
    for (let i = 0; i < steps.length; i++) {
      const k = steps[i];
      if (k !== k0 + i) return null;
      const n = stateAt.get(k)!;
      const es = edgesOf(n);
      const direct = es.find((e) => e.dep === wrtNode);
      const rec = es.find((e) => isState(e.dep) && e.dep.step === k - 1);
      if (!direct || direct.J === null || es.length !== (rec ? 2 : 1) || i > 0 !== Boolean(rec) || (rec && rec.J === null)) return null;
      P.set(k, jsym(direct));
      if (rec) J.set(k, jsym(rec));
    }
    if (!P.has(tops[0].t) || !P.has(tops[tops.length - 1].t)) return null;
    // for evaluation, the same sum regrouped from the output side: G_k = prefix_k + G_{k+1} J_{k+1},
    // value = Σ_k G_k ∂⁺h_k/∂W — linear in T, and only row vectors times Jacobians for a scalar `of`
    const topAt = new Map(tops.map((x) => [x.t, x.prefix]));
    const terms: Node[] = [];
    let G: Node | null = null;
    for (let k = tops[tops.length - 1].t; k >= k0; k--) {
      const own = topAt.get(k) ?? null;
      const carried: Node | null = G && J.has(k + 1) ? jmul(G, J.get(k + 1)!) : null;
      G = own && carried ? b.add(own, carried) : (own ?? carried);
      if (G) terms.push(jmul(G, P.get(k)!));
    }
    const value = b.add(...terms);
    return { state: S, k0, tops, J, P, value };
  }

  function nodeName(g: GNode): NodeName {
    return g.kind === 'expr' ? { expr: g.eq! } : { name: g.name, step: g.step };
  }

  /**
   * ∂⁺ when dep is a shared parameter or reaches c by another route too. The search skips the nodes that
   * cannot lead to dep (routes.ts), so it stays near c's step and answers alike at every step of the middle;
   * its bound only guards networks whose paths run both ways in time.
   */
  function needsPlus(e: Edge): boolean {
    if (e.dep.kind === 'decl' && e.dep.step === null) return true;
    if (e.dep.kind === 'expr') return false;
    const routes = routesOf(model);
    const target = e.dep;
    const leads = (x: GNode): boolean => {
      if (x === target) return true;
      if (!routes.reach(x.name).has(target.name)) return false;
      if (x.step === null || target.step === null) return true;
      return x.step < target.step ? routes.up(x.name) : x.step > target.step ? routes.down(x.name) : true;
    };
    let budget = PLUS_SEARCH_LIMIT;
    const seen = new Set<GNode>();
    const stack = e.c.deps.filter((x) => x !== target && leads(x));
    // the steps the search walked: its answer depends on them (horizon.ts)
    let lo = Infinity;
    let hi = -Infinity;
    const answer = (r: boolean): boolean => {
      if (e.c.step !== null && lo <= hi) ctx.searches.push({ from: e.c.step, lo, hi });
      return r;
    };
    while (stack.length) {
      const x = stack.pop()!;
      if (x === target) return answer(true);
      if (seen.has(x)) continue;
      seen.add(x);
      if (x.step !== null) {
        lo = Math.min(lo, x.step);
        hi = Math.max(hi, x.step);
      }
      if (--budget < 0) return answer(true);
      // a node not yet expanded has no deps listed: expand its equation's leaves on demand
      U.ensure(x);
      for (const y of x.deps) if (leads(y)) stack.push(y);
    }
    return answer(false);
  }
}

/**
 * What derivations of one model share: the IR (hash-consed), the unrolled graph with its equations,
 * and the edge partials. A file's derives and a free t's steps then build each piece once.
 * Kept per model (and per kept initial state: differentiating by h_0 keeps h_0 = 0 as a name).
 */
interface Context {
  b: Builder;
  rules: Rules;
  U: Unrolled;
  edgeMemo: Map<GNode, Map<GNode, Node | null>>;
  symMemo: Map<GNode, Map<GNode, Node>>;
  /** every bounded search for another route (∂⁺ or ∂): from the consumer's step, the steps it walked */
  searches: PlusSearch[];
}

export interface PlusSearch {
  from: number;
  lo: number;
  hi: number;
}
const contexts = new Memo<Model, Map<string, Context>>();
const recurrentMemo = new Memo<Model, ReadonlySet<string>>();

/** the network's recurrent states (graph.ts recurrentNames: h, and an LSTM's c), once per model */
export function recurrentStates(model: Model): ReadonlySet<string> {
  let out = recurrentMemo.get(model);
  if (!out) recurrentMemo.set(model, (out = new Set(recurrentNames(model))));
  return out;
}

function contextFor(model: Model, wrt: { name: string; step: number | null }): Context {
  const q = model.quantities.get(wrt.name);
  const keep = q && wrt.step !== null && q.overrides.has(wrt.step) ? nodeKey(wrt.name, wrt.step) : '';
  let byKeep = contexts.get(model);
  if (!byKeep) contexts.set(model, (byKeep = new Map()));
  let ctx = byKeep.get(keep);
  if (!ctx) {
    const b = new Builder();
    b.unitSum = (name) => {
      const d = model.decls.get(name);
      return d !== undefined && sumsToOne(d);
    };
    const U = new Unrolled(model, b);
    // initial states stay symbols (h_0, not 0): a derivation that drops the terms h_0 = 0 makes vanish
    // would teach the seed's eq. 33 mistake; the numbers still use the file's values
    U.substituteConstants = false;
    if (keep) U.keepLeaf(keep);
    ctx = { b, rules: new Rules(b), U, edgeMemo: new Map(), symMemo: new Map(), searches: [] };
    byKeep.set(keep, ctx);
  }
  return ctx;
}

/** Nodes reachable from root, dependencies before dependents (iterative post-order). */
function topoOrder(root: GNode): GNode[] {
  const out: GNode[] = [];
  const state = new Map<GNode, number>();
  const stack: [GNode, number][] = [[root, 0]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [g, i] = top;
    if (i === 0) {
      if (state.has(g)) {
        stack.pop();
        continue;
      }
      state.set(g, 1);
    }
    if (i < g.deps.length) {
      top[1] = i + 1;
      const dep = g.deps[i];
      if (!state.has(dep)) stack.push([dep, 0]);
      continue;
    }
    stack.pop();
    state.set(g, 2);
    out.push(g);
  }
  return out;
}

/** The explicit form: every ∂-symbol replaced by its definition (the simplifier runs again). */
export function explicitOf(b: Builder, n: Node): Node {
  return substitute(b, n, (s) => (s.label!.kind === 'jac' && !s.label!.named ? s.def! : null));
}
