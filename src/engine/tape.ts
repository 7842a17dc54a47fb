// The tape: every operation of one forward evaluation in creation (= topological) order. One reverse
// sweep over it gives the gradient of one output entry with respect to everything before it.
// Each operation is one rule below with its forward (the output from the inputs) and its backward (the
// inputs' gradients from the output's) side by side, as in micrograd; the Tape's methods run a forward and
// record the node, `sweep` visits the nodes in reverse and runs each one's backward.

import { Memo } from './memo';
import type { Fn, Shape } from '../language/model';
import { entries } from '../language/shapes';
import { dims, matmul, matmulGradA, matmulGradB, matVecGrads, scalarData, sigmoid, type Tensor } from './tensor';
import { Budget, PUSH_OPS } from './budget';

export type Op =
  | 'const'
  | 'leaf'
  | 'id'
  | 'fill'
  | 'add'
  | 'sub'
  | 'neg'
  | 'mul'
  | 'had'
  | 'matmul'
  | 'div'
  | 'pow'
  | 'fn'
  | 'transpose'
  | 'index'
  | 'pack'
  | 'contract';

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

/** Adds a gradient into an input's accumulator: a whole tensor, or one entry `i` (undefined: not tracked). */
type Acc = (x: TNode, v: Float64Array | number, i?: number) => void;
/** the gradient accumulator of a node, to add into in place (undefined: not tracked in this sweep) */
type Slot = (x: TNode) => Float64Array | undefined;

/** How the gradient g of node y's output flows back to y's inputs. */
interface Rule {
  /**
   * slot: an input's accumulator, not charged for queueing (mul, matmul); accSlot: the same, charged as acc
   * (a rule that adds its elementwise gradient in place, instead of a temporary given to acc)
   */
  backward(y: TNode, g: Float64Array, acc: Acc, slot: Slot, accSlot: Slot): void;
}

// ---- the rules, one per operation: forward beside backward --------------------------------------

/** const, leaf: nothing flows further back. */
const LEAF: Rule = { backward() {} };

/** id (a graph node's value is its equation's), fill (a scalar spread over a shape): g goes back as it is. */
const PASS: Rule = {
  backward(y, g, acc) {
    acc(y.a!, g);
  },
};

/** a + b and a − b, with a scalar side broadcast */
const ADD = {
  forward(ad: Float64Array, bd: Float64Array, sub: boolean): Float64Array {
    const out = new Float64Array(Math.max(ad.length, bd.length));
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
    return out;
  },
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    acc(y.a!, g);
    acc(y.b!, g);
  },
};
const SUB: Rule = {
  backward(y, g, acc, _slot, accSlot) {
    acc(y.a!, g);
    accNegated(y.b!, g, acc, accSlot);
  },
};

/** −g added into x's accumulator: in place when the shapes agree, else through acc (which broadcasts) */
function accNegated(x: TNode, g: Float64Array, acc: Acc, accSlot: Slot): void {
  if (x.data.length !== g.length) {
    acc(x, negated(g));
    return;
  }
  // x + (−y) is x − y exactly, so the numbers are those of the temporary it replaces
  const gx = accSlot(x);
  if (gx) for (let k = 0; k < g.length; k++) gx[k]! -= g[k]!;
}

/** −a */
const NEG = {
  forward(ad: Float64Array): Float64Array {
    return negated(ad);
  },
  backward(y: TNode, g: Float64Array, acc: Acc, _slot: Slot, accSlot: Slot): void {
    accNegated(y.a!, g, acc, accSlot);
  },
};

function negated(v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = -v[i]!;
  return out;
}

/** a ⊙ b ('had') and a scalar times a tensor ('mul') */
const MUL = {
  forward(ad: Float64Array, bd: Float64Array): Float64Array {
    const n = Math.max(ad.length, bd.length);
    const out = new Float64Array(n);
    if (ad.length === 1) {
      const s = ad[0]!;
      for (let i = 0; i < n; i++) out[i] = s * bd[i]!;
    } else if (bd.length === 1) {
      const s = bd[0]!;
      for (let i = 0; i < n; i++) out[i] = ad[i]! * s;
    } else for (let i = 0; i < n; i++) out[i] = ad[i]! * bd[i]!;
    return out;
  },
  // ∂/∂a = g ⊙ b, ∂/∂b = g ⊙ a, summed where the side was a broadcast scalar; added in place (hot path)
  backward(y: TNode, g: Float64Array, _acc: Acc, slot: Slot): void {
    const a = y.a!,
      b = y.b!;
    if (a.op !== 'const') {
      const ga = slot(a);
      if (ga) addProduct(ga, g, b.data);
    }
    if (b.op !== 'const') {
      const gb = slot(b);
      if (gb) addProduct(gb, g, a.data);
    }
  },
};

/** into += g ⊙ other, where other may be a broadcast scalar and `into` a scalar that was broadcast */
function addProduct(into: Float64Array, g: Float64Array, other: Float64Array): void {
  if (other.length === 1) {
    const s = other[0]!;
    if (into.length === g.length) for (let i = 0; i < g.length; i++) into[i]! += g[i]! * s;
    else {
      let t = 0;
      for (let i = 0; i < g.length; i++) t += g[i]! * s;
      into[0]! += t;
    }
  } else if (into.length === g.length) for (let i = 0; i < g.length; i++) into[i]! += g[i]! * other[i]!;
  else {
    let t = 0;
    for (let i = 0; i < g.length; i++) t += g[i]! * other[i]!;
    into[0]! += t;
  }
}

/** a / b, elementwise, either side possibly a scalar */
const DIV = {
  forward(ad: Float64Array, bd: Float64Array): Float64Array {
    const n = Math.max(ad.length, bd.length);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = (ad.length === 1 ? ad[0]! : ad[i]!) / (bd.length === 1 ? bd[0]! : bd[i]!);
    return out;
  },
  // ∂/∂a = g / b, ∂/∂b = −g a / b²
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    const ad = y.a!.data,
      bd = y.b!.data;
    const ga = new Float64Array(g.length);
    const gb = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) {
      const x = ad.length === 1 ? ad[0]! : ad[i]!;
      const d = bd.length === 1 ? bd[0]! : bd[i]!;
      ga[i] = g[i]! / d;
      gb[i] = (-g[i]! * x) / (d * d);
    }
    acc(y.a!, ga);
    acc(y.b!, gb);
  },
};

/** a^e for a scalar exponent e (squares multiplied out) */
const POW = {
  forward(ad: Float64Array, e: number): Float64Array {
    const out = new Float64Array(ad.length);
    for (let i = 0; i < out.length; i++) out[i] = e === 2 ? ad[i]! * ad[i]! : Math.pow(ad[i]!, e);
    return out;
  },
  // ∂/∂a = e a^(e−1); ∂/∂e = a^e ln a where a > 0 (only when the exponent is not a constant)
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    const a = y.a!,
      b = y.b!;
    const e = b.data[0]!;
    const ga = new Float64Array(g.length);
    let gb = 0;
    for (let i = 0; i < g.length; i++) {
      const x = a.data[i]!;
      ga[i] = g[i]! * (e === 2 ? 2 * x : e * Math.pow(x, e - 1));
      if (x > 0) gb += g[i]! * y.data[i]! * Math.log(x);
    }
    acc(a, ga);
    if (b.op !== 'const') acc(b, gb, 0);
  },
};

/** A B, matrices (vectors as columns or rows, by their shapes) */
const MATMUL = {
  forward(a: Tensor, b: Tensor): Float64Array {
    const [m, k] = dims(a.shape);
    const [, n] = dims(b.shape);
    const out = new Float64Array(m * n);
    matmul(a.data, b.data, m, k, n, out);
    return out;
  },
  // weight gradients add up over every step: accumulate in place, no temporary per step
  backward(y: TNode, g: Float64Array, _acc: Acc, slot: Slot): void {
    const a = y.a!,
      b = y.b!;
    const [m, k] = dims(a.shape);
    const [, n] = dims(b.shape);
    // the slots asked in the order the two kernels asked them (a sparse sweep queues a before b)
    const ga = a.op !== 'const' ? slot(a) : undefined;
    const gb = b.op !== 'const' ? slot(b) : undefined;
    // W h with both gradients wanted: one pass over W (the RNN's every step), the same numbers
    if (n === 1 && ga && gb && ga !== gb) matVecGrads(g, a.data, b.data, m, k, ga, gb);
    else {
      if (ga) matmulGradA(g, b.data, m, k, n, ga);
      if (gb) matmulGradB(g, a.data, m, k, n, gb);
    }
  },
};

/**
 * a's last index with b's first (LANGUAGE.md §4): a seen as P×n rows, b as n×Q, the result P×Q.
 * A vector a is one row, so [n]·[n,k] → [k] and [p,n]·[n,m,k] → [p,m,k].
 */
const CONTRACT = {
  sizes(a: Tensor, b: Tensor): [P: number, n: number, Q: number] {
    const n = a.shape.length === 0 ? 1 : a.shape[a.shape.length - 1]!;
    return [a.data.length / n, n, b.data.length / n];
  },
  forward(a: Tensor, b: Tensor): Float64Array {
    const [P, n, Q] = CONTRACT.sizes(a, b);
    const out = new Float64Array(P * Q);
    matmul(a.data, b.data, P, n, Q, out);
    return out;
  },
  backward(y: TNode, g: Float64Array, _acc: Acc, slot: Slot): void {
    const a = y.a!,
      b = y.b!;
    const [P, n, Q] = CONTRACT.sizes(a, b);
    if (a.op !== 'const') {
      const ga = slot(a);
      if (ga) matmulGradA(g, b.data, P, n, Q, ga);
    }
    if (b.op !== 'const') {
      const gb = slot(b);
      if (gb) matmulGradB(g, a.data, P, n, Q, gb);
    }
  },
};

/** Aᵀ (a vector's transpose is the same entries) */
const TRANSPOSE = {
  forward(a: Tensor): Float64Array {
    const [m, n] = dims(a.shape);
    if (m === 1 || n === 1) return a.data.slice();
    return transposed(a.data, m, n);
  },
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    const [m, n] = dims(y.a!.shape);
    acc(y.a!, m === 1 || n === 1 ? g : transposed(g, n, m));
  },
};

/** the n×m transpose of an m×n row-major matrix */
function transposed(v: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = v[i * n + j]!;
  return out;
}

/** one entry of a tensor, at a flat offset */
const INDEX = {
  forward(ad: Float64Array, offset: number): Float64Array {
    return scalarData(ad[offset]!);
  },
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    acc(y.a!, g[0]!, y.offset);
  },
};

/** a literal's scalar entries packed into one tensor */
const PACK = {
  forward(args: TNode[]): Float64Array {
    const out = new Float64Array(args.length);
    for (let i = 0; i < args.length; i++) out[i] = args[i]!.data[0]!;
    return out;
  },
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    const args = y.args!;
    for (let i = 0; i < args.length; i++) acc(args[i]!, g[i]!, 0);
  },
};

/** the language's functions: Σ, mean, softmax, diag, and the elementwise ones of UNARY */
const FN = {
  forward(fn: Fn, a: Tensor): Float64Array {
    const x = a.data;
    const len = x.length;
    switch (fn) {
      case 'sum':
      case 'mean': {
        let s = 0;
        for (let i = 0; i < len; i++) s += x[i]!;
        return scalarData(fn === 'mean' ? s / len : s);
      }
      case 'softmax': {
        let m = -Infinity;
        for (let i = 0; i < len; i++) m = Math.max(m, x[i]!);
        const out = new Float64Array(len);
        let s = 0;
        for (let i = 0; i < len; i++) {
          out[i] = Math.exp(x[i]! - m);
          s += out[i]!;
        }
        for (let i = 0; i < len; i++) out[i]! /= s;
        return out;
      }
      case 'diag': {
        if (a.shape.length === 2) {
          const n = a.shape[0]!;
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = x[i * n + i]!;
          return out;
        }
        const out = new Float64Array(len * len);
        for (let i = 0; i < len; i++) out[i * len + i] = x[i]!;
        return out;
      }
      default: {
        const out = new Float64Array(len);
        const f = UNARY[fn as keyof typeof UNARY];
        for (let i = 0; i < len; i++) out[i] = f(x[i]!);
        return out;
      }
    }
  },
  backward(y: TNode, g: Float64Array, acc: Acc, _slot: Slot, accSlot: Slot): void {
    const a = y.a!;
    const x = a.data;
    const fn = y.fn!;
    if (fn !== 'sum' && fn !== 'mean' && fn !== 'softmax' && fn !== 'diag') {
      // elementwise (x and y of one length): each entry's product added in place, as acc would add it
      const ga = accSlot(a);
      if (ga) for (let i = 0; i < x.length; i++) ga[i]! += g[i]! * unaryGrad(fn, x[i]!, y.data[i]!);
      return;
    }
    const ga = new Float64Array(x.length);
    if (fn === 'sum') ga.fill(g[0]!);
    else if (fn === 'mean') ga.fill(g[0]! / x.length);
    else if (fn === 'softmax') {
      let dot = 0;
      for (let i = 0; i < x.length; i++) dot += g[i]! * y.data[i]!;
      for (let i = 0; i < x.length; i++) ga[i] = y.data[i]! * (g[i]! - dot);
    } else if (fn === 'diag') {
      if (a.shape.length === 2) {
        const n = a.shape[0]!;
        for (let i = 0; i < n; i++) ga[i * n + i] = g[i]!;
      } else {
        const n = x.length;
        for (let i = 0; i < n; i++) ga[i] = g[i * n + i]!;
      }
    } else for (let i = 0; i < x.length; i++) ga[i] = g[i]! * unaryGrad(fn, x[i]!, y.data[i]!);
    acc(a, ga);
  },
};

/**
 * The forwards alone, for the tapeless evaluator (values.ts): a check's sides need values, not a tape, and
 * computing them with the very same kernels keeps every number bit for bit what the tape gives.
 */
export const FORWARD = {
  add: ADD.forward,
  neg: NEG.forward,
  mul: MUL.forward,
  div: DIV.forward,
  pow: POW.forward,
  matmul: MATMUL.forward,
  contract: CONTRACT.forward,
  transpose: TRANSPOSE.forward,
  fn: FN.forward,
};

/** every operation's backward, by the op a node records */
const RULES: Record<Op, Rule> = {
  const: LEAF,
  leaf: LEAF,
  id: PASS,
  fill: PASS,
  add: ADD,
  sub: SUB,
  neg: NEG,
  mul: MUL,
  had: MUL,
  matmul: MATMUL,
  div: DIV,
  pow: POW,
  fn: FN,
  transpose: TRANSPOSE,
  index: INDEX,
  pack: PACK,
  contract: CONTRACT,
};

// ---- the tape ---------------------------------------------------------------------------------

export class Tape {
  nodes: TNode[] = [];
  budget = new Budget();

  push(op: Op, shape: Shape, data: Float64Array, a: TNode | null = null, b: TNode | null = null): TNode {
    this.budget.tick(PUSH_OPS + (data.length >> 4));
    const n: TNode = {
      id: this.nodes.length,
      op,
      shape,
      data,
      a,
      b,
      args: null,
      fn: null,
      offset: 0,
      barrier: false,
      start: this.nodes.length,
    };
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
    return this.push(sub ? 'sub' : 'add', big.shape, ADD.forward(a.data, b.data, sub), a, b);
  }

  neg(a: TNode): TNode {
    return this.push('neg', a.shape, NEG.forward(a.data), a);
  }

  /** elementwise product with scalar broadcasting ('mul' when one side is a scalar) */
  mul(a: TNode, b: TNode): TNode {
    const ad = a.data,
      bd = b.data;
    const shape = ad.length >= bd.length ? a.shape : b.shape;
    return this.push(ad.length === bd.length && ad.length > 1 ? 'had' : 'mul', shape, MUL.forward(ad, bd), a, b);
  }

  div(a: TNode, b: TNode): TNode {
    return this.push('div', a.data.length >= b.data.length ? a.shape : b.shape, DIV.forward(a.data, b.data), a, b);
  }

  pow(a: TNode, b: TNode): TNode {
    return this.push('pow', a.shape, POW.forward(a.data, b.data[0]!), a, b);
  }

  matmul(a: TNode, b: TNode, shape: Shape): TNode {
    return this.push('matmul', shape, MATMUL.forward(a, b), a, b);
  }

  /** a's last index with b's first (see CONTRACT), the result in `shape` */
  contract(a: TNode, b: TNode, shape: Shape): TNode {
    return this.push('contract', shape, CONTRACT.forward(a, b), a, b);
  }

  transpose(a: TNode, shape: Shape): TNode {
    return this.push('transpose', shape, TRANSPOSE.forward(a), a);
  }

  fill(a: TNode, shape: Shape): TNode {
    return this.push('fill', shape, new Float64Array(entries(shape)).fill(a.data[0]!), a);
  }

  index(a: TNode, offset: number): TNode {
    const n = this.push('index', [], INDEX.forward(a.data, offset), a);
    n.offset = offset;
    return n;
  }

  pack(args: TNode[], shape: Shape): TNode {
    const n = this.push('pack', shape, PACK.forward(args));
    n.args = args;
    return n;
  }

  fn(fn: Fn, a: TNode, shape: Shape): TNode {
    const n = this.push('fn', shape, FN.forward(fn, a), a);
    n.fn = fn;
    return n;
  }

  /**
   * Reverse sweep from `root` seeded with `seed`, over tape positions lo..root.id.
   * Inputs below lo are not propagated into; their received gradients go to `below` (if given).
   * With `below`, graph nodes (barriers) other than the root are not crossed, except where `cross` says so.
   * Every node that received a gradient is visited once, latest first: over the whole range (dense), or —
   * for a long range the gradient may reach only sparsely (∂q_3/∂w far down a big tape) — just the nodes
   * reached, through a heap, so the cost follows what is reached.
   * The result holds the gradients of the graph nodes and leaves (the barriers) and of the root; with `only`
   * (a tape position in lo..root), of that node alone — the others' accumulators are lent (Sweeper.lend).
   */
  sweep(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below?: Map<number, Float64Array>,
    dense = false,
    cross?: (n: TNode) => boolean,
    only = -1,
  ): (Float64Array | undefined)[] {
    return (this.sweeper ??= new Sweeper(this)).run(root, seed, lo, below ?? null, dense, cross ?? null, only, false);
  }

  /**
   * sweep() for a caller that keeps the result: the gradients of the barriers (graph nodes, leaves) and of the
   * root, packed into one array (KeptSweep) from accumulators that are all lent. Issue 11: a kept sweep held an
   * array per barrier reached and an array as long as its range, for as long as its run (the whole analysis),
   * and what an analysis holds when the young generation is collected is what that collection costs.
   * The numbers and the operations charged are sweep()'s.
   */
  sweepKept(root: TNode, seed: Float64Array, lo: number, dense = false): KeptSweep {
    const g = (this.sweeper ??= new Sweeper(this)).run(root, seed, lo, null, dense, null, -1, true);
    return KeptSweep.of(this.nodes, root.id, lo, g);
  }

  /**
   * sweep() for a caller that reads the result at once and keeps none of it (a derivative's row copied into
   * its Jacobian, an immediate sweep read through `below`): the array returned, and every accumulator in it
   * (the gradient at `only` included), are the sweeper's own, valid until the next sweep on any tape of the
   * analysis; `seed` is read, not copied. So are the arrays put in `below`, unless `keepBelow` (the caller
   * keeps them). The numbers and the operations charged are sweep()'s.
   * Issue 11: the result array and a fresh accumulator per read gradient were most of what these sweeps
   * allocated, and a sweep's arrays lived until the next scavenge copied them.
   */
  sweepTransient(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below?: Map<number, Float64Array>,
    cross?: (n: TNode) => boolean,
    only = -1,
    keepBelow = false,
  ): (Float64Array | undefined)[] {
    return (this.sweeper ??= new Sweeper(this)).run(root, seed, lo, below ?? null, false, cross ?? null, only, true, keepBelow);
  }

  private sweeper: Sweeper | null = null;
}

/**
 * One reverse sweep at a time on a tape, its state in fields and its callbacks (acc, slot) made once per tape:
 * a sweep made seven closures and their context each time, a tenth of what judging a check allocated. No
 * sweep starts inside another (the rules only add into accumulators); one that throws (the operation limit)
 * leaves state that the next one resets.
 */
class Sweeper {
  private g: (Float64Array | undefined)[] = [];
  private lo = 0;
  private below: Map<number, Float64Array> | null = null;
  private heap: MaxHeap | null = null;
  private queued: Uint8Array | null = null;
  // the accumulators are views into a few zeroed chunks, each twice the last: an array of its own per
  // node (a buffer, its record, its memory outside the heap) was most of what a long sweep allocated, and
  // the young generation's collections copied every one of them, as the tape keeps them all
  private chunk = EMPTY;
  private used = 0;
  private next = FIRST_CHUNK;
  // a transient sweep's accumulators below its range (`below`, read and copied by its caller before the next
  // sweep) are scratch too, as what it lends in range: a chunk made per sweep for a 3×3 W_hh was a quarter of
  // a one-step derivative's time (a buffer outside the heap, made and freed per sweep)
  private belowTransient = false;

  constructor(private tape: Tape) {}

  private fresh(len: number): Float64Array {
    // up to 64 bytes an array lives inside the heap, made faster than a view (measured: 32 against ~50 ns
    // for one entry; 64 entries: ~350 ns for an array with its own buffer against ~100 ns for a view)
    if (len <= OWN_ARRAY_MAX) return new Float64Array(len);
    if (this.used + len > this.chunk.length) {
      this.chunk = new Float64Array(Math.max(this.next, len));
      this.next = Math.min(this.next * 2, MAX_CHUNK);
      this.used = 0;
    }
    const v = new Float64Array(this.chunk.buffer, this.used * 8, len);
    this.used += len;
    return v;
  }

  /** a zeroed accumulator from scratch: the one this tape position had in an earlier sweep, if of its length */
  private cleared(x: TNode): Float64Array {
    const len = x.data.length;
    let s = this.scratch[x.id];
    if (s !== undefined && s.length === len) {
      if (len <= OWN_ARRAY_MAX) for (let k = 0; k < len; k++) s[k] = 0;
      else s.fill(0);
    } else this.scratch[x.id] = s = this.fresh(len);
    return s;
  }

  /** an intermediate's accumulator, lent from scratch (and handed back from a dense sweep's result) */
  private lend(x: TNode): Float64Array {
    const s = this.cleared(x);
    this.lent.push(x.id);
    return s;
  }

  /** sparse: the first gradient a node on the tape receives puts it in the queue (charged `ops`) */
  private reached(x: TNode, ops: number): void {
    const q = this.queued!;
    if (x.id >= this.lo && !q[x.id - this.lo]) {
      q[x.id - this.lo] = 1;
      this.heap!.push(x.id);
      if (ops) this.tape.budget.tick(ops);
    }
  }

  /**
   * Accumulators of the intermediate (non-graph) nodes, by tape position, lent again to every dense sweep on
   * the tapes of one analysis (scratchOf): no caller reads an intermediate's gradient (they read graph nodes
   * and leaves: the barriers), so a dense sweep hands them back cleared from its result. Issue 11: the checks
   * of one file sweep the same equations at every point, draw and row, on runs of one model whose tapes are
   * laid out alike, and a fresh array per intermediate per sweep was most of what judging a check allocated
   * (and, held by the kept sweeps, much of what the young generation copied).
   */
  private scratch: (Float64Array | undefined)[] = NO_SCRATCH;
  /** whether this sweep lends scratch (dense, not the root), and the positions it lent */
  private lending = false;
  private rootId = -1;
  /** the one position whose gradient the caller reads (-1: every barrier's) */
  private only = -1;
  private lent: number[] = [];

  /** a transient sweep (sweepTransient): every accumulator in range is lent, the result array is `pool` */
  private transient = false;
  /** the result array of transient sweeps: every entry undefined but those listed in poolSet */
  private pool: (Float64Array | undefined)[] = [];
  private poolSet: number[] = [];

  private slotHere(x: TNode): Float64Array | undefined {
    let slot: Float64Array | undefined;
    if (x.id >= this.lo) {
      slot = this.g[x.id - this.lo];
      if (!slot) {
        slot =
          this.lending && (this.transient || (x.id !== this.rootId && (this.only < 0 ? !x.barrier : x.id !== this.only)))
            ? this.lend(x)
            : this.fresh(x.data.length);
        this.g[x.id - this.lo] = slot;
      }
    } else if (this.below) {
      slot = this.below.get(x.id);
      if (!slot) {
        slot = this.belowTransient ? this.cleared(x) : this.fresh(x.data.length);
        this.below.set(x.id, slot);
      }
    }
    return slot;
  }

  // the rules that add into a slot in place (mul, matmul) are not charged for queueing; those through acc
  // (and accSlot, its in-place form) are
  private readonly slotOf: Slot = (x) => {
    const slot = this.slotHere(x);
    if (this.queued) this.reached(x, 0);
    return slot;
  };
  private readonly accSlot: Slot = (x) => {
    const slot = this.slotHere(x);
    if (this.queued) this.reached(x, 4);
    return slot;
  };
  private readonly acc: Acc = (x, v, i = -1) => {
    const slot = this.slotHere(x);
    if (this.queued) this.reached(x, 4);
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

  run(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below: Map<number, Float64Array> | null,
    dense: boolean,
    cross: ((n: TNode) => boolean) | null,
    only: number,
    transient: boolean,
    keepBelow = false,
  ): (Float64Array | undefined)[] {
    const range = root.id - lo + 1;
    const sparse = !dense && root.id - lo >= SPARSE_RANGE;
    // a sparse sweep makes its own accumulators (below), so it is never transient
    transient &&= !sparse;
    let g: (Float64Array | undefined)[];
    if (transient) {
      g = this.pool;
      const set = this.poolSet;
      for (let k = 0; k < set.length; k++) g[set[k]!] = undefined;
      set.length = 0;
      if (g.length < range) g = this.pool = new Array(range);
      // the root's gradient is only read (every other node of the range comes before it)
      g[root.id - lo] = seed;
    } else {
      g = new Array(range);
      g[root.id - lo] = seed.slice();
    }
    this.transient = transient;
    this.belowTransient = transient && !keepBelow;
    this.g = g;
    this.lo = lo;
    this.below = below;
    this.heap = sparse ? new MaxHeap() : null;
    this.queued = sparse ? new Uint8Array(range) : null;
    // a sparse sweep's cost follows what it reaches: it makes its own accumulators, and clears nothing
    this.lending = !sparse;
    if (this.lending) this.scratch = scratchOf(this.tape.budget);
    this.rootId = root.id;
    this.only = only;
    // a chunk of its own per sweep (the views handed out must not be written by a later sweep)
    this.chunk = EMPTY;
    this.used = 0;
    this.next = FIRST_CHUNK;
    const nodes = this.tape.nodes;
    const { acc, slotOf, accSlot } = this;
    const visit = (id: number): void => {
      const gy = g[id - lo];
      if (!gy) return;
      const y = nodes[id]!;
      // barriers other than the root are graph nodes: in an immediate sweep (below given) they are not crossed,
      // in a one-step sweep only those of the step (`cross`)
      if (y.barrier && below && id !== root.id && !cross?.(y)) return;
      RULES[y.op].backward(y, gy, acc, slotOf, accSlot);
    };
    try {
      if (!sparse) {
        this.tape.budget.tick(range);
        for (let id = root.id; id >= lo; id--) visit(id);
        // the lent accumulators go back: the result holds the barriers' (and the root's) own arrays only
        // the lent accumulators go back: the result holds the barriers' (and the root's) own arrays only
        // (a transient sweep's stay in the pool for its caller to read: the next one clears them)
        const lent = this.lent;
        if (!transient) for (let k = 0; k < lent.length; k++) g[lent[k]! - lo] = undefined;
        return g;
      }
      const heap = this.heap!;
      this.queued![root.id - lo] = 1;
      heap.push(root.id);
      for (let id = heap.pop(); id !== undefined; id = heap.pop()) visit(id);
      return g;
    } finally {
      // what a transient sweep set in the pool (its root and what it lent, also when it threw), cleared by the next
      if (this.transient) {
        const set = this.poolSet;
        set.push(root.id - lo);
        for (let k = 0; k < this.lent.length; k++) set.push(this.lent[k]! - lo);
        this.transient = false;
      }
      this.belowTransient = false;
      // nothing of this sweep is kept alive by the tape
      this.g = [];
      this.below = null;
      this.heap = null;
      this.queued = null;
      this.chunk = EMPTY;
      this.lent.length = 0;
      this.lending = false;
      this.scratch = NO_SCRATCH;
    }
  }
}
const EMPTY = new Float64Array(0);

/**
 * what sweepKept keeps of a sweep: the gradients of the barriers and of the root, by tape position. Plain arrays
 * (of small integers, of doubles), which live inside the heap: a typed array of more than 64 bytes has its own
 * buffer outside it, slower to make and to free, and one or two per kept sweep would be made. Past
 * KEPT_TYPED_MIN gradient entries (a loss sweep: every weight's and every step's) the entries are one
 * Float64Array: a plain array that long is made in the large-object space and filled a double at a time
 * (26,000 entries, the 64-unit RNN at T = 200: 170 against 17–73 µs; 1,024: 2.2–2.8 against 1.8 µs), and
 * the young generation's collections copied it entry by entry while the analysis ran
 */
export class KeptSweep {
  private constructor(
    readonly lo: number,
    /** per position lo..root: 1 + where its gradient begins in `flat`, 0 where none was reached */
    private at: number[],
    private flat: number[] | Float64Array,
  ) {}

  static of(nodes: readonly TNode[], root: number, lo: number, g: readonly (Float64Array | undefined)[]): KeptSweep {
    const range = root - lo + 1;
    let total = 0;
    for (let k = 0; k < range; k++) {
      const v = g[k];
      if (v !== undefined && (k === range - 1 || nodes[lo + k]!.barrier)) total += v.length;
    }
    const at: number[] = new Array<number>(range).fill(0);
    const typed = total >= KEPT_TYPED_MIN;
    const flat = typed ? new Float64Array(total) : new Array<number>(total).fill(0);
    let o = 0;
    for (let k = 0; k < range; k++) {
      const v = g[k];
      if (v !== undefined && (k === range - 1 || nodes[lo + k]!.barrier)) {
        at[k] = o + 1;
        if (typed) (flat as Float64Array).set(v, o);
        else for (let j = 0; j < v.length; j++) flat[o + j] = v[j]!;
        o += v.length;
      }
    }
    return new KeptSweep(lo, at, flat);
  }

  /** whether the sweep reached tape position id (a barrier or the root, at or above lo) */
  has(id: number): boolean {
    const k = id - this.lo;
    return k >= 0 && k < this.at.length && this.at[k] !== 0;
  }

  /** the gradient at tape position id, n entries, copied into out from `into` (false: none reached, out untouched) */
  copy(id: number, n: number, out: Float64Array, into: number): boolean {
    if (!this.has(id)) return false;
    const o = this.at[id - this.lo]! - 1;
    const flat = this.flat;
    // a typed store's gradients are copied whole: read early in an analysis (the loss sweep's, per quantity and
    // step), this code is not yet optimized, and a loop an entry at a time was 4% of analyze() at T = 20
    if (n >= 16 && flat instanceof Float64Array) out.set(flat.subarray(o, o + n), into);
    else for (let k = 0; k < n; k++) out[into + k] = flat[o + k]!;
    return true;
  }

  /** the gradient at tape position id, n entries, as an array of its own; undefined where none was reached */
  view(id: number, n: number): Float64Array | undefined {
    if (!this.has(id)) return undefined;
    const out = new Float64Array(n);
    this.copy(id, n, out, 0);
    return out;
  }

  /** tape positions the kept gradients cover */
  get range(): number {
    return this.at.length;
  }
}

/**
 * The lent accumulators of every tape that shares a budget (the runs of one analysis: the file's values, the
 * draws, the culprits' runs), by tape position: one sweep at a time on any of them, and an array is lent
 * again only to a node of its length. Held as long as the analysis holds its budget.
 */
const scratches = new Memo<Budget, (Float64Array | undefined)[]>();
function scratchOf(budget: Budget): (Float64Array | undefined)[] {
  let s = scratches.get(budget);
  if (!s) scratches.set(budget, (s = []));
  return s;
}
/** the fewest entries a kept sweep holds in a Float64Array (KeptSweep) rather than a plain array */
const KEPT_TYPED_MIN = 1024;
/** the most entries of an accumulator made as an array of its own (V8 keeps up to 64 bytes inside the heap) */
const OWN_ARRAY_MAX = 8;
/** entries of a sweep's first chunk of accumulators (sixteen 16-entry vectors), and the most of any later one (512 KB) */
const FIRST_CHUNK = 256;
const MAX_CHUNK = 1 << 16;

/** a sweep over a longer range visits only the nodes it reaches (through a heap); a shorter one, every node */
export const SPARSE_RANGE = 8192;

const NO_SCRATCH: (Float64Array | undefined)[] = [];

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
        const l = 2 * i + 1,
          r = l + 1;
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
export const UNARY: Record<
  'sigma' | 'tanh' | 'relu' | 'exp' | 'log' | 'sqrt' | 'abs' | 'logit' | 'artanh' | 'dsigma' | 'dtanh' | 'drelu',
  (x: number) => number
> = {
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
  dsigma: (x) => {
    const s = sigmoid(x);
    return s * (1 - s);
  },
  dtanh: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  drelu: (x) => (x > 0 ? 1 : 0),
};

/** d fn(x) / dx, given x and y = fn(x) */
function unaryGrad(fn: Fn, x: number, y: number): number {
  switch (fn) {
    case 'sigma':
      return y * (1 - y);
    case 'tanh':
      return 1 - y * y;
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'exp':
      return y;
    case 'log':
      return 1 / x;
    case 'sqrt':
      return 0.5 / y;
    case 'abs':
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    case 'logit':
      return 1 / (x * (1 - x));
    case 'artanh':
      return 1 / (1 - x * x);
    case 'dsigma': {
      const s = sigmoid(x);
      return s * (1 - s) * (1 - 2 * s);
    }
    case 'dtanh': {
      const t = Math.tanh(x);
      return -2 * t * (1 - t * t);
    }
    default:
      return 0;
  }
}
