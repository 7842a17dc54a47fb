// The tape: every operation of one forward evaluation in creation (= topological) order, each
// with its backward rule. One reverse sweep over it gives the gradient of one output entry
// with respect to everything before it.

import type { Fn, Shape } from '../language/model';
import { entries } from '../language/shapes';
import { dims, matmul, matmulGradA, matmulGradB, sigmoid } from './tensor';
import { Budget, PUSH_OPS } from './budget';

export type Op =
  | 'const' | 'leaf' | 'id' | 'fill' | 'add' | 'sub' | 'neg' | 'mul' | 'had' | 'matmul' | 'div' | 'pow'
  | 'fn' | 'transpose' | 'index' | 'pack' | 'contract';

export interface TNode {
  id: number;
  op: Op;
  shape: Shape;
  data: Float64Array;
  a: TNode | null;
  b: TNode | null;
  /** pack: the scalar entries of a literal */
  args: TNode[] | null;
  fn: Fn | null;
  /** index: the flat offset picked */
  offset: number;
  /** graph nodes (one per quantity and step, and the leaves): where immediate partials stop */
  barrier: boolean;
  /** for graph nodes: the tape position where their own equation's operations begin */
  start: number;
}

// the budget lives in budget.ts (the symbolic engine and the analysis use it too); re-exported for old imports
export { Budget, LimitError } from './budget';

export class Tape {
  nodes: TNode[] = [];
  budget = new Budget();

  push(op: Op, shape: Shape, data: Float64Array, a: TNode | null = null, b: TNode | null = null): TNode {
    this.budget.tick(PUSH_OPS + (data.length >> 4));
    const n: TNode = { id: this.nodes.length, op, shape, data, a, b, args: null, fn: null, offset: 0, barrier: false, start: this.nodes.length };
    this.nodes.push(n);
    return n;
  }

  truncate(len: number): void {
    this.nodes.length = len;
  }

  konst(shape: Shape, data: Float64Array): TNode {
    return this.push('const', shape, data);
  }

  add(a: TNode, b: TNode, sub = false): TNode {
    const big = a.data.length >= b.data.length ? a : b;
    const out = new Float64Array(big.data.length);
    const ad = a.data, bd = b.data;
    if (ad.length === bd.length) {
      if (sub) for (let i = 0; i < out.length; i++) out[i] = ad[i]! - bd[i]!;
      else for (let i = 0; i < out.length; i++) out[i] = ad[i]! + bd[i]!;
    } else {
      // scalar broadcast
      for (let i = 0; i < out.length; i++) {
        const x = ad.length === 1 ? ad[0]! : ad[i]!;
        const y = bd.length === 1 ? bd[0]! : bd[i]!;
        out[i] = sub ? x - y : x + y;
      }
    }
    return this.push(sub ? 'sub' : 'add', big.shape, out, a, b);
  }

  neg(a: TNode): TNode {
    const out = new Float64Array(a.data.length);
    for (let i = 0; i < out.length; i++) out[i] = -a.data[i]!;
    return this.push('neg', a.shape, out, a);
  }

  /** elementwise product with scalar broadcasting ('mul' when one side is a scalar) */
  mul(a: TNode, b: TNode): TNode {
    const ad = a.data, bd = b.data;
    const n = Math.max(ad.length, bd.length);
    const out = new Float64Array(n);
    if (ad.length === 1) { const s = ad[0]!; for (let i = 0; i < n; i++) out[i] = s * bd[i]!; }
    else if (bd.length === 1) { const s = bd[0]!; for (let i = 0; i < n; i++) out[i] = ad[i]! * s; }
    else for (let i = 0; i < n; i++) out[i] = ad[i]! * bd[i]!;
    const shape = ad.length >= bd.length ? a.shape : b.shape;
    return this.push(ad.length === bd.length && n > 1 ? 'had' : 'mul', shape, out, a, b);
  }

  div(a: TNode, b: TNode): TNode {
    const ad = a.data, bd = b.data;
    const n = Math.max(ad.length, bd.length);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = (ad.length === 1 ? ad[0]! : ad[i]!) / (bd.length === 1 ? bd[0]! : bd[i]!);
    return this.push('div', ad.length >= bd.length ? a.shape : b.shape, out, a, b);
  }

  pow(a: TNode, b: TNode): TNode {
    const e = b.data[0]!;
    const out = new Float64Array(a.data.length);
    for (let i = 0; i < out.length; i++) out[i] = e === 2 ? a.data[i]! * a.data[i]! : Math.pow(a.data[i]!, e);
    return this.push('pow', a.shape, out, a, b);
  }

  matmul(a: TNode, b: TNode, shape: Shape): TNode {
    const [m, k] = dims(a.shape);
    const [, n] = dims(b.shape);
    const out = new Float64Array(m * n);
    matmul(a.data, b.data, m, k, n, out);
    return this.push('matmul', shape, out, a, b);
  }

  /**
   * a's last index with b's first (LANGUAGE.md §4): a seen as P×n rows, b as n×Q, the result P×Q in `shape`.
   * A vector a is one row, so [n]·[n,k] → [k] and [p,n]·[n,m,k] → [p,m,k].
   */
  contract(a: TNode, b: TNode, shape: Shape): TNode {
    const n = a.shape.length === 0 ? 1 : a.shape[a.shape.length - 1]!;
    const P = a.data.length / n;
    const Q = b.data.length / n;
    const out = new Float64Array(P * Q);
    matmul(a.data, b.data, P, n, Q, out);
    return this.push('contract', shape, out, a, b);
  }

  transpose(a: TNode, shape: Shape): TNode {
    const [m, n] = dims(a.shape);
    if (m === 1 || n === 1) return this.push('transpose', shape, a.data.slice(), a);
    const out = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a.data[i * n + j]!;
    return this.push('transpose', shape, out, a);
  }

  fill(a: TNode, shape: Shape): TNode {
    return this.push('fill', shape, new Float64Array(entries(shape)).fill(a.data[0]!), a);
  }

  index(a: TNode, offset: number): TNode {
    const n = this.push('index', [], Float64Array.of(a.data[offset]!), a);
    n.offset = offset;
    return n;
  }

  pack(args: TNode[], shape: Shape): TNode {
    const out = new Float64Array(args.length);
    for (let i = 0; i < args.length; i++) out[i] = args[i]!.data[0]!;
    const n = this.push('pack', shape, out);
    n.args = args;
    return n;
  }

  fn(fn: Fn, a: TNode, shape: Shape): TNode {
    const x = a.data;
    const len = x.length;
    let out: Float64Array;
    switch (fn) {
      case 'sum': case 'mean': {
        let s = 0;
        for (let i = 0; i < len; i++) s += x[i]!;
        out = Float64Array.of(fn === 'mean' ? s / len : s);
        break;
      }
      case 'softmax': {
        let m = -Infinity;
        for (let i = 0; i < len; i++) m = Math.max(m, x[i]!);
        out = new Float64Array(len);
        let s = 0;
        for (let i = 0; i < len; i++) { out[i] = Math.exp(x[i]! - m); s += out[i]!; }
        for (let i = 0; i < len; i++) out[i]! /= s;
        break;
      }
      case 'diag': {
        if (a.shape.length === 2) {
          const n = a.shape[0]!;
          out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = x[i * n + i]!;
        } else {
          out = new Float64Array(len * len);
          for (let i = 0; i < len; i++) out[i * len + i] = x[i]!;
        }
        break;
      }
      default: {
        out = new Float64Array(len);
        const f = UNARY[fn as keyof typeof UNARY];
        for (let i = 0; i < len; i++) out[i] = f(x[i]!);
      }
    }
    const n = this.push('fn', shape, out, a);
    n.fn = fn;
    return n;
  }

  /**
   * Reverse sweep from `root` seeded with `seed`, over tape positions lo..root.id.
   * Inputs below lo are not propagated into; their received gradients go to `below` (if given).
   * With `below`, graph nodes (barriers) other than the root are not crossed, except where `cross` says so.
   */
  sweep(root: TNode, seed: Float64Array, lo: number, below?: Map<number, Float64Array>, dense = false, cross?: (n: TNode) => boolean): (Float64Array | undefined)[] {
    const g: (Float64Array | undefined)[] = new Array(root.id - lo + 1);
    g[root.id - lo] = seed.slice();
    const nodes = this.nodes;
    const slotOf = (x: TNode): Float64Array | undefined => {
      let slot: Float64Array | undefined;
      if (x.id >= lo) {
        slot = g[x.id - lo];
        if (!slot) { slot = new Float64Array(x.data.length); g[x.id - lo] = slot; }
      } else if (below) {
        slot = below.get(x.id);
        if (!slot) { slot = new Float64Array(x.data.length); below.set(x.id, slot); }
      }
      return slot;
    };
    const acc = (x: TNode, v: Float64Array | number, i = -1) => {
      const slot = slotOf(x);
      if (!slot) return;
      if (typeof v === 'number') slot[i]! += v;
      else if (v.length === slot.length) for (let k = 0; k < v.length; k++) slot[k]! += v[k]!;
      else {
        // a scalar input broadcast over a tensor: its gradient is the sum
        let s = 0;
        for (let k = 0; k < v.length; k++) s += v[k]!;
        slot[0]! += s;
      }
    };
    const visit = (id: number) => {
      const gy = g[id - lo];
      if (!gy) return;
      const y = nodes[id]!;
      if (y.op === 'const' || y.op === 'leaf') return;
      // barriers other than the root are graph nodes: in an immediate sweep (below given) they are not crossed,
      // in a one-step sweep only those of the step (`cross`)
      if (y.barrier && below && id !== root.id && !cross?.(y)) return;
      backward(y, gy, acc, slotOf);
    };
    if (dense || root.id - lo < SPARSE_RANGE) {
      this.budget.tick(root.id - lo + 1);
      for (let id = root.id; id >= lo; id--) visit(id);
      return g;
    }
    // a long range that the gradient may touch only sparsely (∂q_3/∂w far down a big tape): visit
    // just the nodes that received a gradient, latest first, so the cost follows what is reached
    const heap = new MaxHeap();
    const queued = new Uint8Array(root.id - lo + 1);
    queued[root.id - lo] = 1;
    heap.push(root.id);
    const accPlain = acc;
    const accQueue = (x: TNode, v: Float64Array | number, i = -1) => {
      accPlain(x, v, i);
      if (x.id >= lo && !queued[x.id - lo]) { queued[x.id - lo] = 1; heap.push(x.id); this.budget.tick(4); }
    };
    for (;;) {
      const id = heap.pop();
      if (id === undefined) break;
      const gy = g[id - lo];
      if (!gy) continue;
      const y = nodes[id]!;
      if (y.op === 'const' || y.op === 'leaf') continue;
      if (y.barrier && below && id !== root.id && !cross?.(y)) continue;
      backward(y, gy, accQueue, (x) => { const sl = slotOf(x); if (x.id >= lo && !queued[x.id - lo]) { queued[x.id - lo] = 1; heap.push(x.id); } return sl; });
    }
    return g;
  }
}

const SPARSE_RANGE = 8192;

/** a binary max-heap of tape ids */
class MaxHeap {
  private a: number[] = [];
  push(x: number): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! >= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): number | undefined {
    const a = this.a;
    if (!a.length) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l]! > a[m]!) m = l;
        if (r < a.length && a[r]! > a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** the elementwise functions of the language, one definition for the tape and the symbolic evaluator */
export const UNARY: Record<'sigma' | 'tanh' | 'relu' | 'exp' | 'log' | 'sqrt' | 'abs' | 'logit' | 'artanh' | 'dsigma' | 'dtanh' | 'drelu', (x: number) => number> = {
  sigma: sigmoid,
  tanh: Math.tanh,
  relu: (x) => (x > 0 ? x : 0),
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  // σ^{-1} and tanh^{-1} as written (LANGUAGE.md §1): NaN outside (0, 1) and (−1, 1), as log of a negative
  logit: (x) => Math.log(x / (1 - x)),
  artanh: Math.atanh,
  dsigma: (x) => { const s = sigmoid(x); return s * (1 - s); },
  dtanh: (x) => { const t = Math.tanh(x); return 1 - t * t; },
  drelu: (x) => (x > 0 ? 1 : 0),
};

/** d fn(x) / dx, given x and y = fn(x) */
function unaryGrad(fn: Fn, x: number, y: number): number {
  switch (fn) {
    case 'sigma': return y * (1 - y);
    case 'tanh': return 1 - y * y;
    case 'relu': return x > 0 ? 1 : 0;
    case 'exp': return y;
    case 'log': return 1 / x;
    case 'sqrt': return 0.5 / y;
    case 'abs': return x > 0 ? 1 : x < 0 ? -1 : 0;
    case 'logit': return 1 / (x * (1 - x));
    case 'artanh': return 1 / (1 - x * x);
    case 'dsigma': { const s = sigmoid(x); return s * (1 - s) * (1 - 2 * s); }
    case 'dtanh': { const t = Math.tanh(x); return -2 * t * (1 - t * t); }
    default: return 0;
  }
}

type Acc = (x: TNode, v: Float64Array | number, i?: number) => void;
/** the gradient accumulator of a node, to add into in place (undefined: not tracked in this sweep) */
type Slot = (x: TNode) => Float64Array | undefined;

function backward(y: TNode, g: Float64Array, acc: Acc, slot: Slot): void {
  const a = y.a!;
  const b = y.b;
  switch (y.op) {
    case 'id': acc(a, g); return;
    case 'fill': acc(a, g); return;
    case 'add': acc(a, g); acc(b!, g); return;
    case 'sub': {
      acc(a, g);
      const ng = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) ng[i] = -g[i]!;
      acc(b!, ng);
      return;
    }
    case 'neg': {
      const ng = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) ng[i] = -g[i]!;
      acc(a, ng);
      return;
    }
    case 'mul': case 'had': {
      const ad = a.data, bd = b!.data;
      if (a.op !== 'const') {
        const ga = slot(a);
        if (ga) {
          if (bd.length === 1) { const s = bd[0]!; if (ga.length === g.length) for (let i = 0; i < g.length; i++) ga[i]! += g[i]! * s; else { let t = 0; for (let i = 0; i < g.length; i++) t += g[i]! * s; ga[0]! += t; } }
          else if (ga.length === g.length) for (let i = 0; i < g.length; i++) ga[i]! += g[i]! * bd[i]!;
          else { let t = 0; for (let i = 0; i < g.length; i++) t += g[i]! * bd[i]!; ga[0]! += t; }
        }
      }
      if (b!.op !== 'const') {
        const gb = slot(b!);
        if (gb) {
          if (ad.length === 1) { const s = ad[0]!; if (gb.length === g.length) for (let i = 0; i < g.length; i++) gb[i]! += g[i]! * s; else { let t = 0; for (let i = 0; i < g.length; i++) t += g[i]! * s; gb[0]! += t; } }
          else if (gb.length === g.length) for (let i = 0; i < g.length; i++) gb[i]! += g[i]! * ad[i]!;
          else { let t = 0; for (let i = 0; i < g.length; i++) t += g[i]! * ad[i]!; gb[0]! += t; }
        }
      }
      return;
    }
    case 'div': {
      const ad = a.data, bd = b!.data;
      const ga = new Float64Array(g.length);
      const gb = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) {
        const x = ad.length === 1 ? ad[0]! : ad[i]!;
        const d = bd.length === 1 ? bd[0]! : bd[i]!;
        ga[i] = g[i]! / d;
        gb[i] = (-g[i]! * x) / (d * d);
      }
      acc(a, ga);
      acc(b!, gb);
      return;
    }
    case 'pow': {
      const e = b!.data[0]!;
      const ga = new Float64Array(g.length);
      let gb = 0;
      for (let i = 0; i < g.length; i++) {
        const x = a.data[i]!;
        ga[i] = g[i]! * (e === 2 ? 2 * x : e * Math.pow(x, e - 1));
        if (x > 0) gb += g[i]! * y.data[i]! * Math.log(x);
      }
      acc(a, ga);
      if (b!.op !== 'const') acc(b!, gb, 0);
      return;
    }
    case 'matmul': {
      // weight gradients add up over every step: accumulate in place, no temporary per step
      const [m, k] = dims(a.shape);
      const [, n] = dims(b!.shape);
      if (a.op !== 'const') { const ga = slot(a); if (ga) matmulGradA(g, b!.data, m, k, n, ga); }
      if (b!.op !== 'const') { const gb = slot(b!); if (gb) matmulGradB(g, a.data, m, k, n, gb); }
      return;
    }
    case 'contract': {
      const n = a.shape.length === 0 ? 1 : a.shape[a.shape.length - 1]!;
      const P = a.data.length / n;
      const Q = b!.data.length / n;
      if (a.op !== 'const') { const ga = slot(a); if (ga) matmulGradA(g, b!.data, P, n, Q, ga); }
      if (b!.op !== 'const') { const gb = slot(b!); if (gb) matmulGradB(g, a.data, P, n, Q, gb); }
      return;
    }
    case 'transpose': {
      const [m, n] = dims(a.shape);
      if (m === 1 || n === 1) { acc(a, g); return; }
      const ga = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) ga[i * n + j] = g[j * m + i]!;
      acc(a, ga);
      return;
    }
    case 'index': acc(a, g[0]!, y.offset); return;
    case 'pack': {
      const args = y.args!;
      for (let i = 0; i < args.length; i++) acc(args[i]!, g[i]!, 0);
      return;
    }
    case 'fn': {
      const x = a.data;
      const fn = y.fn!;
      const ga = new Float64Array(x.length);
      if (fn === 'sum') ga.fill(g[0]!);
      else if (fn === 'mean') ga.fill(g[0]! / x.length);
      else if (fn === 'softmax') {
        let dot = 0;
        for (let i = 0; i < x.length; i++) dot += g[i]! * y.data[i]!;
        for (let i = 0; i < x.length; i++) ga[i] = y.data[i]! * (g[i]! - dot);
      } else if (fn === 'diag') {
        if (a.shape.length === 2) { const n = a.shape[0]!; for (let i = 0; i < n; i++) ga[i * n + i] = g[i]!; }
        else { const n = x.length; for (let i = 0; i < n; i++) ga[i] = g[i * n + i]!; }
      } else for (let i = 0; i < x.length; i++) ga[i] = g[i]! * unaryGrad(fn, x[i]!, y.data[i]!);
      acc(a, ga);
      return;
    }
    default:
      return;
  }
}
