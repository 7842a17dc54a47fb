// From the model IR (src/language/model.ts) to the symbolic IR: every quantity's equation at a
// concrete step, with time indices resolved, and the part of the unrolled graph a derivative needs
// (the nodes `of` depends on, each with its equation and its direct dependencies).
// Preactivations get names (h̃_t := W_xh x_t + W_hh h_{t-1} + b_h) so they are written once.
// An initial state given as a constant (h_0 = 0) is substituted: it is part of the equations, and it
// makes the terms it kills vanish, as a worked solution drops them.

import { earlierOnLeft, idxValue, idxVars } from '../../language/idx';
import { nodeKey as idKey } from '../../ids';
import type { Expr, Idx, Model } from '../../language/model';
import { Builder, leavesOf, Unsupported, type Node, type Shape } from './ir';

export interface GNode {
  key: string;
  name: string;
  step: number | null;
  kind: 'quantity' | 'decl' | 'expr';
  /** the leaf that stands for this node inside other equations */
  leaf: Node;
  /** the node's own equation (quantities and the expression node); null for declarations */
  eq: Node | null;
  /** direct dependencies in order of first appearance in the equation */
  deps: GNode[];
}

/** a model name at a step as a map key, spelled as src/ids.ts spells every node key */
export const nodeKey = (name: string, step: number | null): string => idKey({ name, step });

function stepOf(idx: Idx | null, env: Record<string, number>): number | null {
  if (!idx) return null;
  const step = idxValue(idx, env);
  if (step === undefined) throw new Unsupported(`unbound time index ${idxVars(idx).find((v) => env[v] === undefined)}`);
  return step;
}

function isConstant(n: Node): boolean {
  return leavesOf(n).length === 0;
}

export class Unrolled {
  readonly nodes = new Map<string, GNode>();
  /** constant initial states are substituted, except the one being differentiated by */
  private keep: string | null = null;
  /** substitute constant initial states (off for printing a general equation) */
  substituteConstants = true;
  private eqMemo = new Map<string, Node>();
  private preCount = new Map<string, number>();

  constructor(
    readonly model: Model,
    readonly b: Builder,
  ) {}

  /** Don't substitute this node's constant equation (it is the `wrt` of a derivative). */
  keepLeaf(key: string): void {
    this.keep = key;
  }

  quantityShape(name: string): Shape {
    const q = this.model.quantities.get(name);
    if (q) return q.shape;
    const d = this.model.decls.get(name);
    if (d) return d.shape;
    throw new Unsupported(`unknown name ${name}`);
  }

  /** The equation of a quantity at a step (its override there, else the general one). */
  equation(name: string, step: number | null): Node {
    const key = nodeKey(name, step);
    const hit = this.eqMemo.get(key);
    if (hit) return hit;
    const q = this.model.quantities.get(name);
    if (!q) throw new Unsupported(`${name} is not a quantity`);
    let src: Expr | null = null;
    if (step !== null && q.overrides.has(step)) src = q.overrides.get(step)!;
    else if (!q.timed || (step !== null && step >= 1 && step <= this.model.T)) src = q.general;
    if (!src) throw new Unsupported(`${name} has no equation at step ${step}`);
    const env: Record<string, number> = step === null ? {} : { t: step };
    this.preCount.set(key, 0);
    let eq = this.convert(src, env, { name, step });
    // a number for a tensor quantity (h_0 = 0) fills its shape
    if (eq.shape.length === 0 && q.shape.length > 0) eq = this.b.mul(eq, this.b.ones(q.shape));
    this.eqMemo.set(key, eq);
    return eq;
  }

  /** A reference to a quantity or declaration at a step, as it appears inside an equation. */
  ref(name: string, step: number | null, abs: boolean): Node {
    const q = this.model.quantities.get(name);
    const shape = this.quantityShape(name);
    if (q) {
      const key = nodeKey(name, step);
      if (this.substituteConstants && step !== null && q.overrides.has(step) && key !== this.keep) {
        const eq = this.equation(name, step);
        if (isConstant(eq)) return eq;
      }
      return this.b.leaf(name, step, shape, abs);
    }
    const d = this.model.decls.get(name)!;
    return this.b.leaf(name, d.kind === 'param' && !d.perStep ? null : step, shape, abs);
  }

  /** Convert a model expression at given time-variable values. `owner` names preactivations. */
  convert(e: Expr, env: Record<string, number>, owner: { name: string; step: number | null } | null): Node {
    const b = this.b;
    const go = (x: Expr): Node => this.convert(x, env, owner);
    switch (e.k) {
      case 'num':
        if (e.shape.length > 0) return e.value === 0 ? b.zero(e.shape) : b.mul(b.num(e.value), b.ones(e.shape));
        return b.num(e.value);
      case 'vec':
        return b.vec(e.items.map(go));
      case 'mat':
        return b.mat(e.rows.map((r) => r.map(go)));
      case 'ref':
        return this.ref(e.name, stepOf(e.idx, env), e.idx !== null && e.idx.v === null);
      case 'var':
        return b.num(stepOf(e.idx, env)!);
      case 'neg':
        return b.neg(go(e.a));
      case 'add':
        return b.add(go(e.a), go(e.b));
      case 'sub':
        return b.sub(go(e.a), go(e.b));
      case 'mul':
        return b.mul(go(e.a), go(e.b));
      case 'hadamard':
        return b.had(go(e.a), go(e.b));
      case 'matmul':
        return b.matmul(go(e.a), go(e.b));
      case 'div':
        return b.div(go(e.a), go(e.b));
      case 'pow':
        return b.pow(go(e.a), go(e.b));
      case 'transpose':
        return b.T(go(e.a));
      case 'index': {
        // a vector's entry at an index the run gives (a class label y_t): its derivative is e_{y_t}
        if (!e.j && e.a.shape.length === 1) {
          const k = go(e.i);
          if (k.op !== 'num') return b.pick(go(e.a), k);
        }
        const i = this.constInt(go(e.i));
        const j = e.j ? this.constInt(go(e.j)) : null;
        return b.index(go(e.a), i, j);
      }
      case 'call': {
        const arg = go(e.arg);
        switch (e.fn) {
          case 'sum':
            return b.sumall(arg);
          case 'mean':
            return b.mean(arg);
          case 'diag':
            return b.diag(arg);
          case 'softmax':
            return b.softmax(this.named(arg, owner));
          case 'sigma':
          case 'tanh':
          case 'relu':
            return b.call(e.fn, this.named(arg, owner));
          case 'logit':
          case 'artanh':
            throw new Unsupported(`${e.fn} in an equation`);
          case 'opnorm':
            throw new Unsupported('the spectral norm ‖M‖ of a matrix in an equation');
          default:
            return b.call(e.fn, arg);
        }
      }
      case 'sum':
      case 'prod': {
        const from = stepOf(e.from, env)!;
        const to = stepOf(e.to, env)!;
        const items: Node[] = [];
        for (let i = from; i <= to; i++) items.push(this.convert(e.body, { ...env, [e.v]: i }, owner));
        if (e.k === 'sum') return items.length ? b.add(...items) : b.zero(e.shape);
        if (!items.length) return e.shape.length === 2 ? b.eye(e.shape[0]) : b.num(1);
        // a product of matrices multiplies as the tape's does: the later index on the left unless the ∏ is a backward
        // recurrence's chain (language/idx.ts earlierOnLeft)
        const ascending = earlierOnLeft(e);
        return items.reduce((acc, x) =>
          acc.shape.length === 2 && x.shape.length === 2
            ? ascending
              ? b.matmul(acc, x)
              : b.matmul(x, acc)
            : acc.shape.length === 2 && x.shape.length >= 1
              ? b.matmul(acc, x)
              : b.mul(acc, x),
        );
      }
      case 'deriv':
        throw new Unsupported('a derivative inside an equation');
      case 'contract':
      case 'matpow':
      case 'indicator':
        throw new Unsupported(`${e.k} in an equation`);
    }
  }

  private constInt(n: Node): number {
    if (n.op !== 'num' || !Number.isInteger(n.num)) throw new Unsupported('an index that is not a constant integer');
    return n.num!;
  }

  /** Name a preactivation (an activation's argument that is more than a single value). */
  private named(arg: Node, owner: { name: string; step: number | null } | null): Node {
    if (!owner || arg.op === 'leaf' || arg.op === 'num' || arg.op === 'sym' || leavesOf(arg).length === 0) return arg;
    const key = nodeKey(owner.name, owner.step);
    const n = this.preCount.get(key) ?? 0;
    this.preCount.set(key, n + 1);
    return this.b.sym({ kind: 'pre', q: owner.name, step: owner.step, n }, arg);
  }

  /** The graph node for a name at a step, with its equation and dependencies (built on demand). */
  node(name: string, step: number | null): GNode {
    const key = nodeKey(name, step);
    const hit = this.nodes.get(key);
    if (hit) return hit;
    const isQ = this.model.quantities.has(name);
    const leaf = isQ ? this.b.leaf(name, step, this.quantityShape(name)) : this.ref(name, step, false);
    const g: GNode = { key, name, step, kind: isQ ? 'quantity' : 'decl', leaf, eq: null, deps: [] };
    this.nodes.set(key, g);
    return g;
  }

  /** Fill in one node's equation and direct dependencies (once). */
  ensure(g: GNode): void {
    if (g.kind === 'quantity' && g.eq === null) g.eq = this.equation(g.name, g.step);
    if (!g.eq || g.deps.length || this.expanded.has(g.key)) return;
    this.expanded.add(g.key);
    const depSeen = new Set<string>();
    for (const l of leavesOf(g.eq)) {
      const d = this.node(l.name!, l.step ?? null);
      if (depSeen.has(d.key)) continue;
      depSeen.add(d.key);
      g.deps.push(d);
    }
  }
  private expanded = new Set<string>();

  /** Every node `root` depends on, each with its equation and direct dependencies (iteratively). */
  expand(root: GNode): GNode[] {
    const order: GNode[] = [];
    const seen = new Set<string>();
    const stack: GNode[] = [root];
    while (stack.length) {
      const g = stack.pop()!;
      if (seen.has(g.key)) continue;
      seen.add(g.key);
      order.push(g);
      this.ensure(g);
      for (let i = g.deps.length - 1; i >= 0; i--) if (!seen.has(g.deps[i].key)) stack.push(g.deps[i]);
    }
    return order;
  }

  /** A node for an arbitrary expression `of` (∂(L_2 + L_3)/∂W) at step t. */
  exprNode(of: Expr, t: number | null): GNode {
    const eq = this.convert(of, t === null ? {} : { t }, null);
    const key = `⟨of#${eq.id}⟩`;
    const hit = this.nodes.get(key);
    if (hit) return hit;
    const g: GNode = { key, name: '⟨of⟩', step: null, kind: 'expr', leaf: eq, eq, deps: [] };
    this.nodes.set(g.key, g);
    return g;
  }
}
